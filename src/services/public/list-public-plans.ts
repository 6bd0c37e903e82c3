import { desc, eq } from "drizzle-orm";
import { plans } from "../../db/schema/index.ts";
import { can } from "../../domain/permissions.ts";
import type { ServiceContext } from "../context.ts";
import {
  adoptedVersions,
  type PublicMunicipality,
  type PublicPlanSummary,
  publicTenant,
  versionRef,
} from "./internal.ts";

/** The municipality's published plans, each with its adopted action plan versions. */
export async function listPublicPlans({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}): Promise<{ municipality: PublicMunicipality; plans: PublicPlanSummary[] }> {
  const tenant = await publicTenant(ctx, input.municipalityNumber);
  const rows = (
    await ctx.db
      .select()
      .from(plans)
      .where(eq(plans.municipalityId, tenant.id))
      .orderBy(desc(plans.startYear), desc(plans.createdAt))
  ).filter((p) => can(tenant.subject, "read", "plan", { published: p.published }));
  const versions = await adoptedVersions(
    ctx.db,
    tenant,
    rows.map((p) => p.id),
  );
  return {
    municipality: { number: tenant.number, name: tenant.name },
    plans: rows.map((p) => ({
      id: p.id,
      title: p.title,
      startYear: p.startYear,
      endYear: p.endYear,
      vision: p.vision,
      basis: p.basis,
      versions: versions.filter((v) => v.planId === p.id).map(versionRef),
    })),
  };
}
