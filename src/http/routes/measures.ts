import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { measureSorts } from "../../domain/measure-filter.ts";
import { measureStatuses, partnerRoles } from "../../domain/measures.ts";
import { actions } from "../../domain/permissions.ts";
import { proposalStatuses } from "../../domain/proposals.ts";
import { getMeasureHistory } from "../../services/admin/audit-trail.ts";
import { addMilestone } from "../../services/measures/add-milestone.ts";
import { createMeasure } from "../../services/measures/create-measure.ts";
import { deleteMeasure } from "../../services/measures/delete-measure.ts";
import { deleteMilestone } from "../../services/measures/delete-milestone.ts";
import { getMeasure } from "../../services/measures/get-measure.ts";
import { listMeasures } from "../../services/measures/list-measures.ts";
import { setMeasureSpending } from "../../services/measures/set-measure-spending.ts";
import { updateMeasure } from "../../services/measures/update-measure.ts";
import { updateMeasureStatus } from "../../services/measures/update-measure-status.ts";
import { updateMilestone } from "../../services/measures/update-milestone.ts";
import { linkNextPage, nextCursorField, pagedSummary, pageQuery, sendPageItems } from "../paging.ts";
import {
  errorResponse,
  municipalityNumber,
  nok,
  nokOut,
  refusals,
  yearChoiceSchema,
  yearQuery,
} from "../schemas.ts";
import { auditEventSchema } from "./plan.ts";
import { sharedMeasureSchema } from "./shared-measure-schema.ts";

const reference = z.string().min(1).max(40);
const year = z.number().int().min(2000, "Året må være 2000 eller senere").max(2100, "Året må være før 2100");

export const measureContentSchema = z.object({
  title: z.string().trim().min(1, "Tittel må fylles ut").max(300),
  description: z.string().max(50_000).default(""),
  focusAreaId: z.uuid("Velg satsingsområde"),
  goalIds: z.array(z.uuid()).max(50).default([]),
  objectiveIds: z.array(z.uuid()).max(100).default([]),
  responsibleUnit: z.string().max(200).default(""),
  contactPerson: z.string().max(200).default(""),
  ownerUserId: z.uuid().nullable().default(null),
  partners: z
    .array(z.object({ organisationId: z.uuid(), role: z.enum(partnerRoles) }))
    .max(100)
    .default([]),
  startYear: year,
  endYear: year,
  tags: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  links: z
    .array(
      z.object({
        title: z.string().max(200).default(""),
        url: z.url({ protocol: /^https?$/, error: "Lenken må begynne med http:// eller https://" }).max(2000),
      }),
    )
    .max(30)
    .default([]),
});

/** A measure's costs sent with its content (one «Lagre»): whole kroner per year and funding source. */
const measureCostsSchema = z
  .array(
    z.object({
      year: z.number().int(),
      fundingSourceId: z.uuid(),
      amountNok: nok,
      externalStatus: z.enum(["applied", "granted", "expected"]).nullable().default(null),
    }),
  )
  .max(200)
  .optional();

const listItem = z.object({
  reference: z.string(),
  isExample: z.boolean(),
  status: z.enum(measureStatuses),
  statusReason: z.string(),
  progress: z.number().int().nullable(),
  statusAsOf: z.string().nullable(),
  stateVersion: z.number().int(),
  contentVersion: z.number().int(),
  needsReview: z.boolean(),
  reviewNote: z.string(),
  title: z.string(),
  focusAreaId: z.string(),
  focusAreaTitle: z.string(),
  responsibleUnit: z.string(),
  contactPerson: z.string(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  tags: z.array(z.string()),
  goalIds: z.array(z.string()),
  objectiveIds: z.array(z.string()),
  partners: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(partnerRoles) })),
  totalMunicipalNok: nokOut,
});
const actionPlanRef = z.object({
  budgetYear: z.number().int(),
  revision: z.number().int(),
  status: z.enum(["draft", "adopted"]),
});
const listSchema = z.object({
  actionPlan: actionPlanRef.nullable(),
  yearChoice: yearChoiceSchema,
  total: z.number().int(),
  matching: z
    .number()
    .int()
    .describe("How many measures the filter and search match; `items` is one page of them"),
  items: z.array(listItem),
  nextCursor: nextCursorField,
  allowedActions: z.array(z.enum(actions)),
  sharedMeasures: z.array(sharedMeasureSchema),
});
export type MeasureListResponse = z.infer<typeof listSchema>;

