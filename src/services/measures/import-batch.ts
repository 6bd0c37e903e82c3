import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { fundingSources, measureCosts, measures, measureVersions } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { nextReference } from "../../domain/measure-filter.ts";
import type { ImportAction } from "../../domain/measures-import.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { authorize, type Tenant } from "../access.ts";
import { type AuditEntry, recordAuditMany } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { measureByReference } from "./internal.ts";
import {
  checkMeasureContents,
  contentFields,
  contentOf,
  contentRefusal,
  inChunks,
  type MeasureContent,
  writeMeasureRelationsOfMany,
} from "./measure-content.ts";
import { loadMeasureRows, type MeasureRow } from "./measure-rows.ts";
import { costRowsOf, financingChanges, financingProblems } from "./set-measure-financing.ts";
import { putBackInTransaction } from "./take-out.ts";

/** What an import writes with, inside its transaction, once the sheet has no problems. */
export type ImportWrite = {
  tx: DbOrTx;
  ctx: ServiceContext;
  tenant: Tenant;
  plan: { id: string; published: boolean };
  actionPlan: { id: string; budgetYear: number };
  /** The draft's measures as the preview saw them. */
  rows: MeasureRow[];
  sheet: string;
  actions: ImportAction[];
};
export type ImportResult = { created: string[]; changed: string[]; restored: string[]; unchanged: number };

/** A refusal of one row's content or financing, as the import reports it: nothing is saved. */
export function rowFailed(sheet: string, row: number, error: AppError): AppError {
  return new AppError(
    "validation",
    "import.rowFailed",
    { row, problem: { key: error.key, params: error.params } },
    [{ path: "/file", message: error.message, sheet, row, column: null, reason: error.message }],
  );
}

type Edit = Extract<ImportAction, { kind: "changed" | "restore" }>;
type New = Extract<ImportAction, { kind: "new" }>;

/**
 * Applies the import's rows as one batch: every row is checked first with the rules of the
 * one-measure services (`checkMeasureContents`, `financingProblems`: the same functions they use),
 * and the first row in the sheet with a problem refuses the whole import; then the new measures,
 * their versions, relations and costs, the changed contents and costs and the audit entries (one per
 * measure and change, as the forms write them) go in with a few set-based statements.
 */
