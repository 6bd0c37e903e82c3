import type { MeasureStatus } from "./measures.ts";
import { nokAmountProblem, sumNok } from "./money.ts";

/** 1. tertial, 2. tertial and the annual report (stored values). */
export const reportingPeriodKinds = ["t1", "t2", "annual"] as const;
export type ReportingPeriodKind = (typeof reportingPeriodKinds)[number];
export const reportingPeriodStates = ["planned", "open", "closed"] as const;
export type ReportingPeriodState = (typeof reportingPeriodStates)[number];
/** The owner's judgement of a measure in a report (stored values). */
export const trafficLights = ["on_track", "deviation", "serious_deviation"] as const;
export type TrafficLight = (typeof trafficLights)[number];
/**
 * Where a report stands (stored values). A draft is saved but not submitted: only its author and
 * the planners see it, and it does not count as reported.
 */
export const statusReportStates = ["draft", "submitted", "returned", "approved"] as const;
export type StatusReportState = (typeof statusReportStates)[number];
/** Money spent on a measure in a period, per funding source. */
export type ReportedSpending = { fundingSourceId: string; amountNok: number };

/**
 * Status reporting through the year (tertialrapportering): the periods of a cycle, what a report
 * must say, how a report moves between owner and planner, and the compiled report for the council.
 * Pure functions; the services do the I/O around them.
 */

/** The default periods of a budget year: per 30 April, per 31 August, per 31 December, each due two weeks or a month later. */
export function defaultReportingPeriods(budgetYear: number): {
  kind: ReportingPeriodKind;
  asOf: string;
  dueDate: string;
}[] {
  return [
    { kind: "t1", asOf: `${budgetYear}-04-30`, dueDate: `${budgetYear}-05-15` },
    { kind: "t2", asOf: `${budgetYear}-08-31`, dueDate: `${budgetYear}-09-15` },
    { kind: "annual", asOf: `${budgetYear}-12-31`, dueDate: `${budgetYear + 1}-01-31` },
  ];
}

export const periodOrder: Record<ReportingPeriodKind, number> = { t1: 1, t2: 2, annual: 3 };

/** Opening, closing and reopening: planned → open → closed, and a closed period may open again. */
export function periodTransitionAllowed(from: ReportingPeriodState, to: ReportingPeriodState): boolean {
  return (
    (from === "planned" && to === "open") ||
    (from === "open" && to === "closed") ||
    (from === "closed" && to === "open")
  );
}

export type ReportContent = {
  trafficLight: TrafficLight;
  explanation: string;
  measureStatus: MeasureStatus;
  progress: number | null;
  spending: { fundingSourceId: string; amountNok: number }[];
  milestonesReached: string[];
  achieved: string;
  nextSteps: string;
  risks: string;
};

type Problem = { path: string; message: string };

/** What a report must say: an explanation when it is not on plan, sane progress and whole kroner. */
export function reportProblems(report: ReportContent): Problem[] {
  const problems: Problem[] = [];
  if (report.trafficLight !== "on_track" && report.explanation.trim() === "") {
    problems.push({
      path: "/explanation",
      message: "Forklar avviket: hva er årsaken, og hva gjøres med det?",
    });
  }
  if (
    (report.measureStatus === "delayed" || report.measureStatus === "stopped") &&
    report.explanation.trim() === ""
  ) {
    if (!problems.some((p) => p.path === "/explanation"))
      problems.push({ path: "/explanation", message: "Skriv hvorfor tiltaket er forsinket eller stoppet." });
  }
  if (
    report.progress !== null &&
    (!Number.isInteger(report.progress) || report.progress < 0 || report.progress > 100)
  ) {
    problems.push({ path: "/progress", message: "Fremdrift er et helt tall fra 0 til 100." });
  }
  report.spending.forEach((row, i) => {
    const amountProblem = nokAmountProblem(row.amountNok);
    if (amountProblem) problems.push({ path: `/spending/${i}/amountNok`, message: amountProblem });
  });
  const sources = report.spending.map((r) => r.fundingSourceId);
  if (new Set(sources).size !== sources.length)
    problems.push({ path: "/spending", message: "Hver finansieringskilde kan stå bare én gang." });
  if (report.achieved.trim() === "")
    problems.push({ path: "/achieved", message: "Skriv kort hva som er gjort i perioden." });
  return problems;
}

