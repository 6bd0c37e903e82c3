import type { CompiledReport } from "../domain/status-report.ts";
import { isNumericText, numericColumn } from "./formats.ts";
import { type PdfContent, pdfPageFooter, pdfTableLayout, renderPdf } from "./pdf.ts";
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

type Cell = { text: string; style?: string; alignment?: string; bold?: boolean };

function table(header: string[], rows: string[][], widths: (string | number)[], lastIsSum = false) {
  const body: Cell[][] = [
    header.map((text, i) => ({
      text,
      style: "tableHeader",
      alignment: numericColumn(rows, i) ? "right" : "left",
    })),
    ...rows.map((row, r) =>
      row.map((text, i) => ({
        text,
        alignment: i > 0 && isNumericText(text) ? "right" : "left",
        bold: lastIsSum && r === rows.length - 1,
      })),
    ),
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body },
    layout: pdfTableLayout,
    style: "table",
  };
}

/** The compiled status report as PDF, for publishing: the same sections and tables as the Word version. */
export async function statusReportPdf(report: CompiledReport): Promise<Buffer> {
  const content: PdfContent[] = [
    { text: docTitle(report), style: "title" },
    { text: docSubtitle(report), margin: [0, 0, 0, 12] },
    { text: "Sammendrag", style: "h1", tocItem: true },
    {
      text: "Status er fra tiltakseiernes godkjente rapporter. Tiltak med avvik står først. Fremdrift er tiltakseierens anslag i prosent; endring er i prosentpoeng fra forrige rapport.",
    },
    table(["Status", "Antall tiltak"], distributionRows(report.distribution), ["*", 100], true),
    { text: `Budsjett ${report.budget.year}: planlagt og brukt`, style: "h1" },
    table(budgetHeader(report.budget.year), budgetRows(report), ["*", 100, 100, 100], true),
    { text: "Tiltak med avvik", style: "h1" },
  ];
  const devs = deviations(report);
  content.push(
    devs.length === 0
      ? { text: "Ingen tiltak har meldt avvik." }
      : table(
          deviationHeader,
          devs.map((m) => [`${m.reference} ${m.title}`, measureRow(m)[1] ?? "", m.explanation]),
          [150, 90, "*"],
        ),
  );
  for (const area of report.focusAreas) {
    content.push({ text: area.title, style: "h1" });
    content.push({ text: `${area.measures.length} tiltak – ${distributionSentence(area.distribution)}.` });
    content.push(table(measureHeader, area.measures.map(measureRow), ["*", 80, 50, 45, 45, 65, 65]));
    for (const m of area.measures) {
      const parts = narrative(m);
      if (parts.length === 0) continue;
      content.push({ text: `${m.reference} ${m.title}`, style: "h2" });
      for (const [label, text] of parts) content.push({ text: [{ text: `${label}: `, bold: true }, text] });
    }
  }
  if (report.indicators) {
    content.push({ text: report.indicators.title, style: "h1" });
    content.push(
      table(
        ["Indikator", "Verdi", "Mål"],
        report.indicators.rows.map((r) => [r.name, r.value, r.target]),
        ["*", 80, 80],
      ),
    );
  }
  const title = docTitle(report);
  return renderPdf({
    title,
    author: report.municipalityName,
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { fontSize: 9, lineHeight: 1.2 },
    styles: { table: { margin: [0, 6, 0, 8], fontSize: 8 } },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: generatedOn(), fontSize: 7, margin: [40, 10, 0, 0] },
        pdfPageFooter({ title, alignment: "right", margin: [0, 10, 40, 0] })(currentPage, pageCount),
      ],
    }),
    content,
  });
}
