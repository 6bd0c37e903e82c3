import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { roles } from "../../domain/permissions.ts";
import { changeMemberRole, listMembers } from "../../services/accounts/members.ts";
import { exportAuditTrailCsv, listAuditTrail } from "../../services/admin/audit-trail.ts";
import {
  listAllMunicipalities,
  setMunicipalityActive,
} from "../../services/municipalities/municipality-activation.ts";
import { sendCsv } from "../csv.ts";
import { pagedSummary, pageQuery, sendPageItems } from "../paging.ts";
import { errorResponse, municipalityNumber } from "../schemas.ts";
import { languageOf } from "../web.ts";
import { auditEventSchema } from "./plan.ts";

const auditFilter = z.object({
  person: z.string().max(200).optional(),
  objectType: z.string().max(50).optional(),
  objectId: z.string().max(100).optional(),
  what: z
    .string()
    .max(200)
    .optional()
    .describe(
      "An action or object type by its name in any language («tiltak», «trukket tilbake»), or the object",
    ),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
const memberSchema = z.object({
  membershipId: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type MemberResponse = z.infer<typeof memberSchema>;
const municipalitySchema = z.object({
  number: z.string(),
  name: z.string(),
  county: z.string().nullable(),
  active: z.boolean(),
});
const refusals = { 401: errorResponse, 403: errorResponse, 404: errorResponse };

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/municipalities/:municipalityNumber/audit",
    {
      schema: {
        tags: ["revisjonsspor"],
        summary: pagedSummary("The audit trail, filtered by person, object and time (admins), newest first"),
        params: z.object({ municipalityNumber }),
        querystring: auditFilter.extend(pageQuery.shape),
        response: { 200: z.array(auditEventSchema), 400: errorResponse, ...refusals },
      },
    },
    async (request, reply) =>
      sendPageItems(
        request,
        reply,
        await listAuditTrail({ ctx: request.ctx, input: { ...request.params, ...request.query } }),
      ),
  );

  app.get(
    "/api/municipalities/:municipalityNumber/audit.csv",
    {
      schema: {
        tags: ["revisjonsspor"],
        summary: "The audit trail as CSV (admins)",
        params: z.object({ municipalityNumber }),
        querystring: auditFilter,
      },
    },
    async (request, reply) => {
      const csv = await exportAuditTrailCsv({
        ctx: request.ctx,
        input: { ...request.params, ...request.query, language: languageOf(request) },
      });
      return sendCsv(reply, `revisjonsspor-${request.params.municipalityNumber}.csv`, csv);
    },
  );

  app.get(
    "/api/municipalities/:municipalityNumber/members",
    {
      schema: {
        tags: ["brukere"],
        summary: "People with a role in the municipality (admins, planners)",
        params: z.object({ municipalityNumber }),
        response: { 200: z.array(memberSchema), ...refusals },
      },
    },
    async (request) => listMembers({ ctx: request.ctx, input: request.params }),
  );

  app.patch(
    "/api/municipalities/:municipalityNumber/members/:membershipId",
    {
      schema: {
        tags: ["brukere"],
        summary: "Change a person's role, and a partner's organisation (admins)",
        params: z.object({ municipalityNumber, membershipId: z.uuid() }),
        body: z.object({
          version: z.number().int().positive(),
          role: z.enum(roles),
          organisationId: z.uuid("Ugyldig samarbeidspartner").nullable().optional(),
        }),
        response: { 200: memberSchema, 400: errorResponse, 409: errorResponse, ...refusals },
      },
    },
    async (request) => changeMemberRole({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );

  app.get(
    "/api/admin/municipalities",
    {
      schema: {
        tags: ["drift"],
        summary: "All 357 municipalities and whether each uses this installation (installation admins)",
        response: { 200: z.array(municipalitySchema), 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => listAllMunicipalities({ ctx: request.ctx }),
  );

  app.patch(
    "/api/admin/municipalities/:municipalityNumber",
    {
      schema: {
        tags: ["drift"],
        summary: "Activate or deactivate a municipality (installation admins)",
        params: z.object({ municipalityNumber }),
        body: z.object({ active: z.boolean() }),
        response: { 200: municipalitySchema, ...refusals },
      },
    },
    async (request) =>
      setMunicipalityActive({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );
};
