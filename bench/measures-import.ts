/**
 * Benchmark: the Excel import of a 1,000-row sheet (500 measures of the plan's own export, every
 * 10th title and every 10th cost edited, plus 500 new rows), preview and apply, with the apply as
 * one batch (now) and row by row through the one-measure services (before), in the same run.
 *
 *   npx tsx bench/measures-import.ts [--rows 1000] [--runs 3] [--before-runs 1]
 *
 * Starts its own PostgreSQL in a temporary folder. Applying changes the plan, so every run imports
 * into a fresh one; each way gets one warm-up first. Figures are in docs/PERFORMANCE.md.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { connectDatabase } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runMigrations } from "../src/db/migrate.ts";
import {
  applyMeasureImport,
  applyMeasureImportRowByRow,
  previewMeasureImport,
} from "../src/services/measures/import-measures.ts";
import { importSheet } from "./import-scenario.ts";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000" },
    runs: { type: "string", default: "3" },
    "before-runs": { type: "string", default: "1" },
  },
});
const rows = Number.parseInt(values.rows ?? "1000", 10);
const runs = Number.parseInt(values.runs ?? "3", 10);
const beforeRuns = Number.parseInt(values["before-runs"] ?? "1", 10);
const loadAtStart = os.loadavg()[0]?.toFixed(1);

const logger = pino({ level: "silent" });
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "planverk-bench-import-"));
const postgres = await startEmbeddedPostgres(dir, logger);
const handle = connectDatabase(postgres.url);
const f = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return `${median.toFixed(0)} ms (${(sorted[0] ?? 0).toFixed(0)}–${(sorted.at(-1) ?? 0).toFixed(0)})`;
};
try {
  await runMigrations(handle.db);
  const table: string[] = [];
  for (const [name, apply, n] of [
    ["one batch (now)", applyMeasureImport, runs],
    ["row by row through the one-measure services (before)", applyMeasureImportRowByRow, beforeRuns],
  ] as const) {
    const preview: number[] = [];
    const applied: number[] = [];
    let counts = "";
    for (let i = 0; i < n + 1; i++) {
      const s = await importSheet(handle.db, rows);
      const input = { municipalityNumber: s.input.municipalityNumber, planId: s.input.planId, file: s.file };
      let start = performance.now();
      const result = await previewMeasureImport({ ctx: s.ctx, input });
      const p = performance.now() - start;
      if (result.problems.length > 0) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
      start = performance.now();
      const done = await apply({ ctx: s.ctx, input: { ...input, token: result.token } });
      const a = performance.now() - start;
      counts = `${done.created.length} created, ${done.changed.length} changed, ${done.unchanged} unchanged`;
      if (i > 0) {
        preview.push(p);
        applied.push(a);
      }
    }
    table.push(`| ${name} | ${f(preview)} | ${f(applied)} | ${counts} |`);
  }
  console.log(
    [
      `Excel import of ${rows} rows; Node ${process.version}, ${os.cpus().length} cores, load ${loadAtStart} at start; ${runs} runs (before: ${beforeRuns}) after 1 warm-up`,
      "",
      "| apply | preview, median (min–max) | apply, median (min–max) | result |",
      "| --- | --- | --- | --- |",
      ...table,
    ].join("\n"),
  );
} finally {
  await handle.close();
  await postgres.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
