/**
 * Worker thread entry for HiGHS (see solver-thread.ts). HiGHS is compiled to WebAssembly once per
 * worker and reused; if a solve throws, the instance is dropped so the next one starts clean.
 */
import { parentPort } from "node:worker_threads";
import loadHighs, { type Highs } from "highs";
import { runSolver, type SolveOptions } from "../domain/prioritisation.ts";

export type SolveRequest = { id: number; lp: string; options?: SolveOptions };

let highs: Promise<Highs> | undefined;

parentPort?.on("message", async ({ id, lp, options }: SolveRequest) => {
  try {
    highs ??= loadHighs();
    const outcome = runSolver(await highs, { lp }, options);
    parentPort?.postMessage({ id, outcome });
  } catch (error) {
    highs = undefined;
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
