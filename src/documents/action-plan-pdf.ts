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
import { kroner } from "./formats.ts";
import { type PdfContent, pdfColors, pdfPageFooter, pdfTableLayout, renderPdf } from "./pdf.ts";

function table(
  header: string[],
  rows: string[][],
  numericFrom: number,
  widths: (string | number)[],
  bold?: number[],
) {
  return {
    style: "table",
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        header.map((h, i) => ({
          text: h,
          style: "tableHeader",
          alignment: i >= numericFrom ? "right" : "left",
        })),
        ...rows.map((r, ri) =>
          r.map((v, i) => ({
            text: v,
            alignment: i >= numericFrom ? "right" : "left",
            bold: bold?.includes(ri) ?? false,
          })),
        ),
      ],
    },
    layout: pdfTableLayout,
    margin: [0, 4, 0, 12],
  };
}

function measuresTable(doc: ActionPlanDocument, measures: DocumentMeasure[]) {
  const rows = measures.map((m) => [
    m.reference,
    m.title,
    m.responsibleUnit || "–",
    m.partners.map((p) => `${p.name} (${roleText[p.role]})`).join(", ") || "–",
    `${m.startYear}–${m.endYear}`,
    ...doc.years.map((y) => kroner(municipalIn(m, y))),
    kroner(externalTotal(m)),
  ]);
  rows.push([
    "",
    "Sum kommunale midler",
    "",
    "",
    "",
    ...doc.years.map((y) => kroner(yearTotal(measures, y, "municipal"))),
    kroner(sumNok(measures.map(externalTotal))),
  ]);
  return table(
    [
      "Ref.",
      "Tiltak",
      "Ansvarlig enhet",
      "Partnere",
      "Periode",
      ...doc.years.map((y) => `${y} (kr)`),
      "Eksternt (kr)",
    ],
    rows,
    5,
    [34, "*", 80, 100, 44, ...doc.years.map(() => 58), 62],
    [rows.length - 1],
  );
}

type LaidOutNode = { headlineLevel?: number; startPosition: { top: number; pageInnerHeight: number } };

/**
 * pdfmake asks before each node whether to start a new page: a heading goes to the next page when
 * it would stand in the last fifth of this one, or with nothing after it here.
 */
function keepHeadingsWithWhatFollows(node: LaidOutNode, followingNodesOnPage: unknown[]): boolean {
  if (!node.headlineLevel) return false;
  const { top, pageInnerHeight } = node.startPosition;
  return followingNodesOnPage.length === 0 || top > pageInnerHeight * 0.8;
}

/**
 * The action plan as a PDF for publishing: the same chapters as the Word document, A4 landscape so
 * the tables with one column per year fit, page numbers in the footer, outline (bookmarks) from the
 * headings and a tagged, titled document.
 */
