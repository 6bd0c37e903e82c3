/**
 * Benchmark: the compiled status report for 300 measures as Word and as PDF, end to end
 * from the database, against baselines measured in the same run.
 *
 *   npx tsx bench/status-report.ts [--sizes 10,300] [--runs 10] [--warmup 2]
 *
 * Starts its own PostgreSQL in a temporary folder, migrates, and fills one municipality per size
 * with an adopted action plan of N measures over five focus areas, two funding sources, milestones,
 * an open 1. tertial and an approved report per measure (about one in six with a deviation), with
 * spending (bulk inserts). Each figure calls the services as a signed-in planner, as the routes do:
 * loading and compiling the report (`getCompiledStatusReport`), then generating the file. Baselines:
 * serialising the compiled report to JSON (what the screen gets) and the same documents for 10
 * measures. Prints a markdown table; figures are in docs/PERFORMANCE.md.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { connectDatabase, type Database } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runMigrations } from "../src/db/migrate.ts";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  frameAreas,
  fundingSources,
  measureCosts,
  measureSpending,
  measures,
  measureVersions,
  milestones,
  municipalities,
  plans,
  reportingPeriods,
  statusReports,
  users,
} from "../src/db/schema/index.ts";
import { statusReportDocx } from "../src/documents/status-report-docx.ts";
import { statusReportPdf } from "../src/documents/status-report-pdf.ts";
import { statusReportXlsx } from "../src/documents/status-report-xlsx.ts";
import type { ServiceContext } from "../src/services/context.ts";
import { getCompiledStatusReport } from "../src/services/status-reports/compile-status-report.ts";

const one = <T>(rows: T[]): T => {
  const row = rows[0];
  if (!row) throw new Error("insert returned no row");
  return row;
};

/** One municipality with N measures that have all reported for 1. tertial 2026; returns its number and period. */
async function seed(db: Database, size: number, index: number) {
  const municipality = one(
    await db
      .insert(municipalities)
      .values({ number: String(8000 + index), name: `Benchkommune ${size}` })
      .returning(),
  );
  const municipalityId = municipality.id;
  const plan = one(
    await db
      .insert(plans)
      .values({ municipalityId, title: "Næringsplan", startYear: 2023, endYear: 2030 })
      .returning(),
  );
  const areas = await db
    .insert(focusAreas)
    .values(
      ["Havnebyen", "Kunnskapsbyen", "Grønn industri", "Reiseliv og opplevelser", "Attraktive sentrum"].map(
        (title, position) => ({ municipalityId, planId: plan.id, title, position }),
      ),
    )
    .returning();
  const cycle = one(
    await db
      .insert(cycles)
      .values({ municipalityId, planId: plan.id, budgetYear: 2026, phase: "gjennomforing" })
      .returning(),
  );
  const actionPlan = one(
    await db
      .insert(actionPlanVersions)
      .values({
        municipalityId,
        cycleId: cycle.id,
        status: "adopted",
        adoptedOn: "2025-12-16",
        frozenAt: new Date(),
      })
      .returning(),
  );
  const area = one(
    await db.insert(frameAreas).values({ municipalityId, name: "Næringsutvikling – drift" }).returning(),
  );
  const municipal = one(
    await db
      .insert(fundingSources)
      .values({ municipalityId, name: "Kommunal", kind: "municipal", frameAreaId: area.id })
      .returning(),
  );
  const external = one(
    await db
      .insert(fundingSources)
      .values({ municipalityId, name: "Innovasjon Norge", kind: "external" })
      .returning(),
  );
  const owner = one(
    await db
      .insert(users)
      .values({ email: `eier-${size}@bench.no`, name: "Eier", passwordHash: "x" })
      .returning(),
  );
  const ids = Array.from({ length: size }, (_, i) => i + 1);
  const measureRows = await db
    .insert(measures)
    .values(ids.map((n) => ({ municipalityId, reference: `T-${String(n).padStart(3, "0")}` })))
    .returning();
  const versions = await db
    .insert(measureVersions)
    .values(
      measureRows.map((m, i) => ({
        municipalityId,
        measureId: m.id,
        actionPlanVersionId: actionPlan.id,
        focusAreaId: (areas[i % areas.length] ?? areas[0])?.id ?? "",
        title: `Tiltak ${i + 1}: samarbeid om næringsutvikling i Drammensregionen`,
        ownerUserId: owner.id,
        startYear: 2026,
        endYear: 2029,
      })),
    )
    .returning();
  await db.insert(measureCosts).values(
    versions.flatMap((v, i) => [
      {
        municipalityId,
        measureVersionId: v.id,
        year: 2026,
        fundingSourceId: municipal.id,
        amountNok: 100_000 + i * 1_000,
      },
      {
        municipalityId,
        measureVersionId: v.id,
        year: 2026,
        fundingSourceId: external.id,
        amountNok: 50_000,
        externalStatus: "granted" as const,
      },
    ]),
  );
  const milestoneRows = await db
    .insert(milestones)
    .values(
      measureRows.flatMap((m) => [
        { municipalityId, measureId: m.id, dueDate: "2026-03-31", title: "Oppstart", done: true },
        { municipalityId, measureId: m.id, dueDate: "2026-10-31", title: "Evaluering" },
      ]),
    )
    .returning();
  const period = one(
    await db
      .insert(reportingPeriods)
      .values({
        municipalityId,
        cycleId: cycle.id,
        kind: "t1",
        asOf: "2026-04-30",
        dueDate: "2026-05-15",
        state: "open",
      })
      .returning(),
  );
  await db.insert(statusReports).values(
    measureRows.map((m, i) => {
      const n = i + 1;
      const light = n % 15 === 0 ? "serious_deviation" : n % 6 === 0 ? "deviation" : "on_track";
      return {
        municipalityId,
        periodId: period.id,
        measureId: m.id,
        state: "approved" as const,
        trafficLight: light as "on_track" | "deviation" | "serious_deviation",
        explanation:
          light === "on_track" ? "" : `Leveransen fra partner ${n} er forsinket; ny plan legges fram i juni.`,
        measureStatus: light === "on_track" ? ("in_progress" as const) : ("delayed" as const),
        progress: (n * 7) % 101,
        spending: [{ fundingSourceId: municipal.id, amountNok: 40_000 + n * 250 }],
        milestonesReached: milestoneRows.filter((x) => x.measureId === m.id && x.done).map((x) => x.id),
        achieved: `Arbeidsmøter med næringsliv og akademia (${n}), forprosjekt ferdig og søknad sendt.`,
        nextSteps: "Anbud, kontrakt og oppstart av pilot.",
        risks: n % 4 === 0 ? "Usikker ekstern finansiering." : "",
      };
    }),
  );
  await db.insert(measureSpending).values(
    measureRows.map((m, i) => ({
      municipalityId,
      measureId: m.id,
      year: 2026,
      fundingSourceId: municipal.id,
      amountNok: 40_000 + (i + 1) * 250,
    })),
  );
  const ctx: ServiceContext = {
    db,
    actor: {
      kind: "user",
      userId: owner.id,
      email: owner.email,
      name: "Planlegger",
      isSystemAdmin: false,
      roles: { [municipalityId]: "planner" },
    },
  };
  return { ctx, input: { municipalityNumber: municipality.number, periodId: period.id } };
}

