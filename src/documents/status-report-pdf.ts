import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { CompiledReport } from "../domain/status-report.ts";
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

const require = createRequire(import.meta.url);
type Fonts = Record<string, Record<string, string>>;
// pdfmake 0.3's server printer (CommonJS) and its virtual file system; the bundled Roboto covers æ, ø and å.
const PdfPrinter = require("pdfmake/js/Printer.js").default as new (
  fonts: Fonts,
  virtualfs: unknown,
  urlResolver: unknown,
  localAccessPolicy?: (path: string) => boolean,
) => { createPdfKitDocument: (doc: unknown) => Promise<NodeJS.ReadableStream & { end: () => void }> };
const URLResolver = require("pdfmake/js/URLResolver.js").default as new (fs: unknown) => unknown;
const virtualfs = require("pdfmake/js/virtual-fs.js").default as {
  existsSync: (name: string) => boolean;
  writeFileSync: (name: string, content: Buffer) => void;
};

const fontFiles = { normal: "Regular", bold: "Medium", italics: "Italic", bolditalics: "MediumItalic" };

/** Roboto, read once from pdfmake's package into its virtual file system (no file access while printing). */
function robotoFonts(): Fonts {
  const dir = join(dirname(require.resolve("pdfmake/package.json")), "build", "fonts", "Roboto");
  const roboto: Record<string, string> = {};
  for (const [style, name] of Object.entries(fontFiles)) {
    const key = `planverk-status-report/Roboto-${name}.ttf`;
    if (!virtualfs.existsSync(key))
      virtualfs.writeFileSync(key, readFileSync(join(dir, `Roboto-${name}.ttf`)));
    roboto[style] = key;
  }
  return { Roboto: roboto };
}

type Cell = { text: string; style?: string; alignment?: string; bold?: boolean };
const numeric = (text: string) => /^[−+-]?[\d\u00a0 ]+(\u00a0kr| %| p\.p\.)?$/.test(text) || text === "–";

function table(header: string[], rows: string[][], widths: (string | number)[], lastIsSum = false) {
  const body: Cell[][] = [
    header.map((text) => ({ text, style: "th" })),
    ...rows.map((row, r) =>
      row.map((text, i) => ({
        text,
        alignment: i > 0 && numeric(text) ? "right" : "left",
        bold: lastIsSum && r === rows.length - 1,
      })),
    ),
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body },
    layout: "lightHorizontalLines",
    style: "table",
  };
}

/** The compiled status report as PDF, for publishing: the same sections and tables as the Word version. */
export async function statusReportPdf(report: CompiledReport): Promise<Buffer> {
  const content: unknown[] = [
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
  const printer = new PdfPrinter(robotoFonts(), virtualfs, new URLResolver(virtualfs), () => false);
  const doc = await printer.createPdfKitDocument({
    info: { title, author: report.municipalityName, creator: "Planverk" },
    pageSize: "A4",
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: "Roboto", fontSize: 9, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      h1: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
      th: { bold: true, fillColor: "#dce6f0" },
      table: { margin: [0, 6, 0, 8], fontSize: 8 },
    },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: generatedOn(), fontSize: 7, margin: [40, 10, 0, 0] },
        {
          text: `${title} – side ${currentPage} av ${pageCount}`,
          alignment: "right",
          fontSize: 8,
          margin: [0, 10, 40, 0],
        },
      ],
    }),
    content,
  });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
