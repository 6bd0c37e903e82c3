import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { formatNok, sumNok } from "../domain/money.ts";
import {
  type ActionPlanDocument,
  allMeasures,
  changeCountsText,
  type DocumentMeasure,
  externalTotal,
  fieldLabel,
  municipalIn,
  municipalTotal,
  roleText,
  summaryTexts,
  titleTexts,
  yearTotal,
} from "./action-plan-model.ts";
import { docxCellBorders, docxHeaderShading, docxPageFooter, docxStyles } from "./docx-common.ts";
import { kroner } from "./formats.ts";

const tableText = 16; // half-points: 8 pt

function cell(text: string, options: { header?: boolean; number?: boolean; bold?: boolean } = {}) {
  return new TableCell({
    borders: docxCellBorders,
    shading: options.header ? docxHeaderShading : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        spacing: { line: 240 },
        alignment: options.number ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, size: tableText, bold: options.header || options.bold })],
      }),
    ],
  });
}

/** Column widths in twentieths of a point; null spreads the table over the page width. */
function table(header: string[], rows: TableRow[], numericFrom: number, columnWidths?: number[]) {
  return new Table({
    width: columnWidths
      ? { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA }
      : { size: 100, type: WidthType.PERCENTAGE },
    ...(columnWidths ? { columnWidths, layout: TableLayoutType.FIXED } : {}),
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => cell(h, { header: true, number: i >= numericFrom })),
      }),
      ...rows,
    ],
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, children: [new TextRun(text)] });
const paragraph = (text: string) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(text)] });

function measuresTable(doc: ActionPlanDocument, measures: DocumentMeasure[]) {
  const header = [
    "Ref.",
    "Tiltak",
    "Ansvarlig enhet",
    "Partnere",
    "Periode",
    ...doc.years.map((y) => `${y} (kr)`),
    "Eksternt (kr)",
  ];
  const numericFrom = 5;
  const rows = measures.map(
    (m) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(m.reference),
          cell(m.title),
          cell(m.responsibleUnit || "–"),
          cell(m.partners.map((p) => `${p.name} (${roleText[p.role]})`).join(", ") || "–"),
          cell(`${m.startYear}–${m.endYear}`),
          ...doc.years.map((y) => cell(kroner(municipalIn(m, y)), { number: true })),
          cell(kroner(externalTotal(m)), { number: true }),
        ],
      }),
  );
  rows.push(
    new TableRow({
      children: [
        cell(""),
        cell("Sum kommunale midler", { bold: true }),
        cell(""),
        cell(""),
        cell(""),
        ...doc.years.map((y) =>
          cell(kroner(yearTotal(measures, y, "municipal")), { number: true, bold: true }),
        ),
        cell(kroner(sumNok(measures.map(externalTotal))), { number: true, bold: true }),
      ],
    }),
  );
  // A4 landscape with 2.5 cm margins leaves about 13 900 twips: the title gets the most room.
  return table(header, rows, numericFrom, [700, 2900, 1400, 1900, 1000, ...doc.years.map(() => 1250), 1100]);
}

/**
 * The action plan as a Word document for the council's case: title page, contents (a field Word
 * fills in when the document is opened), summary, a chapter per focus area with its measures, the
 * budget against the frames, and the changes from last year. Headings use Word's own Heading 1/2
 * styles, so the navigation pane and the contents list them.
 */
