/**
 * Bad uploads: every upload route refuses what it cannot take — oversized files, the
 * wrong kind of file, zip bombs, malformed JSON-stat and CSV — with a 4xx status and a Norwegian
 * message a planner understands, and a refused upload changes nothing (row counts of every table
 * and the last audit event are the same before and after). Zip bombs are refused quickly, by the
 * sizes they declare and, when those lie, by counting what really unpacks.
 *
 * Routes: POST …/plans/{planId}/measures-import/preview and …/measures-import (the .xlsx file as the
 * body), POST …/indicators/{id}/import-preview and …/imports (JSON-stat or CSV as text, or a URL the
 * server fetches; a local HTTP server here plays the statistics service).
 */

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, localFetchPolicy, type Signed, signIn } from "./app.ts";
import {
  createDocumentPlan,
  createIndicator,
  createMunicipality,
  createUser,
  testPassword,
} from "./factories.ts";
import { forgeDeclaredSize, partsOf, zipOf } from "./zip.ts";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MB = 1024 * 1024;

let t: Awaited<ReturnType<typeof createTestApp>>;
let planner: Signed;
let base: string;
let planId: string;
let indicatorId: string;
let server: Server;
let serverUrl: string;
let goodXlsx: Buffer;

beforeAll(async () => {
  t = await createTestApp({ fetchPolicy: localFetchPolicy });
  const { db } = t.database;
  const municipality = await createMunicipality(db, { number: "3301", name: "Drammen" });
  const user = await createUser(db, { municipalityId: municipality.id, role: "planner" });
  planner = await signIn(t.app, user.email, testPassword);
  base = `/api/municipalities/${municipality.number}`;
  const scenario = await createDocumentPlan(db, { municipalityId: municipality.id, measureCount: 3 });
  planId = scenario.plan.id;
  indicatorId = (await createIndicator(db, { municipalityId: municipality.id })).id;
  const download = await t.app.inject({
    url: `${base}/plans/${planId}/action-plans/2027/0/handlingsplan.xlsx`,
    headers: planner.headers,
  });
  expect(download.statusCode, download.body).toBe(200);
  goodXlsx = download.rawPayload;

  const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");
  server = createServer((request, response) => {
    const url = request.url ?? "";
    if (url === "/declared-too-big") {
      // Says so up front: refused by its Content-Length before anything is read.
      response.setHeader("content-length", String(20 * MB + 1));
      response.write("x".repeat(1024));
      return setTimeout(() => response.destroy(), 200);
    }
    if (url === "/streamed-too-big") {
      // No Content-Length: the reading stops at the limit.
      response.setHeader("content-type", "text/csv");
      const chunk = Buffer.alloc(MB, "a");
      let sent = 0;
      const write = () => {
        while (sent <= 21) {
          sent++;
          if (!response.write(chunk)) return response.once("drain", write);
        }
        response.end();
      };
      response.on("error", () => {});
      return write();
    }
    if (url === "/just-under") {
      // 20 MB exactly, one value per line: allowed through the size check, then read.
      const line = "3301;2023;1\n";
      return response.end(`region;år;verdi\n${line.repeat(Math.floor((20 * MB - 16) / line.length))}`);
    }
    if (url === "/pdf") {
      response.setHeader("content-type", "application/pdf");
      return response.end(pdf);
    }
    if (url === "/deep") return response.end("[".repeat(100_000) + "]".repeat(100_000));
    if (url === "/html") return response.end("<html><body>Ikke statistikk</body></html>");
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

/** Row counts of every table in the public schema, and the last audit event. */
async function fingerprint(): Promise<string> {
  const tables = await t.database.db.execute<{ table_name: string }>(sql`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const counts = tables.rows
    .map(({ table_name }) => `select '${table_name}' as t, count(*)::text as n from "${table_name}"`)
    .join(" union all ");
  const rows = await t.database.db.execute<{ t: string; n: string }>(
    sql.raw(
      `${counts} union all select 'max(audit_events.id)', coalesce(max(id), 0)::text from audit_events`,
    ),
  );
  return rows.rows.map((r) => `${r.t}=${r.n}`).join("\n");
}

type Sent = { url: string; contentType?: string; payload?: string | Buffer };

/** Sends one request and checks it is refused (4xx, the message) and that nothing changed. */
async function expectRefused(request: Sent, message: RegExp, status?: number, maxMs = 15_000) {
  const before = await fingerprint();
  const started = Date.now();
  const response = await t.app.inject({
    method: "POST",
    url: request.url,
    headers: {
      ...planner.headers,
      ...(request.contentType !== undefined ? { "content-type": request.contentType } : {}),
    },
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  const took = Date.now() - started;
  const where = `${request.url} [${request.contentType}] → ${response.statusCode} ${response.body.slice(0, 500)}`;
  expect(response.statusCode, where).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, where).toBeLessThan(500);
  if (status) expect(response.statusCode, where).toBe(status);
  const body = response.json() as { error: { code: string; message: string } };
  expect(body.error.message, where).toMatch(message);
  // Norwegian, not Fastify's or a library's English.
  expect(body.error.message, where).not.toMatch(/\b(the|is|body|request|unexpected|error|cannot)\b/i);
  expect(await fingerprint(), where).toBe(before);
  expect(took, where).toBeLessThan(maxMs);
  return body.error.message;
}

// ---------------------------------------------------------------------------------------------
// Files to upload

/** The good workbook with parts added (or replaced). */
const xlsxWith = async (files: Record<string, string | Buffer>) =>
  zipOf({ ...(await partsOf(goodXlsx)), ...files });

const docx = () =>
  zipOf({
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "word/document.xml":
      '<?xml version="1.0"?><w:document><w:body><w:p>Handlingsplan</w:p></w:body></w:document>',
  });
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from("IHDR"),
  Buffer.alloc(200, 7),
]);
const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\ntrailer\n%%EOF\n");
/** A string of 60 MB that deflates to about 60 kB. */
const filler = (mb: number) => Buffer.alloc(mb * MB, "A");

// ---------------------------------------------------------------------------------------------

describe("the Excel import of measures refuses bad uploads", () => {
  const preview = () => `${base}/plans/${planId}/measures-import/preview`;
  const apply = () => `${base}/plans/${planId}/measures-import?token=abc`;
  const refused = async (
    payload: Buffer | string | undefined,
    message: RegExp,
    contentType: string | null = xlsxType,
    status?: number,
    maxMs?: number,
  ) => {
    if (contentType === null) contentType = undefined as unknown as string;
    await expectRefused({ url: preview(), contentType, payload }, message, status, maxMs);
    await expectRefused({ url: apply(), contentType, payload }, message, status, maxMs);
  };

  it("takes the good workbook (the baseline the other files are made from)", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: preview(),
      headers: { ...planner.headers, "content-type": xlsxType },
      payload: goodXlsx,
    });
    expect(response.statusCode, response.body).toBe(200);
  });

  it("a file just over 5 MB: 413, «Filen er større enn 5 MB»", async () => {
    const big = Buffer.concat([goodXlsx, Buffer.alloc(5 * MB + 1 - goodXlsx.length, 0)]);
    expect(big.length).toBe(5 * MB + 1);
    await refused(big, /^Filen er større enn 5 MB\.$/, xlsxType, 413);
    await refused(big, /^Filen er større enn 5 MB\.$/, "application/octet-stream", 413);
  });

  it("the wrong kind of file: Word, PDF, PNG, CSV, plain text, empty, a zip that is not a workbook, macros", async () => {
    await refused(await docx(), /Filen er et Word-dokument \(\.docx\), ikke et Excel-regneark/);
    await refused(pdf, /Filen er en PDF-fil, ikke et Excel-regneark/);
    await refused(png, /Filen er et bilde, ikke et Excel-regneark/);
    await refused(
      "Tiltak;Tittel\nT-001;Næringsvennlig kommune\n",
      /ikke et Excel-regneark \(\.xlsx\)\. Er det en CSV- eller tekstfil/,
    );
    await refused("bare litt tekst", /ikke et Excel-regneark/);
    await refused(Buffer.alloc(0), /Velg et Excel-regneark \(\.xlsx\) å importere/);
    await refused(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /gammelt Excel- eller Word-format/,
    );
    await refused(
      await zipOf({ "notater.txt": "hei", "bilde.png": png }),
      /zip-arkiv, men ikke et Excel-regneark/,
    );
    // Macros: a vbaProject part, or a workbook declared as macro-enabled (.xlsm) in its content types.
    await refused(
      await xlsxWith({ "xl/vbaProject.bin": Buffer.alloc(2000, 1) }),
      /inneholder makroer \(\.xlsm\)/,
    );
    const types =
      (await (await JSZip.loadAsync(goodXlsx)).file("[Content_Types].xml")?.async("string")) ?? "";
    const xlsm = types.replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
    expect(xlsm).not.toBe(types);
    await refused(await xlsxWith({ "[Content_Types].xml": xlsm }), /inneholder makroer \(\.xlsm\)/);
    // Damaged: the good workbook cut short, and with its middle overwritten.
    await refused(goodXlsx.subarray(0, goodXlsx.length - 100), /skadet/);
    const scrambled = Buffer.from(goodXlsx);
    scrambled.fill(0x55, 200, scrambled.length - 2000);
    await refused(scrambled, /skadet/);
  });

  it("wrong or missing content-type headers: a Norwegian answer, not Fastify's", async () => {
    await refused(goodXlsx, /Send Excel-regnearket \(\.xlsx\) som filen selv/, "text/csv", 415);
    await refused(
      goodXlsx,
      /Send Excel-regnearket \(\.xlsx\) som filen selv/,
      "multipart/form-data; boundary=x",
      415,
    );
    await refused(goodXlsx, /Send Excel-regnearket \(\.xlsx\) som filen selv/, "application/json", 400);
    await refused("{}", /Velg et Excel-regneark \(\.xlsx\) å importere/, "application/json", 400);
    // No content type at all: the file is still read for what it is.
    await refused(pdf, /Filen er en PDF-fil, ikke et Excel-regneark|Send Excel-regnearket/, null);
  });

  it("zip bombs: .xlsx and .docx, huge declared sizes, many parts, nested zips, path traversal — refused quickly", async () => {
    const bombParts = { "xl/worksheets/sheet9.xml": filler(60), "xl/worksheets/sheet8.xml": filler(60) };
    const xlsxBomb = await xlsxWith(bombParts);
    expect(xlsxBomb.length).toBeLessThan(5 * MB);
    await refused(xlsxBomb, /pakkes ut til mer enn 100 MB/, xlsxType, 400, 5_000);
    const docxBomb = await zipOf({
      "[Content_Types].xml": "<Types/>",
      "word/document.xml": filler(60),
      "word/media/image1.png": filler(60),
    });
    await refused(docxBomb, /Word-dokument|pakkes ut til mer enn/, xlsxType, 400, 5_000);
    // One part that declares 4 GB (the largest a plain zip can say).
    await refused(forgeDeclaredSize(goodXlsx, "xl/workbook.xml", 0xfffffff0), /pakkes ut til mer enn 100 MB/);
    // Thousands of tiny parts.
    const many: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) many[`xl/media/m${i}.txt`] = "x";
    await refused(await xlsxWith(many), /består av 3[\s\u00a0]?\d{3} deler/, xlsxType, 400, 10_000);
    // A zip inside the zip (the inner one a bomb): not a workbook, and the inner zip is never opened.
    const inner = zipOf({ "a.txt": filler(100), "b.txt": filler(100) });
    await refused(
      await zipOf({ "inner.zip": inner, "inner2.zip": inner }),
      /zip-arkiv, men ikke et Excel-regneark/,
    );
    // Names that climb out of a folder, or are absolute.
    await refused(await xlsxWith({ "../../x": "hei" }), /ugyldig navn \(«\.\.\/\.\.\/x»\)/);
    await refused(await xlsxWith({ "/etc/passwd": "hei" }), /ugyldig navn/);
    await refused(await xlsxWith({ "xl\\..\\..\\x": "hei" }), /ugyldig navn/);
  }, 120_000);

  it("a sheet that reaches cell XFD1048576 (billions of cells to read): refused by its size, quickly", async () => {
    const far = async (row: number, column: number) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(goodXlsx as unknown as ExcelJS.Buffer);
      const sheet = workbook.getWorksheet("Tiltak") ?? workbook.worksheets[0];
      if (!sheet) throw new Error("no sheet");
      sheet.getCell(row, column).value = "x";
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    await refused(
      await far(1_048_576, 1),
      /går ned til rad 1[\s\u00a0]048[\s\u00a0]576; importen tar høyst 10[\s\u00a0]000 rader/,
      xlsxType,
      400,
      10_000,
    );
    await refused(
      await far(2, 16_384),
      /har innhold i kolonne 16[\s\u00a0]384; importen tar høyst 200 kolonner/,
      xlsxType,
      400,
      10_000,
    );
  }, 60_000);

  it("a small file with hundreds of thousands of rows or cells: refused by counting them while unpacking, before the sheet is built", async () => {
    const withRows = async (rowCount: number, columns: number) => {
      const zip = await JSZip.loadAsync(goodXlsx);
      const name = Object.keys(zip.files).find((n) => n.startsWith("xl/worksheets/sheet")) ?? "";
      const xml = (await zip.file(name)?.async("string")) ?? "";
      const cells = Array.from({ length: columns }, (_, c) => `<c><v>${c}</v></c>`).join("");
      zip.file(name, xml.replace("</sheetData>", `${`<row>${cells}</row>`.repeat(rowCount)}</sheetData>`));
      return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    };
    const rows = await withRows(300_000, 3);
    expect(rows.length).toBeLessThan(5 * MB);
    await refused(
      rows,
      /har 300[\s\u00a0]0\d\d rader i ett ark; importen tar høyst 10[\s\u00a0]000/,
      xlsxType,
      400,
      5_000,
    );
    await refused(
      await withRows(9_000, 30),
      /har 27\d[\s\u00a0]\d{3} celler; importen tar høyst 250[\s\u00a0]000/,
      xlsxType,
      400,
      5_000,
    );
  }, 60_000);

  it("a zip whose directory lies (declares 1 kB, unpacks to 200 MB): refused by counting what really unpacks", async () => {
    const liar = forgeDeclaredSize(
      await xlsxWith({ "xl/media/image1.png": filler(200) }),
      "xl/media/image1.png",
      1000,
    );
    expect(liar.length).toBeLessThan(5 * MB);
    const used = process.memoryUsage().rss;
    await refused(liar, /pakkes ut til mer enn 100 MB/, xlsxType, 400, 5_000);
    // Bounded: the 200 MB were never held (well under the size of the bomb).
    expect(process.memoryUsage().rss - used).toBeLessThan(150 * MB);
    // Lying in the other direction matters too: a part that unpacks to just over what it declares.
    const slightly = await xlsxWith({ "xl/media/data.bin": Buffer.alloc(50_000, 3) });
    await refused(
      forgeDeclaredSize(slightly, "xl/media/data.bin", 49_999),
      /pakkes ut til mer enn 100 MB, eller er skadet/,
    );
  }, 120_000);
});

describe("the indicator import refuses bad uploads", () => {
  const mapping = { region: "region", time: "tid", category: null, content: null, selections: {} };
  const previewUrl = () => `${base}/indicators/${indicatorId}/import-preview`;
  const importUrl = () => `${base}/indicators/${indicatorId}/imports`;
  const asFile = (text: string, format: "json-stat" | "csv" = "json-stat", fileName = "tabell.json") =>
    JSON.stringify({ source: { kind: "file", fileName, format, text }, mapping });
  const refused = async (
    text: string,
    message: RegExp,
    format: "json-stat" | "csv" = "json-stat",
    status?: number,
  ) => {
    await expectRefused(
      { url: previewUrl(), contentType: "application/json", payload: asFile(text, format) },
      message,
      status,
    );
    await expectRefused(
      { url: importUrl(), contentType: "application/json", payload: asFile(text, format) },
      message,
      status,
    );
  };
  /** A JSON-stat 2.0 dataset with two dimensions, changed by `over`. */
  const dataset = (over: Record<string, unknown> = {}) =>
    JSON.stringify({
      version: "2.0",
      class: "dataset",
      label: "Sysselsatte",
      id: ["region", "tid"],
      size: [2, 2],
      dimension: {
        region: { category: { index: ["3301", "3312"], label: { 3301: "Drammen", 3312: "Lier" } } },
        tid: { category: { index: ["2022", "2023"] } },
      },
      value: [1, 2, 3, 4],
      ...over,
    });
  /** The same as JSON-stat 1.x (a bundle with one dataset), changed by `over`. */
  const bundle = (over: Record<string, unknown> = {}, dimension: Record<string, unknown> = {}) =>
    JSON.stringify({
      dataset: {
        label: "Ledighet",
        dimension: {
          id: ["region", "tid"],
          size: [2, 2],
          region: { category: { index: { 3301: 0, 3312: 1 } } },
          tid: { category: { index: { 2022: 0, 2023: 1 } } },
          ...dimension,
        },
        value: [1, 2, 3, 4],
        ...over,
      },
    });

  it("takes the good dataset, 2.0 and 1.x (the baseline the bad ones are made from)", async () => {
    for (const text of [dataset(), bundle()]) {
      const response = await t.app.inject({
        method: "POST",
        url: previewUrl(),
        headers: { ...planner.headers, "content-type": "application/json" },
        payload: asFile(text),
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().table.valueCount).toBe(4);
    }
  });

  it("a file just over 20 MB: «Filen er større enn 20 MB»; a body over the limit: 413 with the same", async () => {
    const line = "3301;2023;1\n";
    const text = `region;aar;verdi\n${line.repeat(Math.ceil((20 * MB) / line.length))}`.slice(0, 20 * MB + 1);
    expect(Buffer.byteLength(text)).toBe(20 * MB + 1);
    await refused(text, /^Filen er større enn 20 MB/, "csv", 400);
    // Quotes double in JSON: a body over the route's limit is refused before it is read.
    const quotes = '"'.repeat(21 * MB);
    await expectRefused(
      { url: previewUrl(), contentType: "application/json", payload: asFile(quotes) },
      /^Filen er større enn 20 MB/,
      413,
    );
  }, 60_000);

  it("the wrong kind of file: an .xlsx, a PDF, a PNG, binary junk — read as text by the browser", async () => {
    const asText = (bytes: Buffer) => new TextDecoder("utf-8").decode(bytes);
    await refused(asText(goodXlsx), /ikke (ut som )?en tekstfil|Excel-regneark eller et annet zip-arkiv/);
    await refused(asText(pdf), /ser ut til å være en PDF-fil/);
    await refused(asText(png), /bilde|ikke (ut som )?en tekstfil/);
    const junk = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256));
    await refused(asText(junk), /ikke (ut som )?en tekstfil/);
    await refused(asText(junk), /ikke (ut som )?en tekstfil/, "csv");
    // Without NUL characters (the browser might drop them): still refused for what it is.
    const noNul = Buffer.from(junk.filter((b) => b !== 0));
    await refused(asText(noNul), /ikke ut som en tekstfil/);
    await refused(
      asText(goodXlsx).replaceAll("\u0000", ""),
      /Excel-regneark eller et annet zip-arkiv/,
      "csv",
    );
  });

  it("wrong or missing content-type headers, broken JSON bodies", async () => {
    const body = asFile(dataset());
    await expectRefused(
      { url: previewUrl(), contentType: "text/plain", payload: body },
      /må sendes som JSON/,
      415,
    );
    await expectRefused(
      { url: previewUrl(), contentType: xlsxType, payload: goodXlsx },
      /må sendes som JSON/,
      415,
    );
    await expectRefused(
      { url: previewUrl(), contentType: "application/json", payload: "{" },
      /ikke gyldig JSON/,
      400,
    );
    await expectRefused(
      { url: previewUrl(), contentType: "application/json", payload: "" },
      /ikke gyldig JSON/,
      400,
    );
    await expectRefused({ url: importUrl(), contentType: undefined, payload: body }, /JSON/);
    // The request body itself nested 100 000 deep (not the file inside it).
    const deep = `{"source": ${"[".repeat(100_000)}${"]".repeat(100_000)}, "mapping": ${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}}`;
    await expectRefused(
      { url: previewUrl(), contentType: "application/json", payload: deep },
      /Feil i «source»/,
      400,
    );
  });

  it("malformed JSON-stat: not JSON, not JSON-stat, and every broken part of 1.x and 2.0", async () => {
    await refused("{ «dette er ikke JSON» ", /ikke gyldig JSON/);
    await refused('{"navn": "Drammen", "innbyggere": 103000}', /Filen er ikke JSON-stat/);
    await refused("[1, 2, 3]", /Filen er ikke JSON-stat: den inneholder ikke et JSON-objekt/);
    await refused('"tekst"', /Filen er ikke JSON-stat/);
    await refused("null", /Filen er ikke JSON-stat/);
    await refused(JSON.stringify({ class: "collection", link: {} }), /samling/);
    await refused(
      JSON.stringify({ error: [{ message: "Bad request" }] }),
      /feilmelding fra statistikktjenesten/,
    );
    // id and size of different length.
    await refused(dataset({ size: [2] }), /2 dimensjoner i «id», men 1 størrelser/);
    await refused(bundle({}, { size: [2, 2, 1] }), /2 dimensjoner i «id», men 3 størrelser/);
    // As many values as the product of the sizes, no more and no less.
    await refused(dataset({ value: [1, 2, 3] }), /2 × 2 = 4\) passer ikke med antall verdier \(3\)/);
    await refused(bundle({ value: [1, 2, 3, 4, 5] }), /passer ikke med antall verdier \(5\)/);
    // Astronomical sizes with a tiny value array or a sparse value object: refused before anything is allocated.
    const huge = {
      id: ["a", "b", "c"],
      size: [1e6, 1e6, 1e6],
      dimension: {
        a: { category: { index: ["1"] } },
        b: { category: { index: ["1"] } },
        c: { category: { index: ["1"] } },
      },
    };
    await refused(
      dataset({ ...huge, value: [1] }),
      /celler \(1[\s\u00a0]000[\s\u00a0]000 × 1[\s\u00a0]000[\s\u00a0]000 × 1[\s\u00a0]000[\s\u00a0]000\); importen tar høyst 10/,
    );
    await refused(dataset({ ...huge, value: { 0: 1 } }), /celler .*importen tar høyst/);
    await refused(dataset({ size: [1e308, 1e308] }), /celler|ikke et helt tall/);
    // Negative, fractional, non-numeric sizes.
    await refused(
      dataset({ size: [-2, 2] }),
      /størrelsen «-2» i «size» er ikke et helt tall som er 0 eller større/,
    );
    await refused(dataset({ size: [1.5, 2] }), /størrelsen «1.5» i «size» er ikke et helt tall/);
    await refused(dataset({ size: ["2", 2] }), /størrelsen «2» i «size» er ikke et helt tall/);
    await refused(dataset({ size: null }), /mangler størrelsene/);
    // Categories missing, or not matching the size.
    await refused(
      dataset({ dimension: { region: { category: { index: ["3301", "3312"] } } } }),
      /Dimensjonen «tid» står i «id», men er ikke beskrevet/,
    );
    await refused(
      dataset({ dimension: { region: {}, tid: { category: { index: ["2022", "2023"] } } } }),
      /«region» står i «id», men er ikke beskrevet/,
    );
    await refused(
      bundle({}, { tid: { category: { index: { 2022: 0 } } } }),
      /«tid» har størrelse 2 i «size», men 1 kategorier/,
    );
    await refused(dataset({ id: ["region", "region"] }), /«region» står to ganger i «id»/);
    // Values and statuses with bad keys or types.
    await refused(dataset({ value: { 0: 1, 7: 2 } }), /nøkkel «7» ligger utenfor datasettet/);
    await refused(dataset({ value: { "-1": 1 } }), /nøkkel «-1» ligger utenfor/);
    await refused(dataset({ value: { "1e1": 1 } }), /nøkkel «1e1» ligger utenfor/);
    await refused(dataset({ value: [1, "to", 3, 4] }), /Verdi nr\. 2 \(«to»\) er ikke et tall/);
    await refused(dataset({ status: { 9: "." } }), /Statusen med nøkkel «9» ligger utenfor/);
    await refused(dataset({ status: { abc: "." } }), /Statusen med nøkkel «abc» ligger utenfor/);
    await refused(dataset({ status: { 1: 5 } }), /Statusen med nøkkel «1» er ikke en tekst/);
    await refused(dataset({ status: [".", ".", "."] }), /Antall statuser \(3\) passer ikke/);
    await refused(dataset({ status: 7 }), /Statusene .* er verken en liste, et objekt eller en tekst/);
    await refused(dataset({ value: null }), /mangler verdier/);
    await refused(dataset({ dimension: "ingen" }), /mangler «dimension»/);
  });

  it("deeply nested JSON, extremely long strings", async () => {
    await refused("[".repeat(100_000) + "]".repeat(100_000), /Filen er ikke JSON-stat/);
    await refused(`${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`, /Filen er ikke JSON-stat/);
    await refused("[".repeat(100_000), /ikke gyldig JSON/);
    const long = "ø".repeat(5 * MB);
    await refused(
      dataset({ id: [long, "tid"], dimension: { tid: { category: { index: ["2022", "2023"] } } } }),
      /lengre enn|ikke beskrevet/,
    );
    await refused(
      dataset({
        dimension: {
          region: { category: { index: [long, "3312"] } },
          tid: { category: { index: ["2022", "2023"] } },
        },
      }),
      /lengre enn 200 tegn/,
    );
    await refused(
      dataset({
        dimension: {
          region: { category: { index: ["3301", "3312"], label: { 3301: long, 3312: "Lier" } } },
          tid: { category: { index: ["2022", "2023"] } },
        },
      }),
      /lengre enn 1[\s\u00a0]?000 tegn/,
    );
    await refused(dataset({ label: long }), /lengre enn 1[\s\u00a0]?000 tegn/);
  }, 60_000);

  it("malformed CSV: unbalanced quotes, the wrong separator, no header, millions of columns", async () => {
    await refused(
      'region;år;verdi\n"3301 Drammen;2023;5\n',
      /Linje 2: et anførselstegn \("\) er ikke avsluttet/,
      "csv",
    );
    await refused('"region;år;verdi\n3301;2023;5\n', /Linje 1: et anførselstegn/, "csv");
    await refused("region\tår\tverdi\n3301\t2023\t5\n", /minst to kolonner skilt med semikolon/, "csv");
    await refused("region|år|verdi\n3301|2023|5\n", /minst to kolonner/, "csv");
    await refused(
      "3301 Drammen;2023;5\n3312 Lier;2023;7\n",
      /Første linje ser ut som tall, ikke som overskrifter/,
      "csv",
    );
    await refused(
      ";".repeat(2_000_000),
      /Overskriftslinjen har 2[\s\u00a0]?000[\s\u00a0]?001 kolonner/,
      "csv",
    );
    await refused(
      `region;år;verdi\n${"3301;2023;5;".repeat(500_000)}`,
      /Linje 2: 1[\s\u00a0]?500[\s\u00a0]?001 kolonner/,
      "csv",
    );
    await refused("region;år;verdi\n", /ingen verdier under overskriften/, "csv");
    await refused("\n\nregion;år;verdi\n3301;2023;5\n", /Første linje er tom/, "csv");
    await refused(" ", /tom/, "csv");
  }, 60_000);

  it("URLs: over 20 MB (declared, or streamed without a length), not statistics, nested too deep", async () => {
    const url = (path: string) =>
      JSON.stringify({ source: { kind: "url", url: `${serverUrl}${path}` }, mapping });
    const both = async (path: string, message: RegExp) => {
      await expectRefused(
        { url: previewUrl(), contentType: "application/json", payload: url(path) },
        message,
        400,
        30_000,
      );
      await expectRefused(
        { url: importUrl(), contentType: "application/json", payload: url(path) },
        message,
        400,
        30_000,
      );
    };
    await both("/declared-too-big", /^Filen er større enn 20 MB; velg et mindre utvalg/);
    await both("/streamed-too-big", /^Filen er større enn 20 MB; velg et mindre utvalg/);
    await both("/pdf", /ser ut til å være en PDF-fil/);
    await both("/deep", /Filen er ikke JSON-stat/);
    await both("/html", /Første linje|minst to kolonner/);
    await both("/finnes-ikke", /Tjenesten svarte med feil 404/);
    // Just under the limit is read (and here refused only for what it holds: every line the same).
    const message = await expectRefused(
      { url: previewUrl(), contentType: "application/json", payload: url("/just-under") },
      /samme kombinasjon/,
      400,
      60_000,
    );
    expect(message).not.toMatch(/større enn/);
  }, 180_000);
});
