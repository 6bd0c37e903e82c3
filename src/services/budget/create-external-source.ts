import { and, eq } from "drizzle-orm";
import { fundingSources } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

/** An external funding source (fylkeskommunen, Innovasjon Norge, state grants, partners …). */
export async function createExternalSource({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; name: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "action_plan", {}, "municipality");
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(fundingSources)
      .where(and(eq(fundingSources.municipalityId, tenant.id), eq(fundingSources.name, input.name.trim())));
    if (existing) throw new AppError("conflict", "frame.sourceExists", { name: input.name });
    const [source] = await tx
      .insert(fundingSources)
      .values({ municipalityId: tenant.id, name: input.name.trim(), kind: "external" })
      .returning();
    if (!source) throw new Error("funding source not inserted");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "funding_source",
        objectId: source.id,
        objectLabel: source.name,
        action: "create",
      },
      ctx.requestId,
    );
    return { id: source.id, name: source.name, kind: source.kind, frameAreaId: null };
  });
}
