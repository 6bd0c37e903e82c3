import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { roles } from "../../domain/permissions.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { acceptInvitation } from "../../services/accounts/accept-invitation.ts";
import { getInvitation, listOpenInvitations } from "../../services/accounts/get-invitation.ts";
import { invitePerson } from "../../services/accounts/invite-person.ts";
import { withdrawInvitation } from "../../services/accounts/withdraw-invitation.ts";
import { setSessionCookie } from "../auth.ts";
import { errorResponse, municipalityNumber } from "../schemas.ts";

// Any string up to a sane length: an unknown token is a 404, not a validation error.
const token = z.string().min(1).max(200);
const municipality = z.object({ number: z.string(), name: z.string() });

const inviteBody = z.object({
  // Trimmed before the check, so a pasted address with a stray space is not refused.
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.email({ error: "Ugyldig e-postadresse." }).max(320),
  ),
  role: z.enum(roles),
  /** For partners: the organisation they speak for. */
  organisationId: z.uuid("Ugyldig samarbeidspartner").nullable().optional(),
});
const inviteResponse = z.object({
  invitation: z.object({ id: z.string(), email: z.string(), role: z.enum(roles), expiresAt: z.string() }),
  link: z.string(),
  emailSent: z.boolean(),
});
const invitationView = z.object({
  municipality,
  email: z.string(),
  role: z.enum(roles),
  expiresAt: z.string(),
  status: z.enum(["valid", "expired", "used", "withdrawn"]),
  accountExists: z.boolean(),
});
// Signed in, the person sends nothing; a browser may still send an empty body, so both are fine.
const acceptBody = z
  .object({ name: z.string().max(200).optional(), password: z.string().max(200).optional() })
  .nullish();
const acceptResponse = z.object({
  municipality,
  role: z.enum(roles),
  accountCreated: z.boolean(),
  /** For a new account's session, which this answer also sets as the cookie. */
  csrfToken: z.string().nullable(),
});
const openInvitations = z.array(
  z.object({
    id: z.string(),
    email: z.string(),
    role: z.enum(roles),
    createdAt: z.string(),
    expiresAt: z.string(),
    invitedByName: z.string(),
  }),
);

/** Invitations by e-mail to a role in a municipality. */
export const invitationRoutes =
  (config: Config, mailer: Mailer): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/municipalities/:municipalityNumber/invitations",
      {
        schema: {
          tags: ["medlemmer"],
          summary:
            "Invite a person by e-mail to a role; answers the one-time link, and e-mails it when SMTP is set up",
          params: z.object({ municipalityNumber }),
          body: inviteBody,
          response: {
            201: inviteResponse,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
      },
      async (request, reply) => {
        const result = await invitePerson({
          ctx: request.ctx,
          input: { ...request.params, ...request.body },
          publicUrl: config.publicUrl,
          mailer,
        });
        return reply.status(201).send(result);
      },
    );

    app.get(
      "/api/municipalities/:municipalityNumber/invitations",
      {
        schema: {
          tags: ["medlemmer"],
          summary: "Open invitations (neither accepted nor expired), newest first",
          params: z.object({ municipalityNumber }),
          response: { 200: openInvitations, 401: errorResponse, 403: errorResponse, 404: errorResponse },
        },
      },
      async (request) => listOpenInvitations({ ctx: request.ctx, input: request.params }),
    );

    app.delete(
      "/api/municipalities/:municipalityNumber/invitations/:invitationId",
      {
        schema: {
          tags: ["medlemmer"],
          summary:
            "Withdraw an invitation not yet used (audited): its link stops working and says it was withdrawn",
          params: z.object({ municipalityNumber, invitationId: z.uuid() }),
          response: {
            200: z.object({ id: z.string(), withdrawnAt: z.string() }),
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
      },
      async (request) => withdrawInvitation({ ctx: request.ctx, input: request.params }),
    );

    app.get(
      "/api/invitations/:token",
      {
        schema: {
          tags: ["medlemmer"],
          summary: "What an invitation link leads to (public: the link is the key)",
          params: z.object({ token }),
          response: { 200: invitationView, 404: errorResponse },
        },
      },
      async (request) => getInvitation({ ctx: request.ctx, input: request.params }),
    );

    app.post(
      "/api/invitations/:token/accept",
      {
        schema: {
          tags: ["medlemmer"],
          summary:
            "Accept an invitation: signed in as the invited person, or with { name, password } to create the account",
          params: z.object({ token }),
          body: acceptBody,
          response: {
            200: acceptResponse,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
          },
        },
      },
      async (request, reply) => {
        const result = await acceptInvitation({
          ctx: request.ctx,
          input: { ...request.body, token: request.params.token },
        });
        if (result.session) setSessionCookie(request, reply, result.session.token);
        return {
          municipality: result.municipality,
          role: result.role,
          accountCreated: result.accountCreated,
          csrfToken: result.session?.csrfToken ?? null,
        };
      },
    );
  };

export type InviteResponse = z.infer<typeof inviteResponse>;
export type InvitationResponse = z.infer<typeof invitationView>;
export type AcceptResponse = z.infer<typeof acceptResponse>;
export type OpenInvitationsResponse = z.infer<typeof openInvitations>;
