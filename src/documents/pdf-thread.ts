import type { CompiledReport } from "../domain/status-report.ts";
import { threadClient } from "../infra/thread.ts";
import type { ActionPlanDocument } from "./action-plan-model.ts";

/**
 * pdfmake lays a document out synchronously: the status report of 300 measures holds the thread for
 * about two seconds, and every other request would wait that long. The routes build PDFs here, in
 * one long-lived worker thread (the same client as the solver's), from the same plain data the
 * in-thread functions take; the PDF comes back as bytes.
 */
export type PdfRequest =
  | { kind: "status-report"; report: CompiledReport }
  | { kind: "action-plan"; document: ActionPlanDocument };

const layout = threadClient<PdfRequest, Uint8Array>(new URL("./pdf-worker.ts", import.meta.url));

/** A Buffer over the bytes the worker sent (a Buffer arrives as a plain Uint8Array), not a copy. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The compiled status report as PDF (statusReportPdf), laid out in the PDF worker thread. */
export async function statusReportPdfInWorker(report: CompiledReport): Promise<Buffer> {
  return asBuffer(await layout({ kind: "status-report", report }));
}

/** The action plan as PDF (actionPlanPdf), laid out in the PDF worker thread. */
export async function actionPlanPdfInWorker(document: ActionPlanDocument): Promise<Buffer> {
  return asBuffer(await layout({ kind: "action-plan", document }));
}
