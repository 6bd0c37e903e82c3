/**
 * Crash safety: Planverk on its embedded PostgreSQL takes a mix of writes at once, as its
 * users make them: measure edits, status reports, Excel imports of measures, a rolling, comments.
 * Then the server process and the database process are both killed with SIGKILL at a random moment.
 * After each restart the app must start cleanly (ready, migrations a no-op), every write that was
 * acknowledged must be there, and nothing half-done may be visible: no half import, no half rolling,
 * no object without its audit event and no audit event without its object.
 *
 * CI runs a few rounds. The long version:
 *
 *   CRASH_ROUNDS=50 npx vitest run test/crash.test.ts --testTimeout=0
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { rootDir } from "../src/cli/web-build.ts";
import { demoPassword } from "../src/demo/load-demo-data.ts";
import { freePort, type StartedProcess, startPlanverkProcess, waitUntilReady } from "./processes.ts";

const rounds = Number(process.env.CRASH_ROUNDS ?? 3);
const municipality = "3301";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-crash-"));
const started: StartedProcess[] = [];
afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  killPostgres();
  rmSync(dataDir, { recursive: true, force: true });
});

function killPostgres() {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    if (pid > 0) process.kill(pid, "SIGKILL");
  } catch {
    // Not running.
  }
}

/** The server (or its database) went away: what was in flight is neither acknowledged nor refused. */
class Died extends Error {}

// biome-ignore lint/suspicious/noExplicitAny: the answers of many routes; the assertions check what is used
type Answer = { status: number; json: any };
type Api = {
  send: (method: string, url: string, body?: unknown) => Promise<Answer>;
  upload: (url: string, file: Buffer) => Promise<Answer>;
};

async function signIn(url: string, email: string): Promise<Api> {
  const response = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (response.status !== 200) throw new Error(`sign-in ${email}: ${response.status}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const base = `${url}/api/municipalities/${municipality}`;
  const call = async (method: string, path: string, body: BodyInit | undefined, type?: string) => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { cookie, "x-csrf-token": csrfToken, ...(type ? { "content-type": type } : {}) },
        body,
      });
    } catch (error) {
      throw new Died(`${method} ${path}: ${error}`);
    }
    // A 5xx while the processes die is not an answer either way.
    if (response.status >= 500)
      throw new Died(`${method} ${path}: ${response.status} ${await response.text().catch(() => "")}`);
    const text = await response.text().catch((error) => {
      throw new Died(`${method} ${path}: ${error}`);
    });
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  return {
    send: (method, path, body) =>
      call(
        method,
        path,
        body === undefined ? undefined : JSON.stringify(body),
        body === undefined ? undefined : "application/json",
      ),
    upload: (path, file) =>
      call(
        "POST",
        path,
        new Uint8Array(file),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ),
  };
}

function expectStatus(response: { status: number; json: unknown }, status: number, what: string) {
  if (response.status !== status)
    throw new Error(`${what}: expected ${status}, got ${response.status}: ${JSON.stringify(response.json)}`);
}

// ---------------------------------------------------------------------------------------------
// What was acknowledged (and what was in flight when the processes died), across all rounds.

type Versioned = { text: string; version: number };
type Tracked = {
  /** The stored state when the round began, or the last acknowledged write since. */
  acknowledged: Versioned | null;
  /** The write sent after that and not answered: it may or may not have been committed. */
  inFlight: Versioned | null;
};
type ImportRecord = {
  token: string;
  draftId: string;
  rows: number;
  acknowledged: boolean;
  settled?: boolean;
};
type RollingRecord = {
  planId: string;
  carried: string[];
  acknowledged: boolean;
  settled?: boolean;
};

type Kind = "comments" | "edits" | "reports" | "imports" | "rollings";
const kinds = (): Record<Kind, number> => ({ comments: 0, edits: 0, reports: 0, imports: 0, rollings: 0 });

function cutOff(kind: Kind, committed: boolean) {
  (committed ? ledger.cutOff.committed : ledger.cutOff.notCommitted)[kind]++;
}

const importRows = 3;
const ledger = {
  comments: [] as string[],
  /** Comments sent and not answered when the processes died: each is there or not. */
  commentsInFlight: [] as string[],
  edits: new Map<string, Tracked & { measureId: string; initialVersion: number; initialAudits: number }>(),
  reports: new Map<string, Tracked>(),
  imports: [] as ImportRecord[],
  rollings: [] as RollingRecord[],
  counts: kinds(),
  /** Writes cut off by the kill, unanswered, that turned out to be committed (whole) or not at all. */
  cutOff: { committed: kinds(), notCommitted: kinds() },
};

/** Fixed facts of the demo data the writes go to, found once. */
type Setup = {
  demoDraftId: string;
  periodId: string;
  ownerRefs: string[];
  plannerRefs: string[];
  editRefs: string[][];
  externalSourceId: string;
};

async function database() {
  const port = readFileSync(path.join(dataDir, "postgres.port"), "utf8").trim();
  const password = readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
  const client = new pg.Client({
    connectionString: `postgres://planverk:${password}@127.0.0.1:${port}/planverk`,
  });
  await client.connect();
  return client;
}

