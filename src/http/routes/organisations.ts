import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { measureStatuses, partnerRoles } from "../../domain/measures.ts";
import { parseOrganisationNumber } from "../../domain/organisation-number.ts";
import { organisationKinds } from "../../domain/organisations.ts";
import { actions } from "../../domain/permissions.ts";
import { createOrganisation } from "../../services/organisations/create-organisation.ts";
import { deleteOrganisation } from "../../services/organisations/delete-organisation.ts";
import { getOrganisation } from "../../services/organisations/get-organisation.ts";
import { websiteProblem } from "../../services/organisations/internal.ts";
import { listOrganisations } from "../../services/organisations/list-organisations.ts";
import { updateOrganisation } from "../../services/organisations/update-organisation.ts";
import { pagedSummary, pageQuery, sendPageItems } from "../paging.ts";
import { errorResponse, municipalityNumber } from "../schemas.ts";

const collectionParams = z.object({ municipalityNumber });
const itemParams = z.object({
  municipalityNumber,
  organisationId: z.uuid("Ugyldig id for samarbeidspartner"),
});

// Field checks give the Norwegian message the form shows next to the field (details[].path).
const name = z.string().trim().min(1, "Navnet må fylles ut.").max(200, "Navnet kan ha høyst 200 tegn.");
const kind = z.enum(
  organisationKinds,
  "Velg en type: business (næringsliv), academia (akademia), public (offentlig) eller voluntary (frivillig).",
);
const organisationNumber = z
  .string()
  .max(30, "Organisasjonsnummeret må ha 9 sifre.")
  .nullable()
  .superRefine((value, ctx) => {
    if (!value || value.trim() === "") return;
    const parsed = parseOrganisationNumber(value);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
  })
  .describe("9 sifre, gjerne med mellomrom (923 609 016); tom eller null for ingen");
const website = z
  .string()
  .trim()
  .max(500, "Nettadressen kan ha høyst 500 tegn.")
  .nullable()
  .superRefine((value, ctx) => {
    const problem = value ? websiteProblem(value) : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe("http:// eller https://; tom eller null for ingen");
const contact = z.object({
  name: z.string().trim().min(1, "Kontaktpersonen må ha et navn.").max(200, "Navnet kan ha høyst 200 tegn."),
  title: z.string().trim().max(200, "Tittelen kan ha høyst 200 tegn.").optional(),
  email: z
    .string()
    .trim()
    .max(320, "E-postadressen er for lang.")
    .refine((v) => v === "" || z.email().safeParse(v).success, "E-postadressen er ikke gyldig.")
    .optional(),
  phone: z
    .string()
    .trim()
    .max(40, "Telefonnummeret er for langt.")
    .regex(/^[+\d\s()-]*$/, "Telefonnummeret kan bare inneholde sifre, mellomrom, +, - og parenteser.")
    .optional(),
});
const contacts = z.array(contact).max(50, "Høyst 50 kontaktpersoner.");

const summary = {
  id: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  organisationNumber: z.string().nullable(),
  website: z.string().nullable(),
  version: z.number().int(),
  measureCount: z.number().int(),
  allowedActions: z.array(z.enum(actions)),
};
export const organisationSummarySchema = z.object(summary);
export const organisationDetailSchema = z.object({
  ...summary,
  contacts: z.array(
    z.object({ id: z.string(), name: z.string(), title: z.string(), email: z.string(), phone: z.string() }),
  ),
  measures: z.array(
    z.object({
      measureId: z.string(),
      reference: z.string(),
      title: z.string(),
      role: z.enum(partnerRoles),
      status: z.enum(measureStatuses),
      progress: z.number().int().nullable(),
      budgetYear: z.number().int(),
      actionPlanStatus: z.enum(["draft", "adopted"]),
    }),
  ),
});
export type OrganisationSummaryResponse = z.infer<typeof organisationSummarySchema>;
export type OrganisationDetailResponse = z.infer<typeof organisationDetailSchema>;

const refusals = { 401: errorResponse, 403: errorResponse, 404: errorResponse };
const base = "/api/municipalities/:municipalityNumber/organisations";

/** Partner organisations (samarbeidspartnere): members read, planners write. */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    base,
    {
      schema: {
        tags: ["samarbeidspartnere"],
        summary: pagedSummary(
          "Partner organisations by name, searched by name (q) and filtered by kind (members)",
        ),
        params: collectionParams,
        querystring: z
          .object({
            q: z.string().max(200).optional(),
            kind: z.enum(organisationKinds).optional(),
          })
          .extend(pageQuery.shape),
        response: { 200: z.array(organisationSummarySchema), 400: errorResponse, ...refusals },
      },
    },
    async (request, reply) =>
      sendPageItems(
        request,
        reply,
        await listOrganisations({ ctx: request.ctx, input: { ...request.params, ...request.query } }),
      ),
  );

  app.post(
    base,
    {
      schema: {
        tags: ["samarbeidspartnere"],
        summary: "Register a partner organisation with its contacts (planners)",
        params: collectionParams,
        body: z.object({
          name,
          kind,
          organisationNumber: organisationNumber.optional(),
          website: website.optional(),
          contacts: contacts.optional(),
        }),
        response: { 201: organisationDetailSchema, 400: errorResponse, 409: errorResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const created = await createOrganisation({
        ctx: request.ctx,
        input: { ...request.params, ...request.body },
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    `${base}/:organisationId`,
    {
      schema: {
        tags: ["samarbeidspartnere"],
        summary: "One partner organisation with its contacts and the measures it takes part in (members)",
        params: itemParams,
        response: { 200: organisationDetailSchema, 400: errorResponse, ...refusals },
      },
    },
    async (request) => getOrganisation({ ctx: request.ctx, input: request.params }),
  );

  app.patch(
    `${base}/:organisationId`,
    {
      schema: {
        tags: ["samarbeidspartnere"],
        summary:
          "Edit a partner organisation (planners); contacts replace the list. A stale version gets 409 with the current state.",
        params: itemParams,
        body: z.object({
          version: z.number().int().positive(),
          name: name.optional(),
          kind: kind.optional(),
          organisationNumber: organisationNumber.optional(),
          website: website.optional(),
          contacts: contacts.optional(),
        }),
        response: { 200: organisationDetailSchema, 400: errorResponse, 409: errorResponse, ...refusals },
      },
    },
    async (request) =>
      updateOrganisation({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );

  app.delete(
    `${base}/:organisationId`,
    {
      schema: {
        tags: ["samarbeidspartnere"],
        summary:
          "Delete a partner organisation and its contacts (planners); refused with 409 while it takes part in a measure",
        params: itemParams,
        querystring: z.object({ version: z.coerce.number().int().positive() }),
        response: { 204: z.null(), 400: errorResponse, 409: errorResponse, ...refusals },
      },
    },
    async (request, reply) => {
      await deleteOrganisation({
        ctx: request.ctx,
        input: { ...request.params, version: request.query.version },
      });
      return reply.status(204).send(null);
    },
  );
};
