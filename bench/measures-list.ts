/**
 * Benchmark: server time of the measure list and the plan tree at 1,000 and 10,000 measures.
 *
 *   npx tsx bench/measures-list.ts [--sizes 1000,10000] [--runs 30] [--warmup 5]
 *
 * Starts its own PostgreSQL in a temporary folder, migrates, fills one municipality per size with
 * a published plan, an adopted action plan and N measures (bulk inserts, not the API), and times
 * requests in-process with `app.inject` as an anonymous visitor. Machines are noisy, so every size
 * is read against baselines measured in the same run: `GET /healthz` (the framework floor), a
 * `count(*)` over the joined rows (the database floor), `loadMeasureRows` (the endpoint's database
 * work) and `listMeasures` called directly (everything but HTTP and response serialisation).
 * Prints a markdown table; figures are in docs/PERFORMANCE.md.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { loadConfig } from "../src/config.ts";
import { connectDatabase, type Database } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runMigrations } from "../src/db/migrate.ts";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  frameAreas,
  fundingSources,
  goalFocusAreas,
  goals,
  measureCosts,
  measures,
  measureVersionGoals,
  measureVersionObjectives,
  measureVersionPartners,
  measureVersions,
  municipalities,
  objectives,
  partnerOrganisations,
  plans,
} from "../src/db/schema/index.ts";
import type { MeasureStatus, PartnerRole } from "../src/domain/measures.ts";
import { buildApp } from "../src/http/app.ts";
import { anonymous } from "../src/services/context.ts";
import { listMeasures } from "../src/services/measures/list-measures.ts";
import { loadMeasureRows } from "../src/services/measures/measure-rows.ts";

/** Repetitions per figure; set from the command line in main(). */
const settings = { runs: 30, warmup: 5 };

// ---------------------------------------------------------------------------------------------
// Data: a plan like a real one, with N measures whose text, tags, partners and costs vary.

const focusAreaTitles = [
  "Attraktive Drammen",
  "Grønn vekst i Drammen",
  "Helsenæring i Drammen",
  "Havnebyen Drammen",
  "Kompetansebyen Drammen",
];
const subjects = [
  "vertskapsprogram",
  "næringsareal",
  "klimaregnskap",
  "testarena",
  "landstrøm",
  "studentpraksis",
  "byggesaksveiledning",
  "godstransport",
  "reiselivsnettverk",
  "kompetanseløft",
  "innovasjonsanskaffelse",
  "gründerhus",
];
const qualifiers = [
  "for små bedrifter",
  "i sentrum",
  "på havna",
  "for helsenæringen",
  "med universitetet",
  "i næringsområdene",
  "for ungdom",
  "langs elva",
];
const tagPool = [
  "klima",
  "havn",
  "kompetanse",
  "helse",
  "reiseliv",
  "etablering",
  "digitalisering",
  "ungdom",
];
const units = [
  "Næring og samfunnsutvikling",
  "Klima og miljø",
  "Byutvikling",
  "Helse og omsorg",
  "Drammen havn",
];
const statuses: MeasureStatus[] = [
  "planned",
  "in_progress",
  "in_progress",
  "delayed",
  "completed",
  "stopped",
];
const roles: PartnerRole[] = ["lead", "contributor", "funder"];
const partnerCount = 40;

/** A rich-text description of two or three paragraphs (~500 characters), as the editor stores it. */
function description(i: number): string {
  const paragraphs = [
    `Tiltaket samler bedrifter, kommunen og kunnskapsmiljøene om ${subjects[i % subjects.length]} ${qualifiers[i % qualifiers.length]}.`,
    "Kommunen bidrar med prosjektledelse og møteplasser; partnerne bidrar med tid, kompetanse og egne midler. " +
      "Resultatene rapporteres i tertialrapportene og evalueres sammen med partnerne ved rulleringen.",
    i % 3 === 0
      ? "Tiltaket bygger på erfaringer fra tidligere år og videreføres dersom evalueringen er god."
      : "",
  ];
  return paragraphs
    .filter(Boolean)
    .map((p) => `<p>${p}</p>`)
    .join("");
}

/** Multi-row inserts, in chunks that stay under PostgreSQL's 65,535 bind parameters. */
async function insertChunked<T extends PgTable>(db: Database, table: T, rows: T["$inferInsert"][]) {
  const columns = rows[0] ? Object.keys(rows[0]).length : 1;
  const chunk = Math.max(1, Math.floor(60_000 / columns));
  for (let i = 0; i < rows.length; i += chunk) {
    await db.insert(table).values(rows.slice(i, i + chunk));
  }
}

