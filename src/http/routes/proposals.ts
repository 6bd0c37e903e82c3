import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { commentVisibilities } from "../../domain/comments.ts";
import { actions } from "../../domain/permissions.ts";
import { proposalStatuses } from "../../domain/proposals.ts";
import { AppError } from "../../errors.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { editComment } from "../../services/comments/edit-comment.ts";
import { getComments } from "../../services/comments/get-comments.ts";
import type { CommentTargetRef, Notice } from "../../services/comments/internal.ts";
import {
  emailNotifications,
  listNotifications,
  markNotificationsRead,
} from "../../services/comments/notifications.ts";
import { postComment } from "../../services/comments/post-comment.ts";
import { removeComment } from "../../services/comments/remove-comment.ts";
import { decideProposal } from "../../services/proposals/decide-proposal.ts";
import { getProposal } from "../../services/proposals/get-proposal.ts";
import { listProposals } from "../../services/proposals/list-proposals.ts";
import { publishProposals } from "../../services/proposals/publish-proposals.ts";
import { submitProposal } from "../../services/proposals/submit-proposal.ts";
import { linkNextPage, nextCursorField, pagedSummary, pageQuery } from "../paging.ts";
import { errorResponse, municipalityNumber, nok, nokOut, refusals } from "../schemas.ts";

const base = "/api/municipalities/:municipalityNumber";
const params = z.object({ municipalityNumber });
/** A proposal's number: a positive integer the database's integer column can hold. */
const proposalNumber = (schema: z.ZodNumber) =>
  schema
    .int("Innspillsnummeret må være et heltall.")
    .positive()
    .max(2_147_483_647, "Innspillet finnes ikke.");
const proposalParams = z.object({ municipalityNumber, number: proposalNumber(z.coerce.number()) });
const text = (max: number, what: string) => z.string().trim().max(max, `${what} kan ha høyst ${max} tegn.`);

const proposalSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  status: z.enum(proposalStatuses),
  budgetYear: z.number().int(),
  organisation: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
  focusArea: z.object({ id: z.string(), title: z.string() }).nullable(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  totalCostNok: nokOut,
  measure: z.object({ reference: z.string(), readable: z.boolean() }).nullable(),
  deferredToYear: z.number().int().nullable(),
  published: z.boolean(),
});
const commentView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  author: z.object({ name: z.string(), organisation: z.string().nullable() }),
  visibility: z.enum(commentVisibilities),
  body: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  removed: z.object({ at: z.string(), reason: z.string() }).nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
  canRemove: z.boolean(),
});
const commentThread = z.object({
  comments: z.array(commentView),
  visibilities: z.array(z.enum(commentVisibilities)),
});
const proposalDetail = proposalSummary.extend({
  version: z.number().int(),
  description: z.string(),
  expectedEffect: z.string(),
  goals: z.array(z.object({ id: z.string(), title: z.string() })),
  organisations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  costs: z.array(z.object({ year: z.number().int(), amountNok: nokOut, funder: z.string() })),
  decision: z
    .object({ reason: z.string().nullable(), decidedAt: z.string(), decidedBy: z.string().nullable() })
    .nullable(),
  thread: commentThread,
  allowedActions: z.array(z.enum(actions)),
  choices: z
    .object({
      focusAreas: z.array(z.object({ id: z.string(), title: z.string() })),
      measures: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string() })),
    })
    .nullable(),
});
export type ProposalDetailResponse = z.infer<typeof proposalDetail>;
const proposalsOverview = z.object({
  proposals: z.array(proposalSummary),
  openCycles: z.array(z.object({ id: z.string(), budgetYear: z.number().int(), planId: z.string() })),
  publishableCycles: z.array(
    z.object({ id: z.string(), budgetYear: z.number().int(), count: z.number().int() }),
  ),
  ownOrganisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  allowedActions: z.array(z.enum(actions)),
});
export type ProposalsOverviewResponse = z.infer<typeof proposalsOverview>;
export type CommentThreadResponse = z.infer<typeof commentThread>;

