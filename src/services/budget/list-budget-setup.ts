import { asc, eq } from "drizzle-orm";
import { frameAreas, fundingSources } from "../../db/schema/index.ts";
import { can } from "../../domain/permissions.ts";
import { notFound } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";

/** Frame areas and funding sources of the municipality (for forms). */
export async function listBudgetSetup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  if (!can(tenant.subject, "read_drafts", "action_plan")) throw notFound("municipality");
  const [areas, sources] = await Promise.all([
    ctx.db
      .select({ id: frameAreas.id, name: frameAreas.name })
      .from(frameAreas)
      .where(eq(frameAreas.municipalityId, tenant.id))
      .orderBy(asc(frameAreas.name)),
    ctx.db
      .select({
        id: fundingSources.id,
        name: fundingSources.name,
        kind: fundingSources.kind,
        frameAreaId: fundingSources.frameAreaId,
      })
      .from(fundingSources)
      .where(eq(fundingSources.municipalityId, tenant.id))
      .orderBy(asc(fundingSources.kind), asc(fundingSources.name)),
  ]);
  return { frameAreas: areas, fundingSources: sources };
}
