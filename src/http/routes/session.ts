import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { roles } from "../../domain/permissions.ts";
import { secondFactorSetupRequired } from "../../domain/second-factor.ts";
import { AppError } from "../../errors.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { createSecretBox } from "../../infra/secret-box.ts";
import { changePassword } from "../../services/accounts/change-password.ts";
import { getSessionUser } from "../../services/accounts/get-session-info.ts";
import { endMySession, listMySessions } from "../../services/accounts/my-sessions.ts";
import { loadSession } from "../../services/accounts/sessions.ts";
import { type SignInResult, signInWithPassword } from "../../services/accounts/sign-in.ts";
import { completeSecondFactorSignIn } from "../../services/accounts/sign-in-second-factor.ts";
import { signOut } from "../../services/accounts/sign-out.ts";
import { clearSessionCookie, setSessionCookie } from "../auth.ts";
import { errorResponse } from "../schemas.ts";

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  isSystemAdmin: z.boolean(),
  memberships: z.array(
    z.object({ municipalityNumber: z.string(), municipalityName: z.string(), role: z.enum(roles) }),
  ),
});
const sessionSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  /** The organisation's identity provider, when sign-in with it is configured. */
  oidc: z.object({ displayName: z.string(), startUrl: z.string() }).nullable(),
  /**
   * What signing in still needs: `second_factor`, the one-time code (the password was right);
   * `set_up_second_factor`, setting up a second factor, as the installation requires for the
   * person's role (until then only the account page and the set-up answer); null: nothing.
   */
  signInStep: z.enum(["second_factor", "set_up_second_factor"]).nullable(),
});
const signInStepOf = (session: { assurance: string; setupRequired: boolean } | null) =>
  session?.assurance === "pending_second_factor"
    ? ("second_factor" as const)
    : session?.setupRequired
      ? ("set_up_second_factor" as const)
      : null;
export type SessionResponse = z.infer<typeof sessionSchema>;
const mySessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** The browser and system named by the User-Agent at sign-in; null where not recognised. */
  device: z.object({ browser: z.string().nullable(), os: z.string().nullable() }),
  /** When the session was last used (to the minute). */
  lastUsedAt: z.string().nullable(),
  /** The session making this request. */
  current: z.boolean(),
});
const mySessionsSchema = z.object({ sessions: z.array(mySessionSchema) });
export type MySessionsResponse = z.infer<typeof mySessionsSchema>;