const proposalBody = z.object({
  cycleId: z.uuid("Velg en handlingsplan som tar imot innspill."),
  title: text(200, "Tittelen").min(1, "Gi innspillet en tittel."),
  description: text(10_000, "Beskrivelsen").min(1, "Beskriv innspillet."),
  expectedEffect: text(4000, "Forventet effekt").default(""),
  focusAreaId: z.uuid("Velg et satsingsområde.").nullable().default(null),
  goalIds: z.array(z.uuid()).max(20).default([]),
  organisationIds: z.array(z.uuid()).max(50).default([]),
  costs: z
    .array(z.object({ year: z.number().int(), amountNok: nok, funder: text(300, "Finansieringen") }))
    .max(10)
    .default([]),
  onBehalfOfOrganisationId: z.uuid().nullable().optional(),
});
const reason = text(4000, "Begrunnelsen").optional();
const decisionBody = z.object({
  version: z.number().int().positive(),
  decision: z.discriminatedUnion(
    "outcome",
    [
      z.object({ outcome: z.literal("accept_new"), focusAreaId: z.uuid("Velg et satsingsområde."), reason }),
      z.object({ outcome: z.literal("accept_merge"), measureId: z.uuid("Velg et tiltak."), reason }),
      z.object({ outcome: z.literal("reject"), reason: text(4000, "Begrunnelsen") }),
      z.object({ outcome: z.literal("defer"), toYear: z.number().int().min(2000).max(2200), reason }),
    ],
    "Velg et utfall: ta inn som nytt tiltak, slå sammen med et tiltak, avslå eller utsett.",
  ),
});
const commentTarget = z.discriminatedUnion("type", [
  z.object({ type: z.literal("proposal"), number: proposalNumber(z.number()) }),
  z.object({
    type: z.literal("measure"),
    reference: z.string().regex(/^T-\d{3,}$/, "Ugyldig tiltaksreferanse"),
  }),
]);
const commentText = text(5000, "Kommentaren").min(1, "Skriv en kommentar.");

