import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listRemovedMeasures, putBackMeasure, takeOutMeasure } from "../../services/measures/take-out.ts";
import { errorResponse, municipalityNumber, refusals } from "../schemas.ts";

const reference = z.string().min(1).max(40);
const year = z.coerce.number().int().min(1900).max(2200);

const removedSchema = z.object({
  budgetYear: z.number().int().nullable(),
  draft: z.boolean(),
  removed: z.array(
    z.object({
      reference: z.string(),
      title: z.string(),
      via: z.enum(["manual", "prioritisation"]),
      reason: z.string(),
      removedBy: z.string(),
      removedAt: z.string(),
      prioritisationId: z.string().nullable(),
      municipalByYear: z.array(z.object({ year: z.number().int(), amountNok: z.number().int() })),
      mayPutBack: z.boolean(),
    }),
  ),
});
export type RemovedMeasuresResponse = z.infer<typeof removedSchema>;

/** Taking a measure out of the draft action plan, putting it back, and the list of what is out. */
export const measureRemovalRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = "/api/municipalities/:municipalityNumber";
  const measureParams = z.object({ municipalityNumber, reference });

  app.post(
    `${base}/measures/:reference/take-out`,
    {
      schema: {
        tags: ["tiltak"],
        summary:
          "Take a measure out of the draft action plan, with a reason; it keeps its reference and last content and can be put back (planners)",
        params: measureParams,
        querystring: z.object({ year: year.optional() }),
        body: z.object({
          reason: z
            .string()
            .trim()
            .min(1, "Skriv hvorfor tiltaket tas ut")
            .max(500, "Begrunnelsen er høyst 500 tegn"),
          version: z.number().int().positive(),
        }),
        response: { 200: z.object({ reference: z.string() }), ...refusals },
      },
    },
    async (request) =>
      takeOutMeasure({
        ctx: request.ctx,
        input: { ...request.params, ...request.body, year: request.query.year },
      }),
  );

  app.post(
    `${base}/measures/:reference/put-back`,
    {
      schema: {
        tags: ["tiltak"],
        summary:
          "Put a taken-out measure back into the draft it left: same reference, content, goals, partners and costs (planners)",
        params: measureParams,
        querystring: z.object({ year: year.optional() }),
        response: { 200: z.object({ reference: z.string() }), ...refusals },
      },
    },
    async (request) =>
      putBackMeasure({ ctx: request.ctx, input: { ...request.params, year: request.query.year } }),
  );

  app.get(
    `${base}/plans/:planId/removed-measures`,
    {
      schema: {
        tags: ["tiltak"],
        summary:
          "The measures taken out of the plan's action plan for a budget year (default: the newest) and not put back: who, when, how and why",
        params: z.object({ municipalityNumber, planId: z.uuid() }),
        querystring: z.object({ year: year.optional() }),
        response: { 200: removedSchema, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) =>
      listRemovedMeasures({ ctx: request.ctx, input: { ...request.params, year: request.query.year } }),
  );
};
