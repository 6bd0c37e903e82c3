import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { statusReportPdfInWorker } from "../../documents/pdf-thread.ts";
import { statusReportDocx } from "../../documents/status-report-docx.ts";
import { statusReportXlsx } from "../../documents/status-report-xlsx.ts";
import { measureStatuses } from "../../domain/measures.ts";
import { actions } from "../../domain/permissions.ts";
import {
  type CompiledReport,
  periodTitles,
  reportingPeriodKinds,
  reportingPeriodStates,
  statusReportStates,
  trafficLights,
} from "../../domain/status-report.ts";
import { AppError } from "../../errors.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { getCompiledStatusReport } from "../../services/status-reports/compile-status-report.ts";
import { createReportingPeriods } from "../../services/status-reports/create-reporting-periods.ts";
import { getReportingPeriod, getStatusReport } from "../../services/status-reports/get-status-report.ts";
import { listReportingPeriods } from "../../services/status-reports/list-reporting-periods.ts";
import { reviewStatusReport } from "../../services/status-reports/review-status-report.ts";
import { saveStatusReportDraft } from "../../services/status-reports/save-status-report-draft.ts";
import { sendStatusReminders } from "../../services/status-reports/send-status-reminders.ts";
import { statusReportsWaitingFor } from "../../services/status-reports/status-reports-waiting.ts";
import { submitStatusReport } from "../../services/status-reports/submit-status-report.ts";
import { updateReportingPeriod } from "../../services/status-reports/update-reporting-period.ts";
import { errorResponse, municipalityNumber, nok, nokOut, refusals } from "../schemas.ts";

const completenessSchema = z.object({
  total: z.number().int(),
  missing: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  approved: z.number().int(),
});
const periodSchema = z.object({
  id: z.string(),
  kind: z.enum(reportingPeriodKinds),
  asOf: z.string(),
  dueDate: z.string(),
  state: z.enum(reportingPeriodStates),
  version: z.number().int(),
});
const periodListSchema = z.object({
  periods: z.array(periodSchema.extend({ completeness: completenessSchema, overdue: z.boolean() })),
  allowedActions: z.array(z.enum(actions)),
});
export type ReportingPeriodListResponse = z.infer<typeof periodListSchema>;

const periodDetailSchema = z.object({
  period: periodSchema.extend({ cycleId: z.string(), budgetYear: z.number().int() }),
  completeness: completenessSchema,
  /** When the scheduled reminder before the current deadline went out (null: not yet). */
  reminderSentAt: z.string().nullable(),
  measures: z.array(
    z.object({
      reference: z.string(),
      title: z.string(),
      ownerUserId: z.string().nullable(),
      ownerName: z.string().nullable(),
      state: z.enum([...statusReportStates, "missing"]),
      trafficLight: z.enum(trafficLights).nullable(),
      submittedAt: z.string().nullable(),
      allowedActions: z.array(z.enum(actions)),
    }),
  ),
  allowedActions: z.array(z.enum(actions)),
});
export type ReportingPeriodResponse = z.infer<typeof periodDetailSchema>;

export const reportContentSchema = z.object({
  trafficLight: z.enum(trafficLights, "Velg status: på plan, avvik eller alvorlig avvik"),
  explanation: z.string().max(5000).default(""),
  measureStatus: z.enum(measureStatuses),
  progress: z.number().int().min(0, "Fremdrift er minst 0 %").max(100, "Fremdrift er høyst 100 %").nullable(),
  spending: z
    .array(z.object({ fundingSourceId: z.uuid(), amountNok: nok }))
    .max(50)
    .default([]),
  milestonesReached: z.array(z.uuid()).max(200).default([]),
  achieved: z.string().max(10_000).default(""),
  nextSteps: z.string().max(10_000).default(""),
  risks: z.string().max(10_000).default(""),
});
export type ReportContentBody = z.input<typeof reportContentSchema>;

const reportSchema = z.object({
  period: periodDetailSchema.shape.period,
  measure: z.object({ reference: z.string(), title: z.string(), ownerName: z.string().nullable() }),
  report: reportContentSchema
    .extend({
      state: z.enum(statusReportStates),
      reviewComment: z.string(),
      submittedAt: z.string(),
      reviewedAt: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  milestones: z.array(
    z.object({ id: z.string(), dueDate: z.string(), title: z.string(), done: z.boolean() }),
  ),
  fundingSources: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(["municipal", "external"]),
      plannedNok: nokOut,
      spentNok: nokOut,
    }),
  ),
  history: z.array(
    z.object({
      action: z.enum(["submitted", "returned", "approved"]),
      actorLabel: z.string(),
      comment: z.string(),
      at: z.string(),
    }),
  ),
  allowedActions: z.array(z.enum(actions)),
  canEdit: z.boolean(),
  canSaveDraft: z.boolean(),
});
export type StatusReportResponse = z.infer<typeof reportSchema>;

