/**
 * Worker thread entry for PDF layout (see pdf-thread.ts): pdfmake and its fonts are loaded once per
 * worker; each job builds one document from its plain data. The thread runs at a lower priority
 * (nice 10; on Linux a thread's own): on a busy machine the request thread gets the core first,
 * and a PDF waits a little longer instead.
 */
import os from "node:os";
import { serveThread } from "../infra/thread.ts";
import { actionPlanPdf } from "./action-plan-pdf.ts";
import type { PdfRequest } from "./pdf-thread.ts";
import { statusReportPdf } from "./status-report-pdf.ts";

try {
  os.setPriority(10);
} catch {
  // Not allowed here (some containers): the same thread at normal priority.
}

serveThread<PdfRequest, Uint8Array>((request) =>
  request.kind === "status-report" ? statusReportPdf(request.report) : actionPlanPdf(request.document),
);