export type ReviewAction = "save_draft" | "submit" | "approve" | "return";

/**
 * The way a report moves: the owner saves drafts until it is first submitted, then submits (again
 * while it waits, or after it was returned); the planner approves or returns a submitted one. An
 * approved report is final.
 */
export function reviewRefusal(state: StatusReportState | null, action: ReviewAction): string | null {
  if (action === "save_draft") {
    if (state === null || state === "draft") return null;
    return state === "approved"
      ? "Rapporten er godkjent og kan ikke endres."
      : "Rapporten er sendt inn; endre den og send den inn på nytt.";
  }
  if (action === "submit") {
    return state === "approved" ? "Rapporten er godkjent og kan ikke endres." : null;
  }
  if (state === null || state === "draft") return "Tiltaket har ikke levert rapport for perioden ennå.";
  if (state !== "submitted")
    return state === "approved"
      ? "Rapporten er allerede godkjent."
      : "Rapporten er sendt tilbake og venter på tiltakseieren.";
  return null;
}

/**
 * What a draft may be saved with: the checks of numbers and amounts, but not the texts a
 * submitted report must have (those can be written later).
 */
export function draftProblems(report: ReportContent): Problem[] {
  return reportProblems(report).filter((p) => p.path !== "/achieved" && p.path !== "/explanation");
}

/** Completeness of a period: who has reported, who has not, and what is waiting where (a draft is not reported). */
export type ReportProgress = "missing" | Exclude<StatusReportState, "draft">;
export function completeness(states: ReportProgress[]) {
  const count = (s: ReportProgress) => states.filter((x) => x === s).length;
  return {
    total: states.length,
    missing: count("missing"),
    submitted: count("submitted"),
    returned: count("returned"),
    approved: count("approved"),
  };
}

// ---------------------------------------------------------------------------------------------
// The compiled report

export type CompiledMeasureInput = {
  reference: string;
  title: string;
  focusAreaId: string;
  ownerName: string | null;
  report: {
    state: StatusReportState;
    trafficLight: TrafficLight;
    explanation: string;
    measureStatus: MeasureStatus;
    progress: number | null;
    achieved: string;
    nextSteps: string;
    risks: string;
    milestonesReached: number;
  } | null;
  /** Progress in the approved report of the previous period of the cycle, if any. */
  previousProgress: number | null;
  milestonesTotal: number;
  /** Planned (municipal + external) and spent so far in the period's year, per frame area name ("Eksternt" for external money). */
  money: { area: string; plannedNok: number; spentNok: number }[];
};

export type CompiledReportInput = {
  municipalityName: string;
  budgetYear: number;
  kind: ReportingPeriodKind;
  asOf: string;
  focusAreas: { id: string; title: string }[];
  measures: CompiledMeasureInput[];
  /** Only approved reports count in the compiled report, unless the planner asks for a preview. */
  includeUnapproved?: boolean;
};

export type Light = TrafficLight | "not_reported";
const lightOrder: Record<Light, number> = {
  serious_deviation: 0,
  deviation: 1,
  on_track: 2,
  not_reported: 3,
};

export type CompiledMeasure = {
  reference: string;
  title: string;
  ownerName: string | null;
  light: Light;
  explanation: string;
  measureStatus: MeasureStatus | null;
  progress: number | null;
  progressChange: number | null;
  achieved: string;
  nextSteps: string;
  risks: string;
  milestones: { reached: number; total: number };
  plannedNok: number;
  spentNok: number;
};

export type Distribution = Record<Light, number>;
export type BudgetLine = { area: string; plannedNok: number; spentNok: number; remainingNok: number };

export type CompiledReport = {
  title: string;
  municipalityName: string;
  budgetYear: number;
  kind: ReportingPeriodKind;
  asOf: string;
  distribution: Distribution;
  budget: { year: number; lines: BudgetLine[]; total: BudgetLine };
  focusAreas: {
    id: string;
    title: string;
    distribution: Distribution;
    budget: BudgetLine;
    /** Deviations first (serious, then deviation), then on plan, then not reported; by reference within each. */
    measures: CompiledMeasure[];
  }[];
  /**
   * Indicators of the plan (the knowledge base) go here when that exists; documents
   * render the section when it is not null.
   */
  indicators: null | { title: string; rows: { name: string; value: string; target: string }[] };
};

