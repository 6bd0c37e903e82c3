import { and, asc, eq, inArray, max } from "drizzle-orm";
import { actionPlanVersions, cycles, municipalities, plans } from "../../db/schema/index.ts";
import type { CatalogueMunicipality } from "../../domain/dcat-catalogue.ts";
import type { ServiceContext } from "../context.ts";
import { listPublicPlans } from "./list-public-plans.ts";

/**
 * Everything the public may see, for the installation's open data catalogue and sitemap: every
 * active municipality with its published plans, their adopted action plans and when they last
 * changed. Municipalities with nothing published are left out.
 */
export async function listPublicCatalogue({
  ctx,
}: {
  ctx: ServiceContext;
  input?: Record<string, never>;
}): Promise<{ municipalities: CatalogueMunicipality[]; modified: string }> {
  const active = await ctx.db
    .select({ number: municipalities.number, organisationNumber: municipalities.organisationNumber })
    .from(municipalities)
    .where(eq(municipalities.active, true))
    .orderBy(asc(municipalities.number));
  const result: CatalogueMunicipality[] = [];
  let newest = new Date(0);
  for (const { number, organisationNumber } of active) {
    const { municipality, plans: published } = await listPublicPlans({
      ctx,
      input: { municipalityNumber: number },
    });
    if (published.length === 0) continue;
    const ids = published.map((p) => p.id);
    const [planTimes, versionTimes] = await Promise.all([
      ctx.db.select({ id: plans.id, updatedAt: plans.updatedAt }).from(plans).where(inArray(plans.id, ids)),
      ctx.db
        .select({ planId: cycles.planId, updatedAt: max(actionPlanVersions.updatedAt) })
        .from(actionPlanVersions)
        .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
        .where(and(inArray(cycles.planId, ids), eq(actionPlanVersions.status, "adopted")))
        .groupBy(cycles.planId),
    ]);
    result.push({
      ...municipality,
      organisationNumber,
      plans: published.map((p) => {
        const times = [
          planTimes.find((t) => t.id === p.id)?.updatedAt,
          versionTimes.find((t) => t.planId === p.id)?.updatedAt,
        ]
          .filter((d): d is Date => d instanceof Date)
          .map((d) => d.getTime());
        const modified = new Date(Math.max(0, ...times));
        if (modified > newest) newest = modified;
        return { ...p, modified: modified.toISOString() };
      }),
    });
  }
  return { municipalities: result, modified: newest.toISOString() };
}
