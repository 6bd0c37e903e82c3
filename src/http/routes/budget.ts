import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { frameStatuses } from "../../domain/frame-check.ts";
import { createExternalSource } from "../../services/budget/create-external-source.ts";
import { createFrameArea } from "../../services/budget/create-frame-area.ts";
import { getFrameCheck } from "../../services/budget/get-frame-check.ts";
import { listBudgetSetup } from "../../services/budget/list-budget-setup.ts";
import { setFrame } from "../../services/budget/set-frame.ts";
import { setMeasureFinancing } from "../../services/measures/set-measure-financing.ts";
import { errorResponse, municipalityNumber, nok, nokOut, refusals, yearQuery } from "../schemas.ts";

const setupSchema = z.object({
  frameAreas: z.array(z.object({ id: z.string(), name: z.string() })),
  fundingSources: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(["municipal", "external"]),
      frameAreaId: z.string().nullable(),
    }),
  ),
});
export type BudgetSetupResponse = z.infer<typeof setupSchema>;
const frameCheckSchema = z.object({
  cycleId: z.string(),
  budgetYear: z.number().int(),
  years: z.array(z.number().int()),
  areas: z.array(z.object({ id: z.string(), name: z.string() })),
  rows: z.array(
    z.object({
      year: z.number().int(),
      frameAreaId: z.string(),
      frameAreaName: z.string(),
      frameId: z.string().nullable(),
      frameVersion: z.number().int().nullable(),
      frameNok: nokOut.nullable(),
      frameStatus: z.enum(frameStatuses).nullable(),
      sumNok: nokOut,
      remainingNok: nokOut.nullable(),
      overrunNok: nokOut,
      /** within / over an existing frame; unframed = money but no frame («Ikke rammesatt»); empty. */
      state: z.enum(["within", "over", "unframed", "empty"]),
      /** A frame carried forward at rolling: the adopted økonomiplan it came from. */
      origin: z
        .object({
          budgetYear: z.number().int(),
          period: z.object({ startYear: z.number().int(), endYear: z.number().int() }),
          caseReference: z.string().nullable(),
          decisionDate: z.string().nullable(),
          amountNok: nokOut,
        })
        .nullable(),
    }),
  ),
  overBudget: z.array(
    z.object({
      year: z.number().int(),
      frameAreaId: z.string(),
      frameAreaName: z.string(),
      frameNok: nokOut,
      sumNok: nokOut,
    }),
  ),
  unframed: z.array(
    z.object({
      year: z.number().int(),
      frameAreaId: z.string(),
      frameAreaName: z.string(),
      sumNok: nokOut,
    }),
  ),
  overruns: z.array(
    z.object({
      year: z.number().int(),
      frameAreaId: z.string(),
      frameAreaName: z.string(),
      frameNok: nokOut.nullable(),
      sumNok: nokOut,
      excessNok: nokOut,
    }),
  ),
  /** Shared measures whose share this municipality counts. */
  sharedMeasures: z.array(
    z.object({
      measureId: z.string(),
      reference: z.string(),
      title: z.string(),
      ownerNumber: z.string(),
      ownerName: z.string(),
      role: z.enum(["owner", "participant"]),
      sharePercent: z.number().int(),
      byYear: z.array(z.object({ year: z.number().int(), amountNok: nokOut })),
    }),
  ),
  allowedActions: z.array(z.string()),
});
export type FrameCheckResponse = z.infer<typeof frameCheckSchema>;

export const budgetRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = "/api/municipalities/:municipalityNumber";
  app.get(
    `${base}/budget-setup`,
    {
      schema: {
        tags: ["budsjett"],
        summary: "Frame areas and funding sources",
        params: z.object({ municipalityNumber }),
        response: { 200: setupSchema, 404: errorResponse },
      },
    },
    async (request) => listBudgetSetup({ ctx: request.ctx, input: request.params }),
  );
  app.post(
    `${base}/frame-areas`,
    {
      schema: {
        tags: ["budsjett"],
        summary: "Add a frame area, with its municipal funding source (planners)",
        params: z.object({ municipalityNumber }),
        body: z.object({ name: z.string().trim().min(1, "Navn må fylles ut").max(200) }),
        response: { 201: z.object({ id: z.string(), name: z.string() }), ...refusals },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createFrameArea({ ctx: request.ctx, input: { ...request.params, ...request.body } })),
  );
  app.post(
    `${base}/funding-sources`,
    {
      schema: {
        tags: ["budsjett"],
        summary: "Add an external funding source (planners)",
        params: z.object({ municipalityNumber }),
        body: z.object({ name: z.string().trim().min(1, "Navn må fylles ut").max(200) }),
        response: { 201: setupSchema.shape.fundingSources.element, ...refusals },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createExternalSource({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
        ),
  );
  app.get(
    `${base}/cycles/:cycleId/frame-check`,
    {
      schema: {
        tags: ["budsjett"],
        summary: "The frame check: per year and frame area, frame, municipal sum, remaining or overrun",
        params: z.object({ municipalityNumber, cycleId: z.uuid() }),
        response: { 200: frameCheckSchema, 404: errorResponse },
      },
    },
    async (request) => getFrameCheck({ ctx: request.ctx, input: request.params }),
  );
  app.put(
    `${base}/cycles/:cycleId/frames`,
    {
      schema: {
        tags: ["budsjett"],
        summary: "Set one budget frame (year × area), proposed or adopted with its decision (planners)",
        params: z.object({ municipalityNumber, cycleId: z.uuid() }),
        body: z.object({
          frameAreaId: z.uuid(),
          year: z.number().int(),
          amountNok: nok,
          status: z.enum(frameStatuses),
          decisionDate: z.iso.date().nullable().default(null),
          caseReference: z.string().max(100).nullable().default(null),
          version: z.number().int().min(0),
        }),
        response: { 200: z.object({ id: z.string(), version: z.number().int() }), ...refusals },
      },
    },
    async (request) => {
      const saved = await setFrame({ ctx: request.ctx, input: { ...request.params, ...request.body } });
      return { id: saved?.id ?? "", version: saved?.version ?? 0 };
    },
  );
  app.put(
    `${base}/measures/:reference/financing`,
    {
      schema: {
        tags: ["budsjett"],
        summary: "Set a measure's financing per year and funding source in the draft action plan (planners)",
        params: z.object({ municipalityNumber, reference: z.string().min(1).max(40) }),
        querystring: z.object({ year: yearQuery }),
        body: z.object({
          rows: z
            .array(
              z.object({
                year: z.number().int(),
                fundingSourceId: z.uuid(),
                amountNok: nok,
                externalStatus: z.enum(["applied", "granted", "expected"]).nullable().default(null),
              }),
            )
            .max(200),
        }),
        response: { 200: z.object({ reference: z.string(), rows: z.number().int() }), ...refusals },
      },
    },
    async (request) =>
      setMeasureFinancing({
        ctx: request.ctx,
        input: { ...request.params, ...request.body, year: request.query.year },
      }),
  );
};
