import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { measureStatuses } from "../../domain/measures.ts";
import { actions } from "../../domain/permissions.ts";
import { regionSlugPattern } from "../../domain/region.ts";
import { appointCoordinator } from "../../services/region/appoint-coordinator.ts";
import { getRegionOverview } from "../../services/region/get-region-overview.ts";
import { getRegionSettings } from "../../services/region/get-region-settings.ts";
import { listRegions } from "../../services/region/list-regions.ts";
import { listSharedMeasures } from "../../services/region/list-shared-measures.ts";
import { joinSharedMeasure, leaveSharedMeasure } from "../../services/region/participate-in-measure.ts";
import { removeCoordinator } from "../../services/region/remove-coordinator.ts";
import { setRegionMembers } from "../../services/region/set-region-members.ts";
import { inviteToMeasure, withdrawInvitation } from "../../services/region/share-measure.ts";
import { errorResponse, municipalityNumber, nokOut, refusals } from "../schemas.ts";
import { sharedMeasureSchema } from "./shared-measure-schema.ts";

const slug = z.string().regex(regionSlugPattern, "Ugyldig regionnavn");
const byYear = z.array(z.object({ year: z.number().int(), amountNok: nokOut }));
const version = z.number().int().positive();
const budgetYear = z.coerce.number().int().min(2000).max(2200);

const overviewSchema = z.object({
  region: z.object({ slug: z.string(), name: z.string() }),
  /** The budget year shown (`?year=`, by default the current one). */
  year: z.number().int(),
  years: z.array(z.number().int()),
  municipalities: z.array(
    z.object({
      number: z.string(),
      name: z.string(),
      active: z.boolean(),
      actionPlans: z.array(
        z.object({
          planTitle: z.string(),
          budgetYear: z.number().int(),
          revision: z.number().int(),
          status: z.enum(["draft", "adopted"]),
        }),
      ),
      measureCount: z.number().int(),
      budgetByYear: byYear,
      focusAreas: z.array(
        z.object({
          title: z.string(),
          measures: z.array(
            z.object({
              reference: z.string(),
              title: z.string(),
              status: z.enum(measureStatuses),
              shared: z.boolean(),
              municipalNok: nokOut,
            }),
          ),
        }),
      ),
    }),
  ),
  totalByYear: byYear,
  partners: z.array(
    z.object({
      organisationNumber: z.string(),
      names: z.array(z.string()),
      municipalities: z.array(z.object({ number: z.string(), name: z.string() })),
    }),
  ),
  sharedMeasures: z.array(sharedMeasureSchema),
  allowedActions: z.array(z.enum(actions)),
});
export type RegionOverviewResponse = z.infer<typeof overviewSchema>;

const regionListSchema = z.array(
  z.object({
    slug: z.string(),
    name: z.string(),
    version: z.number().int(),
    municipalities: z.array(z.object({ number: z.string(), name: z.string(), active: z.boolean() })),
    allowedActions: z.array(z.enum(actions)),
  }),
);
export type RegionListResponse = z.infer<typeof regionListSchema>;

const settingsSchema = z.object({
  slug: z.string(),
  name: z.string(),
  version: z.number().int(),
  municipalityNumbers: z.array(z.string()),
  coordinators: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
});
export type RegionSettingsResponse = z.infer<typeof settingsSchema>;

const sharedListSchema = z.object({
  measures: z.array(sharedMeasureSchema),
  regionMunicipalities: z.array(z.object({ number: z.string(), name: z.string() })),
  frameAreas: z.array(z.object({ id: z.string(), name: z.string() })),
  allowedActions: z.array(z.enum(actions)),
});
export type SharedMeasureListResponse = z.infer<typeof sharedListSchema>;

