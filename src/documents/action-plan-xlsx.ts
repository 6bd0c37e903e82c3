import ExcelJS from "exceljs";
import { externalYearHeading, importColumns, municipalYearHeading } from "../domain/measures-import.ts";
import { type ActionPlanDocument, allMeasures, roleText, titleTexts } from "./action-plan-model.ts";
import { kronerNumFmt } from "./formats.ts";

/** The sheet with this municipality's share of the shared measures per year. */
export const sharedSheetName = "Felles tiltak";

export const measuresSheetName = "Tiltak";
const headerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1E2B3C" } };

function styleHeader(sheet: ExcelJS.Worksheet) {
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.fill = headerFill;
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 30;
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
}

const columnLetter = (n: number) => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/**
 * The action plan's measures as a workbook: «Tiltak» (one row per measure, a column per year of
 * cost; the sheet the import reads back), «Rammer» (the frame check) and «Partnere».
 */
export async function actionPlanWorkbook(doc: ActionPlanDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Planverk";
  workbook.created = doc.generatedAt;
  const t = titleTexts(doc);
  workbook.title = `${t.title} – ${doc.planTitle}`;

  const sheet = workbook.addWorksheet(measuresSheetName);
  const c = importColumns;
  sheet.columns = [
    { header: c.reference, key: "reference", width: 11 },
    { header: c.title, key: "title", width: 45 },
    { header: c.focusArea, key: "focusArea", width: 24 },
    { header: c.responsibleUnit, key: "responsibleUnit", width: 22 },
    { header: c.contactPerson, key: "contactPerson", width: 20 },
    { header: c.partners, key: "partners", width: 30 },
    { header: c.startYear, key: "startYear", width: 8 },
    { header: c.endYear, key: "endYear", width: 8 },
    { header: c.municipalSource, key: "municipalSource", width: 20 },
    ...doc.years.map((y) => ({ header: municipalYearHeading(y), key: `m${y}`, width: 14 })),
    { header: "Kommunalt i alt", key: "municipalTotal", width: 15 },
    { header: c.externalSource, key: "externalSource", width: 20 },
    ...doc.years.map((y) => ({ header: externalYearHeading(y), key: `e${y}`, width: 14 })),
  ];
  const firstMunicipal = 10;
  const lastMunicipal = firstMunicipal + doc.years.length - 1;
  for (const m of allMeasures(doc)) {
    const row = sheet.addRow({
      reference: m.reference,
      title: m.title,
      focusArea: m.focusAreaTitle,
      responsibleUnit: m.responsibleUnit,
      contactPerson: m.contactPerson,
      partners: m.partners.map((p) => p.name).join("; "),
      startYear: m.startYear,
      endYear: m.endYear,
      municipalSource: m.municipalSources.join("; "),
      externalSource: m.externalSources.join("; "),
      ...Object.fromEntries(doc.years.map((y) => [`m${y}`, m.municipalByYear[y] ?? 0])),
      ...Object.fromEntries(doc.years.map((y) => [`e${y}`, m.externalByYear[y] ?? 0])),
    });
    const total = doc.years.reduce((s, y) => s + (m.municipalByYear[y] ?? 0), 0);
    row.getCell("municipalTotal").value = {
      formula: `SUM(${columnLetter(firstMunicipal)}${row.number}:${columnLetter(lastMunicipal)}${row.number})`,
      result: total,
    };
  }
  for (const key of [...doc.years.flatMap((y) => [`m${y}`, `e${y}`]), "municipalTotal"])
    sheet.getColumn(key).numFmt = kronerNumFmt;
  sheet.getColumn("title").alignment = { wrapText: true, vertical: "top" };
  styleHeader(sheet);

  const frames = workbook.addWorksheet("Rammer");
  frames.columns = [
    { header: "Rammeområde", key: "area", width: 28 },
    { header: "År", key: "year", width: 8 },
    { header: "Ramme (kr)", key: "frame", width: 16 },
    { header: "Rammestatus", key: "status", width: 14 },
    { header: "Tiltak kommunalt (kr)", key: "sum", width: 20 },
    { header: "Gjenstår (kr)", key: "remaining", width: 16 },
  ];
  for (const area of doc.frames.areas)
    for (const r of area.rows)
      frames.addRow({
        area: area.name,
        year: r.year,
        frame: r.frameNok,
        status: r.frameNok === null ? "ikke rammesatt" : r.adopted ? "vedtatt" : "foreslått",
        sum: r.sumNok,
        remaining: r.remainingNok,
      });
  for (const key of ["frame", "sum", "remaining"]) frames.getColumn(key).numFmt = kronerNumFmt;
  styleHeader(frames);

  // Shared measures: this municipality's part of THE split per year (the one the frame check counts).
  if ((doc.sharedMeasures ?? []).length > 0) {
    const shared = workbook.addWorksheet(sharedSheetName);
    shared.columns = [
      { header: "Referanse", key: "reference", width: 11 },
      { header: "Tiltak", key: "title", width: 40 },
      { header: "Eier", key: "owner", width: 20 },
      { header: "Andel (%)", key: "percent", width: 10 },
      ...doc.years.map((year) => ({ header: String(year), key: `y${year}`, width: 14 })),
    ];
    for (const m of doc.sharedMeasures ?? [])
      shared.addRow({
        reference: m.reference,
        title: m.title,
        owner: m.ownerName,
        percent: m.sharePercent,
        ...Object.fromEntries(m.byYear.map((y) => [`y${y.year}`, y.amountNok])),
      });
    for (const year of doc.years) shared.getColumn(`y${year}`).numFmt = kronerNumFmt;
    styleHeader(shared);
  }

  const partners = workbook.addWorksheet("Partnere");
  partners.columns = [
    { header: "Referanse", key: "reference", width: 11 },
    { header: "Tiltak", key: "title", width: 45 },
    { header: "Partner", key: "partner", width: 30 },
    { header: "Rolle", key: "role", width: 14 },
  ];
  for (const m of allMeasures(doc))
    for (const p of m.partners)
      partners.addRow({ reference: m.reference, title: m.title, partner: p.name, role: roleText[p.role] });
  styleHeader(partners);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
