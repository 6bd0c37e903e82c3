import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pageOf } from "./formats.ts";

/**
 * Everything the PDF documents share: pdfmake's server printer with the Roboto bundled with
 * pdfmake (it has æ, ø and å) read once into a small read-only in-memory file system, so printing
 * needs no access to local files or URLs at all; the colours and styles; the page footer.
 */
const require = createRequire(import.meta.url);
type Printer = {
  createPdfKitDocument(definition: unknown): Promise<NodeJS.ReadableStream & { end(): void }>;
};
// pdfmake 0.3's server-side printer; CommonJS, without types for this entry point.
const PdfPrinter = (require("pdfmake/js/Printer.js") as { default: new (...args: unknown[]) => Printer })
  .default;
const URLResolver = (require("pdfmake/js/URLResolver.js") as { default: new (fs: unknown) => unknown })
  .default;

const fontFiles = ["Roboto-Regular.ttf", "Roboto-Medium.ttf", "Roboto-Italic.ttf", "Roboto-MediumItalic.ttf"];
let storage: Map<string, Buffer> | undefined;
function fontStorage() {
  storage ??= new Map(
    fontFiles.map((name) => [name, readFileSync(require.resolve(`pdfmake/build/fonts/Roboto/${name}`))]),
  );
  const files = storage;
  return {
    existsSync: (name: string) => files.has(name),
    readFileSync: (name: string) => {
      const file = files.get(name);
      if (!file) throw new Error(`no font ${name}`);
      return file;
    },
    writeFileSync: () => {
      throw new Error("read-only");
    },
  };
}
const fonts = {
  Roboto: {
    normal: "Roboto-Regular.ttf",
    bold: "Roboto-Medium.ttf",
    italics: "Roboto-Italic.ttf",
    bolditalics: "Roboto-MediumItalic.ttf",
  },
};

export type PdfContent = Record<string, unknown> | string | PdfContent[];

export const pdfColors = { heading: "#1E2B3C", rule: "#B0B7C0", headerFill: "#DDE3EA" } as const;

/** Styles every document may use by name; a document can add or override its own. */
export const pdfStyles = {
  title: { fontSize: 20, bold: true, color: pdfColors.heading, margin: [0, 0, 0, 4] },
  h1: { fontSize: 14, bold: true, color: pdfColors.heading, margin: [0, 14, 0, 6] },
  h2: { fontSize: 11, bold: true, color: pdfColors.heading, margin: [0, 8, 0, 3] },
  tableHeader: { bold: true },
};

/** Table lines and a shaded header row, the same in every document. */
export const pdfTableLayout = {
  hLineColor: () => pdfColors.rule,
  vLineColor: () => pdfColors.rule,
  fillColor: (row: number) => (row === 0 ? pdfColors.headerFill : null),
};

/** «Side 2 av 7» (or «<title> – side 2 av 7»), right under the page. */
export const pdfPageFooter =
  (options: { title?: string; alignment?: "center" | "right"; margin?: number[] } = {}) =>
  (page: number, pages: number): PdfContent => ({
    text: pageOf(page, pages, options.title),
    alignment: options.alignment ?? "center",
    fontSize: 8,
    margin: options.margin ?? [0, 16, 0, 0],
  });

/**
 * Prints a document to a PDF in memory: A4, Norwegian, tagged and titled, Roboto, with the shared
 * styles (the definition's own `styles` and `defaultStyle` are added on top).
 */
export async function renderPdf(
  definition: {
    title: string;
    author: string;
    content: PdfContent[];
    styles?: Record<string, Record<string, unknown>>;
    defaultStyle?: Record<string, unknown>;
  } & Record<string, unknown>,
): Promise<Buffer> {
  const { title, author, styles, defaultStyle, ...rest } = definition;
  const vfs = fontStorage();
  const printer = new PdfPrinter(fonts, vfs, new URLResolver(vfs), () => false);
  const pdf = await printer.createPdfKitDocument({
    pageSize: "A4",
    info: { title, author, creator: "Planverk" },
    language: "nb-NO",
    tagged: true,
    displayTitle: true,
    ...rest,
    defaultStyle: { font: "Roboto", fontSize: 10, ...defaultStyle },
    styles: { ...pdfStyles, ...styles },
  });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}