export async function actionPlanPdf(doc: ActionPlanDocument): Promise<Buffer> {
  const t = titleTexts(doc);
  const measures = allMeasures(doc);
  // After the summary the chapters follow on from each other rather than each starting a page: a
  // table that runs a row or two over a page then shares that page with the next chapter instead
  // of leaving it nearly empty. A heading is never left at the foot of a page (pageBreakBefore).
  const h1 = (text: string, pageBreak = false): PdfContent => ({
    text,
    style: "h1",
    tocItem: true,
    outline: true,
    headlineLevel: 1,
    ...(pageBreak ? { pageBreak: "before" } : {}),
  });
  const h2 = (text: string): PdfContent => ({
    text,
    style: "h2",
    tocItem: true,
    tocMargin: [12, 0, 0, 0],
    outline: true,
    headlineLevel: 2,
  });
  const c = doc.changes;
  const content: PdfContent[] = [
    { text: doc.municipalityName, fontSize: 16, margin: [0, 100, 0, 8] },
    { text: t.title, fontSize: 32, bold: true, color: pdfColors.heading },
    { text: t.subtitle, fontSize: 16, margin: [0, 4, 0, 16] },
    { text: t.period },
    ...(t.revision ? [{ text: t.revision }] : []),
    { text: t.status, bold: true, margin: [0, 8, 0, 0] },
    { text: t.generated, fontSize: 8, color: "#555555", margin: [0, 120, 0, 0] },
    { toc: { title: { text: "Innhold", style: "h1" } }, pageBreak: "before" },
    h1("Sammendrag", true),
    ...summaryTexts(doc).map((text) => ({ text, margin: [0, 0, 0, 6] })),
    {
      text: "Beløpene er kommunale midler i hele kroner per år i handlings- og økonomiplanperioden. Ekstern finansiering er vist samlet for perioden.",
      margin: [0, 0, 0, 6],
    },
    { ...(h1("Tiltak per satsingsområde") as object), margin: [0, 18, 0, 10] },
    ...(doc.focusAreas.length === 0 ? ["Handlingsplanen har ingen tiltak."] : []),
    ...doc.focusAreas.flatMap((area) => [
      h2(area.title),
      `${area.measures.length} tiltak, kommunale midler i perioden ${formatNok(sumNok(area.measures.map(municipalTotal)))}.`,
      measuresTable(doc, area.measures),
    ]),
    { ...(h1("Budsjett mot rammene") as object), margin: [0, 18, 0, 10] },
    "Summen av tiltakenes kommunale midler per år og rammeområde, mot rammen. Ekstern finansiering teller ikke mot rammene.",
    doc.frames.areas.length === 0
      ? "Ingen rammeområder er registrert."
      : table(
          ["Rammeområde", "År", "Ramme (kr)", "Tiltak (kr)", "Gjenstår (kr)"],
          doc.frames.areas.flatMap((area) =>
            area.rows.map((r) => [
              area.name,
              String(r.year),
              r.frameNok === null
                ? "ikke rammesatt"
                : `${kroner(r.frameNok)}${r.adopted ? "" : " (foreslått)"}`,
              kroner(r.sumNok),
              r.remainingNok === null ? "–" : kroner(r.remainingNok),
            ]),
          ),
          2,
          ["*", 40, 100, 100, 100],
        ),
    table(
      ["", ...doc.years.map(String), "I alt"],
      [
        [
          "Sum kommunale midler",
          ...doc.years.map((y) => kroner(yearTotal(measures, y, "municipal"))),
          kroner(sumNok(measures.map(municipalTotal))),
        ],
        [
          "Sum ekstern finansiering",
          ...doc.years.map((y) => kroner(yearTotal(measures, y, "external"))),
          kroner(sumNok(measures.map(externalTotal))),
        ],
      ],
      1,
      ["*", ...doc.years.map(() => 80), 90],
    ),
    { ...(h1("Endringer fra forrige år") as object), margin: [0, 18, 0, 10] },
    ...(c === null
      ? ["Det finnes ingen vedtatt handlingsplan for året før å sammenligne med."]
      : [
          {
            text:
              `Sammenlignet med vedtatt handlingsplan for ${c.fromBudgetYear}${c.fromRevision > 0 ? ` (revisjon ${c.fromRevision})` : ""}: ` +
              `${changeCountsText({ added: c.added.length, changed: c.changed.length, removed: c.removed.length, unchanged: c.unchanged })}.`,
            margin: [0, 0, 0, 6],
          },
          h2("Nye tiltak"),
          c.added.length ? { ul: c.added.map((m) => `${m.reference} ${m.title}`) } : "Ingen.",
          h2("Endrede tiltak"),
          c.changed.length
            ? {
                ul: c.changed.map(
                  (m) => `${m.reference} ${m.title}: endret ${m.fields.map(fieldLabel).join(", ")}`,
                ),
              }
            : "Ingen.",
          h2("Tiltak som er tatt ut"),
          c.removed.length ? { ul: c.removed.map((m) => `${m.reference} ${m.title}`) } : "Ingen.",
          h2("Kommunale midler per år"),
          table(
            ["År", `${c.fromBudgetYear} (kr)`, `${doc.budgetYear} (kr)`, "Endring (kr)"],
            c.totals.map((r) => [String(r.year), kroner(r.before), kroner(r.after), kroner(r.difference)]),
            1,
            [60, 110, 110, 110],
          ),
        ]),
  ];
  return renderPdf({
    title: `${t.title} – ${doc.planTitle}`,
    author: doc.municipalityName,
    pageOrientation: "landscape",
    pageMargins: [48, 48, 48, 48],
    content,
    footer: pdfPageFooter(),
    pageBreakBefore: keepHeadingsWithWhatFollows,
    styles: {
      h1: { fontSize: 18, bold: true, color: pdfColors.heading, margin: [0, 0, 0, 10] },
      h2: { fontSize: 13, bold: true, color: pdfColors.heading, margin: [0, 12, 0, 4] },
      table: { fontSize: 7.5 },
    },
  });
}
