import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, localFetchPolicy, type Signed, signIn } from "../../../test/app.ts";
import {
  createFocusArea,
  createGoal,
  createIndicator,
  createMunicipality,
  createPlan,
  createRegion,
  createUser,
  type Municipality,
  testPassword,
} from "../../../test/factories.ts";
import { auditEvents, indicatorImports, indicatorValues } from "../../db/schema/index.ts";
import type { Role } from "../../domain/permissions.ts";
import {
  importIndicatorData,
  previewIndicatorImport,
} from "../../services/indicators/import-indicator-data.ts";
import type { ImportPreviewResponse, IndicatorDetailResponse } from "./indicators.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/indicators/${name}`, import.meta.url), "utf8");
const jsonStat2 = fixture("sysselsatte-2.0.json");
const jsonStat1 = fixture("ledighet-1.x.json");
const csv = fixture("nyetableringer.csv");

let t: Awaited<ReturnType<typeof createTestApp>>;
let drammen: Municipality;
let lier: Municipality;
let planner: Signed;
let plannerId: string;
let server: Server;
let serverUrl: string;
beforeAll(async () => {
  t = await createTestApp({ fetchPolicy: localFetchPolicy });
  const { db } = t.database;
  drammen = await createMunicipality(db, { number: "3301", name: "Drammen" });
  lier = await createMunicipality(db, { number: "3312", name: "Lier", active: false });
  const kongsberg = await createMunicipality(db, { number: "3303", name: "Kongsberg", active: false });
  await createRegion(db, { municipalityIds: [drammen.id, lier.id, kongsberg.id], name: "Drammensregionen" });
  const user = await createUser(db, { municipalityId: drammen.id, role: "planner" });
  planner = await signIn(t.app, user.email, testPassword);
  plannerId = user.id;
  // A stand-in for Statistics Norway's PxWebApi, serving the test files.
  server = createServer((request, response) => {
    if (request.url === "/slow") return setTimeout(() => response.end(jsonStat2), 2000);
    if (request.url === "/big") return response.end("x".repeat(600_000));
    if (request.url === "/missing") {
      response.statusCode = 404;
      return response.end("not found");
    }
    const body = request.url === "/07984" ? jsonStat2 : request.url === "/csv" ? csv : null;
    if (body === null) {
      response.statusCode = 404;
      return response.end();
    }
    response.setHeader("content-type", request.url === "/csv" ? "text/csv" : "application/json");
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t.close();
});

const base = () => `/api/municipalities/${drammen.number}`;
const send = (method: "GET" | "POST" | "PUT", url: string, payload?: object, headers = planner.headers) =>
  t.app.inject({ method, url: `${base()}${url}`, headers, ...(payload ? { payload } : {}) });
const newIndicator = async (over: object = {}) => {
  const response = await send("POST", "/indicators", { name: "Sysselsatte etter næring", ...over });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};
const file = (text: string, format: "json-stat" | "csv" = "json-stat") => ({
  kind: "file" as const,
  fileName: format === "csv" ? "data.csv" : "data.json",
  format,
  text,
});
const stored = async () => ({
  imports: (await t.database.db.select({ n: count() }).from(indicatorImports))[0]?.n,
  values: (await t.database.db.select({ n: count() }).from(indicatorValues))[0]?.n,
  audit: (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n,
});

describe("importing JSON-stat into an indicator", () => {
  it("previews the dimensions with labels, then imports; values land on the right municipality, time and category", async () => {
    const id = await newIndicator();
    const preview = await send("POST", `/indicators/${id}/import-preview`, { source: file(jsonStat2) });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json() as ImportPreviewResponse;
    expect(body.table.version).toBe("2.0");
    expect(body.table.dimensions.map((d) => `${d.id}: ${d.label}`)).toEqual([
      "Region: region",
      "NACE2007: næring (SN2007)",
      "ContentsCode: statistikkvariabel",
      "Tid: år",
    ]);
    expect(body.mapping).toEqual({
      region: "Region",
      time: "Tid",
      category: "NACE2007",
      content: "ContentsCode",
      selections: { ContentsCode: ["Sysselsatte"] },
    });
    expect(body.result).toMatchObject({ rowCount: 12, missingCount: 1, problems: [], unit: "personer" });

    const saved = await send("POST", `/indicators/${id}/imports`, {
      source: file(jsonStat2),
      mapping: body.mapping,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ valueCount: 12, missingCount: 1, replacedImportId: null });

    const rows = await t.database.db
      .select()
      .from(indicatorValues)
      .where(eq(indicatorValues.importId, saved.json().importId));
    const lierConstruction2023 = rows.find(
      (r) => r.regionCode === "K-3312" && r.category === "C" && r.period === "2023",
    );
    expect(lierConstruction2023).toMatchObject({
      regionMunicipalityId: lier.id,
      regionNumber: "3312",
      value: null,
      status: "..",
      content: "Sysselsatte",
    });
    expect(
      rows.find((r) => r.regionCode === "K-3301" && r.category === "F" && r.period === "2022"),
    ).toMatchObject({
      regionMunicipalityId: drammen.id,
      value: 5200,
      categoryLabel: "Bygge- og anleggsvirksomhet",
    });
    expect(rows.find((r) => r.regionCode === "0" && r.category === "C" && r.period === "2023")).toMatchObject(
      {
        regionMunicipalityId: null,
        regionNumber: "0",
        value: 212000,
      },
    );

    const detail = (await send("GET", `/indicators/${id}`)).json() as IndicatorDetailResponse;
    expect(detail.unit).toBe("personer");
    expect(detail.currentImport).toMatchObject({
      format: "json-stat",
      valueCount: 12,
      fileName: "data.json",
    });
    expect(detail.comparison.regions.map((r) => r.name)).toEqual(["Drammensregionen"]);
    expect(detail.comparison.regions[0]?.members.map((m) => m.name)).toEqual([
      "Drammen",
      "Kongsberg",
      "Lier",
    ]);
    expect(new Set(detail.series.map((p) => p.regionNumber))).toEqual(new Set(["3301", "3312", "0"]));
    expect(detail.status).toEqual({ kind: "no_target", latest: { period: "2023", year: 2023, value: 4250 } });
  });

  it("imports JSON-stat 1.x, and a re-import replaces the series and keeps the previous one as history", async () => {
    const id = await newIndicator({ name: "Helt ledige" });
    const first = await send("POST", `/indicators/${id}/imports`, {
      source: file(jsonStat1),
      mapping: {
        region: "Region",
        time: "Tid",
        content: "ContentsCode",
        selections: { ContentsCode: ["Ledige"] },
      },
    });
    expect(first.statusCode, first.body).toBe(201);
    const newer = JSON.parse(jsonStat1);
    newer.dataset.value = [2.5, 2.7, 2.9, 2.0, 2.2, 2.1];
    newer.dataset.status = null;
    const second = await send("POST", `/indicators/${id}/imports`, {
      source: file(JSON.stringify(newer)),
      mapping: {
        region: "Region",
        time: "Tid",
        content: "ContentsCode",
        selections: { ContentsCode: ["Ledige"] },
      },
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().replacedImportId).toBe(first.json().importId);
    const detail = (await send("GET", `/indicators/${id}`)).json() as IndicatorDetailResponse;
    expect(detail.unit).toBe("prosent");
    expect(detail.decimals).toBe(1);
    expect(detail.series.filter((p) => p.regionNumber === "3301").map((p) => [p.period, p.value])).toEqual([
      ["2024K3", 2.5],
      ["2024K4", 2.7],
      ["2025K1", 2.9],
    ]);
    expect(detail.history.map((h) => h.id)).toEqual([first.json().importId]);
    // The history keeps its values, with the missing one still missing.
    const old = await t.database.db
      .select()
      .from(indicatorValues)
      .where(eq(indicatorValues.importId, first.json().importId));
    expect(old.find((r) => r.regionNumber === "3301" && r.period === "2025K1")).toMatchObject({
      value: null,
      status: ":",
    });
  });

  it("imports CSV with the same preview and mapping", async () => {
    const id = await newIndicator({ name: "Nyetableringer" });
    const preview = (
      await send("POST", `/indicators/${id}/import-preview`, { source: file(csv, "csv") })
    ).json();
    expect(preview.mapping).toMatchObject({ region: "region", time: "år", category: null, content: null });
    const saved = await send("POST", `/indicators/${id}/imports`, {
      source: file(csv, "csv"),
      mapping: preview.mapping,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const detail = (await send("GET", `/indicators/${id}`)).json() as IndicatorDetailResponse;
    expect(detail.series.map((p) => [p.regionNumber, p.period, p.value, p.status])).toEqual([
      ["3301", "2022", 12.5, null],
      ["3301", "2023", 13.1, null],
      ["3312", "2022", 9.8, null],
      ["3312", "2023", null, ".."],
      ["0", "2022", 11, null],
      ["0", "2023", 11.4, null],
    ]);
  });

  it("bad files get a clear error and store nothing", async () => {
    const id = await newIndicator();
    const before = await stored();
    const broken = JSON.parse(jsonStat2);
    broken.value = broken.value.slice(0, 10);
    const cases: [object, string][] = [
      [{ source: file("<html>Ikke statistikk</html>") }, "Filen er ikke JSON-stat: den er ikke gyldig JSON."],
      [
        { source: file(JSON.stringify(broken)) },
        "Størrelsene (3 × 2 × 1 × 2 = 12) passer ikke med antall verdier (10).",
      ],
      [
        {
          source: file(jsonStat2),
          mapping: { region: "Region", time: "Aar", category: "NACE2007", content: "ContentsCode" },
        },
        "Dimensjonen «Aar» (valgt som tid) finnes ikke i datasettet.",
      ],
      [{ source: file("region;år;verdi\n3301;2023;mye\n", "csv") }, "Linje 2: «mye» er ikke et tall."],
    ];
    for (const [payload, message] of cases) {
      const mapping = {
        region: "Region",
        time: "Tid",
        category: "NACE2007",
        content: "ContentsCode",
        selections: {},
      };
      const response = await send("POST", `/indicators/${id}/imports`, { mapping, ...payload });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.message).toContain(message);
    }
    expect(await stored()).toEqual(before);
  });

  it("reports region codes that match no municipality, and imports once they are left out", async () => {
    const id = await newIndicator();
    const file2 = JSON.parse(jsonStat2);
    file2.dimension.Region.category.index = { "K-3301": 0, "K-0602": 1, "0": 2 };
    file2.dimension.Region.category.label = {
      "K-3301": "Drammen",
      "K-0602": "Drammen (-2019)",
      "0": "Hele landet",
    };
    const source = file(JSON.stringify(file2));
    const preview = (
      await send("POST", `/indicators/${id}/import-preview`, { source })
    ).json() as ImportPreviewResponse;
    expect(preview.result.unmatchedRegions).toEqual([{ code: "K-0602", label: "Drammen (-2019)" }]);
    const before = await stored();
    const refused = await send("POST", `/indicators/${id}/imports`, { source, mapping: preview.mapping });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain(
      "1 regionkoder passer ikke til noen kommune: K-0602 Drammen (-2019).",
    );
    expect(await stored()).toEqual(before);
    const mapping = {
      ...preview.mapping,
      selections: { ...preview.mapping.selections, Region: ["K-3301", "0"] },
    };
    const saved = await send("POST", `/indicators/${id}/imports`, { source, mapping });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().valueCount).toBe(8);
  });

  it("fetches a PxWebApi URL on the server, within limits", async () => {
    const id = await newIndicator();
    const preview = await send("POST", `/indicators/${id}/import-preview`, {
      source: { kind: "url", url: `${serverUrl}/07984` },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const mapping = preview.json().mapping;
    const saved = await send("POST", `/indicators/${id}/imports`, {
      source: { kind: "url", url: `${serverUrl}/07984` },
      mapping,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const detail = (await send("GET", `/indicators/${id}`)).json() as IndicatorDetailResponse;
    expect(detail.currentImport?.sourceUrl).toBe(`${serverUrl}/07984`);
    const csvPreview = await send("POST", `/indicators/${id}/import-preview`, {
      source: { kind: "url", url: `${serverUrl}/csv` },
    });
    expect(csvPreview.json().table.format).toBe("csv");

    const refused = async (url: string) => {
      const response = await send("POST", `/indicators/${id}/import-preview`, {
        source: { kind: "url", url },
      });
      expect(response.statusCode).toBe(400);
      return response.json().error.message as string;
    };
    expect(await refused("file:///etc/passwd")).toBe("Bare adresser som begynner med https:// kan hentes.");
    expect(await refused(`${serverUrl}/missing`)).toBe("Tjenesten svarte med feil 404.");
    const actor = {
      kind: "user" as const,
      userId: plannerId,
      email: "p@test.no",
      name: "Planlegger",
      isSystemAdmin: false,
      roles: { [drammen.id]: "planner" as const },
    };
    const ctx = { db: t.database.db, actor };
    const input = { municipalityNumber: drammen.number, indicatorId: id };
    await expect(
      previewIndicatorImport({
        ctx,
        input: { ...input, source: { kind: "url", url: `${serverUrl}/slow` } },
        limits: { timeoutMs: 200, maxBytes: 1_000_000, policy: { ...localFetchPolicy, maxRedirects: 3 } },
      }),
    ).rejects.toThrow("Tjenesten svarte ikke innen 0,2 sekunder.");
    await expect(
      importIndicatorData({
        ctx,
        input: { ...input, source: { kind: "url", url: `${serverUrl}/big` }, mapping },
        limits: { timeoutMs: 5000, maxBytes: 512 * 1024, policy: { ...localFetchPolicy, maxRedirects: 3 } },
      }),
    ).rejects.toThrow("Filen er større enn 0,5 MB; velg et mindre utvalg i tabellen.");
  });
});

describe("targets and status", () => {
  it("a planner sets a target, sees the status, and a stale version gets a conflict", async () => {
    const id = await newIndicator({ direction: "higher_is_better" });
    await send("POST", `/indicators/${id}/imports`, {
      source: file(jsonStat2),
      mapping: {
        region: "Region",
        time: "Tid",
        category: "NACE2007",
        content: "ContentsCode",
        selections: { ContentsCode: ["Sysselsatte"] },
      },
    });
    const set = await send("PUT", `/indicators/${id}/targets/2023`, { value: 4300, version: 0 });
    expect(set.statusCode, set.body).toBe(200);
    let detail = (await send("GET", `/indicators/${id}`)).json() as IndicatorDetailResponse;
    expect(detail.status).toEqual({
      kind: "off_track",
      latest: { period: "2023", year: 2023, value: 4250 },
      target: { year: 2023, value: 4300 },
    });
    const stale = await send("PUT", `/indicators/${id}/targets/2023`, { value: 4000, version: 0 });
    expect(stale.statusCode).toBe(409);
    await send("PUT", `/indicators/${id}/targets/2023`, { value: 4200, version: 1 });
    detail = (await send("GET", `/indicators/${id}`)).json() as IndicatorDetailResponse;
    expect(detail.status.kind).toBe("on_track");
    expect(detail.targets).toMatchObject([{ year: 2023, value: 4200, version: 2 }]);
    const bad = await send("PUT", `/indicators/${id}/targets/2023`, { value: "mye", version: 2 });
    expect(bad.statusCode).toBe(400);
  });

  it("lists indicators with goals and focus areas; the public sees only published ones", async () => {
    const { db } = t.database;
    const plan = await createPlan(db, { municipalityId: drammen.id, published: true });
    const goal = await createGoal(db, { plan, title: "Norges grønneste kommune" });
    const focus = await createFocusArea(db, { plan, title: "Grønn vekst i Drammen" });
    const id = await newIndicator({
      name: "Klimagassutslipp",
      direction: "lower_is_better",
      goalIds: [goal.id],
      focusAreaIds: [focus.id],
      published: true,
    });
    const list = (await send("GET", "/indicators")).json() as { id: string; goals: { title: string }[] }[];
    expect(list.find((i) => i.id === id)?.goals.map((g) => g.title)).toEqual(["Norges grønneste kommune"]);
    const anonymous = await t.app.inject({ method: "GET", url: `${base()}/indicators` });
    expect(anonymous.json().map((i: { id: string }) => i.id)).toEqual([id]);
    const other = await createGoal(db);
    const foreign = await send("POST", "/indicators", { name: "X", goalIds: [other.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toBe("Velg mål fra kommunens egen plan.");
  });

  it("a municipality in no region is compared with the country only", async () => {
    const { db } = t.database;
    const alone = await createMunicipality(db);
    const user = await createUser(db, { municipalityId: alone.id, role: "viewer" });
    const session = await signIn(t.app, user.email, testPassword);
    const indicator = await createIndicator(db, { municipalityId: alone.id });
    const response = await t.app.inject({
      method: "GET",
      url: `/api/municipalities/${alone.number}/indicators/${indicator.id}`,
      headers: session.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().comparison).toEqual({ regions: [], numbers: [alone.number, "0"] });
  });
});

describe("who may do what with indicators", () => {
  const roles: (Role | "anonymous" | "outsider")[] = [
    "anonymous",
    "outsider",
    "admin",
    "planner",
    "measure_owner",
    "partner",
    "viewer",
  ];
  for (const who of roles) {
    it(`${who}: reads by the table, and only planners write`, async () => {
      const { db } = t.database;
      const municipality = await createMunicipality(db);
      const unpublished = await createIndicator(db, { municipalityId: municipality.id });
      const published = await createIndicator(db, { municipalityId: municipality.id, published: true });
      let headers = {};
      if (who !== "anonymous") {
        const user = await createUser(db, {
          municipalityId: who === "outsider" ? (await createMunicipality(db)).id : municipality.id,
          role: who === "outsider" ? "planner" : who,
        });
        headers = (await signIn(t.app, user.email, testPassword)).headers;
      }
      const url = (i: string) => `/api/municipalities/${municipality.number}/indicators/${i}`;
      const read = async (i: string) =>
        (await t.app.inject({ method: "GET", url: url(i), headers })).statusCode;
      const member = who !== "anonymous" && who !== "outsider";
      expect(await read(published.id)).toBe(200);
      expect(await read(unpublished.id)).toBe(member ? 200 : 404);
      const before = await stored();
      const write = await t.app.inject({
        method: "PUT",
        url: `${url(published.id)}/targets/2030`,
        headers,
        payload: { value: 1, version: 0 },
      });
      const importing = await t.app.inject({
        method: "POST",
        url: `${url(published.id)}/imports`,
        headers,
        payload: { source: file(csv, "csv"), mapping: { region: "region", time: "år" } },
      });
      if (who === "planner") {
        expect(write.statusCode).toBe(200);
        expect(importing.statusCode, importing.body).toBe(201);
      } else {
        const expected = who === "anonymous" ? 401 : who === "outsider" ? 404 : 403;
        expect(write.statusCode).toBe(expected);
        expect(importing.statusCode).toBe(expected);
        expect(await stored()).toEqual(before);
      }
    });
  }
});
