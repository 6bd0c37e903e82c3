import { Worker } from "node:worker_threads";
import type { PrioritisationModel, SolveOptions, SolverOutcome } from "../domain/prioritisation.ts";
import type { SolveRequest } from "./solver-worker.ts";

/**
 * HiGHS's branch-and-bound is synchronous WebAssembly that may run up to its time limit (1.5 s, twice
 * with a what-if). Run in the request's thread, it would stop every other request meanwhile, so it
 * runs in one long-lived worker thread, one solve after another. The worker loads its TypeScript
 * through tsx, as the server itself does.
 */
type Pending = { resolve: (outcome: SolverOutcome) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

function failAll(error: Error) {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const entry = new URL("./solver-worker.ts", import.meta.url).href;
  const started = new Worker(
    `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`,
    { eval: true },
  );
  started.on("message", (message: { id: number; outcome?: SolverOutcome; error?: string }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.outcome) waiting?.resolve(message.outcome);
    else waiting?.reject(new Error(message.error ?? "HiGHS failed"));
    // An idle worker must not keep the process alive.
    if (pending.size === 0) started.unref();
  });
  started.on("error", (error) => {
    if (worker === started) worker = undefined;
    failAll(error);
  });
  started.on("exit", (code) => {
    if (worker === started) worker = undefined;
    failAll(new Error(`the solver thread stopped (exit code ${code})`));
  });
  return started;
}

/** Solves the model's integer program in the solver thread. */
export function solveInWorker(
  model: Pick<PrioritisationModel, "lp">,
  options?: SolveOptions,
): Promise<SolverOutcome> {
  worker ??= startWorker();
  const current = worker;
  current.ref();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    current.postMessage({ id, lp: model.lp, options } satisfies SolveRequest);
  });
}
