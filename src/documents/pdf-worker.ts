/**
 * Worker thread entry for PDF layout (see pdf-thread.ts): pdfmake and its fonts are loaded once per
 * worker; each job builds one document from its plain data.
 */
import { serveThread } from "../infra/thread.ts";
import { actionPlanPdf } from "./action-plan-pdf.ts";
import type { PdfRequest } from "./pdf-thread.ts";
import { statusReportPdf } from "./status-report-pdf.ts";

serveThread<PdfRequest, Uint8Array>((request) =>
  request.kind === "status-report" ? statusReportPdf(request.report) : actionPlanPdf(request.document),
);
