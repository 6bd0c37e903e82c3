import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { maxScore, minScore, recommendations, sectors } from "../../domain/evaluation.ts";
import { actions } from "../../domain/permissions.ts";
import { AppError } from "../../errors.ts";
import { formatMessage } from "../../i18n/server-messages/index.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { createEvaluationRound } from "../../services/evaluations/create-evaluation-round.ts";
import { getLatestMeasureEvaluation } from "../../services/evaluations/evaluation-feeds.ts";
import { evaluationTasksFor } from "../../services/evaluations/evaluation-tasks.ts";
import { getEvaluationRound } from "../../services/evaluations/get-evaluation-round.ts";
import { getEvaluationSummary } from "../../services/evaluations/get-evaluation-summary.ts";
import {
  getEvaluationOptions,
  listEvaluationRounds,
} from "../../services/evaluations/list-evaluation-rounds.ts";
import { getRoundConsequences } from "../../services/evaluations/round-consequences.ts";
import { saveEvaluationAnswer } from "../../services/evaluations/save-evaluation-answer.ts";
import { saveSelfAssessment } from "../../services/evaluations/save-self-assessment.ts";
import {
  roundStateChanges,
  setEvaluationRoundState,
} from "../../services/evaluations/set-evaluation-round-state.ts";
import { updateEvaluationRound } from "../../services/evaluations/update-evaluation-round.ts";
import { languageOfRequest } from "../errors.ts";
import { errorResponse, municipalityNumber, refusals } from "../schemas.ts";
import { consequencesSchema, presentMessages } from "./consequence-schema.ts";

const reference = z.string().min(1).max(40);
const criterion = z.object({ key: z.string(), title: z.string() });
const recommendation = z.enum(recommendations);
const sector = z.enum(sectors);
const recommendationCounts = z.object({
  continue: z.number().int(),
  adjust: z.number().int(),
  scale_up: z.number().int(),
  stop: z.number().int(),
});
const stats = z.object({
  count: z.number().int(),
  cannotAssess: z.number().int(),
  mean: z.number().nullable(),
  standardDeviation: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
const measureResult = z.object({
  answers: z.number().int(),
  criteria: z.array(
    stats.extend({ key: z.string(), title: z.string(), bySector: z.partialRecord(sector, stats) }),
  ),
  overallMean: z.number().nullable(),
  recommendations: recommendationCounts,
  sectors: z.array(z.object({ sector, answers: z.number().int(), recommendations: recommendationCounts })),
});
const scores = z.record(
  z.string().max(60),
  z
    .number()
    .int("Poengsummen må være et helt tall fra 1 til 5")
    .min(minScore, "Poengsummen må være minst 1")
    .max(maxScore, "Poengsummen kan være høyst 5")
    .nullable(),
);
const savedAnswer = z.object({
  reference: z.string(),
  scores: z.record(z.string(), z.number().nullable()),
  comment: z.string(),
  recommendation: recommendation.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});

const setupBody = z.object({
  title: z.string().trim().min(1, "Tittel må fylles ut").max(300),
  criteria: z
    .array(
      z.object({
        key: z.string().max(60).nullable().optional(),
        title: z.string().trim().min(1, "Kriteriet må ha en tittel").max(200),
      }),
    )
    .min(1, "Runden må ha minst ett kriterium")
    .max(20),
  deadline: z.iso.date("Fristen må være en dato på formen ÅÅÅÅ-MM-DD"),
  measures: z.array(reference).min(1, "Velg minst ett tiltak").max(500),
  panelistUserIds: z.array(z.uuid()).min(1, "Velg minst én person til panelet").max(500),
});

const summarySchema = z.object({
  id: z.string(),
  title: z.string(),
  budgetYear: z.number().int(),
  deadline: z.string(),
  overdue: z.boolean(),
  status: z.enum(["open", "closed"]),
  publishedAt: z.string().nullable(),
  measureCount: z.number().int(),
  panelCount: z.number().int(),
  panelDone: z.number().int(),
  reminderSentAt: z.string().nullable(),
  isPanelist: z.boolean(),
  myCompleted: z.number().int().nullable(),
});
const listSchema = z.object({ rounds: z.array(summarySchema), allowedActions: z.array(z.enum(actions)) });
export type EvaluationListResponse = z.infer<typeof listSchema>;

const optionsSchema = z.object({
  cycles: z.array(
    z.object({
      id: z.string(),
      budgetYear: z.number().int(),
      planTitle: z.string(),
      measures: z.array(z.object({ reference: z.string(), title: z.string(), status: z.string() })),
    }),
  ),
  people: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      role: z.string(),
      organisation: z.string().nullable(),
      sector,
    }),
  ),
  defaultCriteria: z.array(criterion),
});
export type EvaluationOptionsResponse = z.infer<typeof optionsSchema>;

