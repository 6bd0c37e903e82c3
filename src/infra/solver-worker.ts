/**
 * Worker thread entry for HiGHS (see solver-thread.ts). HiGHS is compiled to WebAssembly once per
 * worker and reused; if a solve throws, the instance is dropped so the next one starts clean.
 */
import loadHighs, { type Highs } from "highs";
import { runSolver, type SolveOptions, type SolverOutcome } from "../domain/prioritisation.ts";
import { serveThread } from "./thread.ts";

export type SolveRequest = { lp: string; options?: SolveOptions };

let highs: Promise<Highs> | undefined;

serveThread<SolveRequest, SolverOutcome>(async ({ lp, options }) => {
  try {
    highs ??= loadHighs();
    return runSolver(await highs, { lp }, options);
  } catch (error) {
    highs = undefined;
    throw error;
  }
});
