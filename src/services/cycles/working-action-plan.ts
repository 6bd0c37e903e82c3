import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { actionPlanVersions, cycles, measureVersions } from "../../db/schema/index.ts";
import { type CyclePhase, financialPlanPeriod } from "../../domain/cycle.ts";
import { type CycleRole, cycleRoles, defaultBudgetYear } from "../../domain/year-model.ts";
import { AppError } from "../../errors.ts";

/**
 * The action plan version that plan content is edited in: by default the newest version of the
 * newest cycle (the plan in preparation); with `year`, the newest version of that cycle. It must be
 * a draft: an adopted version is frozen; changes to it are a revision.
 */
export async function workingActionPlan(tx: DbOrTx, municipalityId: string, planId: string, year?: number) {
  const [row] = await tx
    .select({ actionPlan: actionPlanVersions, budgetYear: cycles.budgetYear })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(
      and(
        eq(cycles.municipalityId, municipalityId),
        eq(cycles.planId, planId),
        year === undefined ? undefined : eq(cycles.budgetYear, year),
      ),
    )
    .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision))
    .limit(1);
  if (!row) {
    if (year !== undefined) throw new AppError("not_found", "yearModel.noActionPlan", { year });
    throw new AppError("validation", "actionPlan.noneYet");
  }
  if (row.actionPlan.status !== "draft") {
    throw new AppError("conflict", "actionPlan.adoptedUseRevision", { year: row.budgetYear });
  }
  return { ...row.actionPlan, budgetYear: row.budgetYear };
}

export type ActionPlanVersion = typeof actionPlanVersions.$inferSelect;
export type PlanCycle = { cycle: typeof cycles.$inferSelect; versions: ActionPlanVersion[] };

/** Every cycle of a plan with its action plan versions (newest revision first), newest cycle first. */
export async function loadPlanCycles(
  db: DbOrTx,
  municipalityId: string,
  planId: string,
): Promise<PlanCycle[]> {
  const rows = await db
    .select({ cycle: cycles, actionPlan: actionPlanVersions })
    .from(cycles)
    .leftJoin(actionPlanVersions, eq(actionPlanVersions.cycleId, cycles.id))
    .where(and(eq(cycles.municipalityId, municipalityId), eq(cycles.planId, planId)))
    .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision));
  const byCycle = new Map<string, PlanCycle>();
  for (const row of rows) {
    const entry = byCycle.get(row.cycle.id) ?? { cycle: row.cycle, versions: [] };
    if (row.actionPlan) entry.versions.push(row.actionPlan);
    byCycle.set(row.cycle.id, entry);
  }
  return [...byCycle.values()];
}

/** Which action plan a view shows, and which others the asker may switch to (ADR 0009). */
export type YearChoice = {
  shown: {
    budgetYear: number;
    startYear: number;
    endYear: number;
    revision: number;
    status: "draft" | "adopted";
    adoptedOn: string | null;
    decisionBody: string | null;
    caseReference: string | null;
    phase: CyclePhase;
    role: CycleRole;
    chosenBy: "address" | "default";
  } | null;
  alive: {
    budgetYear: number;
    role: CycleRole;
    status: "draft" | "adopted";
    adoptedOn: string | null;
    phase: CyclePhase;
  }[];
};

export type ChosenActionPlan = ActionPlanVersion & { budgetYear: number; phase: CyclePhase; cycleId: string };

/**
 * Picks the action plan a view shows from the plan's cycles: the cycle named by `year`, else the
 * default for the kind of work (`defaultBudgetYear`); within the cycle the newest version the asker
 * may read (drafts only for `seesDrafts`). `onlyCycleIds` narrows the choice (a measure's page
 * offers only the cycles the measure is in); `fallBackToNewest` shows the newest readable cycle
 * when the default one is not among them. A year the asker may not read answers 404.
 */
export function chooseFromCycles(
  planCycles: PlanCycle[],
  options: {
    year?: number;
    purpose: "execution" | "planning";
    seesDrafts: boolean;
    today: string;
    onlyCycleIds?: Set<string>;
    fallBackToNewest?: boolean;
  },
): { actionPlan: ChosenActionPlan | null; yearChoice: YearChoice } {
  const withRoles = cycleRoles(
    planCycles.map((pc) => {
      const adopted = pc.versions.find((v) => v.status === "adopted") ?? null;
      return {
        pc,
        budgetYear: pc.cycle.budgetYear,
        phase: pc.cycle.phase,
        adopted: adopted !== null,
        adoptedOn: adopted?.adoptedOn ?? null,
      };
    }),
    options.today,
  );
  const readable = withRoles
    .filter((c) => !options.onlyCycleIds || options.onlyCycleIds.has(c.pc.cycle.id))
    .map((c) => ({
      ...c,
      version: c.pc.versions.find((v) => options.seesDrafts || v.status === "adopted") ?? null,
    }))
    .filter((c) => c.version !== null);
  const alive = readable.map((c) => ({
    budgetYear: c.budgetYear,
    role: c.role,
    status: c.version?.status ?? "draft",
    adoptedOn: c.adoptedOn,
    phase: c.phase,
  }));
  let chosenBy: "address" | "default" = "address";
  let chosen = options.year === undefined ? undefined : readable.find((c) => c.budgetYear === options.year);
  if (options.year !== undefined && !chosen) {
    throw new AppError("not_found", "yearModel.noActionPlan", { year: options.year });
  }
  if (!chosen) {
    chosenBy = "default";
    const year = defaultBudgetYear(readable, options.purpose);
    chosen =
      readable.find((c) => c.budgetYear === year) ?? (options.fallBackToNewest ? readable[0] : undefined);
  }
  if (!chosen?.version) return { actionPlan: null, yearChoice: { shown: null, alive } };
  const v = chosen.version;
  return {
    actionPlan: { ...v, budgetYear: chosen.budgetYear, phase: chosen.phase, cycleId: chosen.pc.cycle.id },
    yearChoice: {
      shown: {
        budgetYear: chosen.budgetYear,
        ...financialPlanPeriod(chosen.budgetYear),
        revision: v.revision,
        status: v.status,
        adoptedOn: v.status === "adopted" ? v.adoptedOn : chosen.adoptedOn,
        decisionBody: v.decisionBody,
        caseReference: v.caseReference,
        phase: chosen.phase,
        role: chosen.role,
        chosenBy,
      },
      alive,
    },
  };
}

/** `chooseFromCycles` over a plan's cycles loaded from the database. */
export async function chooseActionPlan(
  db: DbOrTx,
  municipalityId: string,
  planId: string,
  options: Parameters<typeof chooseFromCycles>[1],
) {
  return chooseFromCycles(await loadPlanCycles(db, municipalityId, planId), options);
}

/** The plan a measure belongs to (through any of its versions). */
export async function planIdOfMeasure(tx: DbOrTx, measureId: string): Promise<string | null> {
  const [row] = await tx
    .select({ planId: cycles.planId })
    .from(measureVersions)
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(eq(measureVersions.measureId, measureId))
    .limit(1);
  return row?.planId ?? null;
}
