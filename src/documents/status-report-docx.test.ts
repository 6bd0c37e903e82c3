import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { statusReportDocx } from "./status-report-docx.ts";
import { sampleStatusReport } from "./status-report-sample.ts";

/** The paragraphs of a Word document: style and text, in order. */
async function paragraphs(buffer: Buffer) {
  const xml = (await (await JSZip.loadAsync(buffer)).file("word/document.xml")?.async("string")) ?? "";
  return {
    xml,
    list: [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
      const body = m[1] ?? m[2] ?? "";
      return {
        style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? "",
        text: [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
      };
    }),
  };
}

describe("the status report in Word", () => {
  it("has real headings, tables with sums and deviations first, and page numbers", async () => {
    const report = sampleStatusReport(30);
    const buffer = await statusReportDocx(report);
    const { xml, list } = await paragraphs(buffer);
    const headings = list.filter((p) => p.style.startsWith("Heading1")).map((p) => p.text);
    expect(list.find((p) => p.style === "Title")?.text).toBe("Statusrapport 1. tertial 2026");
    expect(headings).toEqual([
      "Sammendrag",
      "Budsjett 2026: planlagt og brukt",
      "Tiltak med avvik",
      "Havnebyen",
      "Kunnskapsbyen",
      "Grønn industri",
      "Reiseliv og opplevelser",
      "Attraktive sentrum",
    ]);
    expect(list.some((p) => p.style === "Heading2" && p.text.startsWith("T-006 "))).toBe(true);
    // Status distribution: 30 measures; T-015 and T-030 are serious (T-030 not reported), 6, 12, 18, 24 deviations.
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
      [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    );
    const cellAfter = (label: string) => cells[cells.indexOf(label) + 1];
    expect(cellAfter("Alvorlig avvik")).toBe("1");
    expect(cellAfter("Avvik")).toBe("4");
    expect(cellAfter("Ikke rapportert")).toBe("3");
    expect(cellAfter("På plan")).toBe("22");
    // Budget sum: planned 30 × 100 000 + 1 000 × (1+…+30) + 30 × 50 000.
    const planned = 30 * 100_000 + 1_000 * 465 + 30 * 50_000;
    const sumIndex = cells.lastIndexOf("Sum");
    expect(cells[sumIndex + 1]).toBe(
      `${planned.toLocaleString("nb-NO").replace(/\u00a0|\s/g, "\u00a0")}\u00a0kr`,
    );
    // The deviation table lists the serious one first.
    const devStart = cells.indexOf("Forklaring");
    expect(cells[devStart + 1]).toBe(
      `T-015 ${report.focusAreas[0]?.measures.find((m) => m.reference === "T-015")?.title ?? "Tiltak 15: samarbeid om næringsutvikling i Drammensregionen"}`,
    );
    expect(cells[devStart + 2]).toBe("Alvorlig avvik (forsinket)");
    // Header rows repeat on every page; the footer numbers the pages.
    expect(xml).toContain("<w:tblHeader/>");
    const zip = await JSZip.loadAsync(buffer);
    const footer = await zip.file("word/footer1.xml")?.async("string");
    expect(footer).toContain("PAGE");
    expect(footer).toContain("NUMPAGES");
  });
});
