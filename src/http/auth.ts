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
  }
}

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
  today?: () => string,
  requireSecondFactorRoles: readonly Role[] = [],
) {
  await app.register(fastifyCookie);
  app.decorateRequest("ctx", null as unknown as ServiceContext);
  app.decorateRequest("session", null);

  app.addHook("onRequest", async (request) => {
    request.ctx = { db, actor: anonymous, requestId: request.id, today };
    const token = request.cookies[sessionCookie];
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
  reply.setCookie(sessionCookie, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    maxAge: sessionLifetimeMs / 1000,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(sessionCookie, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
  });
}
