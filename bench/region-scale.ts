/**
 * Benchmark: a national installation. All 357 municipalities active, each with a
 * published plan, 300 measures and 5 cycles (2023–2026 adopted, 2027 draft): 535,500 measure
 * versions, 2.1 million cost rows, 535,500 partner links. Drammensregionen's members share some
 * measures with each other. Times, over many requests each, through the HTTP app (`app.inject`):
 *
 * - the regional overview `GET /api/regions/drammensregionen`, as a visitor and as the region's
 *   coordinator (who also sees shared drafts);
 * - one municipality's plan list `GET /api/municipalities/3301/plans/:id/measures`, as a visitor
 *   (adopted 2026) and as its planner (the 2027 draft, with «Felles tiltak»);
 *
 * beside baselines measured in the same run: `GET /healthz` (framework floor) and `select 1`
 * (database round trip).
 *
 *   npx tsx bench/region-scale.ts [--requests 200] [--warmup 20] [--measures 300] [--cycles 5]
 *
 * The data is generated inside PostgreSQL with `insert … select generate_series(…)` (a few
 * statements, no round trip per row); that takes a few minutes. Starts its own PostgreSQL in a
 * temporary folder. Prints a markdown table; figures are in docs/PERFORMANCE.md.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { loadConfig } from "../src/config.ts";
import { connectDatabase, type Database } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runMigrations } from "../src/db/migrate.ts";
import { buildApp } from "../src/http/app.ts";
import { openSession } from "../src/services/accounts/sessions.ts";
import { systemActor } from "../src/services/context.ts";
import { syncMunicipalityRegister } from "../src/services/municipalities/sync-municipality-register.ts";
import { ensureDefaultRegion } from "../src/services/region/ensure-default-region.ts";

const step = async (db: Database, label: string, statement: string) => {
  const start = performance.now();
  await db.execute(sql.raw(statement));
  process.stderr.write(`${label}: ${Math.round(performance.now() - start)} ms\n`);
};

/** Generates the whole installation in PostgreSQL. */
async function generate(db: Database, measuresPerMunicipality: number, cycleCount: number) {
  const ctx = { db, actor: systemActor("bench") };
  await syncMunicipalityRegister({ ctx });
  await ensureDefaultRegion({ ctx });
  const firstYear = 2027 - cycleCount + 1;
  await step(db, "activate", "update municipalities set active = true");
  await step(
    db,
    "plans",
    `insert into plans (municipality_id, title, start_year, end_year, published)
     select id, 'Strategisk næringsplan for ' || name, ${firstYear}, 2030, true from municipalities`,
  );
  await step(
    db,
    "focus areas",
    `insert into focus_areas (municipality_id, plan_id, title, position)
     select p.municipality_id, p.id, (array['Attraktiv kommune','Grønn vekst','Helsenæring','Havn og logistikk','Kompetanse'])[g], g
     from plans p, generate_series(1, 5) g`,
  );
  await step(
    db,
    "cycles",
    `insert into cycles (municipality_id, plan_id, budget_year, phase)
     select p.municipality_id, p.id, y, case when y < 2027 then 'avsluttet' else 'tilpasning' end
     from plans p, generate_series(${firstYear}, 2027) y`,
  );
  await step(
    db,
    "action plans",
    `insert into action_plan_versions (municipality_id, cycle_id, status, frozen_at)
     select municipality_id, id, case when budget_year < 2027 then 'adopted' else 'draft' end,
            case when budget_year < 2027 then now() end
     from cycles`,
  );
  await step(
    db,
    "frame areas",
    `insert into frame_areas (municipality_id, name) select id, 'Næringsutvikling – drift' from municipalities`,
  );
  await step(
    db,
    "funding sources",
    `insert into funding_sources (municipality_id, name, kind, frame_area_id)
     select municipality_id, 'Kommunens næringsfond', 'municipal', id from frame_areas`,
  );
  await step(
    db,
    "measures",
    `insert into measures (municipality_id, reference, status, progress)
     select m.id, 'T-' || lpad(g::text, 3, '0'), (array['planned','in_progress','in_progress','delayed','completed'])[1 + g % 5], g % 101
     from municipalities m, generate_series(1, ${measuresPerMunicipality}) g`,
  );
  await step(
    db,
    "measure versions",
    `insert into measure_versions (municipality_id, measure_id, action_plan_version_id, focus_area_id, title, description, start_year, end_year, tags)
     select m.municipality_id, m.id, a.id, f.id,
            'Tiltak ' || m.reference || ' for næringslivet i ' || c.budget_year,
            '<p>Et eksempeltiltak for ytelsesmålingen.</p>', c.budget_year, c.budget_year + 3, array['eksempel']
     from measures m
     join plans p on p.municipality_id = m.municipality_id
     join cycles c on c.plan_id = p.id
     join action_plan_versions a on a.cycle_id = c.id
     join focus_areas f on f.plan_id = p.id and f.position = 1 + (substring(m.reference from 3)::int - 1) % 5`,
  );
  await step(
    db,
    "measure costs",
    `insert into measure_costs (municipality_id, measure_version_id, year, funding_source_id, amount_nok)
     select v.municipality_id, v.id, v.start_year + k, s.id, 50000 + (substring(m.reference from 3)::int * 7919 + k * 104729) % 450000
     from measure_versions v
     join measures m on m.id = v.measure_id
     join funding_sources s on s.municipality_id = v.municipality_id
     cross join generate_series(0, 3) k`,
  );
  // Ten partner organisations per municipality; the first three numbers recur across the country
  // (e.g. a university and two regional business networks), so they work in several municipalities.
  await step(
    db,
    "partners",
    `insert into partner_organisations (municipality_id, name, kind, organisation_number)
     select m.id,
            case when k <= 3 then (array['Universitetet i Sørøst-Norge','Næringsforeningen i regionen','Innovasjon i regionen'])[k]
                 else 'Partner ' || k || ' i ' || m.name end,
            (array['academia','business','public','business','voluntary'])[1 + k % 5],
            case when k <= 3 then '97000000' || k else lpad((m.number::int * 100 + k)::text, 9, '8') end
     from municipalities m, generate_series(1, 10) k`,
  );
  await step(
    db,
    "partner links",
    `insert into measure_version_partners (municipality_id, measure_version_id, organisation_id, role)
     select v.municipality_id, v.id, o.id, 'contributor'
     from measure_versions v
     join measures m on m.id = v.measure_id
     join partner_organisations o on o.municipality_id = v.municipality_id
       and o.organisation_number = case when substring(m.reference from 3)::int % 10 + 1 <= 3
                                        then '97000000' || (substring(m.reference from 3)::int % 10 + 1)
                                        else (select lpad((mm.number::int * 100 + substring(m.reference from 3)::int % 10 + 1)::text, 9, '8')
                                              from municipalities mm where mm.id = v.municipality_id) end`,
  );
  // In Drammensregionen each member shares its first ten measures with the next member, 25 %.
  await step(
    db,
    "shared measures",
    `with members as (
       select rm.municipality_id, row_number() over (order by mu.number) as n, count(*) over () as total
       from region_municipalities rm join regions r on r.id = rm.region_id and r.slug = 'drammensregionen'
       join municipalities mu on mu.id = rm.municipality_id)
     insert into measure_participations (municipality_id, measure_id, owner_municipality_id, status, share_percent, frame_area_id)
     select next.municipality_id, m.id, owner.municipality_id, 'joined', 25, fa.id
     from members owner
     join members next on next.n = owner.n % owner.total + 1
     join measures m on m.municipality_id = owner.municipality_id and substring(m.reference from 3)::int <= 10
     join frame_areas fa on fa.municipality_id = next.municipality_id`,
  );
  await step(db, "analyze", "analyze");
}