export async function writeImportBatch(w: ImportWrite): Promise<ImportResult> {
  const { tx, ctx, tenant, plan, actionPlan, sheet, actions } = w;
  const news = actions.filter((a): a is New => a.kind === "new");
  const edits = actions.filter((a): a is Edit => a.kind === "changed" || a.kind === "restore");
  if (news.length > 0) authorize(ctx, tenant, "create", "measure", { published: plan.published }, "plan");
  if (edits.length > 0) authorize(ctx, tenant, "update", "measure", {}, "measure");

  // Taken-out measures are put back first (rare; the take-out service's own put-back and audit).
  const restored: string[] = [];
  for (const action of edits.filter((a) => a.kind === "restore")) {
    try {
      const measure = await measureByReference(tx, tenant, action.reference, { lock: true });
      await putBackInTransaction(tx, ctx, tenant, measure, actionPlan.budgetYear);
    } catch (error) {
      if (error instanceof AppError && error.code === "validation") throw rowFailed(sheet, action.row, error);
      throw error;
    }
    restored.push(action.reference);
  }
  const rows = restored.length > 0 ? await loadMeasureRows(tx, tenant.id, actionPlan.id) : w.rows;
  const byReference = new Map(rows.map((r) => [r.reference, r]));
  const edited = edits.map((action) => {
    const row = byReference.get(action.reference);
    if (!row) throw notFound("measure");
    return { action, row };
  });

  // The edited versions, locked; content edited since the preview is refused as the form does.
  const locked = edited.length
    ? await tx
        .select({
          id: measureVersions.id,
          version: measureVersions.version,
          needsReview: measureVersions.needsReview,
        })
        .from(measureVersions)
        .where(
          inArray(
            measureVersions.id,
            edited.map((e) => e.row.versionId),
          ),
        )
        .for("update")
    : [];
  const lockedById = new Map(locked.map((l) => [l.id, l]));
  for (const { action, row } of edited) {
    const version = lockedById.get(row.versionId);
    if (!version) throw notFound("measure");
    if (action.content && version.version !== action.contentVersion)
      throw new AppError("conflict", "measure.changedByOther", {}, [
        staleDetail({ ...contentOf(row), version: version.version }),
      ]);
  }

  // Every row checked before anything is written.
  const newContents: MeasureContent[] = news.map((a) => ({
    ...a.content,
    description: "",
    goalIds: [],
    objectiveIds: [],
    ownerUserId: null,
    tags: [],
    links: [],
  }));
  const contentEdits = edited.filter((e) => e.action.content);
  // As in `updateMeasure`: an owner already stored is kept even if that person's role has changed.
  const checked = await checkMeasureContents(
    tx,
    tenant,
    plan.id,
    [...newContents, ...contentEdits.map(({ action, row }) => ({ ...contentOf(row), ...action.content }))],
    [...newContents.map(() => null), ...contentEdits.map(({ row }) => contentOf(row).ownerUserId)],
  );
  const failures: { row: number; error: AppError }[] = [];
  checked.problems.forEach((problems, i) => {
    const row = i < news.length ? news[i]?.row : contentEdits[i - news.length]?.action.row;
    if (problems.length > 0) failures.push({ row: row ?? 0, error: contentRefusal(problems) });
  });
  const sources = await tx
    .select({ id: fundingSources.id, kind: fundingSources.kind })
    .from(fundingSources)
    .where(eq(fundingSources.municipalityId, tenant.id));
  const kindOf = new Map(sources.map((s) => [s.id, s.kind]));
  const years = financialPlanPeriod(actionPlan.budgetYear).years;
  for (const action of [...news, ...edits]) {
    const problems = action.costs ? financingProblems(action.costs, years, kindOf) : [];
    if (problems.length > 0) failures.push({ row: action.row, error: contentRefusal(problems) });
  }
  const first = failures.sort((a, b) => a.row - b.row)[0];
  if (first) throw rowFailed(sheet, first.row, first.error);

  const audits: AuditEntry[] = [];
  const audit = (measureId: string, label: string, action: string, changes: AuditEntry["changes"]) =>
    audits.push({
      municipalityId: tenant.id,
      objectType: "measure",
      objectId: measureId,
      objectLabel: label,
      action,
      changes,
    });
  const costRows: (ReturnType<typeof costRowsOf>[number] & {
    municipalityId: string;
    measureVersionId: string;
  })[] = [];

  // New measures: references picked once under the municipality's measure lock (as createMeasure).
  const created: string[] = [];
  if (news.length > 0) {
    const taken = (
      await tx
        .select({ reference: measures.reference })
        .from(measures)
        .where(eq(measures.municipalityId, tenant.id))
        .for("update")
    ).map((m) => m.reference);
    // The next free reference, then each one after it (nextReference of the last alone).
    let reference = nextReference(taken);
    for (const _ of news) {
      created.push(reference);
      reference = nextReference([reference]);
    }
    const measureIds = new Map<string, string>();
    for (const chunk of inChunks(created))
      for (const m of await tx
        .insert(measures)
        .values(chunk.map((reference) => ({ municipalityId: tenant.id, reference })))
        .returning({ id: measures.id, reference: measures.reference }))
        measureIds.set(m.reference, m.id);
    const items = news.map((action, i) => {
      const reference = created[i] as string;
      return {
        action,
        reference,
        measureId: measureIds.get(reference) as string,
        content: checked.contents[i] as MeasureContent,
      };
    });
    const versionIds = new Map<string, string>();
    for (const chunk of inChunks(items))
      for (const v of await tx
        .insert(measureVersions)
        .values(
          chunk.map(({ measureId, content: c }) => ({
            municipalityId: tenant.id,
            measureId,
            actionPlanVersionId: actionPlan.id,
            focusAreaId: c.focusAreaId,
            title: c.title,
            description: c.description,
            responsibleUnit: c.responsibleUnit,
            contactPerson: c.contactPerson,
            ownerUserId: c.ownerUserId,
            startYear: c.startYear,
            endYear: c.endYear,
            tags: c.tags,
            links: c.links,
          })),
        )
        .returning({ id: measureVersions.id, measureId: measureVersions.measureId }))
        versionIds.set(v.measureId, v.id);
    await writeMeasureRelationsOfMany(
      tx,
      tenant.id,
      items.map(({ measureId, content }) => ({ versionId: versionIds.get(measureId) as string, content })),
    );
    for (const { action, reference, measureId, content } of items) {
      audit(measureId, `${reference} ${content.title}`, "create", diffFields(null, content, contentFields));
      if (action.costs.length === 0) continue;
      const after = costRowsOf(action.costs, kindOf);
      const measureVersionId = versionIds.get(measureId) as string;
      costRows.push(...after.map((c) => ({ ...c, municipalityId: tenant.id, measureVersionId })));
      const changes = financingChanges([], after);
      if (Object.keys(changes).length > 0) audit(measureId, reference, "set_financing", changes);
    }
  }

  // Changed content: one UPDATE for all, as updateMeasure writes it (the version goes up, «må
  // vurderes» is done); unchanged content is left alone unless it was marked for review.
  const updates = contentEdits.flatMap(({ action, row }, i) => {
    const after = checked.contents[news.length + i] as MeasureContent;
    const changes = diffFields(contentOf(row), after, contentFields);
    const needsReview = lockedById.get(row.versionId)?.needsReview ?? false;
    if (Object.keys(changes).length === 0 && !needsReview) return [];
    audit(row.measureId, `${action.reference} ${after.title}`, "update", changes);
    return [{ versionId: row.versionId, content: after }];
  });
  if (updates.length > 0) {
    const values = updates.map(({ versionId, content: c }) => ({
      id: versionId,
      focus_area_id: c.focusAreaId,
      title: c.title,
      description: c.description,
      responsible_unit: c.responsibleUnit,
      contact_person: c.contactPerson,
      owner_user_id: c.ownerUserId,
      start_year: c.startYear,
      end_year: c.endYear,
      tags: c.tags,
      links: c.links,
    }));
    await tx.execute(sql`
      update measure_versions as mv set
        focus_area_id = v.focus_area_id, title = v.title, description = v.description,
        responsible_unit = v.responsible_unit, contact_person = v.contact_person,
        owner_user_id = v.owner_user_id, start_year = v.start_year, end_year = v.end_year,
        tags = v.tags, links = v.links, needs_review = false, review_note = '',
        version = mv.version + 1, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
        id uuid, focus_area_id uuid, title text, description text, responsible_unit text,
        contact_person text, owner_user_id uuid, start_year integer, end_year integer, tags text[],
        links jsonb)
      where mv.id = v.id`);
    await writeMeasureRelationsOfMany(tx, tenant.id, updates);
  }

  // Changed costs: the edited measures' cost rows replaced, audited where they differ.
  const replaced: string[] = [];
  for (const { action, row } of edited) {
    if (!action.costs) continue;
    const after = costRowsOf(action.costs, kindOf);
    const changes = financingChanges(row.costs, after);
    if (Object.keys(changes).length === 0) continue;
    replaced.push(row.versionId);
    costRows.push(
      ...after.map((c) => ({ ...c, municipalityId: tenant.id, measureVersionId: row.versionId })),
    );
    audit(row.measureId, action.reference, "set_financing", changes);
  }
  for (const chunk of inChunks(replaced))
    await tx.delete(measureCosts).where(inArray(measureCosts.measureVersionId, chunk));
  for (const chunk of inChunks(costRows)) await tx.insert(measureCosts).values(chunk);
  await recordAuditMany(tx, ctx.actor, audits, ctx.requestId);

  return {
    created,
    changed: edits.filter((a) => a.kind === "changed").map((a) => a.reference),
    restored,
    unchanged: actions.filter((a) => a.kind === "unchanged").length,
  };
}
