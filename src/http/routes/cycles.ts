import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { cyclePhases } from "../../domain/cycle.ts";
import { actions } from "../../domain/permissions.ts";
import { adoptActionPlan } from "../../services/cycles/adopt-action-plan.ts";
import { advanceCycle } from "../../services/cycles/advance-cycle.ts";
import { compareActionPlans, comparisonCsv } from "../../services/cycles/compare-action-plans.ts";
import { listCycles } from "../../services/cycles/cycles.ts";
import { getActionPlan } from "../../services/cycles/get-action-plan.ts";
import { rollCycle } from "../../services/cycles/roll-cycle.ts";
import { setPhaseDates } from "../../services/cycles/set-phase-dates.ts";
import { startRevision } from "../../services/cycles/start-revision.ts";
import { markMeasureReviewed } from "../../services/measures/mark-measure-reviewed.ts";
import { sendCsv } from "../csv.ts";
import { cycleRoleSchema, errorResponse, municipalityNumber, nokOut, refusals } from "../schemas.ts";
import { messageSchema, presentMessages } from "./consequence-schema.ts";

const dates = z.object({ start: z.string(), end: z.string() });
const actionPlanVersionSchema = z.object({
  id: z.string(),
  revision: z.number().int(),
  status: z.enum(["draft", "adopted"]),
  reason: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  decisionBody: z.string().nullable(),
  caseReference: z.string().nullable(),
  measureCount: z.number().int(),
  needsReview: z.number().int(),
});
const cycleSchema = z.object({
  id: z.string(),
  budgetYear: z.number().int(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  phase: z.enum(cyclePhases),
  phaseDates: z.record(z.string(), dates),
  version: z.number().int(),
  rolledFromBudgetYear: z.number().int().nullable(),
  actionPlans: z.array(actionPlanVersionSchema),
  nextPhase: z.enum(cyclePhases).nullable(),
  blockers: z.array(z.string()),
  rolled: z.boolean(),
  role: cycleRoleSchema.describe(
    "What the cycle is today: in execution, adopted and upcoming, in preparation, past",
  ),
  today: z.string().describe("The server's today (YYYY-MM-DD), the date the roles are computed for"),
  proposalReminderSentAt: z.string().nullable(),
  allowedActions: z.array(z.enum(actions)),
});
export type CycleResponse = z.infer<typeof cycleSchema>;

const versionLabel = z.object({
  id: z.string(),
  budgetYear: z.number().int(),
  revision: z.number().int(),
  status: z.enum(["draft", "adopted"]),
});
const snapshot = z.object({ reference: z.string(), title: z.string() });
const comparisonSchema = z.object({
  before: versionLabel,
  after: versionLabel,
  added: z.array(snapshot),
  removed: z.array(snapshot),
  changed: z.array(
    z.object({
      reference: z.string(),
      title: z.string(),
      changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
  unchanged: z.number().int(),
  totals: z.array(
    z.object({
      year: z.number().int(),
      before: z.number().int(),
      after: z.number().int(),
      difference: z.number().int(),
    }),
  ),
});
export type ComparisonResponse = z.infer<typeof comparisonSchema>;

const actionPlanSchema = z.object({
  plan: z.object({ id: z.string(), title: z.string() }),
  id: z.string(),
  budgetYear: z.number().int(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  revision: z.number().int(),
  status: z.enum(["draft", "adopted"]),
  reason: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  decisionBody: z.string().nullable(),
  caseReference: z.string().nullable(),
  measures: z.array(
    z.object({
      reference: z.string(),
      title: z.string(),
      focusAreaTitle: z.string(),
      responsibleUnit: z.string(),
      startYear: z.number().int(),
      endYear: z.number().int(),
      isExample: z.boolean(),
      needsReview: z.boolean(),
      costByYear: z.array(z.object({ year: z.number().int(), municipalNok: nokOut, externalNok: nokOut })),
      totalMunicipalNok: nokOut,
    }),
  ),
  totals: z.array(z.object({ year: z.number().int(), municipalNok: nokOut })),
});
export type ActionPlanResponse = z.infer<typeof actionPlanSchema>;

export const cycleRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = "/api/municipalities/:municipalityNumber";
  const cycleParams = z.object({ municipalityNumber, cycleId: z.uuid() });

  app.get(
    `${base}/plans/:planId/cycles`,
    {
      schema: {
        tags: ["rullering"],
        summary:
          "The plan's cycles (one per budget year): phases and dates, action plan versions, what blocks the next step",
        params: z.object({ municipalityNumber, planId: z.uuid() }),
        response: { 200: z.array(cycleSchema), 404: errorResponse },
      },
    },
    async (request) => listCycles({ ctx: request.ctx, input: request.params }),
  );

  app.post(
    `${base}/cycles/:cycleId/advance`,
    {
      schema: {
        tags: ["rullering"],
        summary: "Move the cycle to its next phase; refused with what is missing (planners)",
        params: cycleParams,
        body: z.object({ version: z.number().int().positive(), to: z.enum(cyclePhases) }),
        response: { 200: z.object({ phase: z.enum(cyclePhases), version: z.number().int() }), ...refusals },
      },
    },
    async (request) => advanceCycle({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );

  app.patch(
    `${base}/cycles/:cycleId/phase-dates`,
    {
      schema: {
        tags: ["rullering"],
        summary: "Change the planned start and end of one phase (planners)",
        params: cycleParams,
        body: z.object({
          version: z.number().int().positive(),
          phase: z.enum(cyclePhases),
          start: z.iso.date("Dato må være på formen ÅÅÅÅ-MM-DD"),
          end: z.iso.date("Dato må være på formen ÅÅÅÅ-MM-DD"),
        }),
        response: {
          200: z.object({ version: z.number().int(), phaseDates: z.record(z.string(), dates) }),
          ...refusals,
        },
      },
    },
    async (request) => setPhaseDates({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );

  const adopted = z.object({
    budgetYear: z.number().int(),
    revision: z.number().int(),
    status: z.enum(["draft", "adopted"]),
  });

  app.post(
    `${base}/cycles/:cycleId/adopt`,
    {
      schema: {
        tags: ["rullering"],
        summary: "Record the council's decision: the draft action plan (or revision) is frozen (planners)",
        params: cycleParams,
        body: z.object({
          adoptedOn: z.iso.date("Dato må være på formen ÅÅÅÅ-MM-DD"),
          decisionBody: z.string().trim().min(1, "Skriv hvilket organ som vedtok (f.eks. Bystyret)").max(200),
          caseReference: z.string().trim().min(1, "Skriv saksnummeret").max(100),
        }),
        response: { 200: adopted.extend({ warnings: z.array(messageSchema) }), ...refusals },
      },
    },
    async (request, reply) => {
      const result = await adoptActionPlan({
        ctx: request.ctx,
        input: { ...request.params, ...request.body },
      });
      return { ...result, warnings: presentMessages(request, reply, result.warnings) };
    },
  );

  app.post(
    `${base}/cycles/:cycleId/revisions`,
    {
      schema: {
        tags: ["rullering"],
        summary: "Start a numbered revision of the adopted action plan, with a reason (planners)",
        params: cycleParams,
        body: z.object({ reason: z.string().trim().min(1, "Skriv hvorfor planen revideres").max(500) }),
        response: { 201: adopted, ...refusals },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await startRevision({ ctx: request.ctx, input: { ...request.params, ...request.body } })),
  );

  app.post(
    `${base}/cycles/:cycleId/roll`,
    {
      schema: {
        tags: ["rullering"],
        summary:
          "Roll the adopted cycle into next year's draft: running measures carry over, flagged «må vurderes» (planners)",
        params: cycleParams,
        response: {
          201: z.object({
            cycleId: z.string(),
            budgetYear: z.number().int(),
            carried: z.number().int(),
            /** Adopted frames carried forward into the new cycle (the økonomiplan). */
            carriedFrames: z.number().int(),
            left: z.array(z.object({ measureId: z.string(), reference: z.string(), why: z.string() })),
          }),
          ...refusals,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rollCycle({ ctx: request.ctx, input: request.params })),
  );

  app.post(
    `${base}/measures/:reference/reviewed`,
    {
      schema: {
        tags: ["rullering"],
        summary: "Mark a measure flagged «må vurderes» as looked at (planners)",
        params: z.object({ municipalityNumber, reference: z.string().min(1).max(40) }),
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await markMeasureReviewed({ ctx: request.ctx, input: request.params });
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/plans/:planId/action-plans/:budgetYear/:revision`,
    {
      schema: {
        tags: ["rullering"],
        summary: "One action plan version as adopted (or drafted): the permanent record",
        params: z.object({
          municipalityNumber,
          planId: z.uuid(),
          budgetYear: z.coerce.number().int(),
          revision: z.coerce.number().int().min(0),
        }),
        response: { 200: actionPlanSchema, 404: errorResponse },
      },
    },
    async (request) => getActionPlan({ ctx: request.ctx, input: request.params }),
  );

  const compareQuery = z.object({
    before: z.uuid("Velg versjonen det sammenlignes fra"),
    after: z.uuid("Velg versjonen det sammenlignes med"),
  });

  app.get(
    `${base}/compare`,
    {
      schema: {
        tags: ["rullering"],
        summary:
          "What changed between two action plan versions: added, removed, changed field by field, totals",
        params: z.object({ municipalityNumber }),
        querystring: compareQuery,
        response: { 200: comparisonSchema, ...refusals },
      },
    },
    async (request) =>
      compareActionPlans({ ctx: request.ctx, input: { ...request.params, ...request.query } }),
  );

  app.get(
    `${base}/compare.csv`,
    {
      schema: {
        tags: ["rullering"],
        summary: "The comparison as CSV",
        params: z.object({ municipalityNumber }),
        querystring: compareQuery,
      },
    },
    async (request, reply) => {
      const comparison = await compareActionPlans({
        ctx: request.ctx,
        input: { ...request.params, ...request.query },
      });
      const { before, after } = comparison;
      return sendCsv(
        reply,
        `endringer-${before.budgetYear}-${after.budgetYear}.csv`,
        comparisonCsv(comparison),
      );
    },
  );
};
