import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { statusReportPdf } from "./status-report-pdf.ts";
import { sampleStatusReport } from "./status-report-sample.ts";

async function pdfText(buffer: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    // pdf.js gives words and spaces as separate items; compare with all white space as one space.
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  return { pages, title: ((await pdf.getMetadata()).info as { Title?: string }).Title };
}

describe("the status report as PDF", () => {
  it("carries the sections, the tables with sums and Norwegian letters, and page numbers", async () => {
    const report = sampleStatusReport(30);
    const { pages, title } = await pdfText(await statusReportPdf(report));
    const text = pages.join("\n");
    expect(title).toBe("Statusrapport 1. tertial 2026");
    expect(pages[0]).toContain("Statusrapport 1. tertial 2026");
    expect(pages[0]).toContain("Drammen kommune – status per 30.04.2026");
    for (const heading of [
      "Sammendrag",
      "Budsjett 2026: planlagt og brukt",
      "Tiltak med avvik",
      "Grønn industri",
      "Kunnskapsbyen",
    ])
      expect(text).toContain(heading);
    expect(text).toMatch(/Alvorlig avvik\s+1/);
    expect(text).toMatch(/På plan\s+22/);
    const planned = 30 * 100_000 + 1_000 * 465 + 30 * 50_000;
    expect(text).toContain(`Sum ${planned.toLocaleString("nb-NO").replace(/\s/g, " ")} kr`);
    expect(text).toContain("æ");
    expect(text).toContain("ø");
    expect(pages.at(-1)).toContain(`side ${pages.length} av ${pages.length}`);
  }, 60_000);
});