async function count(client: pg.Client, query: string, params: unknown[] = []) {
  const result = await client.query<{ n: number }>(query, params);
  return result.rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Setup: once on the demo data; and per round, a plan to roll and a plan to import into.

async function setUp(planner: Api, client: pg.Client): Promise<Setup> {
  const demo = await client.query<{ plan_id: string; cycle_2026: string; draft_2027: string }>(
    `select c26.plan_id, c26.id as cycle_2026, apv.id as draft_2027
       from cycles c26
       join municipalities mu on mu.id = c26.municipality_id and mu.number = $1
       join cycles c27 on c27.plan_id = c26.plan_id and c27.budget_year = 2027
       join action_plan_versions apv on apv.cycle_id = c27.id and apv.status = 'draft'
      where c26.budget_year = 2026`,
    [municipality],
  );
  const row = demo.rows[0];
  if (!row) throw new Error("demo data: no 2026 and 2027 cycles");

  // The status reports go to T1 of the adopted 2026 action plan: created and opened here.
  expectStatus(await planner.send("POST", `/cycles/${row.cycle_2026}/reporting-periods`), 201, "periods");
  const periods = await planner.send("GET", `/cycles/${row.cycle_2026}/reporting-periods`);
  const t1 = periods.json.periods[0];
  expectStatus(
    await planner.send("PATCH", `/reporting-periods/${t1.id}`, { version: t1.version, state: "open" }),
    200,
    "open T1",
  );
  const detail = await planner.send("GET", `/reporting-periods/${t1.id}`);
  const owner = await client.query<{ id: string }>("select id from users where email = $1", [
    "tiltakseier@demo.planverk.no",
  ]);
  const measures = detail.json.measures as { reference: string; ownerUserId: string | null }[];
  const ownerRefs = measures.filter((m) => m.ownerUserId === owner.rows[0]?.id).map((m) => m.reference);
  const plannerRefs = measures
    .filter((m) => m.ownerUserId !== owner.rows[0]?.id)
    .map((m) => m.reference)
    .slice(0, 4);
  expect(ownerRefs.length, "the demo owner's measures in T1").toBeGreaterThan(0);
  expect(plannerRefs.length).toBeGreaterThan(0);

  // The measure edits go to six measures of the 2027 draft, two editors with three each.
  const draft = await client.query<{ reference: string; id: string; version: number }>(
    `select m.reference, m.id, mv.version from measure_versions mv join measures m on m.id = mv.measure_id
      where mv.action_plan_version_id = $1 order by m.reference limit 6`,
    [row.draft_2027],
  );
  expect(draft.rows).toHaveLength(6);
  for (const m of draft.rows)
    ledger.edits.set(m.reference, {
      measureId: m.id,
      initialVersion: m.version,
      initialAudits: await auditCount(client, "measure", m.id, "update"),
      acknowledged: null,
      inFlight: null,
    });
  const refs = draft.rows.map((m) => m.reference);

  const setup = await planner.send("GET", "/budget-setup");
  const external = (setup.json.fundingSources as { id: string; kind: string }[]).find(
    (s) => s.kind === "external",
  );
  if (!external) throw new Error("demo data: no external funding source");
  return {
    demoDraftId: row.draft_2027,
    periodId: t1.id,
    ownerRefs,
    plannerRefs,
    editRefs: [refs.slice(0, 3), refs.slice(3)],
    externalSourceId: external.id,
  };
}

function auditCount(client: pg.Client, objectType: string, objectId: string, action: string) {
  return count(
    client,
    "select count(*)::int as n from audit_events where object_type = $1 and object_id = $2 and action = $3",
    [objectType, objectId, action],
  );
}

async function newPlan(planner: Api, title: string) {
  const plan = await planner.send("POST", "/plans", {
    title,
    startYear: 2023,
    endYear: 2030,
    firstBudgetYear: 2027,
  });
  expectStatus(plan, 201, "plan");
  const area = await planner.send("POST", `/plans/${plan.json.id}/focus-areas`, {
    title: `Satsing ${title}`,
  });
  expectStatus(area, 201, "focus area");
  const cycles = await planner.send("GET", `/plans/${plan.json.id}/cycles`);
  return {
    planId: plan.json.id as string,
    focusArea: { id: area.json.id as string, title: `Satsing ${title}` },
    cycle: cycles.json[0] as { id: string; version: number },
  };
}

/** A plan with an adopted 2027 action plan: three running measures with external money, one ending 2027. */
async function planToRoll(
  planner: Api,
  setup: Setup,
  round: number,
): Promise<RollingRecord & { cycleId: string }> {
  const { planId, focusArea, cycle } = await newPlan(planner, `Rulleringsplan ${round}`);
  const carried: string[] = [];
  for (const [i, endYear] of [2030, 2030, 2029, 2027].entries()) {
    const created = await planner.send("POST", `/plans/${planId}/measures`, {
      title: `Rulleres ${round}-${i}`,
      focusAreaId: focusArea.id,
      startYear: 2027,
      endYear,
    });
    expectStatus(created, 201, "measure");
    const reference = created.json.reference as string;
    expectStatus(
      await planner.send("PUT", `/measures/${reference}/financing`, {
        rows: [2027, 2028, 2029, 2030].map((year) => ({
          year,
          fundingSourceId: setup.externalSourceId,
          amountNok: 10_000 * (i + 1),
          externalStatus: "expected",
        })),
      }),
      200,
      "financing",
    );
    if (endYear > 2027) carried.push(reference);
  }
  let version = cycle.version;
  for (const to of ["utarbeidelse", "rammesak", "tilpasning", "vedtak"]) {
    const moved = await planner.send("POST", `/cycles/${cycle.id}/advance`, { version, to });
    expectStatus(moved, 200, `advance to ${to}`);
    version = moved.json.version;
  }
  expectStatus(
    await planner.send("POST", `/cycles/${cycle.id}/adopt`, {
      adoptedOn: "2026-12-15",
      decisionBody: "Bystyret",
      caseReference: `sak ${round}/26`,
    }),
    200,
    "adopt",
  );
  return { planId, cycleId: cycle.id, carried, acknowledged: false };
}

// ---------------------------------------------------------------------------------------------
// The writers: each loops until the server stops answering.

type Stop = { stopped: boolean };

async function untilDeath(stop: Stop, step: (i: number) => Promise<void>) {
  for (let i = 0; !stop.stopped; i++) {
    try {
      await step(i);
    } catch (error) {
      if (error instanceof Died) return expectKilled(stop, error);
      throw error;
    }
  }
}

/** A request fails only because the processes were killed; before that, a failure is a failure. */
function expectKilled(stop: Stop, error: Died) {
  if (!stop.stopped) throw new Error(`failed before the kill: ${error.message}`);
}

function writeComments(api: Api, round: number, stop: Stop) {
  return untilDeath(stop, async (i) => {
    const body = `krasj ${round}-${i}`;
    ledger.commentsInFlight.push(body);
    const response = await api.send("POST", "/comments", {
      target: { type: "measure", reference: "T-001" },
      visibility: "internal",
      body,
    });
    expectStatus(response, 201, "comment");
    ledger.commentsInFlight.pop();
    ledger.comments.push(body);
    ledger.counts.comments++;
  });
}

/**
 * The edited measures are in this year's draft; reads name it (without a year they show the action
 * plan in execution, 2026).
 */
const draftYear = 2027;

/** The content of each edited measure as it was when the round began; the editors change the title. */
const editContents = new Map<string, Record<string, unknown>>();

function editMeasures(api: Api, refs: string[], round: number, stop: Stop) {
  return untilDeath(stop, async (i) => {
    const reference = refs[i % refs.length] as string;
    const tracked = ledger.edits.get(reference);
    if (!tracked?.acknowledged) throw new Error("no baseline");
    const title = `Krasjtest ${round}-${i} ${reference}`;
    tracked.inFlight = { text: title, version: tracked.acknowledged.version + 1 };
    const response = await api.send("PUT", `/measures/${reference}?year=${draftYear}`, {
      ...editContents.get(reference),
      title,
      version: tracked.acknowledged.version,
    });
    expectStatus(response, 200, `edit ${reference}`);
    expect(response.json.version).toBe(tracked.acknowledged.version + 1);
    tracked.acknowledged = { text: title, version: response.json.version };
    tracked.inFlight = null;
    ledger.counts.edits++;
  });
}

function submitReports(api: Api, periodId: string, refs: string[], round: number, stop: Stop) {
  if (refs.length === 0) return Promise.resolve();
  return untilDeath(stop, async (i) => {
    const reference = refs[i % refs.length] as string;
    const tracked = ledger.reports.get(reference) ?? { acknowledged: null, inFlight: null };
    ledger.reports.set(reference, tracked);
    const achieved = `krasjrapport ${round}-${i} ${reference}`;
    const version = tracked.acknowledged?.version;
    tracked.inFlight = { text: achieved, version: (version ?? 0) + 1 };
    const response = await api.send("PUT", `/reporting-periods/${periodId}/measures/${reference}/report`, {
      trafficLight: "on_track",
      measureStatus: "in_progress",
      progress: i % 101,
      achieved,
      nextSteps: "Fortsetter som planlagt.",
      ...(version ? { version } : {}),
    });
    expectStatus(response, 200, `report ${reference}`);
    tracked.acknowledged = { text: achieved, version: response.json.version };
    tracked.inFlight = null;
    ledger.counts.reports++;
  });
}

async function importSheet(token: string, focusArea: string) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Ark1");
  sheet.addRow(["Tittel", "Satsingsområde", "Fra år", "Til år", "Kommunalt 2027", "Kommunalt 2028"]);
  for (let row = 0; row < importRows; row++)
    sheet.addRow([`Import ${token} rad ${row}`, focusArea, 2027, 2028, 100_000 + row, 50_000]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function importMeasures(
  api: Api,
  plan: { planId: string; draftId: string; focusArea: string },
  round: number,
  stop: Stop,
) {
  return untilDeath(stop, async (i) => {
    const token = `imp-${round}-${i}`;
    const file = await importSheet(token, plan.focusArea);
    const preview = await api.upload(`/plans/${plan.planId}/measures-import/preview`, file);
    expectStatus(preview, 200, "import preview");
    expect(preview.json.counts).toEqual({
      new: importRows,
      changed: 0,
      restored: 0,
      unchanged: 0,
      problems: 0,
    });
    const record: ImportRecord = { token, draftId: plan.draftId, rows: importRows, acknowledged: false };
    ledger.imports.push(record);
    const applied = await api.upload(
      `/plans/${plan.planId}/measures-import?token=${encodeURIComponent(preview.json.token)}`,
      file,
    );
    expectStatus(applied, 200, "import");
    expect(applied.json.created).toHaveLength(importRows);
    record.acknowledged = true;
    ledger.counts.imports++;
  });
}

async function roll(api: Api, record: RollingRecord & { cycleId: string }, at: number, stop: Stop) {
  await new Promise((r) => setTimeout(r, at));
  if (stop.stopped) return;
  ledger.rollings.push(record);
  try {
    const response = await api.send("POST", `/cycles/${record.cycleId}/roll`);
    expectStatus(response, 201, "roll");
    expect(response.json).toMatchObject({ budgetYear: 2028, carried: record.carried.length });
    record.acknowledged = true;
    ledger.counts.rollings++;
  } catch (error) {
    if (!(error instanceof Died)) throw error;
    expectKilled(stop, error);
  }
}

// ---------------------------------------------------------------------------------------------
// The checks after every restart.

const journalEntries = (
  JSON.parse(readFileSync(path.join(rootDir, "migrations", "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  }
).entries.length;

async function checkAfterRestart(url: string, setup: Setup | null) {
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  const client = await database();
  try {
    // Migrations were a no-op: each one applied exactly once.
    expect(await count(client, "select count(*)::int as n from drizzle.__drizzle_migrations")).toBe(
      journalEntries,
    );
    // The demo data was loaded once, not again over a half-started database.
    expect(
      await count(client, "select count(*)::int as n from users where email = 'planlegger@demo.planverk.no'"),
    ).toBe(1);
    if (!setup) return;

    // Comments: every acknowledged one is there, each with its audit event and the other way round.
    const stored = await client.query<{ body: string }>(
      "select body from comments where body like 'krasj %'",
    );
    const bodies = new Set(stored.rows.map((r) => r.body));
    expect(ledger.comments.filter((b) => !bodies.has(b))).toEqual([]);
    for (const body of ledger.commentsInFlight.splice(0)) cutOff("comments", bodies.has(body));
    expect(
      await count(
        client,
        `select count(*)::int as n from comments c where c.body like 'krasj %' and not exists (
           select 1 from audit_events a
            where a.object_type = 'comment' and a.object_id = c.id::text and a.action = 'create')`,
      ),
    ).toBe(0);
    expect(
      await count(
        client,
        `select count(*)::int as n from audit_events a where a.object_type = 'comment' and a.action = 'create'
            and not exists (select 1 from comments c where c.id::text = a.object_id)`,
      ),
    ).toBe(0);

    // Measure edits: the stored content is the last acknowledged one, or the one in flight; one
    // audit event per committed edit.
    for (const [reference, tracked] of ledger.edits) {
      const result = await client.query<{ title: string; version: number }>(
        `select mv.title, mv.version from measure_versions mv
          where mv.action_plan_version_id = $1 and mv.measure_id = $2`,
        [setup.demoDraftId, tracked.measureId],
      );
      const now = result.rows[0];
      if (!now) throw new Error(`${reference} is gone`);
      const state = { text: now.title, version: now.version };
      if (tracked.acknowledged)
        expect([tracked.acknowledged, tracked.inFlight], reference).toContainEqual(state);
      if (tracked.inFlight) cutOff("edits", state.version === tracked.inFlight.version);
      expect(now.version).toBeGreaterThanOrEqual(tracked.initialVersion);
      expect(
        (await auditCount(client, "measure", tracked.measureId, "update")) - tracked.initialAudits,
        reference,
      ).toBe(now.version - tracked.initialVersion);
      tracked.acknowledged = state;
      tracked.inFlight = null;
    }

    // Status reports: the last acknowledged (or the one in flight); each submission left one
    // report event and one audit event, no more, no fewer.
    const reports = await client.query<{ id: string; reference: string; achieved: string; version: number }>(
      `select sr.id, m.reference, sr.achieved, sr.version from status_reports sr
         join measures m on m.id = sr.measure_id where sr.period_id = $1`,
      [setup.periodId],
    );
    const byReference = new Map(reports.rows.map((r) => [r.reference, r]));
    for (const [reference, tracked] of ledger.reports) {
      const now = byReference.get(reference);
      if (!now) {
        expect(tracked.acknowledged, `${reference} report lost`).toBeNull();
        if (tracked.inFlight) cutOff("reports", false);
        tracked.inFlight = null;
        continue;
      }
      const state = { text: now.achieved, version: now.version };
      expect([tracked.acknowledged, tracked.inFlight], reference).toContainEqual(state);
      if (tracked.inFlight) cutOff("reports", state.version === tracked.inFlight.version);
      tracked.acknowledged = state;
      tracked.inFlight = null;
    }
    for (const report of reports.rows) {
      expect(
        await count(client, "select count(*)::int as n from status_report_events where report_id = $1", [
          report.id,
        ]),
      ).toBe(report.version);
      expect(await auditCount(client, "status_report", report.id, "submit_status_report")).toBe(
        report.version,
      );
    }

    // Imports: each one all there or not at all (rows, their costs, their audit events, the
    // import's own audit event); an acknowledged one all there.
    const imported = await client.query<{ title: string; draft: string; costs: number; audits: number }>(
      `select mv.title, mv.action_plan_version_id as draft,
              (select count(*)::int from measure_costs c where c.measure_version_id = mv.id) as costs,
              (select count(*)::int from audit_events a
                where a.object_type = 'measure' and a.object_id = m.id::text and a.action = 'create') as audits
         from measure_versions mv join measures m on m.id = mv.measure_id
        where mv.title like 'Import imp-%'`,
    );
    const rowsByToken = new Map<string, typeof imported.rows>();
    for (const r of imported.rows) {
      const token = r.title.split(" ")[1] as string;
      rowsByToken.set(token, [...(rowsByToken.get(token) ?? []), r]);
    }
    const presentByDraft = new Map<string, number>();
    for (const record of ledger.imports) {
      const rows = rowsByToken.get(record.token) ?? [];
      expect([0, record.rows], `import ${record.token} half there`).toContain(rows.length);
      if (record.acknowledged) expect(rows.length, `import ${record.token} lost`).toBe(record.rows);
      else if (!record.settled) cutOff("imports", rows.length > 0);
      record.settled = true;
      for (const r of rows) {
        expect(r.draft).toBe(record.draftId);
        expect(r.costs, r.title).toBe(2);
        expect(r.audits, r.title).toBe(1);
      }
      if (rows.length > 0) presentByDraft.set(record.draftId, (presentByDraft.get(record.draftId) ?? 0) + 1);
    }
    expect([...rowsByToken.keys()].filter((t) => !ledger.imports.some((r) => r.token === t))).toEqual([]);
    for (const draftId of new Set(ledger.imports.map((r) => r.draftId)))
      expect(await auditCount(client, "action_plan", draftId, "import"), `imports into ${draftId}`).toBe(
        presentByDraft.get(draftId) ?? 0,
      );

    // Rollings: the next year's cycle is absent, or complete (its draft, every running measure with
    // its costs for the new period, flagged, and the audit event); an acknowledged one is there.
    for (const record of ledger.rollings) {
      const next = await client.query<{ id: string }>(
        "select id from cycles where plan_id = $1 and budget_year = 2028",
        [record.planId],
      );
      const cycle = next.rows[0];
      if (!record.acknowledged && !record.settled) cutOff("rollings", cycle !== undefined);
      record.settled = true;
      if (!cycle) {
        expect(record.acknowledged, `rolling of ${record.planId} lost`).toBe(false);
        continue;
      }
      const drafts = await client.query<{ id: string; status: string; revision: number }>(
        "select id, status, revision from action_plan_versions where cycle_id = $1",
        [cycle.id],
      );
      expect(drafts.rows.map((d) => [d.status, d.revision])).toEqual([["draft", 0]]);
      const versions = await client.query<{ reference: string; needs_review: boolean; years: number[] }>(
        `select m.reference, mv.needs_review,
                coalesce((select array_agg(c.year order by c.year) from measure_costs c
                           where c.measure_version_id = mv.id), '{}') as years
           from measure_versions mv join measures m on m.id = mv.measure_id
          where mv.action_plan_version_id = $1 order by m.reference`,
        [drafts.rows[0]?.id],
      );
      expect(versions.rows.map((v) => v.reference)).toEqual([...record.carried].sort());
      for (const v of versions.rows) {
        expect(v.needs_review).toBe(true);
        expect(v.years).toEqual([2028, 2029, 2030]);
      }
      expect(await auditCount(client, "cycle", cycle.id, "roll")).toBe(1);
    }
    expect(
      await count(
        client,
        `select count(*)::int as n from audit_events a where a.object_type = 'cycle' and a.action = 'roll'
            and not exists (select 1 from cycles c where c.id::text = a.object_id)`,
      ),
    ).toBe(0);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------

async function startServer() {
  const port = await freePort();
  const server = startPlanverkProcess({ PORT: String(port), PLANVERK_DATA_DIR: dataDir, LOG_LEVEL: "warn" });
  started.push(server);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, server);
  return { server, url };
}

/**
 * A clean start: nothing logged at level error or fatal (pino levels 50 and 60 in JSON, ERROR and
 * FATAL in development's readable lines) on the way up, and
 * after the first start the demo data is not loaded again.
 */
function expectCleanStart(server: StartedProcess, first: boolean) {
  if (!first) expect(server.output()).not.toContain("Demobrukere");
  const errors = server
    .output()
    .split("\n")
    .filter(
      (line) =>
        /"level":(50|60)/.test(line) ||
        /^[\d:.]+ (ERROR|FATAL)\b/.test(line) ||
        /^(Error|TypeError)\b/.test(line),
    );
  expect(errors).toEqual([]);
}

describe("crash safety", () => {
  it(
    `keeps every acknowledged write, and nothing half-done, through ${rounds} SIGKILLs of server and database`,
    async () => {
      let setup: Setup | null = null;
      for (let round = 0; round < rounds; round++) {
        const { server, url } = await startServer();
        await checkAfterRestart(url, setup);
        expectCleanStart(server, round === 0);
        const planner = await signIn(url, "planlegger@demo.planverk.no");
        const owner = await signIn(url, "tiltakseier@demo.planverk.no");
        if (!setup) {
          const client = await database();
          try {
            setup = await setUp(planner, client);
            for (const [reference, tracked] of ledger.edits) {
              const m = (await planner.send("GET", `/measures/${reference}?year=${draftYear}`)).json;
              tracked.acknowledged = { text: m.title, version: m.contentVersion };
            }
          } finally {
            await client.end();
          }
        }
        const s: Setup = setup;
        for (const refs of s.editRefs)
          for (const reference of refs) {
            const m = (await planner.send("GET", `/measures/${reference}?year=${draftYear}`)).json;
            // The API shows what the check after the restart found in the database.
            const tracked = ledger.edits.get(reference);
            expect({ text: m.title, version: m.contentVersion }).toEqual(tracked?.acknowledged);
            editContents.set(reference, {
              description: m.description,
              focusAreaId: m.focusAreaId,
              goalIds: m.goals.map((g: { id: string }) => g.id),
              objectiveIds: m.objectives.map((o: { id: string }) => o.id),
              responsibleUnit: m.responsibleUnit,
              contactPerson: m.contactPerson,
              ownerUserId: m.ownerUserId,
              partners: m.partners.map((p: { id: string; role: string }) => ({
                organisationId: p.id,
                role: p.role,
              })),
              startYear: m.startYear,
              endYear: m.endYear,
              tags: m.tags,
              links: m.links,
            });
          }
        const rolling = await planToRoll(planner, s, round);
        const importPlan = await newPlan(planner, `Importplan ${round}`);
        const client = await database();
        const draft = await client
          .query<{ id: string }>(
            `select apv.id from action_plan_versions apv join cycles c on c.id = apv.cycle_id
              where c.plan_id = $1 and apv.status = 'draft'`,
            [importPlan.planId],
          )
          .finally(() => client.end());
        const draftId = draft.rows[0]?.id as string;

        // Kill both processes at a random moment while the writes stream in. The rolling is sent
        // before that: in half the rounds within 150 ms of the kill (often cut off in the middle),
        // otherwise within the second before (usually finished).
        const killAt = 500 + Math.random() * 2000;
        const stop: Stop = { stopped: false };
        const killed = new Promise<void>((resolve) =>
          setTimeout(() => {
            // Either one first: a server whose database has just died, or a database left alone.
            if (Math.random() < 0.5) {
              server.child.kill("SIGKILL");
              killPostgres();
            } else {
              killPostgres();
              server.child.kill("SIGKILL");
            }
            stop.stopped = true;
            resolve();
          }, killAt),
        );
        await Promise.all([
          writeComments(planner, round, stop),
          ...s.editRefs.map((refs) => editMeasures(planner, refs, round, stop)),
          submitReports(owner, s.periodId, s.ownerRefs, round, stop),
          submitReports(planner, s.periodId, s.plannerRefs, round, stop),
          importMeasures(
            planner,
            { planId: importPlan.planId, draftId, focusArea: importPlan.focusArea.title },
            round,
            stop,
          ),
          roll(
            planner,
            rolling,
            Math.max(0, killAt - (Math.random() < 0.5 ? 150 : 1000) * Math.random()),
            stop,
          ),
        ]);
        await killed;
        await server.exited;
      }

      // A clean start after the last crash finds everything that was acknowledged, and nothing half-done.
      const { server, url } = await startServer();
      await checkAfterRestart(url, setup);
      expectCleanStart(server, false);
      console.log(
        `crash test: ${rounds} rounds; acknowledged ${JSON.stringify(ledger.counts)}; cut off by the kill, then found committed ${JSON.stringify(ledger.cutOff.committed)} or not ${JSON.stringify(ledger.cutOff.notCommitted)}`,
      );
      expect(ledger.counts.comments).toBeGreaterThan(0);
      expect(ledger.counts.edits).toBeGreaterThan(0);
      expect(ledger.counts.reports).toBeGreaterThan(0);
      // A few rounds may by chance see no import or rolling finish; many rounds must.
      if (rounds >= 10) {
        expect(ledger.counts.imports).toBeGreaterThan(0);
        expect(ledger.counts.rollings).toBeGreaterThan(0);
        expect(ledger.cutOff.notCommitted.rollings + ledger.cutOff.committed.rollings).toBeGreaterThan(0);
      }
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    },
    120_000 + rounds * 60_000,
  );
});