export const periodTitles: Record<ReportingPeriodKind, string> = {
  t1: "1. tertial",
  t2: "2. tertial",
  annual: "Årsrapport",
};

const emptyDistribution = (): Distribution => ({
  on_track: 0,
  deviation: 0,
  serious_deviation: 0,
  not_reported: 0,
});

function budgetLine(area: string, rows: { plannedNok: number; spentNok: number }[]): BudgetLine {
  const plannedNok = sumNok(rows.map((r) => r.plannedNok));
  const spentNok = sumNok(rows.map((r) => r.spentNok));
  return { area, plannedNok, spentNok, remainingNok: plannedNok - spentNok };
}

/** Builds the report for the council from the measures of the period and their reports. */
export function compileStatusReport(input: CompiledReportInput): CompiledReport {
  const counted = (m: CompiledMeasureInput) =>
    m.report && (input.includeUnapproved || m.report.state === "approved") ? m.report : null;
  const toCompiled = (m: CompiledMeasureInput): CompiledMeasure => {
    const r = counted(m);
    return {
      reference: m.reference,
      title: m.title,
      ownerName: m.ownerName,
      light: r ? r.trafficLight : "not_reported",
      explanation: r?.explanation ?? "",
      measureStatus: r?.measureStatus ?? null,
      progress: r?.progress ?? null,
      progressChange:
        r?.progress != null && m.previousProgress !== null ? r.progress - m.previousProgress : null,
      achieved: r?.achieved ?? "",
      nextSteps: r?.nextSteps ?? "",
      risks: r?.risks ?? "",
      milestones: { reached: r?.milestonesReached ?? 0, total: m.milestonesTotal },
      plannedNok: sumNok(m.money.map((x) => x.plannedNok)),
      spentNok: sumNok(m.money.map((x) => x.spentNok)),
    };
  };
  const byReference = (a: CompiledMeasure, b: CompiledMeasure) =>
    lightOrder[a.light] - lightOrder[b.light] ||
    a.reference.localeCompare(b.reference, "nb", { numeric: true });
  const distribution = emptyDistribution();
  const focusAreas = input.focusAreas
    .map((fa) => {
      const inArea = input.measures.filter((m) => m.focusAreaId === fa.id).map(toCompiled);
      const d = emptyDistribution();
      for (const m of inArea) {
        d[m.light] += 1;
        distribution[m.light] += 1;
      }
      return {
        id: fa.id,
        title: fa.title,
        distribution: d,
        budget: budgetLine(fa.title, inArea),
        measures: inArea.sort(byReference),
      };
    })
    .filter((fa) => fa.measures.length > 0);
  const areas = new Map<string, { plannedNok: number; spentNok: number }[]>();
  for (const m of input.measures) {
    for (const row of m.money) {
      const list = areas.get(row.area) ?? [];
      list.push(row);
      areas.set(row.area, list);
    }
  }
  const lines = [...areas.entries()]
    .map(([area, rows]) => budgetLine(area, rows))
    .sort((a, b) => a.area.localeCompare(b.area, "nb"));
  return {
    title: `${periodTitles[input.kind]} ${input.budgetYear}`,
    municipalityName: input.municipalityName,
    budgetYear: input.budgetYear,
    kind: input.kind,
    asOf: input.asOf,
    distribution,
    budget: { year: input.budgetYear, lines, total: budgetLine("Sum", lines) },
    focusAreas,
    indicators: null,
  };
}

export const lightLabels: Record<Light, string> = {
  on_track: "På plan",
  deviation: "Avvik",
  serious_deviation: "Alvorlig avvik",
  not_reported: "Ikke rapportert",
};

export const measureStatusLabels: Record<MeasureStatus, string> = {
  planned: "Planlagt",
  in_progress: "Pågår",
  delayed: "Forsinket",
  completed: "Fullført",
  stopped: "Stoppet",
};

/** 30.04.2026: dates the Norwegian way. */
export function formatNorwegianDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-");
  return `${d}.${m}.${y}`;
}