type Seeded = { number: string; municipalityId: string; planId: string; actionPlanVersionId: string };

export async function seed(db: Database, n: number, number: string): Promise<Seeded> {
  const [municipality] = await db
    .insert(municipalities)
    .values({ number, name: `Benchkommune ${n}`, active: true })
    .onConflictDoUpdate({ target: municipalities.number, set: { active: true } })
    .returning();
  if (!municipality) throw new Error("no municipality");
  const municipalityId = municipality.id;
  const [plan] = await db
    .insert(plans)
    .values({
      municipalityId,
      title: `Næringsplan (${n} tiltak)`,
      startYear: 2023,
      endYear: 2027,
      published: true,
    })
    .returning();
  if (!plan) throw new Error("no plan");
  const goalRows = await db
    .insert(goals)
    .values(
      [1, 2, 3].map((position) => ({ municipalityId, planId: plan.id, title: `Mål ${position}`, position })),
    )
    .returning();
  const focusAreaRows = await db
    .insert(focusAreas)
    .values(focusAreaTitles.map((title, i) => ({ municipalityId, planId: plan.id, title, position: i + 1 })))
    .returning();
  await db.insert(goalFocusAreas).values(
    focusAreaRows.flatMap((fa, i) => [
      { municipalityId, goalId: goalRows[0]?.id ?? "", focusAreaId: fa.id },
      { municipalityId, goalId: goalRows[1 + (i % 2)]?.id ?? "", focusAreaId: fa.id },
    ]),
  );
  const objectiveRows = await db
    .insert(objectives)
    .values(
      focusAreaRows.flatMap((fa) =>
        [1, 2].map((position) => ({
          municipalityId,
          focusAreaId: fa.id,
          title: `Delmål ${position}`,
          position,
        })),
      ),
    )
    .returning();
  const [frame] = await db
    .insert(frameAreas)
    .values({ municipalityId, name: "Næringsutvikling – drift" })
    .returning();
  const sources = await db
    .insert(fundingSources)
    .values([
      { municipalityId, name: "Kommunal drift", kind: "municipal" as const, frameAreaId: frame?.id ?? null },
      { municipalityId, name: "Fylkeskommunen", kind: "external" as const },
    ])
    .returning();
  const [municipalSource, externalSource] = sources;
  if (!municipalSource || !externalSource) throw new Error("no funding sources");
  const organisationRows = await db
    .insert(partnerOrganisations)
    .values(
      Array.from({ length: partnerCount }, (_, i) => ({
        municipalityId,
        name: i % 10 === 0 ? `Næringsklyngen ${i + 1}` : `Partner ${i + 1} AS`,
        kind: (["business", "academia", "public", "voluntary"] as const)[i % 4] ?? "business",
      })),
    )
    .returning();
  const [cycle] = await db
    .insert(cycles)
    .values({ municipalityId, planId: plan.id, budgetYear: 2026, phase: "gjennomforing" })
    .returning();
  if (!cycle) throw new Error("no cycle");
  const [actionPlan] = await db
    .insert(actionPlanVersions)
    .values({
      municipalityId,
      cycleId: cycle.id,
      revision: 0,
      status: "adopted",
      adoptedOn: "2025-12-16",
      decisionBody: "Bystyret",
      frozenAt: new Date("2025-12-16T12:00:00Z"),
    })
    .returning();
  if (!actionPlan) throw new Error("no action plan");

  const measureRows: (typeof measures.$inferInsert)[] = [];
  const versionRows: (typeof measureVersions.$inferInsert)[] = [];
  const goalLinks: (typeof measureVersionGoals.$inferInsert)[] = [];
  const objectiveLinks: (typeof measureVersionObjectives.$inferInsert)[] = [];
  const partnerLinks: (typeof measureVersionPartners.$inferInsert)[] = [];
  const costRows: (typeof measureCosts.$inferInsert)[] = [];
  for (let i = 0; i < n; i++) {
    const measureId = randomUUID();
    const versionId = randomUUID();
    const status = statuses[i % statuses.length] ?? "planned";
    const focusArea = i % focusAreaRows.length;
    measureRows.push({
      id: measureId,
      municipalityId,
      reference: `T-${String(i + 1).padStart(3, "0")}`,
      status,
      statusReason: status === "delayed" || status === "stopped" ? "Venter på avklaring med partnerne." : "",
      progress: status === "planned" ? null : status === "completed" ? 100 : (i * 7) % 100,
    });
    versionRows.push({
      id: versionId,
      municipalityId,
      measureId,
      actionPlanVersionId: actionPlan.id,
      focusAreaId: focusAreaRows[focusArea]?.id ?? "",
      title: `${subjects[i % subjects.length]} ${qualifiers[(i >> 2) % qualifiers.length]} ${i + 1}`.replace(
        /^./,
        (c) => c.toUpperCase(),
      ),
      description: description(i),
      responsibleUnit: units[i % units.length] ?? "",
      contactPerson: `Kontakt ${i % 50}`,
      tags: [tagPool[i % tagPool.length] ?? "", tagPool[(i * 3 + 1) % tagPool.length] ?? ""],
      links: i % 4 === 0 ? [{ title: "Prosjektside", url: `https://example.org/tiltak/${i + 1}` }] : [],
      startYear: 2026,
      endYear: 2026 + (i % 4),
    });
    goalLinks.push({ municipalityId, measureVersionId: versionId, goalId: goalRows[0]?.id ?? "" });
    if (i % 2 === 0)
      goalLinks.push({
        municipalityId,
        measureVersionId: versionId,
        goalId: goalRows[1 + (i % 2)]?.id ?? "",
      });
    objectiveLinks.push({
      municipalityId,
      measureVersionId: versionId,
      objectiveId: objectiveRows[focusArea * 2 + (i % 2)]?.id ?? "",
    });
    for (let p = 0; p < 1 + (i % 3); p++) {
      partnerLinks.push({
        municipalityId,
        measureVersionId: versionId,
        organisationId: organisationRows[(i + p * 7) % partnerCount]?.id ?? "",
        role: roles[p] ?? "contributor",
      });
    }
    for (let year = 2026; year <= 2026 + (i % 4); year++) {
      costRows.push({
        municipalityId,
        measureVersionId: versionId,
        year,
        fundingSourceId: municipalSource.id,
        amountNok: 100_000 + (i % 20) * 25_000,
      });
      if (i % 3 === 0)
        costRows.push({
          municipalityId,
          measureVersionId: versionId,
          year,
          fundingSourceId: externalSource.id,
          amountNok: 50_000,
        });
    }
  }
  await insertChunked(db, measures, measureRows);
  await insertChunked(db, measureVersions, versionRows);
  await insertChunked(db, measureVersionGoals, goalLinks);
  await insertChunked(db, measureVersionObjectives, objectiveLinks);
  await insertChunked(db, measureVersionPartners, partnerLinks);
  await insertChunked(db, measureCosts, costRows);
  await db.execute(sql`analyze`);
  return { number, municipalityId, planId: plan.id, actionPlanVersionId: actionPlan.id };
}

