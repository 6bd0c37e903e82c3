import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { secondFactorSetupRequired } from "../../domain/second-factor.ts";
import { AppError } from "../../errors.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { createSecretBox } from "../../infra/secret-box.ts";
import {
  confirmSecondFactor,
  disableSecondFactor,
  secondFactorStatus,
  startSecondFactorSetup,
} from "../../services/accounts/second-factor.ts";
import { errorResponse } from "../schemas.ts";

const statusSchema = z.object({
  enabled: z.boolean(),
  /** The installation requires a second factor for one of the person's roles. */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorStatusResponse = z.infer<typeof statusSchema>;
const setupSchema = z.object({
  /** The shared secret in base32, for typing into the app by hand. */
  secret: z.string(),
  /** The otpauth:// address the QR code holds. */
  uri: z.string(),
  /** The address as a QR code, an SVG document. */
  qrSvg: z.string(),
});
export type SecondFactorSetupResponse = z.infer<typeof setupSchema>;
const confirmedSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type SecondFactorConfirmedResponse = z.infer<typeof confirmedSchema>;

/** Setting up, confirming and turning off the signed-in person's second factor (TOTP). */
export const secondFactorRoutes =
  (config: Config, mailer: Mailer): FastifyPluginAsyncZod =>
  async (app) => {
    const box = createSecretBox(config.secretKey);
    const notice = { mailer, publicUrl: config.publicUrl };
    const tags = ["innlogging"];

    app.get(
      "/api/session/second-factor",
      {
        schema: {
          tags,
          summary:
            "Whether the signed-in person has a second factor, whether it is required, recovery codes left",
          response: { 200: statusSchema, 401: errorResponse },
        },
      },
      async (request) => {
        const status = await secondFactorStatus({ ctx: request.ctx });
        const actor = request.ctx.actor;
        const required =
          actor.kind === "user" &&
          secondFactorSetupRequired({
            requiredRoles: config.requireSecondFactorRoles,
            roles: Object.values(actor.roles),
            isSystemAdmin: actor.isSystemAdmin,
            assurance: "password",
            enabled: false,
          });
        return { ...status, required };
      },
    );

    app.post(
      "/api/session/second-factor/setup",
      {
        schema: {
          tags,
          summary: "Start setting up an authenticator app: a new secret, as text and as a QR code",
          response: { 200: setupSchema, 401: errorResponse, 409: errorResponse },
        },
      },
      async (request) => startSecondFactorSetup({ ctx: request.ctx, box }),
    );

    app.post(
      "/api/session/second-factor/confirm",
      {
        schema: {
          tags,
          summary: "Turn the second factor on with a code from the app; answers recovery codes, shown once",
          body: z.object({ code: z.string().trim().min(1).max(20) }),
          response: {
            200: confirmedSchema,
            400: errorResponse,
            401: errorResponse,
            409: errorResponse,
            429: errorResponse,
          },
        },
      },
      async (request) => {
        if (!request.session) throw new AppError("unauthenticated", "auth.signInRequired");
        return confirmSecondFactor({
          ctx: request.ctx,
          input: {
            code: request.body.code,
            currentTokenHash: request.session.tokenHash,
            clientIp: request.ip,
          },
          box,
          notice,
        });
      },
    );

    app.post(
      "/api/session/second-factor/disable",
      {
        schema: {
          tags,
          summary: "Turn the second factor off, with a current code (or a recovery code) or the password",
          body: z
            .object({
              code: z.string().trim().max(40).optional(),
              password: z.string().max(200).optional(),
            })
            .refine((b) => Boolean(b.code || b.password), { message: "Oppgi kode eller passord." }),
          response: {
            204: z.null(),
            400: errorResponse,
            401: errorResponse,
            409: errorResponse,
            429: errorResponse,
          },
        },
      },
      async (request, reply) => {
        await disableSecondFactor({
          ctx: request.ctx,
          input: { ...request.body, clientIp: request.ip },
          box,
          notice,
        });
        return reply.status(204).send(null);
      },
    );
  };
