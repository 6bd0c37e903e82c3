import { and, count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedInPlanner, signIn } from "../../../test/app.ts";
import { createDocumentPlan, createUser, testPassword } from "../../../test/factories.ts";
import {
  actionPlanVersions,
  auditEvents,
  measureCosts,
  measures,
  measureVersions,
} from "../../db/schema/index.ts";
import type { ImportAppliedResponse, ImportPreviewResponse } from "./documents.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function setup(measureCount = 6) {
  const { db } = t.database;
  const planner = await signedInPlanner(t.app, db);
  const scenario = await createDocumentPlan(db, { municipalityId: planner.municipality.id, measureCount });
  const download = (format: string, year = 2027) =>
    planner.send("GET", `/plans/${scenario.plan.id}/action-plans/${year}/0/handlingsplan.${format}`);
  const upload = (path: string, file: Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: `${planner.base}/plans/${scenario.plan.id}/${path}`,
      headers: { ...planner.session.headers, "content-type": xlsx, ...headers },
      payload: file,
    });
  return { ...planner, ...scenario, download, upload };
}

async function workbookOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  return workbook;
}
const bytes = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

/** The draft's measures as stored: reference → title and municipal cost per year. */
async function stored(actionPlanVersionId: string) {
  const { db } = t.database;
  const rows = await db
    .select({ reference: measures.reference, title: measureVersions.title, id: measureVersions.id })
    .from(measureVersions)
    .innerJoin(measures, eq(measures.id, measureVersions.measureId))
    .where(eq(measureVersions.actionPlanVersionId, actionPlanVersionId));
  const costs = await db.select().from(measureCosts);
  return Object.fromEntries(
    rows.map((r) => [
      r.reference,
      {
        title: r.title,
        costs: costs
          .filter((c) => c.measureVersionId === r.id)
          .map((c) => `${c.year}:${c.amountNok}`)
          .sort(),
      },
    ]),
  );
}

describe("the action plan as documents", () => {
  it("Word: title page, contents field, Heading 1/2 for the chapters and focus areas, every measure, sums, page numbers", async () => {
    const s = await setup();
    const response = await s.download("docx");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-disposition"]).toContain("handlingsplan-2027-utkast.docx");
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("Handlingsplan 2027");
    expect(text).toContain(s.municipality.name);
    expect(text).toContain("Utkast – ikke vedtatt");
    expect(xml).toContain('w:instrText xml:space="preserve">TOC');
    const headings = (style: string) =>
      [...xml.matchAll(new RegExp(`<w:pStyle w:val="${style}"/>.*?</w:p>`, "g"))].map((m) =>
        m[0].replace(/<[^>]+>/g, ""),
      );
    expect(headings("Heading1")).toEqual([
      "Sammendrag",
      "Tiltak per satsingsområde",
      "Budsjett mot rammene",
      "Endringer fra forrige år",
    ]);
    expect(headings("Heading2")).toEqual(
      expect.arrayContaining([
        "Grønn vekst i Drammen",
        "Kompetansebyen Drammen",
        "Nye tiltak",
        "Endrede tiltak",
      ]),
    );
    for (const m of s.measures) {
      expect(text).toContain(m.title);
      expect(text).toContain(m.reference);
    }
    // Sum of municipal money in 2027: 100 000 × (2 + … + 7) = 2 700 000, in Norwegian format.
    expect(text).toContain("2\u00a0700\u00a0000");
    expect(text).toContain("Næringsforeningen i Drammensregionen (ansvarlig)");
    // The rolling comparison: T-007 new, T-001 removed, T-002 renamed.
    expect(text).toMatch(/T-007 Kompetanseløft for små bedrifter 7/);
    expect(text).toMatch(/T-001 /);
    expect(text).toMatch(/T-002 Kompetanseløft for små bedrifter 2: endret tittel/);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.startsWith("word/footer"))
        .map((f) => zip.file(f)?.async("string")),
    );
    expect(footers.join("")).toContain("PAGE");
    expect(footers.join("")).toContain("NUMPAGES");
  });

  it("PDF: the same chapters, every measure and the sums as text, with æøå", async () => {
    const s = await setup();
    const response = await s.download("pdf");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const pdf = await getDocument({ data: new Uint8Array(response.rawPayload), useSystemFonts: false })
      .promise;
    let text = "";
    for (let p = 1; p <= pdf.numPages; p++) {
      const content = await (await pdf.getPage(p)).getTextContent();
      text += `${content.items.map((i) => ("str" in i ? i.str : "")).join(" ")}\n`;
    }
    text = text.replace(/\s+/g, " ");
    for (const heading of [
      "Innhold",
      "Sammendrag",
      "Tiltak per satsingsområde",
      "Budsjett mot rammene",
      "Endringer fra forrige år",
    ])
      expect(text).toContain(heading);
    for (const m of s.measures) expect(text).toContain(m.reference);
    expect(text).toContain("Grønt næringsareal på Holmen");
    expect(text).toContain("2 700 000");
    expect(text).toMatch(/Side 1 av \d+/);
  });

  it("Excel: one row per measure with a column per year, frames and partners sheets, frozen header and filters", async () => {
    const s = await setup();
    const response = await s.download("xlsx");
    expect(response.statusCode).toBe(200);
    const workbook = await workbookOf(response.rawPayload);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Tiltak", "Rammer", "Partnere"]);
    const sheet = workbook.getWorksheet("Tiltak");
    if (!sheet) throw new Error("no sheet");
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headings).toEqual(
      expect.arrayContaining(["Referanse", "Tittel", "Kommunalt 2027", "Kommunalt 2030", "Eksternt 2027"]),
    );
    expect(sheet.rowCount).toBe(1 + s.measures.length);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const col = (heading: string) => headings.indexOf(heading) + 1;
    const m3 = sheet.getRow(3);
    // Grouped by focus area like the document: T-002, T-004, T-006 come first.
    expect(m3.getCell(col("Referanse")).value).toBe("T-004");
    expect(m3.getCell(col("Kommunalt 2028")).value).toBe(410_000);
    expect(sheet.getColumn(col("Kommunalt 2028")).numFmt).toContain("##0");
    expect(workbook.getWorksheet("Rammer")?.getRow(2).getCell(3).value).toBe(50_000_000);
    expect(workbook.getWorksheet("Partnere")?.rowCount).toBe(1 + s.measures.length);
  });

  it("hides drafts from outsiders (404) and from visitors (404), like the page", async () => {
    const s = await setup(2);
    const outsider = await createUser(t.database.db, { role: "planner" });
    const session = await signIn(t.app, outsider.email, testPassword);
    const url = `${s.base}/plans/${s.plan.id}/action-plans/2027/0/handlingsplan.docx`;
    expect((await t.app.inject({ url, headers: session.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url })).statusCode).toBe(404);
  });
});

