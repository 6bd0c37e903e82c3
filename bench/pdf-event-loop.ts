/**
 * Benchmark: the event loop's longest pause while the status report PDF of N measures is built,
 * laid out in the request's thread (as before) and in the PDF worker thread (as the routes do now),
 * in the same run.
 *
 *   npx tsx bench/pdf-event-loop.ts [--measures 300] [--runs 5]
 *
 * The report is the compiled sample (`sampleStatusReport`: five focus areas, about one in six
 * measures with a deviation, spending and milestones), the same shape as `bench/status-report.ts`
 * loads from the database. For each way, after one warm-up (the worker started, the fonts read),
 * `perf_hooks.monitorEventLoopDelay` (5 ms resolution) records the loop's delay during each build;
 * the table gives the longest pause over all runs, the 99th percentile of the delay and the median
 * time until the PDF is there. A first row measures the loop doing nothing for 2 s, the floor that a
 * busy machine adds. Figures are in docs/PERFORMANCE.md.
 */
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { statusReportPdfInWorker } from "../src/documents/pdf-thread.ts";
import { statusReportPdf } from "../src/documents/status-report-pdf.ts";
import { sampleStatusReport } from "../src/documents/status-report-sample.ts";

const turn = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(runs: number, build: () => Promise<Buffer>) {
  await build(); // warm-up
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  const times: number[] = [];
  let bytes = 0;
  histogram.enable();
  for (let i = 0; i < runs; i++) {
    // The monitor's timer must be armed before the build starts, and fire once after it ends.
    await turn(20);
    const start = performance.now();
    bytes = (await build()).length;
    times.push(performance.now() - start);
    await turn(20);
  }
  histogram.disable();
  times.sort((a, b) => a - b);
  return {
    longest: histogram.max / 1e6,
    p99: histogram.percentile(99) / 1e6,
    median: times[Math.floor(times.length / 2)] ?? 0,
    bytes,
  };
}

const { values } = parseArgs({
  options: { measures: { type: "string", default: "300" }, runs: { type: "string", default: "5" } },
});
const size = Number.parseInt(values.measures ?? "300", 10);
const runs = Number.parseInt(values.runs ?? "5", 10);
const loadAtStart = os.loadavg()[0]?.toFixed(1);
const report = sampleStatusReport(size);

const rows: string[] = [];
// The floor: the same loop waiting 2 s with nothing to do shows what the machine itself adds (on a
// shared, loaded machine the process is not always given a core at once).
const idle = async () => {
  await turn(2000);
  return Buffer.alloc(0);
};
// The floor with a busy thread beside it: a worker spinning for 2 s at the PDF worker's priority,
// which only competes for the cores (no data in or out).
const spin = () =>
  new Promise<Buffer>((resolve, reject) => {
    const worker = new Worker(
      "require('node:os').setPriority(10); const end = Date.now() + 2000; while (Date.now() < end);",
      { eval: true },
    );
    worker.on("exit", () => resolve(Buffer.alloc(0)));
    worker.on("error", reject);
  });
for (const [name, build] of [
  ["nothing, waiting 2 s (the machine's floor)", idle],
  ["a worker thread spinning 2 s, no PDF (floor with a busy thread)", spin],
  ["in the request's thread (before)", () => statusReportPdf(report)],
  ["in the PDF worker thread (after)", () => statusReportPdfInWorker(report)],
] as const) {
  const f = await measure(runs, build);
  rows.push(
    `| ${name} | ${f.longest.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.median.toFixed(0)} | ${Math.round(f.bytes / 1024)} KiB |`,
  );
}
console.log(
  [
    `Node ${process.version}, ${os.cpus().length} cores, load ${loadAtStart} at start; status report PDF of ${size} measures, ${runs} runs after a warm-up`,
    "",
    "| PDF laid out | longest event loop pause, ms | p99 delay, ms | median build, ms | size |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n"),
);