export const sessionRoutes =
  (config: Config, mailer: Mailer): FastifyPluginAsyncZod =>
  async (app) => {
    const oidc = config.oidc
      ? { displayName: config.oidc.displayName, startUrl: "/api/auth/oidc/start" }
      : null;
    const refuseDemoUsers = config.env === "production";
    const box = createSecretBox(config.secretKey);
    /** The answer to a sign-in: who is now signed in, or what step is still missing. */
    const signedInAnswer = async (request: FastifyRequest, result: SignInResult) => {
      if (result.secondFactorRequired)
        return { user: null, csrfToken: result.csrfToken, oidc, signInStep: "second_factor" as const };
      const session = await loadSession(request.ctx.db, result.token);
      const user = session ? await getSessionUser({ ctx: { ...request.ctx, actor: session.actor } }) : null;
      const setupRequired = session
        ? secondFactorSetupRequired({
            requiredRoles: config.requireSecondFactorRoles,
            roles: Object.values(session.actor.roles),
            isSystemAdmin: session.actor.isSystemAdmin,
            assurance: session.assurance,
            enabled: session.secondFactorEnabled,
          })
        : false;
      return {
        user,
        csrfToken: result.csrfToken,
        oidc,
        signInStep: setupRequired ? ("set_up_second_factor" as const) : null,
      };
    };
    app.get(
      "/api/session",
      {
        schema: {
          tags: ["innlogging"],
          summary: "Who is signed in, and the CSRF token their writes must send in x-csrf-token",
          response: { 200: sessionSchema },
        },
      },
      async (request) => ({
        // Held to setting up a second factor, the person is still named, so the page can say so.
        user: await getSessionUser({ ctx: request.ctx }),
        csrfToken: request.session?.csrfToken ?? null,
        oidc,
        signInStep: signInStepOf(request.session),
      }),
    );

    app.post(
      "/api/session",
      {
        schema: {
          tags: ["innlogging"],
          summary: "Sign in with e-mail and password",
          description:
            "Sets the session cookie (`planverk_session`, HttpOnly) and answers with `csrfToken`: send the cookie with every request and the token in the `x-csrf-token` header with every write (POST, PUT, PATCH, DELETE).",
          security: [],
          body: z
            .object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) })
            .meta({ examples: [{ email: "planlegger@drammen.kommune.no", password: "et-langt-passord" }] }),
          response: { 200: sessionSchema, 401: errorResponse, 429: errorResponse },
        },
      },
      async (request, reply) => {
        const result = await signInWithPassword({
          ctx: request.ctx,
          input: {
            ...request.body,
            clientIp: request.ip,
            replacesTokenHash: request.session?.tokenHash,
            userAgent: request.headers["user-agent"],
          },
          refuseDemoUsers,
        }).catch((error: unknown) => {
          // Failed and throttled sign-ins are security events: logged with the address, never the password.
          if (
            error instanceof AppError &&
            (error.code === "unauthenticated" || error.code === "too_many_requests")
          )
            request.log.warn(
              { email: request.body.email, clientIp: request.ip, refusal: error.key },
              "sign-in refused",
            );
          throw error;
        });
        setSessionCookie(request, reply, result.token);
        return signedInAnswer(request, result);
      },
    );

    app.post(
      "/api/session/second-factor/verify",
      {
        schema: {
          tags: ["innlogging"],
          summary: "Second step of signing in: the code from the authenticator app, or a recovery code",
          description:
            "After `POST /api/session` answered `signInStep: second_factor`. A right code replaces the waiting session with a signed-in one (a new cookie and `csrfToken`); a recovery code works once.",
          body: z.object({ code: z.string().trim().min(1).max(40) }),
          response: { 200: sessionSchema, 400: errorResponse, 401: errorResponse, 429: errorResponse },
        },
      },
      async (request, reply) => {
        if (request.session?.assurance !== "pending_second_factor")
          throw new AppError("unauthenticated", "auth.secondFactorStepExpired");
        const result = await completeSecondFactorSignIn({
          ctx: request.ctx,
          input: {
            pendingTokenHash: request.session.tokenHash,
            code: request.body.code,
            clientIp: request.ip,
            userAgent: request.headers["user-agent"],
          },
          box,
        });
        setSessionCookie(request, reply, result.token);
        return signedInAnswer(request, result);
      },
    );

    app.delete(
      "/api/session",
      {
        schema: {
          tags: ["innlogging"],
          summary: "Sign out (the session cannot be used again)",
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        if (request.session)
          await signOut({ ctx: request.ctx, input: { tokenHash: request.session.tokenHash } });
        clearSessionCookie(request, reply);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/session/password",
      {
        schema: {
          tags: ["innlogging"],
          summary: "Change the signed-in person's password; their other sessions end",
          body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) }),
          response: { 204: z.null(), 400: errorResponse, 401: errorResponse, 429: errorResponse },
        },
      },
      async (request, reply) => {
        if (!request.session) throw new AppError("unauthenticated", "auth.signInRequired");
        await changePassword({
          ctx: request.ctx,
          input: { ...request.body, currentTokenHash: request.session.tokenHash, clientIp: request.ip },
          notice: { mailer, publicUrl: config.publicUrl },
        });
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/session/sessions",
      {
        schema: {
          tags: ["innlogging"],
          summary: "The signed-in person's own live sessions, the current one marked",
          response: { 200: mySessionsSchema, 401: errorResponse },
        },
      },
      async (request) => {
        if (!request.session) throw new AppError("unauthenticated", "auth.signInRequired");
        return {
          sessions: (
            await listMySessions({ ctx: request.ctx, input: { currentTokenHash: request.session.tokenHash } })
          ).map((s) => ({
            ...s,
            createdAt: s.createdAt.toISOString(),
            expiresAt: s.expiresAt.toISOString(),
            lastUsedAt: s.lastUsedAt?.toISOString() ?? null,
          })),
        };
      },
    );

    app.delete(
      "/api/session/sessions/:id",
      {
        schema: {
          tags: ["innlogging"],
          summary: "End one of the signed-in person's own sessions (another person's is not found)",
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 204: z.null(), 401: errorResponse, 404: errorResponse },
        },
      },
      async (request, reply) => {
        if (!request.session) throw new AppError("unauthenticated", "auth.signInRequired");
        await endMySession({ ctx: request.ctx, input: { id: request.params.id } });
        return reply.status(204).send(null);
      },
    );
  };
