import type { PrioritisationModel, SolveOptions, SolverOutcome } from "../domain/prioritisation.ts";
import type { SolveRequest } from "./solver-worker.ts";
import { threadClient } from "./thread.ts";

/**
 * HiGHS's branch-and-bound is synchronous WebAssembly that may run up to its time limit (1.5 s, twice
 * with a what-if), so the service solves in a worker thread and other requests go on meanwhile.
 */
const solve = threadClient<SolveRequest, SolverOutcome>(new URL("./solver-worker.ts", import.meta.url));

/** Solves the model's integer program in the solver thread. */
export function solveInWorker(
  model: Pick<PrioritisationModel, "lp">,
  options?: SolveOptions,
): Promise<SolverOutcome> {
  return solve({ lp: model.lp, options });
}
