import { and, eq } from "drizzle-orm";
import { indicatorTargets } from "../../db/schema/index.ts";
import { AppError, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { indicatorById } from "./internal.ts";

/**
 * Sets (or, with value null, removes) the target of an indicator for one year. `version` is the
 * target's version as read, 0 when there was none.
 */
export async function setIndicatorTarget({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    indicatorId: string;
    year: number;
    value: number | null;
    version: number;
  };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const indicator = await indicatorById(tx, tenant, input.indicatorId, { lock: true });
    authorize(ctx, tenant, "update", "indicator", { published: indicator.published }, "indicator");
    const [current] = await tx
      .select()
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.indicatorId, indicator.id), eq(indicatorTargets.year, input.year)));
    if ((current?.version ?? 0) !== input.version)
      throw new AppError("conflict", "indicator.targetChangedByOther", { year: input.year }, [
        staleDetail(current ?? null),
      ]);
    if (current && current.value === input.value)
      return { year: input.year, value: current.value, version: current.version };
    let saved: { value: number; version: number } | undefined;
    if (input.value === null) {
      if (!current) return { year: input.year, value: null, version: 0 };
      await tx.delete(indicatorTargets).where(eq(indicatorTargets.id, current.id));
    } else if (current) {
      [saved] = await tx
        .update(indicatorTargets)
        .set({ value: input.value, version: current.version + 1, updatedAt: new Date() })
        .where(eq(indicatorTargets.id, current.id))
        .returning();
    } else {
      [saved] = await tx
        .insert(indicatorTargets)
        .values({
          municipalityId: tenant.id,
          indicatorId: indicator.id,
          year: input.year,
          value: input.value,
        })
        .returning();
    }
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "indicator",
        objectId: indicator.id,
        objectLabel: `${indicator.name}: målverdi ${input.year}`,
        action: input.value === null ? "delete_target" : current ? "update_target" : "create_target",
        changes: { [`target ${input.year}`]: { before: current?.value ?? null, after: input.value } },
      },
      ctx.requestId,
    );
    return { year: input.year, value: saved?.value ?? null, version: saved?.version ?? 0 };
  });
}
