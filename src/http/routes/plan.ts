import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { cyclePhases } from "../../domain/cycle.ts";
import { measureStatuses } from "../../domain/measures.ts";
import { actions } from "../../domain/permissions.ts";
import { getPlanHistory } from "../../services/admin/audit-trail.ts";
import { listMunicipalities } from "../../services/municipalities/list-municipalities.ts";
import { getPlanTree } from "../../services/plan/get-plan-tree.ts";
import { listPlans } from "../../services/plan/list-plans.ts";
import { updatePlan } from "../../services/plan/update-plan.ts";
import { pagedSummary, pageQuery, sendPageItems } from "../paging.ts";
import { errorResponse, municipalityNumber, nokOut, yearChoiceSchema, yearQuery } from "../schemas.ts";

const measureSummary = z.object({
  reference: z.string(),
  title: z.string(),
  focusAreaId: z.string(),
  goalIds: z.array(z.string()),
  responsibleUnit: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  isExample: z.boolean(),
  status: z.enum(measureStatuses),
  progress: z.number().int().nullable(),
  costByYear: z.array(z.object({ year: z.number().int(), municipalNok: nokOut, externalNok: nokOut })),
  totalMunicipalNok: nokOut,
  totalExternalNok: nokOut,
});

export const rollUpSchema = z
  .object({
    progress: z.number().int().nullable(),
    counted: z.number().int(),
    stopped: z.number().int(),
    withoutProgress: z.number().int(),
  })
  .describe(
    "Average progress of the measures; stopped ones left out; no progress = 0 % (100 % if completed)",
  );

const node = {
  id: z.string(),
  title: z.string(),
  description: z.string(),
  position: z.number().int(),
  version: z.number().int(),
};

export const planTreeSchema = z.object({
  municipality: z.object({ number: z.string(), name: z.string() }),
  plan: z
    .object({
      id: z.string(),
      title: z.string(),
      startYear: z.number(),
      endYear: z.number(),
      vision: z.string(),
      basis: z.string(),
      adoptedOn: z.string().nullable(),
      caseReference: z.string().nullable(),
      published: z.boolean(),
      version: z.number().int(),
      allowedActions: z.array(z.enum(actions)),
    })
    .nullable(),
  cycle: z
    .object({
      budgetYear: z.number().int(),
      startYear: z.number().int(),
      endYear: z.number().int(),
      phase: z.enum(cyclePhases),
      actionPlan: z
        .object({
          revision: z.number().int(),
          status: z.enum(["draft", "adopted"]),
          adoptedOn: z.string().nullable(),
          decisionBody: z.string().nullable(),
          caseReference: z.string().nullable(),
        })
        .nullable(),
    })
    .nullable(),
  yearChoice: yearChoiceSchema,
  plans: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        startYear: z.number().int(),
        endYear: z.number().int(),
        published: z.boolean(),
      }),
    )
    .describe("The municipality's plans the asker may read, newest first"),
  goals: z.array(
    z.object({
      ...node,
      rollUp: rollUpSchema,
      focusAreas: z.array(z.object({ ...node, rollUp: rollUpSchema, measures: z.array(measureSummary) })),
    }),
  ),
  withoutGoal: z
    .object({ rollUp: rollUpSchema, measures: z.array(measureSummary) })
    .describe("Measures shown under no goal («Uten samfunnsmål»)"),
  focusAreas: z.array(
    z.object({
      ...node,
      goalIds: z.array(z.string()),
      rollUp: rollUpSchema,
      measures: z.array(measureSummary),
      objectives: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          position: z.number().int(),
          version: z.number().int(),
        }),
      ),
    }),
  ),
});

export const planViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  vision: z.string(),
  basis: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  adoptedOn: z.string().nullable(),
  caseReference: z.string().nullable(),
  published: z.boolean(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(actions)),
});

export const planListSchema = z.object({
  plans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      basis: z.string(),
      startYear: z.number().int(),
      endYear: z.number().int(),
      published: z.boolean(),
      budgetYears: z.array(z.number().int()),
      goalCount: z.number().int(),
      measureCount: z.number().int(),
    }),
  ),
  defaultPlanId: z.string().nullable().describe("The plan shown when the address names none"),
  allowedActions: z.array(z.enum(actions)),
});
export type PlanListResponse = z.infer<typeof planListSchema>;

export const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actor: z.string(),
  actorName: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  objectLabel: z.string(),
  action: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  valueNames: z.record(z.string(), z.string()).describe("What the ids in the changes stand for"),
  link: z.string().nullable().describe("The object's page in the app, if it has one"),
});
export type AuditEventResponse = z.infer<typeof auditEventSchema>;

const planParams = z.object({ municipalityNumber, planId: z.uuid("Ugyldig plan-id") });

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/municipalities",
    {
      schema: {
        tags: ["kommuner"],
        summary: "Municipalities that use this installation",
        response: { 200: z.array(z.object({ number: z.string(), name: z.string() })) },
      },
    },
    async (request) => listMunicipalities({ ctx: request.ctx }),
  );

  app.get(
    "/api/municipalities/:municipalityNumber/plan-tree",
    {
      schema: {
        tags: ["plan"],
        summary:
          "One plan (`plan`, default: the newest published, else the newest) as goal → focus area → measure, for the action plan of `year` (default: the one in execution)",
        params: z.object({ municipalityNumber }),
        querystring: z.object({ year: yearQuery, plan: z.uuid("Ugyldig plan-id").optional() }),
        response: { 200: planTreeSchema, 404: errorResponse },
      },
    },
    async (request) =>
      getPlanTree({
        ctx: request.ctx,
        input: { ...request.params, year: request.query.year, planId: request.query.plan },
      }),
  );

  app.get(
    "/api/municipalities/:municipalityNumber/plans",
    {
      schema: {
        tags: ["plan"],
        summary: "The municipality's plans the asker may read, newest first, each with its budget years",
        params: z.object({ municipalityNumber }),
        response: { 200: planListSchema, 404: errorResponse },
      },
    },
    async (request) => listPlans({ ctx: request.ctx, input: request.params }),
  );

  app.patch(
    "/api/municipalities/:municipalityNumber/plans/:planId",
    {
      schema: {
        tags: ["plan"],
        summary:
          "Edit a plan (planners). Send the version you edited; a stale one gets 409 with the current state.",
        params: planParams,
        body: z.object({
          version: z.number().int().positive(),
          title: z.string().trim().min(1, "Tittel må fylles ut").max(300).optional(),
          vision: z.string().max(20_000).optional(),
          basis: z.string().trim().max(300).optional(),
          published: z.boolean().optional(),
          startYear: z.number().int().min(2000).max(2100).optional(),
          endYear: z.number().int().min(2000).max(2100).optional(),
          adoptedOn: z.iso.date().nullable().optional(),
          caseReference: z.string().max(100).nullable().optional(),
        }),
        response: {
          200: planViewSchema,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => updatePlan({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );

  app.get(
    "/api/municipalities/:municipalityNumber/plans/:planId/history",
    {
      schema: {
        tags: ["plan"],
        summary: pagedSummary("Historikk: every change of the plan, newest first"),
        params: planParams,
        querystring: pageQuery,
        response: { 200: z.array(auditEventSchema), 400: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) =>
      sendPageItems(
        request,
        reply,
        await getPlanHistory({ ctx: request.ctx, input: { ...request.params, ...request.query } }),
      ),
  );
};

export type PlanTreeResponse = z.infer<typeof planTreeSchema>;
export type MunicipalityListResponse = { number: string; name: string }[];