describe("importing measures from Excel", () => {
  it("round trip: export → edit (text, a cost, a new row) → the preview shows exactly those → apply writes exactly those", async () => {
    const s = await setup();
    const before = await stored(s.draft.id);
    const workbook = await workbookOf((await s.download("xlsx")).rawPayload);
    const sheet = workbook.getWorksheet("Tiltak");
    if (!sheet) throw new Error("no sheet");
    const headings = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (h: string) => headings.indexOf(h) + 1;
    sheet.getRow(2).getCell(col("Tittel")).value = "Kompetanseløft for små bedrifter – nytt navn";
    sheet.getRow(4).getCell(col("Kommunalt 2029")).value = 999_000;
    const added = sheet.addRow([]);
    added.getCell(col("Tittel")).value = "Nytt tiltak fra regnearket";
    added.getCell(col("Satsingsområde")).value = "Kompetansebyen Drammen";
    added.getCell(col("Fra år")).value = 2027;
    added.getCell(col("Til år")).value = 2028;
    added.getCell(col("Kommunalt 2027")).value = "1 500 000";
    const file = await bytes(workbook);

    const preview = await s.upload("measures-import/preview", file);
    expect(preview.statusCode).toBe(200);
    const p = preview.json() as ImportPreviewResponse;
    expect(p.problems).toEqual([]);
    expect(p.counts).toEqual({
      new: 1,
      changed: 2,
      restored: 0,
      unchanged: s.measures.length - 2,
      problems: 0,
    });
    const changed = p.actions.filter((a) => a.kind === "changed");
    expect(changed.map((a) => [a.reference, a.fields])).toEqual([
      [
        "T-002",
        [
          {
            column: "Tittel",
            before: "Kompetanseløft for små bedrifter 2",
            after: "Kompetanseløft for små bedrifter – nytt navn",
          },
        ],
      ],
      ["T-006", [{ column: "Kommunalt 2029", before: "620000", after: "999000" }]],
    ]);
    const created = p.actions.find((a) => a.kind === "new");
    expect(created).toMatchObject({
      row: 2 + s.measures.length,
      reference: null,
      title: "Nytt tiltak fra regnearket",
    });
    expect(created?.fields).toEqual(
      expect.arrayContaining([{ column: "Kommunalt 2027", before: "0", after: "1500000" }]),
    );
    // The preview wrote nothing.
    expect(await stored(s.draft.id)).toEqual(before);

    const applied = await s.upload(`measures-import?token=${p.token}`, file);
    expect(applied.statusCode).toBe(200);
    const a = applied.json() as ImportAppliedResponse;
    expect(a).toEqual({
      created: ["T-008"],
      changed: ["T-002", "T-006"],
      restored: [],
      unchanged: s.measures.length - 2,
    });

    const after = await stored(s.draft.id);
    const expected = structuredClone(before);
    if (!expected["T-002"] || !expected["T-006"]) throw new Error("missing");
    expected["T-002"].title = "Kompetanseløft for små bedrifter – nytt navn";
    expected["T-006"].costs = expected["T-006"].costs
      .map((c) => (c === "2029:620000" ? "2029:999000" : c))
      .sort();
    expected["T-008"] = { title: "Nytt tiltak fra regnearket", costs: ["2027:1500000"] };
    expect(after).toEqual(expected);
    // Audited: the import itself, and each measure through the one-measure services.
    const [imports] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, s.draft.id), eq(auditEvents.action, "import")));
    expect(imports?.n).toBe(1);

    // Applying the same file again: the plan has changed since that preview.
    expect((await s.upload(`measures-import?token=${p.token}`, file)).statusCode).toBe(409);
  });

  it("a file with one bad row writes nothing and names that row, column and reason", async () => {
    const s = await setup(3);
    const before = await stored(s.draft.id);
    const workbook = await workbookOf((await s.download("xlsx")).rawPayload);
    const sheet = workbook.getWorksheet("Tiltak");
    if (!sheet) throw new Error("no sheet");
    const headings = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (h: string) => headings.indexOf(h) + 1;
    sheet.getRow(2).getCell(col("Tittel")).value = "Endret tittel";
    sheet.getRow(3).getCell(col("Kommunalt 2028")).value = "mye penger";
    const file = await bytes(workbook);
    const preview = (await s.upload("measures-import/preview", file)).json() as ImportPreviewResponse;
    expect(preview.problems).toEqual([
      {
        sheet: "Tiltak",
        row: 3,
        column: "Kommunalt 2028",
        reason: "«mye penger» er ikke et beløp i hele kroner (0 eller mer).",
      },
    ]);
    const applied = await s.upload(`measures-import?token=${preview.token}`, file);
    expect(applied.statusCode).toBe(400);
    expect(applied.json().error.message).toBe("Regnearket har 1 feil; ingenting er lagret.");
    expect(applied.json().error.details).toEqual(
      preview.problems.map((p: { reason: string }) => ({ path: "/file", message: p.reason, ...p })),
    );
    expect(await stored(s.draft.id)).toEqual(before);
  });

  it("accepts a plain sheet made outside Planverk with the same headings", async () => {
    const s = await setup(2);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Ark1");
    sheet.addRow(["Tittel", "Satsingsområde", "Partnere", "Kommunalt 2027"]);
    sheet.addRow(["Havneprosjekt", "Grønn vekst i Drammen", "Universitetet i Sørøst-Norge", 250000]);
    const file = await bytes(workbook);
    const p = (await s.upload("measures-import/preview", file)).json() as ImportPreviewResponse;
    expect(p.problems).toEqual([]);
    expect(p.counts.new).toBe(1);
    expect((await s.upload(`measures-import?token=${p.token}`, file)).json().created).toEqual(["T-004"]);
  });

  it("refuses an adopted version, a file that is not .xlsx, a broken one, and people without the right", async () => {
    const s = await setup(2);
    const good = await bytes(await workbookOf((await s.download("xlsx")).rawPayload));
    const notXlsx = await s.upload("measures-import/preview", Buffer.from("Tittel;Satsingsområde\nA;B\n"));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.message).toContain("ikke et Excel-regneark (.xlsx)");
    const broken = await s.upload("measures-import/preview", good.subarray(0, 200));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toContain("skadet");
    const huge = await s.upload("measures-import/preview", Buffer.alloc(6 * 1024 * 1024, 1));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toBe("Filen er større enn 5 MB.");

    const viewer = await createUser(t.database.db, { municipalityId: s.municipality.id, role: "viewer" });
    const viewerSession = await signIn(t.app, viewer.email, testPassword);
    expect((await s.upload("measures-import/preview", good, viewerSession.headers)).statusCode).toBe(403);
    const outsider = await createUser(t.database.db, { role: "planner" });
    const outsiderSession = await signIn(t.app, outsider.email, testPassword);
    expect((await s.upload("measures-import/preview", good, outsiderSession.headers)).statusCode).toBe(404);
    const anonymous = await t.app.inject({
      method: "POST",
      url: `${s.base}/plans/${s.plan.id}/measures-import/preview`,
      headers: { "content-type": xlsx },
      payload: good,
    });
    expect(anonymous.statusCode).toBe(401);

    await t.database.db
      .update(actionPlanVersions)
      .set({ status: "adopted", adoptedOn: "2026-12-10", decisionBody: "Bystyret", caseReference: "26/1" })
      .where(eq(actionPlanVersions.id, s.draft.id));
    const adopted = await s.upload("measures-import/preview", good);
    expect(adopted.statusCode).toBe(409);
    expect(adopted.json().error.message).toContain("er vedtatt og kan ikke endres");
    expect((await s.upload("measures-import?token=x", good)).statusCode).toBe(409);
  });
});
