/**
 * Prioritisation of measures under multi-year budget frames, as an integer program.
 *
 * The rules, in one place:
 * - **Value.** By default ({@link defaultValue}) the priority decides (a whole number, higher is
 *   more important; none counts as {@link DEFAULT_VALUE}, 1) and the measure's score in the latest
 *   closed evaluation round breaks ties between equal priorities (none counts as the middle, 3).
 *   The planner may instead choose the priority alone or the evaluation score alone
 *   ({@link valueFor}). With every priority empty and no scores, every measure is worth the same
 *   and the proposal keeps as many measures as the frames allow.
 * - **Which frames count.** Per year × frame area, the adopted frame; where none is adopted, the
 *   proposed one. A year × area without any frame is not limited (it is reported as `unframed`).
 *   Only municipal money drawn on a frame area counts; external money never does.
 * - **The model.** One binary variable per measure (kept = 1); maximise Σ value·x; for every
 *   year × area with a frame, Σ cost·x ≤ frame; a mandatory measure has x = 1.
 * - **Infeasible** exactly when the mandatory measures alone exceed a frame (all costs are ≥ 0, so
 *   dropping every other measure is always possible). That is computed directly, with the amounts,
 *   before any solver runs.
 * - **Why a measure falls out.** After the solve, measures that still fit in what the proposal
 *   leaves are put back (most valuable first), so every dropped measure fails to fit in at least one
 *   year × area: those are named, with what it needs and what is left there.
 */

import type { Highs } from "highs";
import { evaluationValue } from "./evaluation.ts";
import {
  infeasibleResult,
  type PrioritisationResult,
  readSolution,
  type SolverOutcome,
} from "./prioritisation-explanation.ts";
import {
  buildModel,
  mandatoryShortfalls,
  measureValue,
  type PrioritisationInput,
  type PrioritisationModel,
  validateInput,
} from "./prioritisation-model.ts";

// Callers import the whole prioritisation from here; its parts are the model (building the integer
// program) and the explanation (reading the answer back and saying why a measure fell out).
export {
  type Binding,
  type DroppedMeasure,
  describeDropped,
  describeShortfalls,
  type FrameUse,
  infeasibleResult,
  type PrioritisationResult,
  readSolution,
  type SolverOutcome,
} from "./prioritisation-explanation.ts";
export {
  applyOverrides,
  buildModel,
  changeByPercent,
  DEFAULT_VALUE,
  type EffectiveFrame,
  type FrameOverride,
  type FrameShortfall,
  framesThatCount,
  mandatoryShortfalls,
  measureValue,
  type PrioritisationCost,
  type PrioritisationFrame,
  type PrioritisationInput,
  type PrioritisationMeasure,
  type PrioritisationModel,
  type StoredFrame,
  validateInput,
} from "./prioritisation-model.ts";

/** What a measure is worth in the proposal: the default rule, the priority alone, or the score alone. */
export const valueSources = ["default", "priority", "evaluation"] as const;
export type ValueSource = (typeof valueSources)[number];

/**
 * The default value: the priority decides, and the latest closed evaluation round's score breaks
 * ties. `priority × 1000 + score × 100` (score 1–5 ⇒ 100–500, none ⇒ 300): a score can never
 * outweigh one step of priority, since the score part stays below 1000.
 */
export function defaultValue(priority: number | null | undefined, evaluationScore: number | null): number {
  return measureValue(priority) * 1000 + evaluationValue(evaluationScore);
}

/** A measure's value under the chosen source. */
export function valueFor(
  source: ValueSource,
  measure: { priority: number | null; evaluationScore: number | null },
): number {
  if (source === "priority") return measureValue(measure.priority);
  if (source === "evaluation") return evaluationValue(measure.evaluationScore);
  return defaultValue(measure.priority, measure.evaluationScore);
}

/**
 * How long HiGHS may search. Proving optimality of a 500-measure program can take HiGHS 10 s or
 * more on a loaded machine (multi-dimensional knapsacks are hard to prove), while a proposal within
 * a fraction of a percent is found in well under a second; after this limit the best proposal so far
 * is returned with status «feasible» and HiGHS's gap. Small programs are proved optimal long before.
 */
export const DEFAULT_TIME_LIMIT_SECONDS = 1.5;

export type SolveOptions = {
  /** Seconds HiGHS may search before it answers with the best proposal found (status «feasible»). */
  timeLimitSeconds?: number;
  /** HiGHS's relative gap at which a proposal counts as optimal (its default is 1e-4). */
  relativeGap?: number;
};

/**
 * Runs one integer program through a loaded HiGHS instance (synchronous; no I/O) and returns what
 * it found. Throws when HiGHS ends without a proposal (e.g. the time limit before any was found).
 */
export function runSolver(
  highs: Highs,
  model: Pick<PrioritisationModel, "lp">,
  options: SolveOptions = {},
): SolverOutcome {
  const solver = highs.createModel({ format: "lp", data: model.lp });
  try {
    solver.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
      mip_rel_gap: options.relativeGap ?? 1e-4,
    });
    const { modelStatus } = solver.run();
    const statuses = highs.constants.modelStatus;
    const hasSolution = Number(solver.info.get("primal_solution_status")) === 2;
    if (!hasSolution || (modelStatus !== statuses.optimal && modelStatus !== statuses.timeLimit)) {
      throw new Error(`HiGHS ended without a proposal (model status ${modelStatus})`);
    }
    const solution = solver.getSolution().colValue;
    const values: Record<string, number> = {};
    const { numCols } = solver.getDimensions();
    for (let i = 0; i < numCols; i++) values[solver.getColName(i)] = solution[i] ?? 0;
    const gap = Number(solver.info.get("mip_gap"));
    return {
      status: modelStatus === statuses.optimal ? "optimal" : "feasible",
      values,
      gap: Number.isFinite(gap) ? Math.max(0, gap) : null,
    };
  } finally {
    solver.dispose();
  }
}

/**
 * Everything before the solver: infeasibility (computed directly) and the empty program are answered
 * at once; otherwise the model to solve. Lets the service run the solver elsewhere (a worker thread).
 */
export function preparePrioritisation(
  input: PrioritisationInput,
): { result: PrioritisationResult } | { model: PrioritisationModel } {
  validateInput(input);
  const shortfalls = mandatoryShortfalls(input);
  if (shortfalls.length > 0) return { result: infeasibleResult(input, shortfalls) };
  const model = buildModel(input);
  if (input.measures.length === 0)
    return { result: readSolution(input, model, { status: "optimal", values: {}, gap: 0 }) };
  return { model };
}

/** The whole prioritisation in this thread: prepare, solve, read back. */
export function prioritise(
  highs: Highs,
  input: PrioritisationInput,
  options: SolveOptions = {},
): PrioritisationResult {
  const prepared = preparePrioritisation(input);
  if ("result" in prepared) return prepared.result;
  return readSolution(input, prepared.model, runSolver(highs, prepared.model, options));
}
