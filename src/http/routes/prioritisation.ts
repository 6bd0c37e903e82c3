import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { frameStatuses } from "../../domain/frame-check.ts";
import { valueSources } from "../../domain/prioritisation.ts";
import { applyPrioritisation } from "../../services/budget/apply-prioritisation.ts";
import { getPrioritisationSetup } from "../../services/budget/get-prioritisation-setup.ts";
import { proposePrioritisation } from "../../services/budget/propose-prioritisation.ts";
import { setMeasurePriority } from "../../services/budget/set-measure-priority.ts";
import { undoPrioritisation } from "../../services/budget/undo-prioritisation.ts";
import { errorResponse, municipalityNumber, nok, nokOut, refusals } from "../schemas.ts";

const reference = z.string().min(1).max(40);
const year = z.number().int();

/** A what-if: set one frame (year × area) to an amount, or change frames by a percentage. */
const overrideSchema = z.union([
  z.strictObject({ frameAreaId: z.uuid(), year, amountNok: nok }),
  z.strictObject({
    percent: z
      .number()
      .min(-100, "Endringen kan ikke være under −100 %")
      .max(1000, "Endringen kan ikke være over 1000 %"),
    year: year.optional(),
    frameAreaId: z.uuid().optional(),
  }),
]);

const costSchema = z.object({ frameAreaId: z.string(), year, amountNok: nokOut });
const areaSchema = z.object({ id: z.string(), name: z.string() });
const setupSchema = z.object({
  cycleId: z.string(),
  planId: z.string(),
  budgetYear: year,
  years: z.array(year),
  actionPlanVersionId: z.string(),
  draft: z.boolean(),
  areas: z.array(areaSchema),
  frames: z.array(
    z.object({
      id: z.string(),
      frameAreaId: z.string(),
      year,
      amountNok: nokOut,
      status: z.enum(frameStatuses),
      decisionDate: z.string().nullable(),
      caseReference: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
  measures: z.array(
    z.object({
      reference: z.string(),
      title: z.string(),
      priority: z.number().int().nullable(),
      mandatory: z.boolean(),
      value: z.number().int(),
      evaluationScore: z.number().nullable(),
      evaluationRound: z.string().nullable(),
      version: z.number().int(),
      costs: z.array(costSchema),
    }),
  ),
  allowedActions: z.array(z.enum(["update"])),
  lastApplied: z
    .object({
      id: z.string(),
      appliedAt: z.string(),
      appliedBy: z.string(),
      dropped: z.array(z.object({ reference: z.string(), title: z.string() })),
    })
    .nullable(),
});
export type PrioritisationSetupResponse = z.infer<typeof setupSchema>;

const place = { year, frameAreaId: z.string(), frameAreaName: z.string() };
const proposalSchema = z.object({
  status: z.enum(["optimal", "feasible", "infeasible"]),
  selected: z.array(
    z.object({ reference: z.string(), title: z.string(), value: z.number().int(), mandatory: z.boolean() }),
  ),
  dropped: z.array(
    z.object({
      reference: z.string(),
      title: z.string(),
      value: z.number().int(),
      reason: z.enum(["exceeds_frame_alone", "frame_used_up"]),
      binding: z.array(
        z.object({
          ...place,
          frameNok: nokOut,
          costNok: nokOut,
          remainingNok: nokOut,
        }),
      ),
      why: z.string(),
    }),
  ),
  totalValue: z.number().int(),
  possibleValue: z.number().int(),
  gap: z.number().nullable(),
  usage: z.array(
    z.object({
      ...place,
      frameNok: nokOut,
      sumNok: nokOut,
      remainingNok: nokOut,
    }),
  ),
  unframed: z.array(z.object({ ...place, sumNok: nokOut })),
  shortfalls: z.array(
    z.object({
      ...place,
      frameNok: nokOut,
      mandatoryNok: nokOut,
      excessNok: nokOut,
      references: z.array(z.string()),
    }),
  ),
  explanation: z.string().nullable(),
  frames: z.array(
    z.object({
      frameAreaId: z.string(),
      frameAreaName: z.string(),
      year,
      amountNok: nokOut,
      status: z.enum(frameStatuses).nullable(),
      originalNok: nokOut.nullable(),
      changed: z.boolean(),
    }),
  ),
});
export type ProposalResponse = z.infer<typeof proposalSchema>;

const frameCheckSchema = z.object({
  cycleId: z.string(),
  budgetYear: year,
  years: z.array(year),
  areas: z.array(areaSchema),
  rows: z.array(
    z.object({
      ...place,
      frameId: z.string().nullable(),
      frameVersion: z.number().int().nullable(),
      frameNok: nokOut.nullable(),
      frameStatus: z.enum(frameStatuses).nullable(),
      sumNok: nokOut,
      remainingNok: nokOut.nullable(),
      overrunNok: nokOut,
    }),
  ),
  overruns: z.array(
    z.object({
      ...place,
      frameNok: nokOut.nullable(),
      sumNok: nokOut,
      excessNok: nokOut,
    }),
  ),
});

const proposalResponseSchema = z.object({
  cycleId: z.string(),
  budgetYear: year,
  years: z.array(year),
  actionPlanVersionId: z.string(),
  areas: z.array(areaSchema),
  frameCheck: frameCheckSchema,
  current: proposalSchema,
  whatIf: proposalSchema.nullable(),
  overrides: z.array(overrideSchema),
  valueRule: z.object({
    source: z.enum(valueSources),
    roundTitles: z.array(z.string()),
    evaluated: z.number().int(),
  }),
});
export type PrioritisationResponse = z.infer<typeof proposalResponseSchema>;
export type FrameOverrideBody = z.infer<typeof overrideSchema>;

export const prioritisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = "/api/municipalities/:municipalityNumber";
  const cycleParams = z.object({ municipalityNumber, cycleId: z.uuid() });

  app.get(
    `${base}/cycles/:cycleId/prioritisation`,
    {
      schema: {
        tags: ["budsjett"],
        summary:
          "The newest action plan of a cycle for prioritisation: each measure's priority, mandatory mark and municipal costs, and the frames that count",
        params: cycleParams,
        response: { 200: setupSchema, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => getPrioritisationSetup({ ctx: request.ctx, input: request.params }),
  );

  app.post(
    `${base}/cycles/:cycleId/prioritisation`,
    {
      schema: {
        tags: ["budsjett"],
        summary:
          "Propose which measures of the draft to keep within the frames (integer program, HiGHS), and with overrides a what-if beside it; saves nothing (planners)",
        description:
          "Value (`valueSource`): «default» = the priority (1 without one) decides and the latest closed evaluation round's score breaks ties (priority × 1000 + score × 100, no score counts as 3); «priority» = the priority alone; «evaluation» = the score alone. The answer's `valueRule` says which rule and which rounds. Frames: adopted, or proposed where none is adopted. Mandatory measures that alone exceed a frame give 200 with status «infeasible» and an explanation. Overrides apply in order: `{ frameAreaId, year, amountNok }` sets a frame; `{ percent, year?, frameAreaId? }` changes the matching frames (rounded down to whole kroner).",
        params: cycleParams,
        body: z
          .object({
            overrides: z.array(overrideSchema).max(100).default([]),
            valueSource: z.enum(valueSources).default("default"),
          })
          .default({ overrides: [], valueSource: "default" }),
        response: { 200: proposalResponseSchema, ...refusals },
      },
    },
    async (request) =>
      proposePrioritisation({
        ctx: request.ctx,
        input: {
          ...request.params,
          overrides: request.body.overrides,
          valueSource: request.body.valueSource,
        },
      }),
  );

  app.post(
    `${base}/cycles/:cycleId/prioritisation/apply`,
    {
      schema: {
        tags: ["budsjett"],
        summary:
          "Apply a proposal: take the named measures out of the draft action plan, in one transaction, audited per measure (planners). They are kept («Tatt ut av forslaget», with `reasons[reference]` or «Tatt ut ved prioritering») and can be put back, or the whole application undone",
        params: cycleParams,
        body: z.object({
          drop: z.array(reference).max(5000),
          reasons: z.record(reference, z.string().max(500, "Begrunnelsen er høyst 500 tegn")).optional(),
        }),
        response: {
          200: z.object({
            dropped: z.array(z.string()),
            prioritisationId: z.string().nullable(),
            frameCheck: frameCheckSchema,
          }),
          ...refusals,
        },
      },
    },
    async (request) =>
      applyPrioritisation({
        ctx: request.ctx,
        input: { ...request.params, drop: request.body.drop, reasons: request.body.reasons },
      }),
  );

  app.post(
    `${base}/cycles/:cycleId/prioritisation/undo`,
    {
      schema: {
        tags: ["budsjett"],
        summary:
          "Undo the newest applied proposal of the draft in one step: every measure it took out returns with its reference, content and costs; refused after adoption (planners)",
        params: cycleParams,
        response: {
          200: z.object({ restored: z.array(z.string()), frameCheck: frameCheckSchema }),
          ...refusals,
        },
      },
    },
    async (request) => undoPrioritisation({ ctx: request.ctx, input: request.params }),
  );

  app.patch(
    `${base}/measures/:reference/priority`,
    {
      schema: {
        tags: ["budsjett"],
        summary: "Set a measure's priority value and mandatory mark in the draft action plan (planners)",
        params: z.object({ municipalityNumber, reference }),
        body: z.object({
          priority: z
            .number()
            .int("Prioriteten er et helt tall")
            .min(0, "Prioriteten er minst 0")
            .max(1000, "Prioriteten er høyst 1000")
            .nullable(),
          mandatory: z.boolean(),
          version: z.number().int().positive().optional(),
        }),
        response: {
          200: z.object({
            reference: z.string(),
            priority: z.number().int().nullable(),
            mandatory: z.boolean(),
            value: z.number().int(),
            version: z.number().int(),
          }),
          ...refusals,
        },
      },
    },
    async (request) =>
      setMeasurePriority({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );
};
