import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, localFetchPolicy, type Signed, signIn } from "../../../test/app.ts";
import { createMunicipality, createUser, testPassword } from "../../../test/factories.ts";
import { fixture, windows1252 } from "../../../test/statistics.ts";
import type { ImportPreviewResponse, IndicatorDetailResponse } from "./indicators.ts";

// Statistics as they come (national tables, one dimension, time in labels, two geographic
// dimensions, Windows-1252), and re-imports that say what they change and can be undone.

let t: Awaited<ReturnType<typeof createTestApp>>;
let planner: Signed;
let server: Server;
let serverUrl: string;
const excelCsv =
  "Kommune;År;Verdi\r\n3301 Drammen;2023;12,5\r\n3314 Øvre Eiker;2023;9,75\r\n3312 Lier;2024;-\r\n";

beforeAll(async () => {
  // The Windows-1252 test fetches from its own local http server (not allowed by the default policy).
  t = await createTestApp({ fetchPolicy: localFetchPolicy });
  const drammen = await createMunicipality(t.database.db, { number: "3301", name: "Drammen" });
  const user = await createUser(t.database.db, { municipalityId: drammen.id, role: "planner" });
  planner = await signIn(t.app, user.email, testPassword);
  // A stand-in for a statistics server that answers with a Windows-1252 CSV.
  server = createServer((_request, response) => {
    response.setHeader("content-type", "text/csv");
    response.end(Buffer.from(windows1252(excelCsv)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t.close();
});

const send = (method: "GET" | "POST", url: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api/municipalities/3301${url}`,
    headers: planner.headers,
    ...(payload ? { payload } : {}),
  });
const newIndicator = async (name: string) => {
  const response = await send("POST", "/indicators", { name });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};
const file = (text: string, format: "json-stat" | "csv" = "json-stat", encoding?: string) => ({
  kind: "file",
  fileName: format === "csv" ? "data.csv" : "data.json",
  format,
  text,
  ...(encoding ? { encoding } : {}),
});
const preview = async (id: string, body: object) => {
  const response = await send("POST", `/indicators/${id}/import-preview`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ImportPreviewResponse;
};
const detail = async (id: string) =>
  (await send("GET", `/indicators/${id}`)).json() as IndicatorDetailResponse;

describe("statistics as they come, through the API", () => {
  it("a national table without a region imports as the series of «Hele landet»", async () => {
    const id = await newIndicator("Konsumprisindeks");
    const source = file(fixture("kpi-hele-landet-2.0.json"));
    const body = await preview(id, { source });
    expect(body.mapping.region).toBeNull();
    expect(body.result.problems).toEqual([]);
    const saved = await send("POST", `/indicators/${id}/imports`, { source, mapping: body.mapping });
    expect(saved.statusCode, saved.body).toBe(201);
    const series = (await detail(id)).series.map((p) => [p.regionNumber, p.regionLabel, p.period, p.value]);
    expect(series).toEqual([
      ["0", "Hele landet", "2024M11", 134.6],
      ["0", "Hele landet", "2024M12", 134.8],
      ["0", "Hele landet", "2025M01", 135.4],
    ]);
  });

  it("a one-dimension table and a region-and-value CSV preview with a clear problem, not a 500", async () => {
    const id = await newIndicator("Folkemengde");
    for (const source of [
      file(fixture("befolkning-en-dimensjon-2.0.json")),
      file(fixture("befolkning-region-verdi.csv"), "csv"),
    ]) {
      const body = await preview(id, { source });
      expect(body.mapping.time).toBeNull();
      expect(body.result.problems[0]).toMatch(/bare én dimensjon.*ingen tid/);
      const refused = await send("POST", `/indicators/${id}/imports`, { source, mapping: body.mapping });
      expect(refused.statusCode, refused.body).toBe(400);
    }
  });

  it("time codes «0», «1» labelled «2004», «2005» are saved as 2004 and 2005", async () => {
    const id = await newIndicator("Folkemengde over tid");
    const source = file(fixture("folkemengde-tidskoder-2.0.json"));
    const body = await preview(id, { source });
    const saved = await send("POST", `/indicators/${id}/imports`, { source, mapping: body.mapping });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(
      (await detail(id)).series.filter((p) => p.regionNumber === "3301").map((p) => [p.period, p.value]),
    ).toEqual([
      ["2004", 57759],
      ["2005", 58412],
    ]);
  });

  it("with two geographic dimensions the suggestion is the municipality one, and it imports as suggested", async () => {
    const id = await newIndicator("Barnehagedekning");
    const source = file(fixture("to-geodimensjoner-2.0.json"));
    const body = await preview(id, { source });
    expect(body.mapping).toMatchObject({
      region: "KOKkommuneregion0000",
      time: "Tid",
      content: "ContentsCode",
    });
    const saved = await send("POST", `/indicators/${id}/imports`, { source, mapping: body.mapping });
    expect(saved.statusCode, saved.body).toBe(201);
  });

  it("a Windows-1252 CSV from a URL is read with «Øvre Eiker» intact and says its encoding", async () => {
    const id = await newIndicator("Fra Excel");
    const body = await preview(id, { source: { kind: "url", url: `${serverUrl}/excel.csv` } });
    expect(body.table.encoding).toBe("windows-1252");
    expect(body.result.rows.map((r) => r.regionLabel)).toContain("Øvre Eiker");
    expect(body.result.rows.find((r) => r.regionNumber === "3312")).toMatchObject({ value: 0, status: "-" });
    // A file read by the browser says which encoding it was read in, and the preview shows it back.
    const fromFile = await preview(id, { source: file(excelCsv, "csv", "windows-1252") });
    expect(fromFile.table.encoding).toBe("windows-1252");
  });
});

describe("re-importing an indicator", () => {
  const areas = [
    "3301 Drammen",
    "3303 Kongsberg",
    "3312 Lier",
    "3314 Øvre Eiker",
    "3316 Modum",
    "3318 Krødsherad",
    "0 Hele landet",
  ];
  const years = [2019, 2020, 2021, 2022, 2023, 2024];
  const csv = (rows: string[]) => `region;år;verdi\n${rows.join("\n")}\n`;
  const full = csv(areas.flatMap((a) => years.map((y) => `${a};${y};${y - 2000}`)));
  const only2024 = csv(areas.slice(0, 6).map((a, i) => `${a};2024;${i === 0 ? 99 : 24}`));

  it("the preview lists what a replace removes; restore brings the removed periods back; merge keeps them", async () => {
    const id = await newIndicator("Sysselsettingsandel");
    const first = await send("POST", `/indicators/${id}/imports`, {
      source: file(full, "csv"),
      mapping: (await preview(id, { source: file(full, "csv") })).mapping,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().valueCount).toBe(42);

    const source = file(only2024, "csv");
    const replacing = await preview(id, { source });
    expect(replacing.reimport).toMatchObject({
      mode: "replace",
      added: 0,
      changed: 1,
      unchanged: 5,
      removed: 36,
    });
    expect(replacing.reimport?.missingPeriods).toEqual(["2019", "2020", "2021", "2022", "2023"]);
    expect(replacing.reimport?.examples[0]).toMatchObject({ kind: "removed", period: "2019" });
    const merging = await preview(id, { source, mode: "merge" });
    expect(merging.reimport).toMatchObject({ mode: "merge", changed: 1, removed: 1, kept: 35 });

    const second = await send("POST", `/indicators/${id}/imports`, { source, mapping: replacing.mapping });
    expect(second.statusCode, second.body).toBe(201);
    expect((await detail(id)).currentImport?.valueCount).toBe(6);

    // Every import is kept: the first one can be restored, as a new import.
    const restored = await send("POST", `/indicators/${id}/imports/${first.json().importId}/restore`);
    expect(restored.statusCode, restored.body).toBe(201);
    const afterRestore = await detail(id);
    expect(afterRestore.currentImport?.valueCount).toBe(42);
    expect(afterRestore.history.map((h) => h.id)).toEqual(
      expect.arrayContaining([first.json().importId, second.json().importId]),
    );
    expect(afterRestore.series.filter((p) => p.regionNumber === "3301").map((p) => p.period)).toEqual(
      years.map(String),
    );
    const again = await send("POST", `/indicators/${id}/imports/${restored.json().importId}/restore`);
    expect(again.statusCode).toBe(409);

    // Merge by period: 2024 from the new file, the earlier years kept.
    const merged = await send("POST", `/indicators/${id}/imports`, {
      source,
      mapping: replacing.mapping,
      mode: "merge",
    });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(merged.json().valueCount).toBe(41);
    const drammen = (await detail(id)).series.filter((p) => p.regionNumber === "3301");
    expect(drammen.map((p) => [p.period, p.value])).toEqual([
      ["2019", 19],
      ["2020", 20],
      ["2021", 21],
      ["2022", 22],
      ["2023", 23],
      ["2024", 99],
    ]);
  });
});
