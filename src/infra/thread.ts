import { parentPort, Worker } from "node:worker_threads";

/**
 * CPU-bound work (HiGHS's solve, pdfmake's layout) would stop every other request while it runs
 * in the request's thread. `threadClient` runs it in one long-lived worker thread per kind of work,
 * one job after another; the worker answers through `serveThread`. Compiled (dist/server, as `npm
 * start` runs), a worker is the entry's `.js` beside this file, run by Node.js itself; from the
 * sources (tests, `npm run dev`) it loads its TypeScript through tsx. An idle worker does not keep
 * the process alive.
 */
type Pending = { resolve: (reply: unknown) => void; reject: (error: Error) => void };
type Reply = { id: number; reply?: unknown; error?: string };

/** This module runs compiled (dist/server) rather than from its TypeScript source. */
const compiled = import.meta.url.endsWith(".js");

export function threadClient<Request, Result>(entry: URL): (request: Request) => Promise<Result> {
  let worker: Worker | undefined;
  const pending = new Map<number, Pending>();
  let nextId = 0;

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  const start = () => {
    const started = compiled
      ? new Worker(new URL(entry.href.replace(/\.ts$/, ".js")))
      : new Worker(
          `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`,
          { eval: true },
        );
    started.on("message", (message: Reply) => {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error === undefined) waiting?.resolve(message.reply);
      else waiting?.reject(new Error(message.error));
      if (pending.size === 0) started.unref();
    });
    started.on("error", (error) => {
      if (worker === started) worker = undefined;
      failAll(error);
    });
    started.on("exit", (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`the worker thread stopped (exit code ${code})`));
    });
    return started;
  };

  return (request) => {
    worker ??= start();
    const current = worker;
    current.ref();
    const id = nextId++;
    return new Promise<Result>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (reply: unknown) => void, reject });
      current.postMessage({ id, request });
    });
  };
}

/** The worker side: answers each job with `handle`'s result, or with the message of what it threw. */
export function serveThread<Request, Result>(handle: (request: Request) => Promise<Result> | Result) {
  parentPort?.on("message", async ({ id, request }: { id: number; request: Request }) => {
    try {
      parentPort?.postMessage({ id, reply: await handle(request) } satisfies Reply);
    } catch (error) {
      parentPort?.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies Reply);
    }
  });
}
