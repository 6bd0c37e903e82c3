import { and, eq, isNull, sql } from "drizzle-orm";
import { indicatorImports } from "../../db/schema/index.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { indicatorById } from "./internal.ts";

/**
 * Brings an earlier import of an indicator back as its current series. The history is never
 * rewritten: the restored values are saved as a new import (a copy of the earlier one's values), and
 * the import that was current stays in the history like any replaced one, so a restore can itself be
 * undone the same way.
 */
export async function restoreIndicatorImport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; indicatorId: string; importId: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const found = await indicatorById(ctx.db, tenant, input.indicatorId);
  authorize(ctx, tenant, "update", "indicator", { published: found.published }, "indicator");
  return ctx.db.transaction(async (tx) => {
    const indicator = await indicatorById(tx, tenant, input.indicatorId, { lock: true });
    const [earlier] = await tx
      .select()
      .from(indicatorImports)
      .where(
        and(
          eq(indicatorImports.id, input.importId),
          eq(indicatorImports.indicatorId, indicator.id),
          eq(indicatorImports.municipalityId, tenant.id),
        ),
      );
    if (!earlier) throw notFound("indicatorImport");
    if (earlier.replacedAt === null) throw new AppError("conflict", "indicator.importAlreadyCurrent");
    const now = new Date();
    const replaced = await tx
      .update(indicatorImports)
      .set({ replacedAt: now })
      .where(and(eq(indicatorImports.indicatorId, indicator.id), isNull(indicatorImports.replacedAt)))
      .returning({ id: indicatorImports.id });
    const { id: _id, importedAt: _at, replacedAt: _replaced, importedBy: _by, ...copy } = earlier;
    const [restored] = await tx
      .insert(indicatorImports)
      .values({
        ...copy,
        importedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        importedAt: now,
      })
      .returning();
    if (!restored) throw new Error("import not inserted");
    await tx.execute(sql`
      insert into indicator_values (municipality_id, import_id, region_code, region_label,
        region_municipality_id, region_number, period, category, category_label, content, content_label,
        value, status)
      select municipality_id, ${restored.id}::uuid, region_code, region_label, region_municipality_id,
        region_number, period, category, category_label, content, content_label, value, status
      from indicator_values where import_id = ${earlier.id}::uuid
      order by id`);
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "indicator",
        objectId: indicator.id,
        objectLabel: indicator.name,
        action: "restore_import",
        changes: {
          import: {
            before: replaced[0]?.id ?? null,
            after: `${restored.id}: ${earlier.valueCount} verdier gjenopprettet fra importen ${earlier.id}`,
          },
        },
      },
      ctx.requestId,
    );
    return { importId: restored.id, restoredFromImportId: earlier.id, valueCount: earlier.valueCount };
  });
}
