import { eq } from "drizzle-orm";
import { measureVersions } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { lockDraftMeasure } from "./draft-measure.ts";
import {
  checkMeasureContent,
  contentFields,
  contentOf,
  type MeasureContent,
  writeMeasureRelations,
} from "./measure-content.ts";
import { loadMeasureRows } from "./measure-rows.ts";
import { type FinancingRow, replaceFinancing } from "./set-measure-financing.ts";

/**
 * Edits a measure's content in the draft action plan. `version` is the content version the person
 * edited; a stale one gets 409 with the current content.
 */
export async function updateMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    reference: string;
    version: number;
    content: MeasureContent;
    /** The draft's budget year (the page shows it); default the newest cycle. */
    year?: number;
    /** When given, its costs per year and funding source replace the draft's, in the same transaction. */
    costs?: FinancingRow[];
  };
}): Promise<{ reference: string; version: number }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const draft = await lockDraftMeasure(tx, ctx, tenant, input.reference, input.year);
    const { measure, planId, actionPlan, version: locked } = draft;
    const [row] = await loadMeasureRows(tx, tenant.id, actionPlan.id, measure.id);
    if (!row) throw notFound("measure");
    const before = contentOf(row);
    if (locked.version !== input.version) {
      throw new AppError("conflict", "measure.changedByOther", {}, [
        staleDetail({ ...before, version: locked.version }),
      ]);
    }
    const after = await checkMeasureContent(tx, tenant, planId, input.content, before.ownerUserId);
    if (input.costs) await replaceFinancing(tx, ctx, tenant, draft, input.costs, "/costs");
    const changes = diffFields(before, after, contentFields);
    if (Object.keys(changes).length === 0 && !locked.needsReview)
      return { reference: measure.reference, version: locked.version };
    await tx
      .update(measureVersions)
      .set({
        focusAreaId: after.focusAreaId,
        title: after.title,
        description: after.description,
        responsibleUnit: after.responsibleUnit,
        contactPerson: after.contactPerson,
        ownerUserId: after.ownerUserId,
        startYear: after.startYear,
        endYear: after.endYear,
        tags: after.tags,
        links: after.links,
        // Saving the measure means a planner has looked at it: «må vurderes» is done.
        needsReview: false,
        reviewNote: "",
        version: locked.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(measureVersions.id, locked.id));
    await writeMeasureRelations(tx, tenant.id, locked.id, after);
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: `${measure.reference} ${after.title}`,
        action: "update",
        changes,
      },
      ctx.requestId,
    );
    return { reference: measure.reference, version: locked.version + 1 };
  });
}