type Figure = { median: number; p95: number; max: number; bytes: number };

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function time(requests: number, warmup: number, fn: () => Promise<number>): Promise<Figure> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    bytes = await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1) ?? 0, bytes };
}

const get = (app: FastifyInstance, url: string, cookie?: string) => async () => {
  const response = await app.inject({ url, headers: cookie ? { cookie } : {} });
  if (response.statusCode !== 200)
    throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
  return Buffer.byteLength(response.body);
};

async function main() {
  const { values: args } = parseArgs({
    options: {
      requests: { type: "string", default: "200" },
      warmup: { type: "string", default: "20" },
      measures: { type: "string", default: "300" },
      cycles: { type: "string", default: "5" },
    },
  });
  const requests = Number(args.requests);
  const warmup = Number(args.warmup);
  const logger = pino({ level: "silent" });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "planverk-bench-region-"));
  const postgres = await startEmbeddedPostgres(dir, logger);
  const handle = connectDatabase(postgres.url);
  let app: FastifyInstance | undefined;
  try {
    const { db } = handle;
    await runMigrations(db);
    const started = performance.now();
    await generate(db, Number(args.measures), Number(args.cycles));
    const generation = Math.round((performance.now() - started) / 1000);
    const counts = (
      await db.execute(sql`select
        (select count(*) from municipalities where active) as municipalities,
        (select count(*) from measures) as measures,
        (select count(*) from measure_versions) as versions,
        (select count(*) from measure_costs) as costs,
        (select count(*) from measure_participations) as shared`)
    ).rows[0] as Record<string, string>;

    app = await buildApp({ config: loadConfig({ NODE_ENV: "test" }), db, logger });
    await app.ready();

    // A regional coordinator and Drammen's planner, with sessions (cookies) as the browser has them.
    const people = (
      await db.execute(sql`
        with inserted as (
          insert into users (email, name) values
            ('koordinator@bench.planverk.no', 'Koordinator'), ('planlegger@bench.planverk.no', 'Planlegger')
          returning id, email, name)
        select id, email, name from inserted order by email`)
    ).rows as { id: string; email: string; name: string }[];
    const [coordinator, planner] = [
      people.find((p) => p.email.startsWith("koordinator")),
      people.find((p) => p.email.startsWith("planlegger")),
    ];
    if (!coordinator || !planner) throw new Error("bench users missing");
    await db.execute(sql`insert into region_coordinators (region_id, user_id)
      select id, ${coordinator.id} from regions where slug = 'drammensregionen'`);
    await db.execute(sql`insert into memberships (municipality_id, user_id, role)
      select id, ${planner.id}, 'planner' from municipalities where number = '3301'`);
    const cookie = async (user: { id: string; email: string; name: string }) => {
      const { token } = await openSession(db, { ...user, isSystemAdmin: false }, { action: "sign_in" });
      return `planverk_session=${token}`;
    };
    const coordinatorCookie = await cookie(coordinator);
    const plannerCookie = await cookie(planner);
    const planId = (
      (
        await db.execute(
          sql`select p.id from plans p join municipalities m on m.id = p.municipality_id where m.number = '3301'`,
        )
      ).rows[0] as { id: string }
    ).id;

    // How PostgreSQL runs the list's cost query at this scale (to stderr, for docs/PERFORMANCE.md).
    const plan = await db.execute(sql`explain analyze
      select c.* from measure_costs c
      where c.municipality_id = (select id from municipalities where number = '3301')
        and c.measure_version_id in (
          select v.id from measure_versions v join action_plan_versions a on a.id = v.action_plan_version_id
          join cycles cy on cy.id = a.cycle_id and cy.plan_id = ${planId} and cy.budget_year = 2026)`);
    process.stderr.write(
      `${(plan.rows as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]).join("\n")}\n`,
    );

    const rows: [string, Figure][] = [];
    const measure = async (label: string, fn: () => Promise<number>) => {
      const figure = await time(requests, warmup, fn);
      rows.push([label, figure]);
      process.stderr.write(`${label}: p95 ${figure.p95.toFixed(1)} ms\n`);
    };
    await measure("`GET /healthz` (framework floor)", get(app, "/healthz"));
    await measure("`select 1` (database round trip)", async () => {
      await db.execute(sql`select 1`);
      return 0;
    });
    await measure("`GET /api/regions/drammensregionen`, visitor", get(app, "/api/regions/drammensregionen"));
    await measure(
      "`GET /api/regions/drammensregionen`, regional coordinator",
      get(app, "/api/regions/drammensregionen", coordinatorCookie),
    );
    await measure(
      "`GET …/3301/plans/:id/measures`, visitor (adopted 2026)",
      get(app, `/api/municipalities/3301/plans/${planId}/measures`),
    );
    await measure(
      "`GET …/3301/plans/:id/measures`, planner (2027 draft, «Felles tiltak»)",
      get(app, `/api/municipalities/3301/plans/${planId}/measures`, plannerCookie),
    );
    await measure(
      "`GET …/3301/shared-measures`, planner",
      get(app, "/api/municipalities/3301/shared-measures", plannerCookie),
    );

    const fmt = (x: number) => x.toFixed(1);
    console.log(
      [
        `Data: ${counts.municipalities} active municipalities, ${counts.measures} measures, ${counts.versions} measure versions, ${counts.costs} cost rows, ${counts.shared} shared-measure participations; generated in ${generation} s.`,
        `${requests} requests each after ${warmup} warm-up, one at a time, in-process (app.inject); load average at the end ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores.`,
        "",
        "| what | median ms | p95 ms | max ms | response |",
        "| --- | --: | --: | --: | --: |",
        ...rows.map(
          ([label, f]) =>
            `| ${label} | ${fmt(f.median)} | ${fmt(f.p95)} | ${fmt(f.max)} | ${f.bytes ? `${Math.round(f.bytes / 1024)} kB` : ""} |`,
        ),
      ].join("\n"),
    );
  } finally {
    await app?.close();
    await handle.close();
    await postgres.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