const waitingSchema = z.array(
  z.object({
    municipalityNumber: z.string(),
    municipalityName: z.string(),
    periodId: z.string(),
    kind: z.enum(reportingPeriodKinds),
    budgetYear: z.number().int(),
    asOf: z.string(),
    dueDate: z.string(),
    reference: z.string(),
    title: z.string(),
    reason: z.enum(["due", "returned", "review"]),
    reviewComment: z.string(),
  }),
);
export type WaitingReportsResponse = z.infer<typeof waitingSchema>;

const light = z.enum(["on_track", "deviation", "serious_deviation", "not_reported"]);
const distribution = z.record(light, z.number().int());
const budgetLine = z.object({
  area: z.string(),
  plannedNok: nokOut,
  spentNok: nokOut,
  remainingNok: nokOut,
});
const compiledSchema = z.object({
  title: z.string(),
  municipalityName: z.string(),
  budgetYear: z.number().int(),
  kind: z.enum(reportingPeriodKinds),
  asOf: z.string(),
  distribution,
  budget: z.object({ year: z.number().int(), lines: z.array(budgetLine), total: budgetLine }),
  focusAreas: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      distribution,
      budget: budgetLine,
      measures: z.array(
        z.object({
          reference: z.string(),
          title: z.string(),
          ownerName: z.string().nullable(),
          light,
          explanation: z.string(),
          measureStatus: z.enum(measureStatuses).nullable(),
          progress: z.number().int().nullable(),
          progressChange: z.number().int().nullable(),
          achieved: z.string(),
          nextSteps: z.string(),
          risks: z.string(),
          milestones: z.object({ reached: z.number().int(), total: z.number().int() }),
          plannedNok: nokOut,
          spentNok: nokOut,
        }),
      ),
    }),
  ),
  indicators: z
    .object({
      title: z.string(),
      rows: z.array(z.object({ name: z.string(), value: z.string(), target: z.string() })),
    })
    .nullable(),
});
export type CompiledReportResponse = z.infer<typeof compiledSchema>;

const fileName = (r: CompiledReport, ext: string) =>
  `statusrapport-${periodTitles[r.kind].replace(/\W+/g, "").toLowerCase() || r.kind}-${r.budgetYear}.${ext}`
    .replace("1tertial", "t1")
    .replace("2tertial", "t2");