const detailSchema = listItem
  .omit({ goalIds: true, objectiveIds: true, focusAreaTitle: true, totalMunicipalNok: true })
  .extend({
    planId: z.string(),
    description: z.string(),
    links: z.array(z.object({ title: z.string(), url: z.string() })),
    focusAreaTitle: z.string(),
    goals: z.array(z.object({ id: z.string(), title: z.string() })),
    objectives: z.array(z.object({ id: z.string(), title: z.string() })),
    costByYear: z.array(z.object({ year: z.number().int(), municipalNok: nokOut, externalNok: nokOut })),
    costs: z.array(
      z.object({
        year: z.number().int(),
        kind: z.enum(["municipal", "external"]),
        amountNok: nokOut,
        fundingSourceId: z.string(),
        externalStatus: z.enum(["applied", "granted", "expected"]).nullable(),
      }),
    ),
    spending: z.array(
      z.object({
        year: z.number().int(),
        fundingSourceId: z.string(),
        kind: z.enum(["municipal", "external"]),
        amountNok: nokOut,
      }),
    ),
    totalMunicipalNok: nokOut,
    totalExternalNok: nokOut,
    milestones: z.array(
      z.object({
        id: z.string(),
        dueDate: z.string(),
        title: z.string(),
        done: z.boolean(),
        version: z.number().int(),
      }),
    ),
    actionPlan: actionPlanRef,
    yearChoice: yearChoiceSchema,
    inAdoptedPlan: z.boolean(),
    proposals: z.array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        status: z.enum(proposalStatuses),
        organisation: z.string().nullable(),
      }),
    ),
    shared: sharedMeasureSchema.nullable(),
    allowedActions: z.array(z.enum(actions)),
  });
export type MeasureDetailResponse = z.infer<typeof detailSchema>;

const milestoneBody = z.object({
  dueDate: z.iso.date("Dato må være på formen ÅÅÅÅ-MM-DD"),
  title: z.string().trim().min(1, "Tittel må fylles ut").max(300),
  done: z.boolean().default(false),
});
const milestoneSchema = z.object({
  id: z.string(),
  dueDate: z.string(),
  title: z.string(),
  done: z.boolean(),
  version: z.number().int(),
});

