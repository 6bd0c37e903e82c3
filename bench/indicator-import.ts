/**
 * Importing a 100,000-value JSON-stat 2.0 dataset into an indicator, through the same service the
 * API calls (`importIndicatorData`: parse → map by dimensions → insert in one transaction).
 * Run: npm run bench:indicators -- [--regions 357] [--years 28] [--categories 10] [--runs 3]
 *
 * The generated dataset is region (all 357 municipalities + the country) × industry × content ×
 * year, with some values missing (null with status ".."). Baselines measured in the same run:
 * `JSON.parse` of the same text, and reading + mapping it without writing (`readJsonStatText` +
 * `mapTable`). Target: under 10 s.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { connectDatabase } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runMigrations } from "../src/db/migrate.ts";
import register from "../src/db/reference/kommuner-2024.json" with { type: "json" };
import { indicators, memberships, municipalities, users } from "../src/db/schema/index.ts";
import { readJsonStatText } from "../src/domain/statistics/jsonstat.ts";
import { type ImportMapping, mapTable } from "../src/domain/statistics/mapping.ts";
import type { ServiceContext } from "../src/services/context.ts";
import {
  importIndicatorData,
  knownMunicipalities,
} from "../src/services/indicators/import-indicator-data.ts";
import { syncMunicipalityRegister } from "../src/services/municipalities/sync-municipality-register.ts";

const { values } = parseArgs({
  options: {
    regions: { type: "string", default: "357" },
    years: { type: "string", default: "28" },
    categories: { type: "string", default: "10" },
    runs: { type: "string", default: "3" },
  },
});
const regionCount = Math.min(357, Number.parseInt(values.regions ?? "357", 10));
const yearCount = Number.parseInt(values.years ?? "28", 10);
const categoryCount = Number.parseInt(values.categories ?? "10", 10);
const runs = Number.parseInt(values.runs ?? "3", 10);

/** region × industry × content × year; every 37th value missing. */
export function generateDataset(regions: number, categories: number, years: number) {
  const regionCodes = [...register.kommuner.slice(0, regions).map((k) => `K-${k.kommunenummer}`), "0"];
  const regionLabels = Object.fromEntries([
    ...register.kommuner.slice(0, regions).map((k) => [`K-${k.kommunenummer}`, k.navn]),
    ["0", "Hele landet"],
  ]);
  const categoryCodes = Array.from({ length: categories }, (_, i) => String.fromCharCode(65 + i));
  const yearCodes = Array.from({ length: years }, (_, i) => String(2000 + i));
  const size = [regionCodes.length, categoryCodes.length, 1, yearCodes.length];
  const n = size.reduce((a, b) => a * b, 1);
  const value: (number | null)[] = new Array(n);
  const status: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    if (i % 37 === 0) {
      value[i] = null;
      status[String(i)] = "..";
    } else value[i] = (i * 7919) % 10_000;
  }
  return {
    version: "2.0",
    class: "dataset",
    label: "Benchmark: sysselsatte etter region, næring og år",
    source: "Generert",
    id: ["Region", "NACE2007", "ContentsCode", "Tid"],
    size,
    role: { geo: ["Region"], time: ["Tid"], metric: ["ContentsCode"] },
    dimension: {
      Region: { label: "region", category: { index: regionCodes, label: regionLabels } },
      NACE2007: { label: "næring", category: { index: categoryCodes } },
      ContentsCode: {
        label: "statistikkvariabel",
        category: {
          index: ["Syss"],
          label: { Syss: "Sysselsatte" },
          unit: { Syss: { label: "personer", decimals: 0 } },
        },
      },
      Tid: { label: "år", category: { index: yearCodes } },
    },
    value,
    status,
  };
}

const mapping: ImportMapping = {
  region: "Region",
  time: "Tid",
  category: "NACE2007",
  content: "ContentsCode",
  selections: { ContentsCode: ["Syss"] },
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
async function timed<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

const logger = pino({ level: "silent" });
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "planverk-bench-indicators-"));
const postgres = await startEmbeddedPostgres(dir, logger);
const handle = connectDatabase(postgres.url);
try {
  await runMigrations(handle.db);
  const { db } = handle;
  await syncMunicipalityRegister({ ctx: { db, actor: { kind: "system", label: "bench" } } });
  const [municipality] = await db
    .insert(municipalities)
    .values({ number: "9901", name: "Benchkommune" })
    .returning();
  const [planner] = await db
    .insert(users)
    .values({ email: "bench@planverk.test", name: "Bench" })
    .returning();
  if (!municipality || !planner) throw new Error("not seeded");
  await db
    .insert(memberships)
    .values({ municipalityId: municipality.id, userId: planner.id, role: "planner" });
  const [indicator] = await db
    .insert(indicators)
    .values({ municipalityId: municipality.id, name: "Benchmark" })
    .returning();
  if (!indicator) throw new Error("no indicator");
  const ctx: ServiceContext = {
    db,
    actor: {
      kind: "user",
      userId: planner.id,
      email: "bench@planverk.test",
      name: "Bench",
      isSystemAdmin: false,
      roles: { [municipality.id]: "planner" },
    },
  };
  const text = JSON.stringify(generateDataset(regionCount, categoryCount, yearCount));
  const known = await knownMunicipalities(db);
  const parse: number[] = [];
  const map: number[] = [];
  const importing: number[] = [];
  let valueCount = 0;
  for (let run = 0; run <= runs; run++) {
    const [p] = await timed(() => JSON.parse(text));
    const [m, mapped] = await timed(() => mapTable(readJsonStatText(text), mapping, known));
    if (mapped.problems.length) throw new Error(mapped.problems.join(" "));
    const [i, result] = await timed(() =>
      importIndicatorData({
        ctx,
        input: {
          municipalityNumber: municipality.number,
          indicatorId: indicator.id,
          source: { kind: "file", fileName: "bench.json", format: "json-stat", text },
          mapping,
        },
      }),
    );
    valueCount = result.valueCount;
    if (run === 0) continue; // warm-up
    parse.push(p);
    map.push(m);
    importing.push(i);
  }
  const ms = (xs: number[]) =>
    `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  console.log(
    `Dataset: ${valueCount} values, ${(text.length / 1024 / 1024).toFixed(1)} MB of JSON; median of ${runs} runs after a warm-up`,
  );
  console.log(`  baseline JSON.parse:                 ${ms(parse)}`);
  console.log(`  baseline read + map (no database):   ${ms(map)}`);
  console.log(`  importIndicatorData (parse→DB):      ${ms(importing)}   target < 10 000 ms`);
} finally {
  await handle.close();
  await postgres.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
