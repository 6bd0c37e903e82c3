import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  indicatorChartKinds,
  indicatorDirections,
  indicatorRefreshSchedules,
} from "../../domain/indicators.ts";
import { textEncodings } from "../../domain/statistics/encoding.ts";
import { reimportModes } from "../../domain/statistics/reimport.ts";
import { AppError } from "../../errors.ts";
import { formatMessage } from "../../i18n/server-messages/index.ts";
import { defaultFetchLimits, type FetchPolicy } from "../../infra/fetch-statistics.ts";
import {
  authorizeIndicatorImport,
  importIndicatorData,
  maxFileBytes,
  previewIndicatorImport,
} from "../../services/indicators/import-indicator-data.ts";
import { getIndicator, listIndicators } from "../../services/indicators/indicator-read.ts";
import { restoreIndicatorImport } from "../../services/indicators/restore-indicator-import.ts";
import { createIndicator, updateIndicator } from "../../services/indicators/save-indicator.ts";
import { setIndicatorTarget } from "../../services/indicators/set-indicator-target.ts";
import { authorizeBeforeBody } from "../before-body.ts";
import { sendAppError } from "../errors.ts";
import { renderIndicatorCharts } from "../render/charts/render-indicator-charts.ts";
import { errorResponse, municipalityNumber, refusals } from "../schemas.ts";
import { languageOf } from "../web.ts";

/**
 * Files of up to 20 MB may be uploaded for import (a 100 000-value JSON-stat table is about 2 MB);
 * the file travels as a JSON string, where every quote and backslash is escaped, so the body may be
 * up to twice the file. The service checks the file's own size.
 */
const importBodyLimit = 2 * maxFileBytes + 1024 * 1024;

/** Fastify's own refusals of an import request (too large, not JSON), in Norwegian. */
function importErrors(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply) {
  const send = (status: number, refusal: AppError) => sendAppError(request, reply, refusal, status);
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return send(
      413,
      new AppError("validation", "indicator.fileTooLarge", { megabytes: maxFileBytes / 1024 / 1024 }),
    );
  // Sent as text (Fastify reads text/plain as a string) or as bytes, not as the JSON object.
  const notJson = typeof request.body === "string" || Buffer.isBuffer(request.body);
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || (notJson && "validation" in error))
    return send(415, new AppError("validation", "indicator.sendAsJson"));
  if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || error.code === "FST_ERR_CTP_INVALID_JSON_BODY")
    return send(400, new AppError("validation", "common.invalidJson"));
  // A binary file (PDF, image, spreadsheet) read as text holds NUL characters: say what is wrong.
  const text = (request.body as { source?: { text?: unknown } } | undefined)?.source?.text;
  if (error instanceof AppError && typeof text === "string" && text.includes("\u0000"))
    return send(400, new AppError("validation", "indicator.notATextFile"));
  throw error;
}

export const indicatorContentSchema = z.object({
  name: z.string().trim().min(1, "Navn må fylles ut").max(300),
  description: z.string().max(5000).default(""),
  unit: z.string().max(100).default(""),
  decimals: z.number().int().min(0, "Fra 0 til 6 desimaler").max(6, "Fra 0 til 6 desimaler").default(0),
  direction: z.enum(indicatorDirections).default("higher_is_better"),
  chartKind: z.enum(indicatorChartKinds).default("time_series"),
  sourceName: z.string().max(300).default("Statistisk sentralbyrå"),
  sourceUrl: z
    .union([
      z.literal(""),
      z.url({ protocol: /^https?$/, error: "Lenken må begynne med http:// eller https://" }),
    ])
    .default(""),
  licence: z.string().max(200).default("CC BY 4.0"),
  creditLine: z.string().max(300).default("Kilde: Statistisk sentralbyrå"),
  isExample: z.boolean().default(false),
  published: z.boolean().default(false),
  goalIds: z.array(z.uuid()).max(50).default([]),
  focusAreaIds: z.array(z.uuid()).max(50).default([]),
});
export type IndicatorContentBody = z.input<typeof indicatorContentSchema>;