const detailSchema = z.object({
  id: z.string(),
  title: z.string(),
  cycle: z.object({ id: z.string(), budgetYear: z.number().int(), planId: z.string() }),
  criteria: z.array(criterion),
  deadline: z.string(),
  status: z.enum(["open", "closed"]),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  acceptsAnswers: z.boolean(),
  allowedActions: z.array(z.enum(actions)),
  isPanelist: z.boolean(),
  measures: z.array(
    z.object({
      reference: z.string(),
      title: z.string(),
      description: z.string(),
      focusAreaTitle: z.string(),
      responsibleUnit: z.string(),
      ownerUserId: z.string().nullable(),
      ownerName: z.string().nullable(),
      startYear: z.number().int(),
      endYear: z.number().int(),
      status: z.string(),
      progress: z.number().int().nullable(),
    }),
  ),
  myAnswers: z.array(savedAnswer),
  selfAssessments: z.array(
    z.object({
      reference: z.string(),
      text: z.string(),
      version: z.number().int(),
      authorName: z.string().nullable(),
      mayEdit: z.boolean(),
    }),
  ),
  panel: z
    .array(
      z.object({
        userId: z.string(),
        name: z.string(),
        sector,
        organisation: z.string().nullable(),
        answered: z.number().int(),
        completed: z.number().int(),
      }),
    )
    .nullable(),
  results: z
    .array(
      z.object({
        reference: z.string(),
        title: z.string(),
        result: measureResult,
        individual: z.array(
          z.object({
            name: z.string(),
            sector,
            organisation: z.string().nullable(),
            scores: z.record(z.string(), z.number().nullable()),
            comment: z.string(),
            recommendation: recommendation.nullable(),
          }),
        ),
      }),
    )
    .nullable(),
});
export type EvaluationRoundResponse = z.infer<typeof detailSchema>;

const publicSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  budgetYear: z.number().int(),
  criteria: z.array(criterion),
  publishedAt: z.string().nullable(),
  panelCount: z.number().int(),
  anonymity: z.object({ minimumGroupSize: z.number().int(), rule: z.string() }),
  measures: z.array(
    z.object({
      reference: z.string(),
      title: z.string(),
      result: measureResult.extend({ hidden: z.boolean(), hiddenSectors: z.array(sector) }),
    }),
  ),
});
export type EvaluationSummaryResponse = z.infer<typeof publicSummarySchema>;

const tasksSchema = z.array(
  z.object({
    municipalityNumber: z.string(),
    roundId: z.string(),
    title: z.string(),
    deadline: z.string(),
    measureCount: z.number().int(),
    answered: z.number().int(),
  }),
);
export type EvaluationTasksResponse = z.infer<typeof tasksSchema>;

const latestSchema = z
  .object({
    roundId: z.string(),
    roundTitle: z.string(),
    closedAt: z.string(),
    score: z.number().nullable(),
    answers: z.number().int(),
    recommendations: recommendationCounts,
  })
  .nullable();
export type LatestEvaluationResponse = z.infer<typeof latestSchema>;

