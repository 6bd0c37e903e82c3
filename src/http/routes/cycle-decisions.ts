import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { cycleActions } from "../../domain/consequences.ts";
import { cyclePhases } from "../../domain/cycle.ts";
import { correctDecision } from "../../services/cycles/correct-decision.ts";
import { getCycleConsequences } from "../../services/cycles/cycle-consequences.ts";
import { stepBackCycle } from "../../services/cycles/step-back-cycle.ts";
import { municipalityNumber, refusals } from "../schemas.ts";
import { consequencesSchema, presentMessages } from "./consequence-schema.ts";

const date = z.iso.date("Dato må være på formen ÅÅÅÅ-MM-DD");

/** Deliberate steps of a cycle: what a step will do, stepping a phase back, correcting a decision. */
export const cycleDecisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = "/api/municipalities/:municipalityNumber/cycles/:cycleId";
  const cycleParams = z.object({ municipalityNumber, cycleId: z.uuid() });

  app.get(
    `${base}/consequences`,
    {
      schema: {
        tags: ["rullering"],
        summary:
          "What advancing, stepping back, adopting or rolling will do, and warnings (proposals not decided, a rolling beyond the plan period), in the person's language (planners)",
        params: cycleParams,
        querystring: z.object({ action: z.enum(cycleActions) }),
        response: {
          200: consequencesSchema.extend({
            targetPhase: z.enum(cyclePhases).nullable(),
            extendPlan: z
              .object({ planId: z.string(), version: z.number().int(), endYear: z.number().int() })
              .nullable(),
          }),
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const result = await getCycleConsequences({
        ctx: request.ctx,
        input: { ...request.params, action: request.query.action },
      });
      return {
        ...result,
        consequences: presentMessages(request, reply, result.consequences),
        warnings: presentMessages(request, reply, result.warnings),
      };
    },
  );

  app.post(
    `${base}/step-back`,
    {
      schema: {
        tags: ["rullering"],
        summary: "Move the cycle back one phase before its action plan is adopted, with a reason (planners)",
        params: cycleParams,
        body: z.object({
          version: z.number().int().positive(),
          reason: z.string().trim().min(1, "Skriv hvorfor rulleringen går tilbake").max(500),
        }),
        response: { 200: z.object({ phase: z.enum(cyclePhases), version: z.number().int() }), ...refusals },
      },
    },
    async (request) => stepBackCycle({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );

  app.patch(
    `${base}/action-plans/:revision/decision`,
    {
      schema: {
        tags: ["rullering"],
        summary:
          "Correct the recorded decision (date, body, case number) of an adopted version; the content stays frozen, the audit trail keeps before, after and why (planners)",
        params: cycleParams.extend({ revision: z.coerce.number().int().min(0) }),
        body: z.object({
          version: z.number().int().positive().optional(),
          reason: z.string().trim().min(1, "Skriv hvorfor vedtaket rettes").max(500),
          adoptedOn: date.optional(),
          decisionBody: z.string().trim().min(1, "Skriv hvilket organ som vedtok").max(200).optional(),
          caseReference: z.string().trim().min(1, "Skriv saksnummeret").max(100).optional(),
        }),
        response: {
          200: z.object({
            revision: z.number().int(),
            adoptedOn: z.string().nullable(),
            decisionBody: z.string().nullable(),
            caseReference: z.string().nullable(),
            version: z.number().int(),
          }),
          ...refusals,
        },
      },
    },
    async (request) => correctDecision({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );
};
