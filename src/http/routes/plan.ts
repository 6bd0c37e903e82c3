import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { cyclePhases } from "../../domain/cycle.ts";
import { actions } from "../../domain/permissions.ts";
import { getPlanTree } from "../../services/get-plan-tree.ts";
import { listMunicipalities } from "../../services/list-municipalities.ts";
import { errorResponse } from "../schemas.ts";

const municipalityNumber = z.string().regex(/^\d{4}$/, "Kommunenummer har fire sifre");

const measureSummary = z.object({
  reference: z.string(),
  title: z.string(),
  focusAreaId: z.string(),
  goalIds: z.array(z.string()),
  responsibleUnit: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  isExample: z.boolean(),
  costByYear: z.array(
    z.object({ year: z.number().int(), municipalNok: z.number().int(), externalNok: z.number().int() }),
  ),
  totalMunicipalNok: z.number().int(),
  totalExternalNok: z.number().int(),
});

const node = { id: z.string(), title: z.string(), description: z.string(), position: z.number().int() };

export const planTreeSchema = z.object({
  municipality: z.object({ number: z.string(), name: z.string() }),
  plan: z
    .object({
      id: z.string(),
      title: z.string(),
      startYear: z.number(),
      endYear: z.number(),
      vision: z.string(),
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
  goals: z.array(
    z.object({ ...node, focusAreas: z.array(z.object({ ...node, measures: z.array(measureSummary) })) }),
  ),
  focusAreas: z.array(z.object({ ...node, goalIds: z.array(z.string()), measures: z.array(measureSummary) })),
});

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
        summary: "The newest plan as goal → focus area → measure",
        params: z.object({ municipalityNumber }),
        response: { 200: planTreeSchema, 404: errorResponse },
      },
    },
    async (request) => getPlanTree({ ctx: request.ctx, input: request.params }),
  );
};

export type PlanTreeResponse = z.infer<typeof planTreeSchema>;
export type MunicipalityListResponse = { number: string; name: string }[];
