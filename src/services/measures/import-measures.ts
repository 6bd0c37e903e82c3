import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  actionPlanVersions,
  focusAreas,
  fundingSources,
  measures,
  partnerOrganisations,
  plans,
  removedMeasureVersions,
} from "../../db/schema/index.ts";
import { readImportSheet } from "../../documents/measures-import-xlsx.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import {
  diffMeasureSheet,
  type ImportAction,
  type ImportPlan,
  type ImportProblem,
  type ImportTarget,
  parseMeasureSheet,
} from "../../domain/measures-import.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { workingActionPlan } from "../cycles/working-action-plan.ts";
import { type ImportResult, type ImportWrite, writeImportBatch } from "./import-batch.ts";
import { writeImportRowByRow } from "./import-row-by-row.ts";
import { loadMeasureRows } from "./measure-rows.ts";

type Input = { municipalityNumber: string; planId: string; file: Buffer };

export type ImportPreview = {
  sheet: string;
  budgetYear: number;
  /** Names the state the preview was made from; applying with a stale token is refused. */
  token: string;
  counts: { new: number; changed: number; restored: number; unchanged: number; problems: number };
  actions: {
    kind: ImportAction["kind"];
    row: number;
    reference: string | null;
    title: string;
    fields: { column: string; before: string; after: string }[];
  }[];
  problems: ImportProblem[];
};

/** The plan (a planner's right to change it) and its draft action plan; an adopted one is refused. */
async function importTarget(tx: DbOrTx, ctx: ServiceContext, tenant: Tenant, planId: string, lock = false) {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.municipalityId, tenant.id)));
  if (!plan) throw notFound("plan");
  authorize(ctx, tenant, "update", "action_plan", { published: plan.published }, "plan");
  const actionPlan = await workingActionPlan(tx, tenant.id, plan.id);
  // Applying locks the draft first: two imports, or an import and an adoption, do not interleave.
  if (lock)
    await tx.select().from(actionPlanVersions).where(eq(actionPlanVersions.id, actionPlan.id)).for("update");
  const [rows, areas, organisations, sources] = [
    await loadMeasureRows(tx, tenant.id, actionPlan.id),
    await tx
      .select({ id: focusAreas.id, title: focusAreas.title })
      .from(focusAreas)
      .where(and(eq(focusAreas.planId, plan.id), eq(focusAreas.municipalityId, tenant.id))),
    await tx
      .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
      .from(partnerOrganisations)
      .where(eq(partnerOrganisations.municipalityId, tenant.id)),
    await tx
      .select({ id: fundingSources.id, name: fundingSources.name, kind: fundingSources.kind })
      .from(fundingSources)
      .where(eq(fundingSources.municipalityId, tenant.id)),
  ];
  // Taken out of the draft: a row with such a reference puts the measure back.
  const removedRows = await tx
    .select({ removed: removedMeasureVersions, reference: measures.reference })
    .from(removedMeasureVersions)
    .innerJoin(measures, eq(measures.id, removedMeasureVersions.measureId))
    .where(
      and(
        eq(removedMeasureVersions.actionPlanVersionId, actionPlan.id),
        eq(removedMeasureVersions.municipalityId, tenant.id),
        isNull(removedMeasureVersions.restoredAt),
      ),
    );
  const target: ImportTarget = {
    removed: removedRows.map(({ removed: { snapshot }, reference }) => {
      const v = snapshot.version as Record<string, unknown>;
      return {
        reference,
        // The version it gets when put back (see restoreRemoved).
        contentVersion: Number(v.version ?? 0) + 1,
        title: String(v.title ?? ""),
        focusAreaId: String(v.focusAreaId ?? ""),
        responsibleUnit: String(v.responsibleUnit ?? ""),
        contactPerson: String(v.contactPerson ?? ""),
        partners: snapshot.partners.map((p) => ({
          organisationId: p.organisationId,
          role: p.role as "lead" | "contributor" | "funder",
        })),
        startYear: Number(v.startYear),
        endYear: Number(v.endYear),
        costs: snapshot.costs,
      };
    }),
    years: financialPlanPeriod(actionPlan.budgetYear).years,
    focusAreas: areas,
    organisations,
    fundingSources: sources,
    measures: rows.map((r) => ({
      reference: r.reference,
      contentVersion: r.contentVersion,
      title: r.title,
      focusAreaId: r.focusAreaId,
      responsibleUnit: r.responsibleUnit,
      contactPerson: r.contactPerson,
      partners: r.partners.map((p) => ({ organisationId: p.id, role: p.role })),
      startYear: r.startYear,
      endYear: r.endYear,
      costs: r.costs.map(({ year, fundingSourceId, amountNok, externalStatus }) => ({
        year,
        fundingSourceId,
        amountNok,
        externalStatus,
      })),
    })),
  };
  return { plan, actionPlan, rows, target };
}

function planImport(sheet: string, cells: Parameters<typeof parseMeasureSheet>[1], target: ImportTarget) {
  const parsed = parseMeasureSheet(sheet, cells);
  const diff = diffMeasureSheet(sheet, parsed.rows, target);
  return { actions: diff.actions, problems: [...parsed.problems, ...diff.problems] } satisfies ImportPlan;
}