export const measureRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = "/api/municipalities/:municipalityNumber";

  app.get(
    `${base}/plans/:planId/measures`,
    {
      schema: {
        tags: ["tiltak"],
        summary: pagedSummary("The plan's measures as a table: filter, search (Norwegian) and sort"),
        params: z.object({ municipalityNumber, planId: z.uuid() }),
        querystring: z
          .object({
            q: z.string().max(200).optional(),
            focusAreaId: z.uuid().optional(),
            status: z.enum(measureStatuses).optional(),
            ownerUserId: z.uuid().optional(),
            organisationId: z.uuid().optional(),
            tag: z.string().max(60).optional(),
            sort: z.enum(measureSorts).optional(),
            descending: z.stringbool().optional(),
            year: yearQuery,
          })
          .extend(pageQuery.shape),
        response: { 200: listSchema, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const list = await listMeasures({ ctx: request.ctx, input: { ...request.params, ...request.query } });
      linkNextPage(request, reply, list.nextCursor);
      return list;
    },
  );

  app.post(
    `${base}/plans/:planId/measures`,
    {
      schema: {
        tags: ["tiltak"],
        summary:
          "Add a measure to the draft action plan (planners); it gets the next free reference. `costs` (optional) are written in the same transaction",
        params: z.object({ municipalityNumber, planId: z.uuid() }),
        body: measureContentSchema.extend({ costs: measureCostsSchema }),
        response: { 201: z.object({ reference: z.string() }), ...refusals },
      },
    },
    async (request, reply) => {
      const { costs, ...content } = request.body;
      const created = await createMeasure({
        ctx: request.ctx,
        input: { ...request.params, content, costs },
      });
      return reply.status(201).send(created);
    },
  );

  const measureParams = z.object({ municipalityNumber, reference });

  app.get(
    `${base}/measures/:reference`,
    {
      schema: {
        tags: ["tiltak"],
        summary:
          "One measure with everything about it, in the action plan of `year` (default: the one in execution)",
        params: measureParams,
        querystring: z.object({ year: yearQuery }),
        response: { 200: detailSchema, 404: errorResponse },
      },
    },
    async (request) =>
      getMeasure({ ctx: request.ctx, input: { ...request.params, year: request.query.year } }),
  );

  app.put(
    `${base}/measures/:reference`,
    {
      schema: {
        tags: ["tiltak"],
        summary:
          "Edit a measure's content in the draft action plan (planners; `year` names the draft); send the version you edited. `costs`, when sent, replace its costs in the same transaction",
        params: measureParams,
        querystring: z.object({ year: yearQuery }),
        body: measureContentSchema.extend({
          version: z.number().int().positive(),
          costs: measureCostsSchema,
        }),
        response: { 200: z.object({ reference: z.string(), version: z.number().int() }), ...refusals },
      },
    },
    async (request) => {
      const { version, costs, ...content } = request.body;
      return updateMeasure({
        ctx: request.ctx,
        input: { ...request.params, version, content, costs, year: request.query.year },
      });
    },
  );

  app.patch(
    `${base}/measures/:reference/status`,
    {
      schema: {
        tags: ["tiltak"],
        summary: "Update status, reason and progress (planners, and the measure's owner)",
        params: measureParams,
        body: z.object({
          version: z.number().int().positive(),
          status: z.enum(measureStatuses),
          statusReason: z.string().max(2000).default(""),
          progress: z
            .number()
            .int()
            .min(0, "Fremdrift er minst 0 %")
            .max(100, "Fremdrift er høyst 100 %")
            .nullable(),
        }),
        response: {
          200: z.object({
            status: z.enum(measureStatuses),
            statusReason: z.string(),
            progress: z.number().int().nullable(),
            version: z.number().int(),
          }),
          ...refusals,
        },
      },
    },
    async (request) =>
      updateMeasureStatus({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );

  app.delete(
    `${base}/measures/:reference`,
    {
      schema: {
        tags: ["tiltak"],
        summary: "Delete a measure that has never been in an adopted action plan (planners)",
        params: measureParams,
        querystring: z.object({ version: z.coerce.number().int().positive() }),
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await deleteMeasure({ ctx: request.ctx, input: { ...request.params, version: request.query.version } });
      return reply.status(204).send(null);
    },
  );

  app.put(
    `${base}/measures/:reference/spending/:year`,
    {
      schema: {
        tags: ["tiltak"],
        summary:
          "Record actual spending for one year, per funding source (planners, and the measure's owner)",
        params: measureParams.extend({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: z.object({
          rows: z.array(z.object({ fundingSourceId: z.uuid(), amountNok: nok })).max(50),
        }),
        response: { 200: z.object({ reference: z.string(), year: z.number().int() }), ...refusals },
      },
    },
    async (request) =>
      setMeasureSpending({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );

  app.get(
    `${base}/measures/:reference/history`,
    {
      schema: {
        tags: ["tiltak"],
        summary: pagedSummary("Historikk: every change of the measure, newest first"),
        params: measureParams,
        querystring: pageQuery,
        response: { 200: z.array(auditEventSchema), ...refusals },
      },
    },
    async (request, reply) =>
      sendPageItems(
        request,
        reply,
        await getMeasureHistory({ ctx: request.ctx, input: { ...request.params, ...request.query } }),
      ),
  );

  app.post(
    `${base}/measures/:reference/milestones`,
    {
      schema: {
        tags: ["tiltak"],
        summary: "Add a milestone (planners, and the measure's owner)",
        params: measureParams,
        body: milestoneBody,
        response: { 201: milestoneSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const row = await addMilestone({ ctx: request.ctx, input: { ...request.params, ...request.body } });
      return reply.status(201).send(row);
    },
  );

  const milestoneParams = measureParams.extend({ milestoneId: z.uuid() });

  app.patch(
    `${base}/measures/:reference/milestones/:milestoneId`,
    {
      schema: {
        tags: ["tiltak"],
        summary: "Edit a milestone or mark it reached",
        params: milestoneParams,
        body: milestoneBody.partial().extend({ version: z.number().int().positive() }),
        response: { 200: milestoneSchema, ...refusals },
      },
    },
    async (request) => updateMilestone({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );

  app.delete(
    `${base}/measures/:reference/milestones/:milestoneId`,
    {
      schema: {
        tags: ["tiltak"],
        summary: "Remove a milestone",
        params: milestoneParams,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await deleteMilestone({ ctx: request.ctx, input: request.params });
      return reply.status(204).send(null);
    },
  );
};
