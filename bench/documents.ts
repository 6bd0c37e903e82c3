/**
 * The action plan as Word and PDF for a 300-measure plan, and the Excel import of a 1,000-row sheet
 * (preview, then apply in one transaction). Run: npm run bench:documents -- [--runs 3] [--out folder]
 *
 * Baselines measured in the same run: the same documents for a 10-measure plan, and the same
 * import for a 10-row sheet. With --out, the generated .docx and .pdf are written there to look at.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { connectDatabase } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runMigrations } from "../src/db/migrate.ts";
import { actionPlanDocx } from "../src/documents/action-plan-docx.ts";
import { actionPlanPdf } from "../src/documents/action-plan-pdf.ts";
import { loadActionPlanDocument } from "../src/services/cycles/action-plan-document.ts";
import { applyMeasureImport, previewMeasureImport } from "../src/services/measures/import-measures.ts";
import { importSheet, scenario } from "./import-scenario.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, out: { type: "string" } },
});
const runs = Number.parseInt(values.runs ?? "3", 10);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

const logger = pino({ level: "silent" });
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "planverk-bench-documents-"));
const postgres = await startEmbeddedPostgres(dir, logger);
const handle = connectDatabase(postgres.url);
try {
  await runMigrations(handle.db);
  const { db } = handle;
  const results: { what: string; ms: number[]; note: string }[] = [];

  for (const size of [10, 300]) {
    const s = await scenario(db, size);
    const word: number[] = [];
    const pdf: number[] = [];
    let sizes = { docx: 0, pdf: 0 };
    for (let i = 0; i < runs + 1; i++) {
      const [w, docx] = await timed(async () =>
        actionPlanDocx(await loadActionPlanDocument({ ctx: s.ctx, input: s.input })),
      );
      const [p, file] = await timed(async () =>
        actionPlanPdf(await loadActionPlanDocument({ ctx: s.ctx, input: s.input })),
      );
      if (i > 0) {
        word.push(w);
        pdf.push(p);
      }
      sizes = { docx: docx.length, pdf: file.length };
      if (values.out && i === 0) {
        await fs.mkdir(values.out, { recursive: true });
        await fs.writeFile(path.join(values.out, `handlingsplan-${size}.docx`), docx);
        await fs.writeFile(path.join(values.out, `handlingsplan-${size}.pdf`), file);
      }
    }
    const label = size === 10 ? "baseline: " : "";
    results.push({
      what: `${label}Word, ${size} measures (load + build)`,
      ms: word,
      note: `${Math.round(sizes.docx / 1024)} KB`,
    });
    results.push({
      what: `${label}PDF, ${size} measures (load + build)`,
      ms: pdf,
      note: `${Math.round(sizes.pdf / 1024)} KB`,
    });
  }

  for (const rows of [10, 1000]) {
    const preview: number[] = [];
    const apply: number[] = [];
    let counts = "";
    // Applying changes the plan, so every run imports into a fresh one.
    for (let i = 0; i < runs + 1; i++) {
      const s = await importSheet(db, rows);
      const input = { municipalityNumber: s.input.municipalityNumber, planId: s.input.planId, file: s.file };
      const [p, result] = await timed(() => previewMeasureImport({ ctx: s.ctx, input }));
      if (result.problems.length > 0) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
      const [a] = await timed(() =>
        applyMeasureImport({ ctx: s.ctx, input: { ...input, token: result.token } }),
      );
      counts = `${result.counts.new} new, ${result.counts.changed} changed, ${result.counts.unchanged} unchanged`;
      if (i > 0) {
        preview.push(p);
        apply.push(a);
      }
    }
    const label = rows === 10 ? "baseline: " : "";
    results.push({ what: `${label}import preview, ${rows} rows`, ms: preview, note: counts });
    results.push({ what: `${label}import apply, ${rows} rows (one transaction)`, ms: apply, note: counts });
  }

  const f = (xs: number[]) =>
    `${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  console.log(
    `\nDocuments and import, ${runs} runs after 1 warm-up; ${os.cpus().length} cores, Node ${process.version}\n`,
  );
  console.log("| what | median | |");
  console.log("| --- | --- | --- |");
  for (const r of results) console.log(`| ${r.what} | ${f(r.ms)} | ${r.note} |`);
} finally {
  await handle.close();
  await postgres.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