/** The region: regions, the regional overview, coordinators, and shared measures. */
export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/regions",
    {
      schema: {
        tags: ["region"],
        summary: "The regions of the installation and their municipalities",
        response: { 200: regionListSchema },
      },
    },
    async (request) => listRegions({ ctx: request.ctx }),
  );

  app.get(
    "/api/regions/:slug",
    {
      schema: {
        tags: ["region"],
        summary:
          "The regional overview: measures by municipality and focus area, budget per year, shared measures, partners in several municipalities",
        params: z.object({ slug }),
        querystring: z.object({ year: budgetYear.optional() }),
        response: { 200: overviewSchema, 404: errorResponse },
      },
    },
    async (request) =>
      getRegionOverview({ ctx: request.ctx, input: { ...request.params, year: request.query.year } }),
  );

  app.get(
    "/api/regions/:slug/settings",
    {
      schema: {
        tags: ["region"],
        summary: "Members and coordinators of a region (installation admins)",
        params: z.object({ slug }),
        response: { 200: settingsSchema, ...refusals },
      },
    },
    async (request) => getRegionSettings({ ctx: request.ctx, input: request.params }),
  );

  app.put(
    "/api/regions/:slug",
    {
      schema: {
        tags: ["region"],
        summary: "Set a region's name and member municipalities (installation admins)",
        params: z.object({ slug }),
        body: z.object({
          name: z.string().trim().min(1, "Navn må fylles ut").max(200),
          municipalityNumbers: z.array(municipalityNumber).max(400),
          version,
        }),
        response: {
          200: z.object({
            slug: z.string(),
            name: z.string(),
            version: z.number().int(),
            municipalityNumbers: z.array(z.string()),
          }),
          ...refusals,
        },
      },
    },
    async (request) => setRegionMembers({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );

  app.post(
    "/api/regions/:slug/coordinators",
    {
      schema: {
        tags: ["region"],
        summary: "Appoint a regional coordinator by e-mail (installation admins)",
        params: z.object({ slug }),
        body: z.object({ email: z.email("Skriv en gyldig e-postadresse").max(320) }),
        response: {
          201: z.object({ userId: z.string(), name: z.string(), email: z.string() }),
          ...refusals,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await appointCoordinator({ ctx: request.ctx, input: { ...request.params, ...request.body } })),
  );

  app.delete(
    "/api/regions/:slug/coordinators/:userId",
    {
      schema: {
        tags: ["region"],
        summary: "End a coordinator appointment (installation admins)",
        params: z.object({ slug, userId: z.uuid() }),
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await removeCoordinator({ ctx: request.ctx, input: request.params });
      return reply.status(204).send(null);
    },
  );

  const base = "/api/municipalities/:municipalityNumber";

  app.get(
    `${base}/shared-measures`,
    {
      schema: {
        tags: ["region"],
        summary: "Shared measures the municipality owns, takes part in or is invited to, with the split",
        params: z.object({ municipalityNumber }),
        querystring: z.object({ year: budgetYear.optional() }),
        response: { 200: sharedListSchema, 404: errorResponse },
      },
    },
    async (request) =>
      listSharedMeasures({ ctx: request.ctx, input: { ...request.params, year: request.query.year } }),
  );

  app.post(
    `${base}/measures/:reference/participants`,
    {
      schema: {
        tags: ["region"],
        summary: "Invite a municipality of the region to take part in a measure (planners, coordinators)",
        params: z.object({ municipalityNumber, reference: z.string().min(1).max(40) }),
        body: z.object({ municipalityNumber }),
        response: {
          201: z.object({
            id: z.string(),
            municipalityNumber: z.string(),
            municipalityName: z.string(),
            status: z.string(),
          }),
          ...refusals,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await inviteToMeasure({
          ctx: request.ctx,
          input: { ...request.params, participantNumber: request.body.municipalityNumber },
        }),
      ),
  );

  app.delete(
    `${base}/measures/:reference/participants/:participantNumber`,
    {
      schema: {
        tags: ["region"],
        summary: "Withdraw an invitation that has not been accepted (planners, coordinators)",
        params: z.object({
          municipalityNumber,
          reference: z.string().min(1).max(40),
          participantNumber: municipalityNumber,
        }),
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await withdrawInvitation({ ctx: request.ctx, input: request.params });
      return reply.status(204).send(null);
    },
  );

  app.put(
    `${base}/shared-measures/:participationId`,
    {
      schema: {
        tags: ["region"],
        summary: "Join a shared measure, or change the municipality's own share (its planners)",
        params: z.object({ municipalityNumber, participationId: z.uuid() }),
        body: z.object({
          sharePercent: z
            .number("Andelen må være et tall")
            .int("Andelen må være hele prosent")
            .min(1, "Andelen må være minst 1 %")
            .max(100, "Andelen kan ikke være over 100 %"),
          frameAreaId: z.uuid("Velg rammeområde"),
          version,
        }),
        response: {
          200: z.object({
            id: z.string(),
            status: z.string(),
            sharePercent: z.number().int(),
            version: z.number().int(),
          }),
          ...refusals,
        },
      },
    },
    async (request) => joinSharedMeasure({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );

  app.delete(
    `${base}/shared-measures/:participationId`,
    {
      schema: {
        tags: ["region"],
        summary: "Leave a shared measure or decline the invitation (its planners)",
        params: z.object({ municipalityNumber, participationId: z.uuid() }),
        querystring: z.object({ version: z.coerce.number().int().positive() }),
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await leaveSharedMeasure({
        ctx: request.ctx,
        input: { ...request.params, version: request.query.version },
      });
      return reply.status(204).send(null);
    },
  );
};
