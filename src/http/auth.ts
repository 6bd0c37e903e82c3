import { timingSafeEqual } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/client.ts";
import type { Role } from "../domain/permissions.ts";
import { type SessionAssurance, secondFactorSetupRequired } from "../domain/second-factor.ts";
import { AppError } from "../errors.ts";
import {
  loadSession,
  sessionCookie,
  sessionLifetimeMs,
  touchSession,
} from "../services/accounts/sessions.ts";
import { anonymous, type ServiceContext } from "../services/context.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The service context of this request: database, who is asking, request id. */
    ctx: ServiceContext;
    /**
     * The cookie session, when the request carries a live one. `assurance`: how the person proved
     * who they are; `setupRequired`: they must set up a second factor before anything else.
     */
    session: {
      tokenHash: string;
      csrfToken: string;
      assurance: SessionAssurance;
      setupRequired: boolean;
    } | null;
    /** Served over HTTPS: the session cookie is `__Host-`-prefixed and Secure. */
    overHttps: boolean;
  }
}

/**
 * The session cookie's name. Over HTTPS it carries the `__Host-` prefix, which browsers accept only
 * with Secure, Path=/ and no Domain, so a neighbouring subdomain cannot set or shadow it. Over plain
 * http (development) the prefix is not allowed, and the plain name is used.
 */
export const sessionCookieName = (overHttps: boolean) =>
  overHttps ? `__Host-${sessionCookie}` : sessionCookie;

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function sameToken(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** What a person who must set up a second factor may still reach of the API: the session and the set-up. */
export const openWhileSettingUp = (url: string) => {
  const path = url.split("?")[0] ?? "";
  return (
    path === "/api/session" ||
    path === "/api/session/second-factor" ||
    path.startsWith("/api/session/second-factor/")
  );
};

/**
 * Who is asking: the session cookie (sessions live in PostgreSQL, so any app node can serve any
 * request). Every cookie-authenticated write must carry the session's CSRF token in `x-csrf-token`;
 * writes from another site are refused outright.
 */
export async function registerAuth(
  app: FastifyInstance,
  db: Database,
  options: { today?: () => string; publicUrl: string; requireSecondFactorRoles?: readonly Role[] },
) {
  const { today, requireSecondFactorRoles = [] } = options;
  // PUBLIC_URL https: people reach Planverk over HTTPS, also when a proxy in front speaks http to it.
  const publicHttps = options.publicUrl.startsWith("https:");
  await app.register(fastifyCookie);
  app.decorateRequest("ctx", null as unknown as ServiceContext);
  app.decorateRequest("session", null);
  app.decorateRequest("overHttps", false);

  app.addHook("onRequest", async (request) => {
    request.ctx = { db, actor: anonymous, requestId: request.id, today };
    request.overHttps = publicHttps || request.protocol === "https";
    const token = request.cookies[sessionCookieName(request.overHttps)];
    if (token) {
      const session = await loadSession(db, token);
      if (session) {
        const setupRequired = secondFactorSetupRequired({
          requiredRoles: requireSecondFactorRoles,
          roles: Object.values(session.actor.roles),
          isSystemAdmin: session.actor.isSystemAdmin,
          assurance: session.assurance,
          enabled: session.secondFactorEnabled,
        });
        request.session = {
          tokenHash: session.tokenHash,
          csrfToken: session.csrfToken,
          assurance: session.assurance,
          setupRequired,
        };
        // Waiting for the one-time code, the session opens nothing: the person is still anonymous.
        // Held to setting up a second factor, they reach the API as anyone would, save the set-up.
        const api = request.url.startsWith("/api/");
        const limited =
          session.assurance === "pending_second_factor" ||
          (setupRequired && api && !openWhileSettingUp(request.url));
        if (!limited) request.ctx = { db, actor: session.actor, requestId: request.id, today };
        else if (setupRequired && unsafeMethods.has(request.method))
          throw new AppError("forbidden", "auth.secondFactorSetupRequired");
        if (session.assurance !== "pending_second_factor") await touchSession(db, session);
      }
    }
    if (!unsafeMethods.has(request.method)) return;
    if (request.headers["sec-fetch-site"] === "cross-site") {
      throw new AppError("forbidden", "auth.crossSiteRequest");
    }
    if (request.session) {
      const given = request.headers["x-csrf-token"];
      if (typeof given !== "string" || !sameToken(given, request.session.csrfToken)) {
        throw new AppError("forbidden", "auth.csrfToken");
      }
    }
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookieName(request.overHttps), token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.overHttps,
    maxAge: sessionLifetimeMs / 1000,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(sessionCookieName(request.overHttps), {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.overHttps,
  });
}