async function time(runs: number, warmup: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)] ?? 0, max: ms.at(-1) ?? 0 };
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      sizes: { type: "string", default: "10,300" },
      runs: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
    },
  });
  const sizes = (args.sizes ?? "10,300").split(",").map((x) => Number.parseInt(x, 10));
  const runs = Number.parseInt(args.runs ?? "10", 10);
  const warmup = Number.parseInt(args.warmup ?? "2", 10);
  const loadAtStart = os.loadavg()[0]?.toFixed(1);
  const logger = pino({ level: "silent" });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "planverk-bench-"));
  const postgres = await startEmbeddedPostgres(dir, logger);
  const handle = connectDatabase(postgres.url);
  try {
    await runMigrations(handle.db);
    const rows: string[] = [];
    for (const [i, size] of sizes.entries()) {
      const { ctx, input } = await seed(handle.db, size, i);
      const load = () => getCompiledStatusReport({ ctx, input });
      const report = await load();
      const figures = {
        "load + compile (JSON model)": await time(runs, warmup, load),
        "JSON.stringify of the model": await time(runs, warmup, async () => JSON.stringify(report)),
        "Word (load + docx)": await time(runs, warmup, async () => statusReportDocx(await load())),
        "PDF (load + pdfmake)": await time(runs, warmup, async () => statusReportPdf(await load())),
        "Excel (load + exceljs)": await time(runs, warmup, async () => statusReportXlsx(await load())),
      };
      const sizesOut = {
        docx: (await statusReportDocx(report)).length,
        pdf: (await statusReportPdf(report)).length,
      };
      for (const [name, f] of Object.entries(figures)) {
        rows.push(`| ${size} | ${name} | ${f.median.toFixed(1)} | ${f.max.toFixed(1)} |`);
      }
      rows.push(
        `| ${size} | (file sizes) | docx ${Math.round(sizesOut.docx / 1024)} KiB | pdf ${Math.round(sizesOut.pdf / 1024)} KiB |`,
      );
    }
    console.log(
      [
        `Node ${process.version}, ${os.cpus().length} cores, load ${loadAtStart} at start, ${runs} runs after ${warmup} warm-up`,
        "",
        "| measures | what | median ms | max ms |",
        "| --- | --- | --- | --- |",
        ...rows,
      ].join("\n"),
    );
  } finally {
    await handle.close();
    await postgres.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
