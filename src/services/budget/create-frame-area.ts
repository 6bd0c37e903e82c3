import { and, eq } from "drizzle-orm";
import { frameAreas, fundingSources } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

/** A new frame area, with the municipal funding source that draws on it. */
export async function createFrameArea({
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
      .from(frameAreas)
      .where(and(eq(frameAreas.municipalityId, tenant.id), eq(frameAreas.name, input.name.trim())));
    if (existing) throw new AppError("conflict", "frame.areaExists", { name: input.name });
    const [area] = await tx
      .insert(frameAreas)
      .values({ municipalityId: tenant.id, name: input.name.trim() })
      .returning();
    if (!area) throw new Error("frame area not inserted");
    await tx.insert(fundingSources).values({
      municipalityId: tenant.id,
      name: `${tenant.name} kommune – ${area.name}`,
      kind: "municipal",
      frameAreaId: area.id,
    });
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "frame_area",
        objectId: area.id,
        objectLabel: area.name,
        action: "create",
      },
      ctx.requestId,
    );
    return { id: area.id, name: area.name };
  });
}