/** Proposals (innspill) from partners, comments with chosen visibility, and each person's notifications. */
export const proposalRoutes =
  (config: Config, mailer: Mailer): FastifyPluginAsyncZod =>
  async (app) => {
    // E-mail after the transaction committed; the in-app notice exists either way.
    const deliver = async (request: FastifyRequest, notices: Notice[]) => {
      for (const n of notices)
        await emailNotifications(
          request.ctx.db,
          mailer,
          config.publicUrl,
          n.userIds,
          n.notification,
          request.id,
        );
    };

    app.get(
      `${base}/proposals`,
      {
        schema: {
          tags: ["innspill"],
          summary:
            "Proposals the person may read: all (municipality), own organisation's and published (partners), published (public)",
          params,
          querystring: z.object({
            status: z.enum(proposalStatuses).optional(),
            organisationId: z.uuid("Ugyldig id for samarbeidspartner").optional(),
          }),
          response: { 200: proposalsOverview, ...refusals },
        },
      },
      async (request) => listProposals({ ctx: request.ctx, input: { ...request.params, ...request.query } }),
    );

    app.post(
      `${base}/proposals`,
      {
        schema: {
          tags: ["innspill"],
          summary:
            "Submit a proposal to a cycle open for proposals (partners; planners on an organisation's behalf)",
          params,
          body: proposalBody,
          response: { 201: z.object({ number: z.number().int() }), ...refusals },
        },
      },
      async (request, reply) => {
        const result = await submitProposal({
          ctx: request.ctx,
          input: { ...request.params, ...request.body },
        });
        await deliver(request, result.notices);
        return reply.status(201).send({ number: result.number });
      },
    );

    app.get(
      `${base}/proposals/:number`,
      {
        schema: {
          tags: ["innspill"],
          summary: "One proposal with its decision and the dialogue the person may read",
          params: proposalParams,
          response: { 200: proposalDetail, ...refusals },
        },
      },
      async (request) => getProposal({ ctx: request.ctx, input: request.params }),
    );

    app.post(
      `${base}/proposals/:number/decision`,
      {
        schema: {
          tags: ["innspill"],
          summary:
            "Decide on a proposal (planners): accept as a new measure or into one, reject with a reason, or defer",
          params: proposalParams,
          body: decisionBody,
          response: {
            200: z.object({ status: z.string(), measureReference: z.string().nullable() }),
            ...refusals,
          },
        },
      },
      async (request) => {
        const result = await decideProposal({
          ctx: request.ctx,
          input: { ...request.params, ...request.body },
        });
        await deliver(request, result.notices);
        return { status: result.status, measureReference: result.measureReference };
      },
    );

    app.post(
      `${base}/cycles/:cycleId/proposals/publication`,
      {
        schema: {
          tags: ["innspill"],
          summary:
            "Publish a cycle's decided proposals and outcomes, once its action plan is adopted (planners)",
          params: z.object({ municipalityNumber, cycleId: z.uuid("Ugyldig id for rullering") }),
          response: { 200: z.object({ published: z.number().int() }), ...refusals },
        },
      },
      async (request) => publishProposals({ ctx: request.ctx, input: request.params }),
    );

    app.get(
      `${base}/comments`,
      {
        schema: {
          tags: ["kommentarer"],
          summary: pagedSummary(
            "The comments on a proposal (proposal=N) or measure (measure=T-001) the person may read, oldest first",
          ),
          params,
          querystring: z.object({
            proposal: proposalNumber(z.coerce.number()).optional(),
            measure: z
              .string()
              .regex(/^T-\d{3,}$/)
              .optional(),
            ...pageQuery.shape,
          }),
          response: { 200: commentThread.extend({ nextCursor: nextCursorField }), ...refusals },
        },
      },
      async (request, reply) => {
        const { proposal, measure, cursor, limit } = request.query;
        const target: CommentTargetRef | null = proposal
          ? { type: "proposal", number: proposal }
          : measure
            ? { type: "measure", reference: measure }
            : null;
        if (!target) throw new AppError("validation", "comment.targetRequired");
        const page = await getComments({
          ctx: request.ctx,
          input: { ...request.params, target, cursor, limit },
        });
        linkNextPage(request, reply, page.nextCursor);
        return page;
      },
    );

    app.post(
      `${base}/comments`,
      {
        schema: {
          tags: ["kommentarer"],
          summary:
            "Comment on a proposal or measure, or reply to a comment, with a visibility the person may choose",
          params,
          body: z.object({
            target: commentTarget,
            parentId: z.uuid().nullable().default(null),
            visibility: z.enum(commentVisibilities, "Velg hvem som kan se kommentaren."),
            body: commentText,
          }),
          response: { 201: z.object({ id: z.string() }), ...refusals },
        },
      },
      async (request, reply) => {
        const result = await postComment({ ctx: request.ctx, input: { ...request.params, ...request.body } });
        await deliver(request, result.notices);
        return reply.status(201).send({ id: result.id });
      },
    );

    app.patch(
      `${base}/comments/:commentId`,
      {
        schema: {
          tags: ["kommentarer"],
          summary: "Correct one's own comment within 15 minutes of writing it",
          params: z.object({ municipalityNumber, commentId: z.uuid() }),
          body: z.object({ version: z.number().int().positive(), body: commentText }),
          response: { 204: z.null(), ...refusals },
        },
      },
      async (request, reply) => {
        await editComment({ ctx: request.ctx, input: { ...request.params, ...request.body } });
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/comments/:commentId/removal`,
      {
        schema: {
          tags: ["kommentarer"],
          summary: "Remove a comment as moderator (planners, admins), with a reason kept in the trail",
          params: z.object({ municipalityNumber, commentId: z.uuid() }),
          body: z.object({ reason: text(1000, "Begrunnelsen").min(1, "Skriv hvorfor kommentaren fjernes.") }),
          response: { 204: z.null(), ...refusals },
        },
      },
      async (request, reply) => {
        await removeComment({ ctx: request.ctx, input: { ...request.params, ...request.body } });
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/notifications",
      {
        schema: {
          tags: ["varsler"],
          summary: pagedSummary("The signed-in person's notifications, newest first; `unread` counts all"),
          querystring: pageQuery,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  kind: z.string(),
                  title: z.string(),
                  link: z.string(),
                  municipality: z.object({ number: z.string(), name: z.string() }),
                  createdAt: z.string(),
                  read: z.boolean(),
                }),
              ),
              unread: z.number().int(),
              nextCursor: nextCursorField,
            }),
            400: errorResponse,
            401: errorResponse,
          },
        },
      },
      async (request, reply) => {
        const page = await listNotifications({ ctx: request.ctx, input: request.query });
        linkNextPage(request, reply, page.nextCursor);
        return page;
      },
    );

    app.post(
      "/api/notifications/read",
      {
        schema: {
          tags: ["varsler"],
          summary: "Mark notifications read: the given ids, or all",
          body: z.object({ ids: z.union([z.array(z.uuid()).max(500), z.literal("all")]) }),
          response: { 200: z.object({ marked: z.number().int() }), 400: errorResponse, 401: errorResponse },
        },
      },
      async (request) => markNotificationsRead({ ctx: request.ctx, input: request.body }),
    );
  };
