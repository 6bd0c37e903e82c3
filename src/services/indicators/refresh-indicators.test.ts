import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, localFetchPolicy, type Signed, signIn } from "../../../test/app.ts";
import { createMunicipality, createUser, testPassword } from "../../../test/factories.ts";
import type { IndicatorDetailResponse } from "../../http/routes/indicators.ts";
import { defaultFetchLimits, type FetchLimits } from "../../infra/fetch-statistics.ts";
import { systemActor } from "../context.ts";
import { refreshDueIndicators } from "./refresh-indicators.ts";

/** A JSON-stat 2.0 table of Drammen's values by year, as PxWebApi answers. */
function jsonStat(values: Record<string, number>) {
  const years = Object.keys(values);
  return JSON.stringify({
    version: "2.0",
    class: "dataset",
    label: "Sysselsatte, etter region og år",
    source: "Statistisk sentralbyrå",
    updated: "2026-01-10T07:00:00Z",
    id: ["Region", "ContentsCode", "Tid"],
    size: [1, 1, years.length],
    role: { geo: ["Region"], metric: ["ContentsCode"], time: ["Tid"] },
    dimension: {
      Region: { label: "region", category: { index: ["3301"], label: { "3301": "Drammen" } } },
      ContentsCode: {
        label: "statistikkvariabel",
        category: { index: ["Sysselsatte"], label: { Sysselsatte: "Sysselsatte" } },
      },
      Tid: { label: "år", category: { index: years, label: Object.fromEntries(years.map((y) => [y, y])) } },
    },
    value: years.map((y) => values[y]),
  });
}

let t: Awaited<ReturnType<typeof createTestApp>>;
let planner: Signed;
let server: Server;
let serverUrl: string;
// What the stand-in statistics server answers now (status and body).
let answer: { status: number; body: string } = { status: 200, body: "" };