// ---------------------------------------------------------------------------------------------
// Timing

type Figure = { median: number; p95: number; min: number; bytes?: number; items?: number };

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function time(fn: () => Promise<{ bytes?: number; items?: number } | undefined>): Promise<Figure> {
  for (let i = 0; i < settings.warmup; i++) await fn();
  const samples: number[] = [];
  let last: { bytes?: number; items?: number } | undefined;
  for (let i = 0; i < settings.runs; i++) {
    const start = performance.now();
    last = await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95), min: samples[0] ?? 0, ...last };
}

async function timeGet(app: FastifyInstance, url: string): Promise<Figure> {
  return time(async () => {
    const response = await app.inject({ url });
    if (response.statusCode !== 200)
      throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    const body = response.body;
    const json = JSON.parse(body) as { items?: unknown[]; focusAreas?: { measures: unknown[] }[] };
    const items = json.items?.length ?? json.focusAreas?.reduce((n, f) => n + f.measures.length, 0);
    return { bytes: Buffer.byteLength(body), items };
  });
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const kb = (bytes?: number) => (bytes === undefined ? "" : `${Math.round(bytes / 1024)} kB`);

// ---------------------------------------------------------------------------------------------

async function main() {
  const { values: args } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000" },
      runs: { type: "string", default: "30" },
      warmup: { type: "string", default: "5" },
    },
  });
  const sizes = (args.sizes ?? "").split(",").map((x) => Number.parseInt(x, 10));
  settings.runs = Number.parseInt(args.runs ?? "30", 10);
  settings.warmup = Number.parseInt(args.warmup ?? "5", 10);
  const { runs, warmup } = settings;
  const loadAtStart = os.loadavg()[0]?.toFixed(1);
  const logger = pino({ level: "silent" });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "planverk-bench-"));
  const postgres = await startEmbeddedPostgres(dir, logger);
  const handle = connectDatabase(postgres.url);
  let app: FastifyInstance | undefined;
  try {
    await runMigrations(handle.db);
    app = await buildApp({ config: loadConfig({ NODE_ENV: "test" }), db: handle.db, logger });
    await app.ready();
    const { db } = handle;

    const rows: string[][] = [];
    const add = (size: string, what: string, f: Figure) =>
      rows.push([
        size,
        what,
        ms(f.median),
        ms(f.p95),
        f.items === undefined ? "" : String(f.items),
        kb(f.bytes),
      ]);

    // The framework floor: a route that does nothing.
    const health = await timeGet(app, "/healthz");
    add("–", "`GET /healthz` (framework floor)", health);

    const medians = new Map<string, number>();
    for (const [i, n] of sizes.entries()) {
      const seedStart = performance.now();
      const s = await seed(db, n, String(9901 + i));
      process.stderr.write(`seeded ${n} measures in ${Math.round(performance.now() - seedStart)} ms\n`);
      const base = `/api/municipalities/${s.number}`;
      const list = `${base}/plans/${s.planId}/measures`;
      const size = n.toLocaleString("en");

      const count = await time(async () => {
        await db.execute(sql`
          select count(*) from ${measureVersions} mv
          join ${measures} m on m.id = mv.measure_id
          left join ${measureCosts} c on c.measure_version_id = mv.id
          left join ${measureVersionPartners} p on p.measure_version_id = mv.id
          where mv.municipality_id = ${s.municipalityId} and mv.action_plan_version_id = ${s.actionPlanVersionId}`);
        return undefined;
      });
      add(size, "SQL `count(*)` over versions ⋈ measures ⋈ costs ⋈ partners (database floor)", count);
      const load = await time(async () => ({
        items: (await loadMeasureRows(db, s.municipalityId, s.actionPlanVersionId)).length,
      }));
      add(size, "`loadMeasureRows` (the list's 5 queries, mapped)", load);
      const service = await time(async () => ({
        items: (
          await listMeasures({
            ctx: { db, actor: anonymous },
            input: { municipalityNumber: s.number, planId: s.planId },
          })
        ).items.length,
      }));
      add(size, "`listMeasures` service, unfiltered (no HTTP)", service);

      const unfiltered = await timeGet(app, list);
      add(size, "`GET …/measures` unfiltered", unfiltered);
      const q = await timeGet(app, `${list}?q=${encodeURIComponent("næring")}`);
      add(size, "`GET …/measures?q=næring`", q);
      const filtered = await timeGet(app, `${list}?status=in_progress&sort=title`);
      add(size, "`GET …/measures?status=in_progress&sort=title`", filtered);
      const tree = await timeGet(app, `${base}/plan-tree`);
      add(size, "`GET …/plan-tree`", tree);
      medians.set(`list ${n}`, unfiltered.median);
      medians.set(`tree ${n}`, tree.median);
    }

    const header = ["measures", "what", "median ms", "p95 ms", "items", "response"];
    const table = [
      `| ${header.join(" | ")} |`,
      `| ${header.map((_h, i) => (i >= 2 ? "--:" : "---")).join(" | ")} |`,
      ...rows.map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
    const ratios = sizes
      .slice(1)
      .map((n) => {
        const first = sizes[0];
        const list = (medians.get(`list ${n}`) ?? 0) / (medians.get(`list ${first}`) ?? 1);
        const tree = (medians.get(`tree ${n}`) ?? 0) / (medians.get(`tree ${first}`) ?? 1);
        return `${n.toLocaleString("en")} vs ${first?.toLocaleString("en")} measures: list ×${list.toFixed(1)}, plan tree ×${tree.toFixed(1)}`;
      })
      .join("\n");
    console.log(
      [
        `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, load average ${loadAtStart} at start and ${os.loadavg()[0]?.toFixed(1)} at end; ${runs} runs after ${warmup} warm-up, in-process app.inject, anonymous visitor`,
        "",
        table,
        "",
        `Median relative to /healthz (${ms(health.median)} ms): ${sizes
          .map(
            (n) =>
              `list at ${n.toLocaleString("en")} ×${((medians.get(`list ${n}`) ?? 0) / health.median).toFixed(0)}`,
          )
          .join(", ")}`,
        ratios,
      ].join("\n"),
    );
  } finally {
    await app?.close();
    await handle.close();
    await postgres.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// Run when started as a script; other scripts may import `seed`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