function tokenOf(file: Buffer, target: ImportTarget) {
  const state = [
    ...target.measures,
    ...(target.removed ?? []).map((m) => ({ ...m, reference: `-${m.reference}` })),
  ]
    .map((m) => [m.reference, m.contentVersion, m.costs.map((c) => [c.year, c.fundingSourceId, c.amountNok])])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return createHash("sha256").update(file).update(JSON.stringify(state)).digest("base64url").slice(0, 32);
}

function present(sheet: string, budgetYear: number, token: string, plan: ImportPlan): ImportPreview {
  const count = (kind: ImportAction["kind"]) => plan.actions.filter((a) => a.kind === kind).length;
  return {
    sheet,
    budgetYear,
    token,
    counts: {
      new: count("new"),
      changed: count("changed"),
      restored: count("restore"),
      unchanged: count("unchanged"),
      problems: plan.problems.length,
    },
    actions: plan.actions.map((a) => ({
      kind: a.kind,
      row: a.row,
      reference: a.kind === "new" ? null : a.reference,
      title: a.title,
      fields:
        a.kind === "unchanged"
          ? []
          : a.fields.map(({ column, before, after }) => ({ column, before, after })),
    })),
    problems: [...plan.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  };
}

/**
 * May the person import measures into this plan (a planner's right to change it)? Asked before the
 * upload is read, so nobody else's file is ever parsed; the import asks again in its transaction.
 */
export async function authorizeMeasureImport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string };
}): Promise<Tenant> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const [plan] = await ctx.db
    .select({ published: plans.published })
    .from(plans)
    .where(and(eq(plans.id, input.planId), eq(plans.municipalityId, tenant.id)));
  if (!plan) throw notFound("plan");
  authorize(ctx, tenant, "update", "action_plan", { published: plan.published }, "plan");
  return tenant;
}

/** What importing the sheet into the plan's draft would do, row by row, and every problem. Writes nothing. */
export async function previewMeasureImport({ ctx, input }: { ctx: ServiceContext; input: Input }) {
  const tenant = await authorizeMeasureImport({ ctx, input });
  const { sheet, rows: cells } = await readImportSheet(input.file);
  const { actionPlan, target } = await importTarget(ctx.db, ctx, tenant, input.planId);
  const plan = planImport(sheet, cells, target);
  return present(sheet, actionPlan.budgetYear, tokenOf(input.file, target), plan);
}

/**
 * Imports the sheet into the plan's draft action plan in one transaction: every row checked first
 * with the one-measure services' rules, then written as one batch (`writeImportBatch`), with an audit
 * entry per measure and change as the forms write them, plus one for the import. Any problem, or a
 * plan changed since the preview, means nothing is written.
 */
export function applyMeasureImport(args: { ctx: ServiceContext; input: Input & { token: string } }) {
  return applyWith(writeImportBatch, args);
}

/**
 * The same import written row by row through the one-measure services (createMeasure,
 * updateMeasure, setMeasureFinancing) as savepoints: what the import did before the batch. Kept for
 * the benchmark's before/after and for the test that both leave the same plan and audit trail.
 */
export function applyMeasureImportRowByRow(args: { ctx: ServiceContext; input: Input & { token: string } }) {
  return applyWith(writeImportRowByRow, args);
}

async function applyWith(
  write: (w: ImportWrite) => Promise<ImportResult>,
  { ctx, input }: { ctx: ServiceContext; input: Input & { token: string } },
): Promise<ImportResult> {
  const tenant = await authorizeMeasureImport({ ctx, input });
  const { sheet, rows: cells } = await readImportSheet(input.file);
  return ctx.db.transaction(async (tx) => {
    const {
      plan: planRow,
      actionPlan,
      rows,
      target,
    } = await importTarget(tx, ctx, tenant, input.planId, true);
    const plan = planImport(sheet, cells, target);
    if (plan.problems.length > 0) {
      throw new AppError(
        "validation",
        "import.sheetHasProblems",
        { count: plan.problems.length },
        present(sheet, actionPlan.budgetYear, tokenOf(input.file, target), plan).problems.map((p) => ({
          path: "/file",
          message: p.reason,
          ...p,
        })),
      );
    }
    if (tokenOf(input.file, target) !== input.token)
      throw new AppError("conflict", "import.changedSincePreview");
    const { created, changed, restored, unchanged } = await write({
      tx,
      ctx,
      tenant,
      plan: planRow,
      actionPlan,
      rows,
      sheet,
      actions: plan.actions,
    });
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "action_plan",
        objectId: actionPlan.id,
        objectLabel: `Handlingsplan ${actionPlan.budgetYear}`,
        action: "import",
        changes: {
          created: { before: null, after: created.join(", ") },
          changed: { before: null, after: changed.join(", ") },
          restored: { before: null, after: restored.join(", ") },
        },
      },
      ctx.requestId,
    );
    return { created, changed, restored, unchanged };
  });
}
