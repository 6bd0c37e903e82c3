import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  goals,
  objectives,
  plans,
  users,
} from "../../db/schema/index.ts";
import { toCsv } from "../../domain/audit.ts";
import { type Comparison, compareVersions, type MeasureSnapshot } from "../../domain/comparison.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { can } from "../../domain/permissions.ts";
import { summariseMeasure } from "../../domain/plan-tree.ts";
import { notFound } from "../../errors.ts";
import { resolveTenant, type Tenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { loadMeasureRows } from "../measures/measure-rows.ts";

export type VersionLabel = { id: string; budgetYear: number; revision: number; status: "draft" | "adopted" };

async function loadVersion(db: DbOrTx, tenant: Tenant, id: string): Promise<VersionLabel> {
  const [row] = await db
    .select({
      id: actionPlanVersions.id,
      budgetYear: cycles.budgetYear,
      revision: actionPlanVersions.revision,
      status: actionPlanVersions.status,
      published: plans.published,
    })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .innerJoin(plans, eq(plans.id, cycles.planId))
    .where(and(eq(actionPlanVersions.id, id), eq(actionPlanVersions.municipalityId, tenant.id)));
  // An adopted version is as public as its plan; drafts only for those who may read drafts.
  const visible =
    row &&
    (row.status === "adopted"
      ? can(tenant.subject, "read", "action_plan", { published: row.published })
      : can(tenant.subject, "read_drafts", "action_plan"));
  if (!row || !visible) throw notFound("actionPlan");
  const { published: _p, ...label } = row;
  return label;
}

/** Each measure of a version as plain, comparable values (names rather than ids). */
async function snapshots(db: DbOrTx, tenant: Tenant, versionId: string): Promise<MeasureSnapshot[]> {
  const rows = await loadMeasureRows(db, tenant.id, versionId);
  const ids = (pick: (r: (typeof rows)[number]) => string[]) => [...new Set(rows.flatMap(pick))];
  const [fa, g, o, u] = await Promise.all([
    rows.length
      ? db
          .select({ id: focusAreas.id, title: focusAreas.title })
          .from(focusAreas)
          .where(
            inArray(
              focusAreas.id,
              ids((r) => [r.focusAreaId]),
            ),
          )
      : [],
    ids((r) => r.goalIds).length
      ? db
          .select({ id: goals.id, title: goals.title })
          .from(goals)
          .where(
            inArray(
              goals.id,
              ids((r) => r.goalIds),
            ),
          )
      : [],
    ids((r) => r.objectiveIds).length
      ? db
          .select({ id: objectives.id, title: objectives.title })
          .from(objectives)
          .where(
            inArray(
              objectives.id,
              ids((r) => r.objectiveIds),
            ),
          )
      : [],
    ids((r) => (r.ownerUserId ? [r.ownerUserId] : [])).length
      ? db
          .select({ id: users.id, title: users.name })
          .from(users)
          .where(
            inArray(
              users.id,
              ids((r) => (r.ownerUserId ? [r.ownerUserId] : [])),
            ),
          )
      : [],
  ]);
  const name = new Map([...fa, ...g, ...o, ...u].map((x) => [x.id, x.title]));
  return rows.map((r) => ({
    reference: r.reference,
    title: r.title,
    fields: {
      title: r.title,
      description: r.description,
      focusArea: name.get(r.focusAreaId) ?? "",
      goals: r.goalIds.map((id) => name.get(id) ?? id).sort(),
      objectives: r.objectiveIds.map((id) => name.get(id) ?? id).sort(),
      responsibleUnit: r.responsibleUnit,
      contactPerson: r.contactPerson,
      owner: r.ownerUserId ? (name.get(r.ownerUserId) ?? "") : "",
      partners: r.partners.map((p) => `${p.name} (${p.role})`).sort(),
      period: `${r.startYear}–${r.endYear}`,
      tags: [...r.tags].sort(),
      links: r.links.map((l) => l.url).sort(),
    },
    costByYear: Object.fromEntries(
      summariseMeasure({ ...r }).costByYear.map((c) => [c.year, c.municipalNok]),
    ),
  }));
}

export type ComparisonView = Comparison & { before: VersionLabel; after: VersionLabel };

/** What changed between two action plan versions of the municipality (two years, or a draft and the adopted plan). */
export async function compareActionPlans({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; before: string; after: string };
}): Promise<ComparisonView> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const [before, after] = await Promise.all([
    loadVersion(ctx.db, tenant, input.before),
    loadVersion(ctx.db, tenant, input.after),
  ]);
  const [a, b] = await Promise.all([
    snapshots(ctx.db, tenant, before.id),
    snapshots(ctx.db, tenant, after.id),
  ]);
  const afterYears = new Set(financialPlanPeriod(after.budgetYear).years);
  const overlap = financialPlanPeriod(before.budgetYear).years.filter((y) => afterYears.has(y));
  return { before, after, ...compareVersions(a, b, overlap) };
}

const show = (v: unknown) =>
  Array.isArray(v) ? v.join(", ") : v === null || v === undefined ? "" : String(v);

/** The comparison as CSV: one line per change, added and removed measures included. */
export function comparisonCsv(c: ComparisonView): string {
  return toCsv(
    ["tiltak", "tittel", "endring", "felt", "før", "etter"],
    [
      ...c.added.map((m) => [m.reference, m.title, "nytt", "", "", ""]),
      ...c.removed.map((m) => [m.reference, m.title, "fjernet", "", "", ""]),
      ...c.changed.flatMap((m) =>
        m.changes.map((ch) => [m.reference, m.title, "endret", ch.field, show(ch.before), show(ch.after)]),
      ),
      ...c.totals.map((t) => ["", "Sum kommunal kostnad", "sum", `cost:${t.year}`, t.before, t.after]),
    ],
  );
}
