import {
  AlignmentType,
  BorderStyle,
  Footer,
  type IStylesOptions,
  PageNumber,
  Paragraph,
  ShadingType,
  TextRun,
} from "docx";

/**
 * Everything the Word documents share: the font and heading styles, the table look and the footer
 * with «Side x av y». Norwegian number and date formats are in formats.ts (shared with the PDFs).
 */
export const docxFont = "Calibri";
const headingColour = "1E2B3C";

/** Word's own Title and Heading 1/2 styles (so the navigation pane and contents list them). */
export const docxStyles: IStylesOptions = {
  default: {
    document: { run: { font: docxFont, size: 22 }, paragraph: { spacing: { line: 276 } } },
    title: { run: { font: docxFont, size: 56, bold: true, color: headingColour } },
    heading1: {
      run: { font: docxFont, size: 32, bold: true, color: headingColour },
      paragraph: { spacing: { before: 360, after: 160 } },
    },
    heading2: {
      run: { font: docxFont, size: 26, bold: true, color: headingColour },
      paragraph: { spacing: { before: 240, after: 120 } },
    },
  },
};

const border = { style: BorderStyle.SINGLE, size: 4, color: "B0B7C0" };
/** Thin grey lines around every table cell. */
export const docxCellBorders = { top: border, bottom: border, left: border, right: border };
/** The shaded header row of a table. */
export const docxHeaderShading = { type: ShadingType.CLEAR, color: "auto", fill: "DDE3EA" };

/**
 * The page footer: «Side 2 av 7» (or «<title> – side 2 av 7»), Word fills in the numbers; `note` is
 * a small line under it (e.g. when the document was made).
 */
export function docxPageFooter(options: { title?: string; note?: string } = {}) {
  const start = options.title ? `${options.title} – side ` : "Side ";
  return {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [start, PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES] })],
        }),
        ...(options.note
          ? [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: options.note, size: 16 })],
              }),
            ]
          : []),
      ],
    }),
  };
}