const link = z.object({ id: z.string(), title: z.string() });
const latest = z.object({ period: z.string(), year: z.number().int(), value: z.number() });
const statusSchema = z.union([
  z.object({ kind: z.literal("no_data") }),
  z.object({ kind: z.literal("no_target"), latest }),
  z.object({
    kind: z.enum(["on_track", "off_track"]),
    latest,
    target: z.object({ year: z.number().int(), value: z.number() }),
  }),
]);
const summarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  direction: z.enum(indicatorDirections),
  chartKind: z.enum(indicatorChartKinds),
  sourceName: z.string(),
  sourceUrl: z.string(),
  licence: z.string(),
  creditLine: z.string(),
  isExample: z.boolean(),
  published: z.boolean(),
  version: z.number().int(),
  goals: z.array(link),
  focusAreas: z.array(link),
  status: statusSchema,
});
export type IndicatorSummaryResponse = z.infer<typeof summarySchema>;

const seriesPoint = z.object({
  regionNumber: z.string(),
  regionLabel: z.string(),
  period: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  content: z.string(),
  contentLabel: z.string(),
  value: z.number().nullable(),
  status: z.string().nullable(),
});
const importSchema = z.object({
  id: z.string(),
  format: z.enum(["json-stat", "csv"]),
  datasetLabel: z.string(),
  datasetId: z.string(),
  sourceUrl: z.string().nullable(),
  fileName: z.string().nullable(),
  unit: z.string(),
  decimals: z.number().int().nullable(),
  updated: z.string().nullable(),
  valueCount: z.number().int(),
  importedAt: z.string(),
});
const detailSchema = summarySchema.extend({
  /** The charts as SVG text in the request's language (the summary is each SVG's accessible name). */
  charts: z.object({
    time: z.string().optional(),
    comparison: z.string().optional(),
    industry: z.string().optional(),
  }),
  municipality: z.object({ number: z.string(), name: z.string() }),
  targets: z.array(
    z.object({ id: z.string(), year: z.number().int(), value: z.number(), version: z.number().int() }),
  ),
  series: z.array(seriesPoint),
  comparison: z.object({
    regions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        members: z.array(z.object({ number: z.string(), name: z.string() })),
      }),
    ),
    numbers: z.array(z.string()),
  }),
  currentImport: importSchema.nullable(),
  history: z.array(importSchema.extend({ replacedAt: z.string().nullable() })),
  /** The refresh schedule and the last scheduled fetch (its error in the request's language). */
  refresh: z.object({
    schedule: z.enum(indicatorRefreshSchedules),
    lastFetchedAt: z.string().nullable(),
    ok: z.boolean().nullable(),
    summary: z.object({ added: z.number(), changed: z.number(), removed: z.number() }).nullable(),
    error: z.string().nullable(),
  }),
  allowedActions: z.array(z.string()),
});
export type IndicatorDetailResponse = z.infer<typeof detailSchema>;

export const mappingSchema = z.object({
  region: z
    .string()
    .min(1, "Velg regiondimensjonen")
    .nullable()
    .describe("The region dimension; null for a national table (the series of «Hele landet»)"),
  time: z.string().min(1, "Velg tidsdimensjonen").nullable().describe("null only when the table has no time"),
  category: z.string().nullable().default(null),
  content: z.string().nullable().default(null),
  selections: z.record(z.string(), z.array(z.string()).max(10_000)).default({}),
});
export type MappingBody = z.infer<typeof mappingSchema>;
const modeSchema = z
  .enum(reimportModes)
  .default("replace")
  .describe("replace: the file is the whole series; merge: the file's periods replace those periods only");
const sourceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("file"),
    fileName: z.string().max(300).default(""),
    format: z.enum(["json-stat", "csv"]),
    text: z.string().min(1, "Filen er tom").max(importBodyLimit),
    encoding: z
      .enum(textEncodings)
      .optional()
      .describe("The encoding the client read the file's bytes in; shown back in the preview"),
  }),
  z.object({
    kind: z.literal("url"),
    url: z.string().trim().min(1, "Skriv inn adressen").max(4000),
  }),
]);
export type ImportSourceBody = z.infer<typeof sourceSchema>;
const categorySchema = z.object({
  code: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  decimals: z.number().int().nullable(),
});
const previewSchema = z.object({
  table: z.object({
    encoding: z.enum(textEncodings).nullable(),
    format: z.enum(["json-stat", "csv"]),
    version: z.string(),
    id: z.string(),
    label: z.string(),
    source: z.string(),
    updated: z.string().nullable(),
    valueCount: z.number().int(),
    dimensions: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        role: z.enum(["time", "geo", "metric"]).nullable(),
        categories: z.array(categorySchema),
      }),
    ),
  }),
  mapping: mappingSchema,
  /** What a re-import does to the current series, in the chosen mode; null for a first import. */
  reimport: z
    .object({
      mode: z.enum(reimportModes),
      added: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      removed: z.number().int(),
      kept: z.number().int(),
      missingPeriods: z.array(z.string()),
      examples: z.array(
        z.object({
          kind: z.enum(["added", "changed", "removed"]),
          regionNumber: z.string(),
          regionLabel: z.string(),
          period: z.string(),
          category: z.string(),
          categoryLabel: z.string(),
          before: z.number().nullable(),
          after: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
  result: z.object({
    rowCount: z.number().int(),
    missingCount: z.number().int(),
    rows: z.array(
      seriesPoint.extend({ regionCode: z.string(), regionMunicipalityId: z.string().nullable() }),
    ),
    problems: z.array(z.string()),
    unmatchedRegions: z.array(z.object({ code: z.string(), label: z.string() })),
    unit: z.string(),
    decimals: z.number().int().nullable(),
  }),
});
export type ImportPreviewResponse = z.infer<typeof previewSchema>;

const params = z.object({ municipalityNumber, indicatorId: z.uuid() });

/** The indicator routes; «import by URL» fetches under `fetchPolicy` (from the configuration). */
export const indicatorRoutes =
  (fetchPolicy: FetchPolicy): FastifyPluginAsyncZod =>
  async (app) => {
    const limits = { ...defaultFetchLimits, policy: fetchPolicy };
    // Only the upload of someone who may import into the indicator is read at all.
    const mayImport = authorizeBeforeBody(params, (request, p) =>
      authorizeIndicatorImport({ ctx: request.ctx, input: p }),
    );
    const base = "/api/municipalities/:municipalityNumber";
    app.get(
      `${base}/indicators`,
      {
        schema: {
          tags: ["indikatorer"],
          summary: "The knowledge base: indicators with their goals, focus areas and on-track status",
          params: z.object({ municipalityNumber }),
          querystring: z.object({ published: z.enum(["true", "false"]).optional() }),
          response: { 200: z.array(summarySchema), 404: errorResponse },
        },
      },
      async (request) =>
        listIndicators({
          ctx: request.ctx,
          input: { ...request.params, publishedOnly: request.query.published === "true" },
        }),
    );
    app.post(
      `${base}/indicators`,
      {
        schema: {
          tags: ["indikatorer"],
          summary: "Add an indicator (planners)",
          params: z.object({ municipalityNumber }),
          body: indicatorContentSchema,
          response: { 201: z.object({ id: z.string(), version: z.number().int() }), ...refusals },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createIndicator({ ctx: request.ctx, input: { ...request.params, content: request.body } }),
          ),
    );
    app.get(
      `${base}/indicators/:indicatorId`,
      {
        schema: {
          tags: ["indikatorer"],
          summary:
            "One indicator: targets, series for the municipality, its regions and the country, status, imports",
          params,
          response: { 200: detailSchema, 401: errorResponse, 404: errorResponse },
        },
      },
      async (request) => {
        const indicator = await getIndicator({ ctx: request.ctx, input: request.params });
        // The charts are drawn here, so the browser shows them without a charting library; in the
        // interface's language (the language cookie, as the page around them), not Accept-Language.
        const language = languageOf(request);
        const { error } = indicator.refresh;
        return {
          ...indicator,
          charts: renderIndicatorCharts(indicator, language),
          refresh: {
            ...indicator.refresh,
            error: error ? formatMessage(language, error.key, error.params) : null,
          },
        };
      },
    );
    app.put(
      `${base}/indicators/:indicatorId`,
      {
        schema: {
          tags: ["indikatorer"],
          summary: "Change an indicator (planners)",
          params,
          body: indicatorContentSchema.extend({ version: z.number().int().min(1) }),
          response: { 200: z.object({ id: z.string(), version: z.number().int() }), ...refusals },
        },
      },
      async (request) => {
        const { version, ...content } = request.body;
        return updateIndicator({ ctx: request.ctx, input: { ...request.params, version, content } });
      },
    );
    app.put(
      `${base}/indicators/:indicatorId/targets/:year`,
      {
        schema: {
          tags: ["indikatorer"],
          summary: "Set or remove (value null) the target of one year (planners)",
          params: params.extend({ year: z.coerce.number().int().min(1900).max(2200) }),
          body: z.object({
            value: z.number({ error: "Målverdien må være et tall" }).finite().nullable(),
            version: z.number().int().min(0),
          }),
          response: {
            200: z.object({
              year: z.number().int(),
              value: z.number().nullable(),
              version: z.number().int(),
            }),
            ...refusals,
          },
        },
      },
      async (request) =>
        setIndicatorTarget({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
    );
    app.post(
      `${base}/indicators/:indicatorId/import-preview`,
      {
        bodyLimit: importBodyLimit,
        errorHandler: importErrors,
        onRequest: mayImport,
        schema: {
          tags: ["indikatorer"],
          summary:
            "Read a JSON-stat or CSV file (or PxWebApi URL): its dimensions, and the series a mapping gives. Saves nothing",
          params,
          body: z.object({ source: sourceSchema, mapping: mappingSchema.optional(), mode: modeSchema }),
          response: { 200: previewSchema, ...refusals },
        },
      },
      async (request) =>
        previewIndicatorImport({ ctx: request.ctx, input: { ...request.params, ...request.body }, limits }),
    );
    app.post(
      `${base}/indicators/:indicatorId/imports`,
      {
        bodyLimit: importBodyLimit,
        errorHandler: importErrors,
        onRequest: mayImport,
        schema: {
          tags: ["indikatorer"],
          summary:
            "Import a file or URL by the mapping, replacing the series or merging by period; the previous import is kept as history (planners)",
          params,
          body: z.object({ source: sourceSchema, mapping: mappingSchema, mode: modeSchema }),
          response: {
            201: z.object({
              importId: z.string(),
              valueCount: z.number().int(),
              missingCount: z.number().int(),
              replacedImportId: z.string().nullable(),
            }),
            ...refusals,
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await importIndicatorData({
            ctx: request.ctx,
            input: { ...request.params, ...request.body },
            limits,
          }),
        ),
    );
    app.post(
      `${base}/indicators/:indicatorId/imports/:importId/restore`,
      {
        schema: {
          tags: ["indikatorer"],
          summary:
            "Bring an earlier import back as the current series, saved as a new import; the history keeps every import (planners)",
          params: params.extend({ importId: z.uuid() }),
          response: {
            201: z.object({
              importId: z.string(),
              restoredFromImportId: z.string(),
              valueCount: z.number().int(),
            }),
            ...refusals,
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await restoreIndicatorImport({ ctx: request.ctx, input: request.params })),
    );
  };
