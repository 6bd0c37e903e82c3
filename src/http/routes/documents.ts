import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actionPlanDocx } from "../../documents/action-plan-docx.ts";
import { actionPlanWorkbook } from "../../documents/action-plan-xlsx.ts";
import { maxImportBytes } from "../../documents/measures-import-xlsx.ts";
import { actionPlanPdfInWorker } from "../../documents/pdf-thread.ts";
import { AppError } from "../../errors.ts";
import { loadActionPlanDocument } from "../../services/cycles/action-plan-document.ts";
import {
  applyMeasureImport,
  authorizeMeasureImport,
  previewMeasureImport,
} from "../../services/measures/import-measures.ts";
import { authorizeBeforeBody } from "../before-body.ts";
import { sendAppError } from "../errors.ts";
import { municipalityNumber, refusals } from "../schemas.ts";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const formats = {
  docx: {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    build: actionPlanDocx,
  },
  pdf: { type: "application/pdf", build: actionPlanPdfInWorker },
  xlsx: { type: xlsxType, build: actionPlanWorkbook },
} as const;

const problem = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  reason: z.string(),
});
const previewSchema = z.object({
  sheet: z.string(),
  budgetYear: z.number().int(),
  token: z.string(),
  counts: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    restored: z.number().int(),
    unchanged: z.number().int(),
    problems: z.number().int(),
  }),
  actions: z.array(
    z.object({
      kind: z.enum(["new", "changed", "restore", "unchanged"]),
      row: z.number().int(),
      reference: z.string().nullable(),
      title: z.string(),
      fields: z.array(z.object({ column: z.string(), before: z.string(), after: z.string() })),
    }),
  ),
  problems: z.array(problem),
});
export type ImportPreviewResponse = z.infer<typeof previewSchema>;
const appliedSchema = z.object({
  created: z.array(z.string()),
  changed: z.array(z.string()),
  restored: z.array(z.string()),
  unchanged: z.number().int(),
});
export type ImportAppliedResponse = z.infer<typeof appliedSchema>;

/** Fastify's own refusals of an upload (too large, wrong content type, broken JSON), in Norwegian. */
function tooLarge(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply) {
  const send = (status: number, refusal: AppError) => sendAppError(request, reply, refusal, status);
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return send(
      413,
      new AppError("validation", "import.fileTooLarge", { megabytes: maxImportBytes / 1024 / 1024 }),
    );
  if (
    error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ||
    error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
    error.code === "FST_ERR_CTP_INVALID_JSON_BODY"
  )
    return send(
      error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? 415 : 400,
      new AppError("validation", "import.sendFileItself", { contentType: xlsxType }),
    );
  throw error;
}

/** The action plan as Word, PDF and Excel; the measures import from Excel (preview, then apply). */
export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = "/api/municipalities/:municipalityNumber";
  // The import sends the .xlsx file itself as the body (no multipart form needed).
  for (const type of [xlsxType, "application/octet-stream"])
    app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: maxImportBytes }, (_request, body, done) =>
      done(null, body),
    );

  app.get(
    `${base}/plans/:planId/action-plans/:budgetYear/:revision/handlingsplan.:format`,
    {
      schema: {
        tags: ["dokumenter"],
        summary:
          "The action plan version as a document: Word (docx) for the council's case, PDF for publishing, Excel (xlsx) with the measures, frames and partners",
        params: z.object({
          municipalityNumber,
          planId: z.uuid(),
          budgetYear: z.coerce.number().int(),
          revision: z.coerce.number().int().min(0),
          format: z.enum(["docx", "pdf", "xlsx"], "Velg docx, pdf eller xlsx"),
        }),
      },
    },
    async (request, reply) => {
      const { format, ...input } = request.params;
      const doc = await loadActionPlanDocument({ ctx: request.ctx, input });
      const file = await formats[format].build(doc);
      const name = `handlingsplan-${doc.budgetYear}${doc.revision > 0 ? `-rev${doc.revision}` : ""}${doc.status === "draft" ? "-utkast" : ""}.${format}`;
      return reply
        .type(formats[format].type)
        .header("content-disposition", `attachment; filename="${name}"`)
        .header("cache-control", "private, no-store")
        .send(file);
    },
  );

  const importParams = z.object({ municipalityNumber, planId: z.uuid() });
  // Only a planner's upload is read at all.
  const mayImport = authorizeBeforeBody(importParams, (request, params) =>
    authorizeMeasureImport({ ctx: request.ctx, input: params }),
  );
  const fileBody = (body: unknown) => {
    if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError("validation", "import.chooseFile");
    return body;
  };

  app.post(
    `${base}/plans/:planId/measures-import/preview`,
    {
      bodyLimit: maxImportBytes,
      errorHandler: tooLarge,
      onRequest: mayImport,
      schema: {
        tags: ["dokumenter"],
        consumes: [xlsxType],
        body: z.any().describe("The .xlsx file itself (binary)"),
        summary:
          "Preview importing an .xlsx sheet of measures into the draft action plan (body: the file): every change and every problem; writes nothing (planners)",
        params: importParams,
        response: { 200: previewSchema, ...refusals },
      },
    },
    async (request) =>
      previewMeasureImport({ ctx: request.ctx, input: { ...request.params, file: fileBody(request.body) } }),
  );

  app.post(
    `${base}/plans/:planId/measures-import`,
    {
      bodyLimit: maxImportBytes,
      errorHandler: tooLarge,
      onRequest: mayImport,
      schema: {
        tags: ["dokumenter"],
        consumes: [xlsxType],
        body: z.any().describe("The .xlsx file itself (binary)"),
        summary:
          "Import the previewed .xlsx sheet (body: the file, token from the preview) in one transaction; any problem writes nothing (planners)",
        params: importParams,
        querystring: z.object({ token: z.string().min(1, "Forhåndsvis importen først").max(100) }),
        response: { 200: appliedSchema, ...refusals },
      },
    },
    async (request) =>
      applyMeasureImport({
        ctx: request.ctx,
        input: { ...request.params, token: request.query.token, file: fileBody(request.body) },
      }),
  );
};
