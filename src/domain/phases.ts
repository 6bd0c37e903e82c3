import { type CyclePhase, cyclePhases } from "./cycle.ts";

export type PhaseDates = Record<CyclePhase, { start: string; end: string }>;

/** The phases' names as people say them, for messages. */
export const phaseNames: Record<CyclePhase, string> = {
  innspill: "Innspill",
  utarbeidelse: "Utarbeidelse",
  rammesak: "Rammesak",
  tilpasning: "Tilpasning",
  vedtak: "Vedtak",
  gjennomforing: "Gjennomføring",
  evaluering: "Evaluering",
  avsluttet: "Avsluttet",
};

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/**
 * The usual municipal year for the cycle of budget year Y (dates are data: planners change them):
 * proposals Jan–Mar of Y−1, drafting Mar–May, the frame case in June, fitting Aug–Oct, adoption in
 * December, implementation through Y, evaluation Jan–Mar of Y+1.
 */
export function defaultPhaseDates(budgetYear: number): PhaseDates {
  const y = budgetYear - 1;
  return {
    innspill: { start: iso(y, 1, 1), end: iso(y, 3, 15) },
    utarbeidelse: { start: iso(y, 3, 16), end: iso(y, 5, 31) },
    rammesak: { start: iso(y, 6, 1), end: iso(y, 6, 30) },
    tilpasning: { start: iso(y, 8, 1), end: iso(y, 10, 31) },
    vedtak: { start: iso(y, 11, 1), end: iso(y, 12, 20) },
    gjennomforing: { start: iso(budgetYear, 1, 1), end: iso(budgetYear, 12, 31) },
    evaluering: { start: iso(budgetYear + 1, 1, 1), end: iso(budgetYear + 1, 3, 31) },
    avsluttet: { start: iso(budgetYear + 1, 4, 1), end: iso(budgetYear + 1, 4, 1) },
  };
}

/** What the transition rules look at. */
export type CycleFacts = {
  measureCount: number;
  measuresNeedingReview: number;
  actionPlanAdopted: boolean;
  /** An unadopted revision is being worked on. */
  openRevision: boolean;
  /** Years and frame areas where the plan has municipal money but no adopted frame (e.g. "2027 Drift"). */
  framesNotAdopted: string[];
};

/**
 * Whether a cycle may move from one phase to the next, and if not, what is missing. Only one step
 * forward at a time. «Vedtak» needs adopted budget frames for every year and area the plan spends in.
 */
export function transitionProblems(from: CyclePhase, to: CyclePhase, facts: CycleFacts): string[] {
  const fromIndex = cyclePhases.indexOf(from);
  const toIndex = cyclePhases.indexOf(to);
  if (toIndex !== fromIndex + 1) {
    const next = cyclePhases[fromIndex + 1] ?? from;
    return [
      `Syklusen kan bare gå videre ett steg om gangen (fra «${phaseNames[from]}» til «${phaseNames[next]}»).`,
    ];
  }
  const problems: string[] = [];
  if (to === "vedtak") {
    if (facts.measureCount === 0) problems.push("Handlingsplanen har ingen tiltak.");
    if (facts.measuresNeedingReview > 0) {
      problems.push(`${facts.measuresNeedingReview} tiltak er merket «må vurderes» og må gås gjennom først.`);
    }
    if (facts.framesNotAdopted.length > 0) {
      problems.push(`Budsjettrammen er ikke vedtatt for ${facts.framesNotAdopted.join(", ")}.`);
    }
  }
  if (to === "gjennomforing" && !facts.actionPlanAdopted) {
    problems.push("Handlingsplanen er ikke vedtatt. Registrer vedtaket først.");
  }
  if (to === "avsluttet" && facts.openRevision) problems.push("En revisjon er påbegynt men ikke vedtatt.");
  return problems;
}

/** Where today falls: the phase whose planned dates contain it, if any. */
export function phaseOnDate(dates: PhaseDates, day: string): CyclePhase | null {
  return cyclePhases.find((p) => dates[p].start <= day && day <= dates[p].end) ?? null;
}

/** Why a cycle may not step back a phase: the first phase, an adopted plan, or past «Vedtak». */
export type StepBackProblem = "first_phase" | "adopted" | "after_decision";

/**
 * Whether a cycle may step back one phase (a phase moved by mistake, or work to redo): only while
 * no version of its action plan is adopted, and from «Vedtak» at the latest. Returns the previous
 * phase when it may.
 */
export function stepBackProblems(
  from: CyclePhase,
  facts: Pick<CycleFacts, "actionPlanAdopted">,
): { to: CyclePhase | null; problems: StepBackProblem[] } {
  const index = cyclePhases.indexOf(from);
  const problems: StepBackProblem[] = [];
  if (index <= 0) problems.push("first_phase");
  if (index > cyclePhases.indexOf("vedtak")) problems.push("after_decision");
  if (facts.actionPlanAdopted) problems.push("adopted");
  return { to: index > 0 ? (cyclePhases[index - 1] ?? null) : null, problems };
}
