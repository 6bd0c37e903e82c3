import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { CompiledReport } from "../domain/status-report.ts";
import { docxCellBorders, docxHeaderShading, docxPageFooter, docxStyles } from "./docx-common.ts";
import { isNumericText, numericColumn } from "./formats.ts";
import {
  budgetHeader,
  budgetRows,
  deviationHeader,
  deviations,
  distributionRows,
  distributionSentence,
  docSubtitle,
  docTitle,
  generatedOn,
  measureHeader,
  measureRow,
  narrative,
} from "./status-report-text.ts";

/** A table with fixed column widths in twentieths of a point (A4 with Word's margins is about 9 000 wide). */
function table(header: string[], rows: string[][], widths: number[], options: { lastIsSum?: boolean } = {}) {
  const cell = (text: string, head: boolean, bold: boolean, column: number) =>
    new TableCell({
      width: { size: widths[column] ?? 1000, type: WidthType.DXA },
      borders: docxCellBorders,
      shading: head ? docxHeaderShading : undefined,
      children: [
        new Paragraph({
          alignment: (head ? numericColumn(rows, column) : column > 0 && isNumericText(text))
            ? AlignmentType.RIGHT
            : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: head || bold, size: 18 })],
        }),
      ],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, false, i)) }),
      ...rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) =>
              cell(text, false, Boolean(options.lastIsSum) && r === rows.length - 1, i),
            ),
          }),
      ),
    ],
  });
}

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading });

/**
 * The compiled status report as a Word document for the council case: real headings (Heading 1/2/3,
 * so Word's navigation pane shows the structure), tables with repeating header rows, Norwegian
 * number and date formats, and page numbers in the footer.
 */
export async function statusReportDocx(report: CompiledReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: docTitle(report), heading: HeadingLevel.TITLE }),
    p(docSubtitle(report)),
    h("Sammendrag", HeadingLevel.HEADING_1),
    p(
      "Status er fra tiltakseiernes godkjente rapporter. Tiltak med avvik står først. Fremdrift er tiltakseierens anslag i prosent; endring er i prosentpoeng fra forrige rapport.",
    ),
    table(["Status", "Antall tiltak"], distributionRows(report.distribution), [6000, 3000], {
      lastIsSum: true,
    }),
    h(`Budsjett ${report.budget.year}: planlagt og brukt`, HeadingLevel.HEADING_1),
    p(
      "Planlagt er tiltakenes finansiering i handlingsplanen for året; brukt er rapportert forbruk så langt i året.",
    ),
    table(budgetHeader(report.budget.year), budgetRows(report), [3600, 1800, 1800, 1800], {
      lastIsSum: true,
    }),
  ];
  const devs = deviations(report);
  children.push(h("Tiltak med avvik", HeadingLevel.HEADING_1));
  children.push(
    devs.length === 0
      ? p("Ingen tiltak har meldt avvik.")
      : table(
          deviationHeader,
          devs.map((m) => [`${m.reference} ${m.title}`, measureRow(m)[1] ?? "", m.explanation]),
          [2800, 1700, 4500],
        ),
  );
  for (const area of report.focusAreas) {
    children.push(h(area.title, HeadingLevel.HEADING_1));
    children.push(p(`${area.measures.length} tiltak – ${distributionSentence(area.distribution)}.`));
    children.push(
      table(measureHeader, area.measures.map(measureRow), [2300, 1400, 950, 900, 950, 1250, 1250]),
    );
    for (const m of area.measures) {
      const parts = narrative(m);
      if (parts.length === 0) continue;
      children.push(h(`${m.reference} ${m.title}`, HeadingLevel.HEADING_2));
      for (const [label, text] of parts) {
        children.push(
          new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)] }),
        );
      }
    }
  }
  if (report.indicators) {
    children.push(h(report.indicators.title, HeadingLevel.HEADING_1));
    children.push(
      table(
        ["Indikator", "Verdi", "Mål"],
        report.indicators.rows.map((r) => [r.name, r.value, r.target]),
        [5000, 2000, 2000],
      ),
    );
  }
  const doc = new Document({
    creator: "Planverk",
    title: docTitle(report),
    description: docSubtitle(report),
    styles: docxStyles,
    sections: [
      {
        footers: docxPageFooter({ title: docTitle(report), note: generatedOn() }),
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
