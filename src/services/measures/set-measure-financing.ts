import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { fundingSources, measureCosts } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { nokAmountProblem } from "../../domain/money.ts";
import { resolveTenant, type Tenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { lockDraftMeasure } from "./draft-measure.ts";
import { contentRefusal, type Problem } from "./measure-content.ts";

export type FinancingRow = {
  year: number;
  fundingSourceId: string;
  amountNok: number;
  externalStatus: "applied" | "granted" | "expected" | null;
};

/**
 * Sets a measure's financing in the draft action plan: per year of the period, an amount per funding
 * source. Municipal sources draw on their frame area; external ones are marked applied, granted or
 * expected. The whole set is replaced in one transaction and the change audited.
 */
export async function setMeasureFinancing({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string; rows: FinancingRow[]; year?: number };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockDraftMeasure(tx, ctx, tenant, input.reference, input.year);
    return replaceFinancing(tx, ctx, tenant, locked, input.rows, "/rows");
  });
}

/**
 * Replaces the financing of one measure version with `given` (rows of 0 kr are dropped), audited when
 * it changed; inside the caller's transaction, after it locked the version (also used when a measure
 * is created or edited with its costs in one form). Refusals name `${path}/<row>/<field>`.
 */
export async function replaceFinancing(
  tx: DbOrTx,
  ctx: ServiceContext,
  tenant: Tenant,
  {
    measure,
    actionPlan,
    version,
  }: {
    measure: { id: string; reference: string };
    actionPlan: { budgetYear: number };
    version: { id: string };
  },
  given: FinancingRow[],
  path: string,
) {
  const period = financialPlanPeriod(actionPlan.budgetYear);
  const sourceIds = [...new Set(given.map((r) => r.fundingSourceId))];
  const sources = sourceIds.length
    ? await tx
        .select()
        .from(fundingSources)
        .where(and(eq(fundingSources.municipalityId, tenant.id), inArray(fundingSources.id, sourceIds)))
    : [];
  const kindOf = new Map(sources.map((s) => [s.id, s.kind]));
  const problems = financingProblems(given, period.years, kindOf, path);
  if (problems.length > 0) throw contentRefusal(problems);
  const rows = costRowsOf(given, kindOf).map((r) => ({
    ...r,
    municipalityId: tenant.id,
    measureVersionId: version.id,
  }));
  const before = await tx.select().from(measureCosts).where(eq(measureCosts.measureVersionId, version.id));
  const changes = financingChanges(before, rows);
  if (Object.keys(changes).length === 0) return { reference: measure.reference, rows: rows.length };
  await tx.delete(measureCosts).where(eq(measureCosts.measureVersionId, version.id));
  if (rows.length > 0) await tx.insert(measureCosts).values(rows);
  await recordAudit(
    tx,
    ctx.actor,
    {
      municipalityId: tenant.id,
      objectType: "measure",
      objectId: measure.id,
      objectLabel: measure.reference,
      action: "set_financing",
      changes,
    },
    ctx.requestId,
  );
  return { reference: measure.reference, rows: rows.length };
}

/** What is wrong with a measure's financing rows for a draft of these years (none: an empty list). */
export function financingProblems(
  rows: FinancingRow[],
  years: number[],
  kindOf: Map<string, "municipal" | "external">,
  path = "/rows",
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (!years.includes(r.year))
      problems.push({
        path: `${path}/${i}/year`,
        message: `Året ${r.year} er utenfor perioden ${years[0]}–${years.at(-1)}.`,
      });
    if (!kindOf.has(r.fundingSourceId))
      problems.push({ path: `${path}/${i}/fundingSourceId`, message: "Ukjent finansieringskilde." });
    const amountProblem = nokAmountProblem(r.amountNok);
    if (amountProblem) problems.push({ path: `${path}/${i}/amountNok`, message: amountProblem });
    const key = `${r.year}|${r.fundingSourceId}`;
    if (seen.has(key))
      problems.push({ path: `${path}/${i}`, message: `Samme kilde står to ganger for ${r.year}.` });
    seen.add(key);
  });
  return problems;
}

/** The cost rows stored for checked financing rows: amounts above zero, external ones with a status. */
export function costRowsOf(rows: FinancingRow[], kindOf: Map<string, "municipal" | "external">) {
  return rows
    .filter((r) => r.amountNok > 0)
    .map((r) => ({
      year: r.year,
      fundingSourceId: r.fundingSourceId,
      amountNok: r.amountNok,
      externalStatus: kindOf.get(r.fundingSourceId) === "external" ? (r.externalStatus ?? "expected") : null,
    }));
}

type StoredCost = { year: number; fundingSourceId: string; amountNok: number; externalStatus: string | null };

/** The audit entry's changes from one set of cost rows to another (empty: nothing changes). */
export function financingChanges(before: StoredCost[], after: StoredCost[]) {
  const asMap = (list: StoredCost[]) =>
    Object.fromEntries(
      list.map((c) => [
        `${c.year}|${c.fundingSourceId}`,
        `${c.amountNok}${c.externalStatus ? ` (${c.externalStatus})` : ""}`,
      ]),
    );
  return diffFields({ costs: asMap(before) }, { costs: asMap(after) }, ["costs"]);
}