/** Evaluation rounds: planners set them up and read the results; panelists score; owners self-assess. */
export const evaluationRoutes =
  (mailer: Mailer): FastifyPluginAsyncZod =>
  async (app) => {
    const base = "/api/municipalities/:municipalityNumber/evaluations";
    const roundParams = z.object({ municipalityNumber, roundId: z.uuid() });

    app.get(
      base,
      {
        schema: {
          tags: ["evaluering"],
          summary: "The evaluation rounds the person may see (planners all; others those they are in)",
          params: z.object({ municipalityNumber }),
          response: { 200: listSchema, 401: errorResponse, 404: errorResponse },
        },
      },
      async (request) => listEvaluationRounds({ ctx: request.ctx, input: request.params }),
    );

    app.get(
      `${base}/options`,
      {
        schema: {
          tags: ["evaluering"],
          summary: "What a planner chooses from when opening a round: cycles, measures, people, criteria",
          params: z.object({ municipalityNumber }),
          response: { 200: optionsSchema, ...refusals },
        },
      },
      async (request) => getEvaluationOptions({ ctx: request.ctx, input: request.params }),
    );

    app.post(
      base,
      {
        schema: {
          tags: ["evaluering"],
          summary: "Open an evaluation round for a cycle (planners); the panel gets e-mail when SMTP is set",
          params: z.object({ municipalityNumber }),
          body: setupBody.extend({ cycleId: z.uuid("Velg rullering") }),
          response: { 201: z.object({ id: z.string() }), ...refusals },
        },
      },
      async (request, reply) => {
        const created = await createEvaluationRound({
          ctx: request.ctx,
          input: { ...request.params, ...request.body },
          mailer,
        });
        return reply.status(201).send(created);
      },
    );

    app.get(
      `${base}/:roundId`,
      {
        schema: {
          tags: ["evaluering"],
          summary: "One round: setup, progress and results for planners; own answers for panelists",
          params: roundParams,
          response: { 200: detailSchema, 401: errorResponse, 403: errorResponse, 404: errorResponse },
        },
      },
      async (request) => getEvaluationRound({ ctx: request.ctx, input: request.params }),
    );

    app.put(
      `${base}/:roundId`,
      {
        schema: {
          tags: ["evaluering"],
          summary: "Change an open round's setup (planners); send the version you edited",
          params: roundParams,
          body: setupBody.extend({ version: z.number().int().positive() }),
          response: { 200: z.object({ id: z.string(), version: z.number().int() }), ...refusals },
        },
      },
      async (request) =>
        updateEvaluationRound({ ctx: request.ctx, input: { ...request.params, ...request.body }, mailer }),
    );

    app.post(
      `${base}/:roundId/state`,
      {
        schema: {
          tags: ["evaluering"],
          summary: "Close or reopen a round, publish or withdraw its anonymous summary (planners)",
          params: roundParams,
          body: z.object({ version: z.number().int().positive(), change: z.enum(roundStateChanges) }),
          response: {
            200: z.object({
              status: z.enum(["open", "closed"]),
              publishedAt: z.string().nullable(),
              version: z.number().int(),
            }),
            ...refusals,
          },
        },
      },
      async (request) =>
        setEvaluationRoundState({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
    );

    app.put(
      `${base}/:roundId/answers/:reference`,
      {
        schema: {
          tags: ["evaluering"],
          summary:
            "A panelist's own answer about a measure: scores 1–5 per criterion (null = «kan ikke vurdere»), comment, recommendation",
          params: roundParams.extend({ reference }),
          body: z.object({
            version: z.number().int().positive().nullable(),
            scores,
            comment: z.string().max(10_000).default(""),
            recommendation: recommendation.nullable().default(null),
          }),
          response: { 200: savedAnswer, ...refusals },
        },
      },
      async (request) =>
        saveEvaluationAnswer({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
    );

    app.put(
      `${base}/:roundId/self-assessments/:reference`,
      {
        schema: {
          tags: ["evaluering"],
          summary: "The measure owner's self-assessment of a measure in the round",
          params: roundParams.extend({ reference }),
          body: z.object({
            version: z.number().int().positive().nullable(),
            text: z.string().max(20_000),
          }),
          response: {
            200: z.object({ reference: z.string(), text: z.string(), version: z.number().int() }),
            ...refusals,
          },
        },
      },
      async (request) =>
        saveSelfAssessment({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
    );

    app.get(
      `${base}/:roundId/summary`,
      {
        schema: {
          tags: ["evaluering"],
          summary: "The anonymous, aggregated summary of a round: public once published",
          params: roundParams,
          response: { 200: publicSummarySchema, 401: errorResponse, 403: errorResponse, 404: errorResponse },
        },
      },
      async (request, reply) => {
        const { anonymity, ...summary } = await getEvaluationSummary({
          ctx: request.ctx,
          input: request.params,
        });
        const rule = formatMessage(languageOfRequest(request, reply), anonymity.ruleKey, {
          minimum: anonymity.minimumGroupSize,
        });
        return { ...summary, anonymity: { minimumGroupSize: anonymity.minimumGroupSize, rule } };
      },
    );

    app.get(
      `${base}/:roundId/consequences`,
      {
        schema: {
          tags: ["evaluering"],
          summary:
            "What closing, reopening, publishing or withdrawing the round will do, and warnings (few answers, groups left out), in the person's language (planners)",
          params: roundParams,
          querystring: z.object({ change: z.enum(roundStateChanges) }),
          response: { 200: consequencesSchema, ...refusals },
        },
      },
      async (request, reply) => {
        const result = await getRoundConsequences({
          ctx: request.ctx,
          input: {
            ...request.params,
            change: request.query.change,
            language: languageOfRequest(request, reply),
          },
        });
        return {
          consequences: presentMessages(request, reply, result.consequences),
          warnings: presentMessages(request, reply, result.warnings),
        };
      },
    );

    app.get(
      "/api/municipalities/:municipalityNumber/measures/:reference/evaluation",
      {
        schema: {
          tags: ["evaluering"],
          summary:
            "A measure's latest closed evaluation (score and recommendations, anonymous), for the rolling; null when never evaluated",
          params: z.object({ municipalityNumber, reference }),
          response: { 200: latestSchema, 401: errorResponse, 403: errorResponse, 404: errorResponse },
        },
      },
      async (request) => getLatestMeasureEvaluation({ ctx: request.ctx, input: request.params }),
    );

    app.get(
      "/api/evaluation-tasks",
      {
        schema: {
          tags: ["evaluering"],
          summary: "The signed-in person's open evaluation rounds, with deadline and how far they have come",
          response: { 200: tasksSchema, 401: errorResponse },
        },
      },
      async (request) => {
        const actor = request.ctx.actor;
        if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInToSee");
        return evaluationTasksFor(request.ctx.db, actor.userId);
      },
    );
  };