export async function actionPlanDocx(doc: ActionPlanDocument): Promise<Buffer> {
  const t = titleTexts(doc);
  const measures = allMeasures(doc);
  const portrait = {
    page: {
      size: { orientation: PageOrientation.PORTRAIT },
      margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 },
    },
  };
  const margin = { top: 1134, bottom: 1134, left: 1418, right: 1418 };
  const landscape = { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin } };

  const front = [
    new Paragraph({
      spacing: { before: 2400, after: 240 },
      children: [new TextRun({ text: doc.municipalityName, size: 32 })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 240 }, children: [new TextRun(t.title)] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: t.subtitle, size: 32 })] }),
    paragraph(t.period),
    ...(t.revision ? [paragraph(t.revision)] : []),
    new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: t.status, bold: true })] }),
    new Paragraph({
      spacing: { before: 2400 },
      children: [new TextRun({ text: t.generated, size: 18, color: "555555" })],
    }),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({
      style: "TOCHeading",
      children: [new TextRun({ text: "Innhold", bold: true, size: 32 })],
    }),
    new TableOfContents("Innhold", { headingStyleRange: "1-2" }),
    new Paragraph({ children: [new PageBreak()] }),
    heading("Sammendrag", HeadingLevel.HEADING_1),
    ...summaryTexts(doc).map(paragraph),
    paragraph(
      "Beløpene er kommunale midler i hele kroner per år i handlings- og økonomiplanperioden. Ekstern finansiering er vist samlet for perioden.",
    ),
  ];

  const areaSections = [
    heading("Tiltak per satsingsområde", HeadingLevel.HEADING_1),
    ...(doc.focusAreas.length === 0 ? [paragraph("Handlingsplanen har ingen tiltak.")] : []),
    ...doc.focusAreas.flatMap((area) => [
      heading(area.title, HeadingLevel.HEADING_2),
      paragraph(
        `${area.measures.length} tiltak, kommunale midler i perioden ${formatNok(sumNok(area.measures.map(municipalTotal)))}.`,
      ),
      measuresTable(doc, area.measures),
      new Paragraph({ text: "" }),
    ]),
    heading("Budsjett mot rammene", HeadingLevel.HEADING_1),
    paragraph(
      "Summen av tiltakenes kommunale midler per år og rammeområde, mot rammen. Ekstern finansiering teller ikke mot rammene.",
    ),
    ...(doc.frames.areas.length === 0
      ? [paragraph("Ingen rammeområder er registrert.")]
      : [
          table(
            ["Rammeområde", "År", "Ramme (kr)", "Tiltak (kr)", "Gjenstår (kr)"],
            doc.frames.areas.flatMap((area) =>
              area.rows.map(
                (r) =>
                  new TableRow({
                    cantSplit: true,
                    children: [
                      cell(area.name),
                      cell(String(r.year)),
                      cell(
                        r.frameNok === null
                          ? "ikke rammesatt"
                          : `${kroner(r.frameNok)}${r.adopted ? "" : " (foreslått)"}`,
                        {
                          number: true,
                        },
                      ),
                      cell(kroner(r.sumNok), { number: true }),
                      cell(r.remainingNok === null ? "–" : kroner(r.remainingNok), { number: true }),
                    ],
                  }),
              ),
            ),
            2,
            [4000, 1200, 2900, 2900, 2900],
          ),
        ]),
    new Paragraph({ text: "" }),
    table(
      ["", ...doc.years.map(String), "I alt"],
      [
        new TableRow({
          cantSplit: true,
          children: [
            cell("Sum kommunale midler", { bold: true }),
            ...doc.years.map((y) => cell(kroner(yearTotal(measures, y, "municipal")), { number: true })),
            cell(kroner(sumNok(measures.map(municipalTotal))), { number: true, bold: true }),
          ],
        }),
        new TableRow({
          cantSplit: true,
          children: [
            cell("Sum ekstern finansiering", { bold: true }),
            ...doc.years.map((y) => cell(kroner(yearTotal(measures, y, "external")), { number: true })),
            cell(kroner(sumNok(measures.map(externalTotal))), { number: true, bold: true }),
          ],
        }),
      ],
      1,
      [3300, ...doc.years.map(() => 2000), 2600],
    ),
  ];

  const c = doc.changes;
  const changes = [
    heading("Endringer fra forrige år", HeadingLevel.HEADING_1),
    ...(c === null
      ? [paragraph("Det finnes ingen vedtatt handlingsplan for året før å sammenligne med.")]
      : [
          paragraph(
            `Sammenlignet med vedtatt handlingsplan for ${c.fromBudgetYear}${c.fromRevision > 0 ? ` (revisjon ${c.fromRevision})` : ""}: ` +
              `${changeCountsText({ added: c.added.length, changed: c.changed.length, removed: c.removed.length, unchanged: c.unchanged })}.`,
          ),
          heading("Nye tiltak", HeadingLevel.HEADING_2),
          ...(c.added.length
            ? c.added.map((m) => paragraph(`${m.reference} ${m.title}`))
            : [paragraph("Ingen.")]),
          heading("Endrede tiltak", HeadingLevel.HEADING_2),
          ...(c.changed.length
            ? c.changed.map((m) =>
                paragraph(`${m.reference} ${m.title}: endret ${m.fields.map(fieldLabel).join(", ")}`),
              )
            : [paragraph("Ingen.")]),
          heading("Tiltak som er tatt ut", HeadingLevel.HEADING_2),
          ...(c.removed.length
            ? c.removed.map((m) => paragraph(`${m.reference} ${m.title}`))
            : [paragraph("Ingen.")]),
          heading("Kommunale midler per år", HeadingLevel.HEADING_2),
          table(
            ["År", `${c.fromBudgetYear} (kr)`, `${doc.budgetYear} (kr)`, "Endring (kr)"],
            c.totals.map(
              (r) =>
                new TableRow({
                  children: [
                    cell(String(r.year)),
                    cell(kroner(r.before), { number: true }),
                    cell(kroner(r.after), { number: true }),
                    cell(kroner(r.difference), { number: true }),
                  ],
                }),
            ),
            1,
          ),
        ]),
  ];

  const document = new Document({
    creator: "Planverk",
    title: `${t.title} – ${doc.planTitle}`,
    description: t.status,
    features: { updateFields: true },
    styles: docxStyles,
    sections: [
      { properties: portrait, footers: docxPageFooter(), children: front },
      { properties: landscape, footers: docxPageFooter(), children: areaSections },
      { properties: portrait, footers: docxPageFooter(), children: changes },
    ],
  });
  return Packer.toBuffer(document);
}