const documentTypes = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Status reporting: periods, reports per measure, review, completeness, reminders and the compiled report. */
export const statusReportRoutes =
  (config: Config, mailer: Mailer): FastifyPluginAsyncZod =>
  async (app) => {
    const base = "/api/municipalities/:municipalityNumber";
    const periodParams = z.object({ municipalityNumber, periodId: z.uuid() });
    const reportParams = periodParams.extend({ reference: z.string().min(1).max(40) });

    app.get(
      "/api/status-reports/waiting",
      {
        schema: {
          tags: ["status"],
          summary:
            "«Venter på deg»: the signed-in person's reports due or returned, and for planners those to review",
          response: { 200: waitingSchema, 401: errorResponse },
        },
      },
      async (request) => {
        const actor = request.ctx.actor;
        if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInToSee");
        return statusReportsWaitingFor(request.ctx.db, actor.userId);
      },
    );

    app.get(
      `${base}/cycles/:cycleId/reporting-periods`,
      {
        schema: {
          tags: ["status"],
          summary: "A cycle's reporting periods (T1, T2, annual) with completeness",
          params: z.object({ municipalityNumber, cycleId: z.uuid() }),
          response: { 200: periodListSchema, ...refusals },
        },
      },
      async (request) => listReportingPeriods({ ctx: request.ctx, input: request.params }),
    );

    app.post(
      `${base}/cycles/:cycleId/reporting-periods`,
      {
        schema: {
          tags: ["status"],
          summary: "Create the cycle's reporting periods with default dates (planners)",
          params: z.object({ municipalityNumber, cycleId: z.uuid() }),
          response: { 201: z.object({ created: z.number().int() }), ...refusals },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createReportingPeriods({ ctx: request.ctx, input: request.params })),
    );

    app.get(
      `${base}/reporting-periods/:periodId`,
      {
        schema: {
          tags: ["status"],
          summary: "A period: each measure and where its report stands",
          params: periodParams,
          response: { 200: periodDetailSchema, ...refusals },
        },
      },
      async (request) => getReportingPeriod({ ctx: request.ctx, input: request.params }),
    );

    app.patch(
      `${base}/reporting-periods/:periodId`,
      {
        schema: {
          tags: ["status"],
          summary: "Open or close a period, or move its deadline (planners); send the version you read",
          params: periodParams,
          body: z.object({
            version: z.number().int().positive(),
            state: z.enum(reportingPeriodStates).optional(),
            dueDate: z.iso.date("Dato må være på formen ÅÅÅÅ-MM-DD").optional(),
          }),
          response: { 200: periodSchema, ...refusals },
        },
      },
      async (request) => {
        const p = await updateReportingPeriod({
          ctx: request.ctx,
          input: { ...request.params, ...request.body },
        });
        return {
          id: p.id,
          kind: p.kind,
          asOf: p.asOf,
          dueDate: p.dueDate,
          state: p.state,
          version: p.version,
        };
      },
    );

    app.post(
      `${base}/reporting-periods/:periodId/reminders`,
      {
        schema: {
          tags: ["status"],
          summary: "E-mail every owner with reports due or returned (planners); needs SMTP to send",
          params: periodParams,
          response: { 200: z.object({ owners: z.number().int(), emailed: z.number().int() }), ...refusals },
        },
      },
      async (request) =>
        sendStatusReminders({ ctx: request.ctx, input: request.params, mailer, publicUrl: config.publicUrl }),
    );

    app.get(
      `${base}/reporting-periods/:periodId/measures/:reference/report`,
      {
        schema: {
          tags: ["status"],
          summary: "A measure's report for the period, with its history and what the form needs",
          params: reportParams,
          response: { 200: reportSchema, ...refusals },
        },
      },
      async (request) => getStatusReport({ ctx: request.ctx, input: request.params }),
    );

    app.put(
      `${base}/reporting-periods/:periodId/measures/:reference/report`,
      {
        schema: {
          tags: ["status"],
          summary: "Submit (or resubmit) a measure's report (its owner, or a planner)",
          params: reportParams,
          body: reportContentSchema.extend({ version: z.number().int().positive().optional() }),
          response: {
            200: z.object({ id: z.string(), state: z.enum(statusReportStates), version: z.number().int() }),
            ...refusals,
          },
        },
      },
      async (request) => {
        const { version, ...content } = request.body;
        return submitStatusReport({ ctx: request.ctx, input: { ...request.params, version, content } });
      },
    );

    app.put(
      `${base}/reporting-periods/:periodId/measures/:reference/report/draft`,
      {
        schema: {
          tags: ["status"],
          summary:
            "Save a measure's report as a draft, to submit later (its owner, or a planner); seen only by its author and the planners",
          params: reportParams,
          body: reportContentSchema.extend({ version: z.number().int().positive().optional() }),
          response: {
            200: z.object({ id: z.string(), state: z.enum(statusReportStates), version: z.number().int() }),
            ...refusals,
          },
        },
      },
      async (request) => {
        const { version, ...content } = request.body;
        return saveStatusReportDraft({ ctx: request.ctx, input: { ...request.params, version, content } });
      },
    );

    app.post(
      `${base}/reporting-periods/:periodId/measures/:reference/report/review`,
      {
        schema: {
          tags: ["status"],
          summary: "Approve a report, or return it with a comment (planners)",
          params: reportParams,
          body: z.object({
            version: z.number().int().positive(),
            decision: z.enum(["approve", "return"]),
            comment: z.string().max(5000).default(""),
          }),
          response: {
            200: z.object({ id: z.string(), state: z.enum(statusReportStates), version: z.number().int() }),
            ...refusals,
          },
        },
      },
      async (request) =>
        reviewStatusReport({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
    );

    app.get(
      `${base}/reporting-periods/:periodId/compiled`,
      {
        schema: {
          tags: ["status"],
          summary: "The compiled report of the period (approved reports)",
          params: periodParams,
          response: { 200: compiledSchema, ...refusals },
        },
      },
      async (request) => getCompiledStatusReport({ ctx: request.ctx, input: request.params }),
    );

    app.get(
      `${base}/reporting-periods/:periodId/compiled.:format`,
      {
        schema: {
          tags: ["status"],
          summary: "The compiled report as Word (docx), PDF, or the status data as Excel (xlsx)",
          params: periodParams.extend({ format: z.enum(["docx", "pdf", "xlsx"]) }),
          response: { 200: z.any(), ...refusals },
        },
      },
      async (request, reply) => {
        const { format, ...input } = request.params;
        const report = await getCompiledStatusReport({ ctx: request.ctx, input });
        const file =
          format === "docx"
            ? await statusReportDocx(report)
            : format === "pdf"
              ? await statusReportPdfInWorker(report)
              : await statusReportXlsx(report);
        return reply
          .type(documentTypes[format])
          .header("content-disposition", `attachment; filename="${fileName(report, format)}"`)
          .send(file);
      },
    );
  };