beforeAll(async () => {
  // «Import by URL» and the refresh fetch from this local server: the tests' own policy lets loopback
  // through; the guard itself is unchanged (the last test shows it still refuses with the default).
  t = await createTestApp({ fetchPolicy: localFetchPolicy });
  const drammen = await createMunicipality(t.database.db, { number: "3301", name: "Drammen" });
  const user = await createUser(t.database.db, { municipalityId: drammen.id, role: "planner" });
  planner = await signIn(t.app, user.email, testPassword);
  server = createServer((_request, response) => {
    response.statusCode = answer.status;
    response.setHeader("content-type", "application/json");
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v0/no/table/07984`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t.close();
});

const send = (method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api/municipalities/3301${url}`,
    headers: planner.headers,
    ...(payload ? { payload } : {}),
  });
const detail = async (id: string) =>
  (await send("GET", `/indicators/${id}`)).json() as IndicatorDetailResponse;
const ownSeries = (d: IndicatorDetailResponse) => d.series.map((p) => [p.period, p.value]);
const localLimits = { ...defaultFetchLimits, policy: { ...localFetchPolicy, maxRedirects: 0 } };
const refresh = (at: string, limits: FetchLimits = localLimits) =>
  refreshDueIndicators({
    ctx: { db: t.database.db, actor: systemActor("Oppdatering av indikatorer") },
    now: new Date(at),
    limits,
  });

async function importedFromAddress(name: string) {
  const created = await send("POST", "/indicators", { name });
  const id = created.json().id as string;
  const source = { kind: "url", url: serverUrl };
  const preview = await send("POST", `/indicators/${id}/import-preview`, { source });
  expect(preview.statusCode, preview.body).toBe(200);
  const saved = await send("POST", `/indicators/${id}/imports`, { source, mapping: preview.json().mapping });
  expect(saved.statusCode, saved.body).toBe(201);
  return id;
}

describe("refreshing indicators from their address on a schedule", () => {
  it("fetches on the planner's schedule, once with two runs at once, merges by period and says what changed", async () => {
    answer = { status: 200, body: jsonStat({ "2022": 100, "2023": 110 }) };
    const id = await importedFromAddress("Sysselsatte");
    // Without a schedule nothing is fetched.
    expect(await refresh("2026-02-01T05:00:00Z")).toEqual([]);
    const before = await detail(id);
    expect(before.refresh).toMatchObject({ schedule: "never", lastFetchedAt: null, ok: null });
    const set = await send("PUT", `/indicators/${id}/refresh-schedule`, {
      schedule: "weekly",
      version: before.version,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ refreshSchedule: "weekly", version: before.version + 1 });

    // The statistics have a new year and a corrected one; the oldest year is no longer in the answer.
    answer = { status: 200, body: jsonStat({ "2023": 112, "2024": 118 }) };
    const [a, b] = await Promise.all([refresh("2026-02-01T05:00:00Z"), refresh("2026-02-01T05:00:00Z")]);
    expect([...a, ...b]).toEqual([
      {
        indicatorId: id,
        ok: true,
        summary: { added: 1, changed: 1, removed: 0 },
        importId: expect.any(String),
      },
    ]);
    const after = await detail(id);
    expect(ownSeries(after)).toEqual([
      ["2022", 100],
      ["2023", 112],
      ["2024", 118],
    ]);
    expect(after.refresh).toEqual({
      schedule: "weekly",
      lastFetchedAt: "2026-02-01T05:00:00.000Z",
      ok: true,
      summary: { added: 1, changed: 1, removed: 0 },
      error: null,
    });
    // The import before it is kept as history, and can be restored.
    expect(after.history).toHaveLength(1);
    const restore = await send("POST", `/indicators/${id}/imports/${after.history[0]?.id}/restore`);
    expect(restore.statusCode, restore.body).toBeLessThan(300);
    expect(ownSeries(await detail(id))).toEqual([
      ["2022", 100],
      ["2023", 110],
    ]);

    // Not due again for a week; a week later an unchanged answer stores no new import.
    expect(await refresh("2026-02-05T05:00:00Z")).toEqual([]);
    answer = { status: 200, body: jsonStat({ "2022": 100, "2023": 110 }) };
    expect(await refresh("2026-02-08T05:00:00Z")).toEqual([
      { indicatorId: id, ok: true, summary: { added: 0, changed: 0, removed: 0 }, importId: null },
    ]);
    expect((await detail(id)).history).toHaveLength(2);

    // A failing server: the indicator says so, in the reader's language, and keeps its series.
    answer = { status: 503, body: "" };
    const failed = await refresh("2026-02-15T05:00:00Z");
    expect(failed).toMatchObject([{ ok: false }]);
    const shown = await detail(id);
    expect(shown.refresh).toMatchObject({
      ok: false,
      summary: null,
      lastFetchedAt: "2026-02-15T05:00:00.000Z",
    });
    expect(shown.refresh.error).toBe("Tjenesten svarte med feil 503.");
    expect(ownSeries(shown)).toHaveLength(2);
  });

  it("still goes through the fetch guard: with the installation's policy a local address is refused", async () => {
    answer = { status: 200, body: jsonStat({ "2022": 5 }) };
    const id = await importedFromAddress("Nyetableringer");
    const { version } = await detail(id);
    await send("PUT", `/indicators/${id}/refresh-schedule`, { schedule: "daily", version });
    // Any public host over http, as an installation may allow: loopback is still not public.
    const installation = { ...defaultFetchLimits, policy: { hosts: null, allowHttp: true, maxRedirects: 3 } };
    const outcomes = await refresh("2026-03-01T05:00:00Z", installation);
    expect(outcomes.find((o) => o.indicatorId === id)).toEqual({
      indicatorId: id,
      ok: false,
      error: JSON.stringify({ key: "statistics.addressRefused", params: {} }),
    });
    expect((await detail(id)).refresh.ok).toBe(false);
  });

  it("has no schedule for an indicator imported from a file, and only planners set one", async () => {
    const created = await send("POST", "/indicators", { name: "Fra fil" });
    const id = created.json().id as string;
    const refused = await send("PUT", `/indicators/${id}/refresh-schedule`, {
      schedule: "daily",
      version: 1,
    });
    expect(refused.statusCode).toBe(400);
    const viewer = await createUser(t.database.db, { role: "viewer" });
    const outsider = await signIn(t.app, viewer.email, testPassword);
    const forbidden = await t.app.inject({
      method: "PUT",
      url: `/api/municipalities/3301/indicators/${id}/refresh-schedule`,
      headers: outsider.headers,
      payload: { schedule: "never", version: 1 },
    });
    expect(forbidden.statusCode).toBe(404);
  });
});
