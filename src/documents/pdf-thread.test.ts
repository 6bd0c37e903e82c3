import { monitorEventLoopDelay } from "node:perf_hooks";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { statusReportPdfInWorker } from "./pdf-thread.ts";
import { statusReportPdf } from "./status-report-pdf.ts";
import { sampleStatusReport } from "./status-report-sample.ts";

async function pdfPages(buffer: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages;
}

/** The longest pause of this thread's event loop, in ms, while `work` runs. */
async function longestPause(work: () => Promise<unknown>) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  // The monitor's timer starts with the next turn of the loop: a pause before that goes unseen.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await work();
  // The monitor's timer records a pause when it next fires: give it the chance.
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  return histogram.max / 1e6;
}

describe("PDF layout in the worker thread", () => {
  it("gives the same document as laying it out in the request's thread", async () => {
    const report = sampleStatusReport(40);
    const fromWorker = await statusReportPdfInWorker(report);
    expect(Buffer.isBuffer(fromWorker)).toBe(true);
    expect(fromWorker.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await pdfPages(fromWorker)).toEqual(await pdfPages(await statusReportPdf(report)));
  }, 60_000);

  it("leaves the event loop free while a long report is laid out", async () => {
    const report = sampleStatusReport(300);
    await statusReportPdfInWorker(sampleStatusReport(5)); // the worker and its fonts loaded
    const inThread = await longestPause(() => statusReportPdf(report));
    const inWorker = await longestPause(() => statusReportPdfInWorker(report));
    // In the thread the loop stops for the whole layout; with the worker only for copying the data.
    expect(inThread).toBeGreaterThan(200);
    expect(inWorker).toBeLessThan(inThread / 3);
  }, 60_000);
});
