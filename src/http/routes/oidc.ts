import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import * as client from "openid-client";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { type OidcIdentityInput, signInWithOidc } from "../../services/accounts/oidc-sign-in.ts";
import { setSessionCookie } from "../auth.ts";
import { errorResponse } from "../schemas.ts";

type OidcConfig = NonNullable<Config["oidc"]>;

/** Holds state, nonce and PKCE verifier between the redirect to the provider and its callback. */
const flowCookie = "planverk_oidc";
const flowCookiePath = "/api/auth/oidc";
const flowLifetimeSeconds = 10 * 60;
const callbackPath = "/api/auth/oidc/callback";
const scope = "openid email profile";

/**
 * A path on this site. Not "//host" or "/\host" (browsers read both as another host), and no control
 * characters (browsers drop tabs and newlines, which could turn "/\t/host" into "//host").
 */
const isLocalPath = (path: string) =>
  path.startsWith("/") &&
  !path.startsWith("//") &&
  ![...path].some((char) => char < " " || char === "\u007f" || char === "\\");

const localPath = z
  .string()
  .max(2000)
  .refine(isLocalPath, { message: "returnTo må være en sti på dette nettstedet som begynner med «/»." });

const flowSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  returnTo: localPath,
});
type Flow = z.infer<typeof flowSchema>;

/** Where a failed sign-in lands; the sign-in page shows the message for `feil` (and `grunn`). */
const failureLocation = (reason?: string) =>
  reason ? `/logg-inn?feil=oidc&grunn=${encodeURIComponent(reason)}` : "/logg-inn?feil=oidc";

/** Plain http is allowed only for a provider on this machine (development and tests). */
const isLocalIssuer = (issuerUrl: string) => {
  const url = new URL(issuerUrl);
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
};

/**
 * The provider's metadata, discovered on first use and kept; a failed discovery is forgotten so the
 * next sign-in tries again (the provider may have been down at start-up).
 */
function providerConfiguration(oidc: OidcConfig) {
  let discovered: Promise<client.Configuration> | undefined;
  return () => {
    // The client secret is sent as client_secret_post, openid-client's default, which Entra ID supports.
    discovered ??= client
      .discovery(new URL(oidc.issuerUrl), oidc.clientId, oidc.clientSecret, undefined, {
        execute: isLocalIssuer(oidc.issuerUrl) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
}

function flowCookieOptions(request: FastifyRequest) {
  return {
    path: flowCookiePath,
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET, which carries the cookie.
    sameSite: "lax" as const,
    secure: request.protocol === "https",
  };
}

function readFlow(request: FastifyRequest): Flow | null {
  const raw = request.cookies[flowCookie];
  if (!raw) return null;
  try {
    const parsed = flowSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Checks the provider's answer (state, PKCE, ID token signature, nonce), and returns who the
 * provider says this is. E-mail claims are taken together from one source so that a verified flag
 * never vouches for an address it was not given with.
 */
async function verifyCallback(
  configuration: client.Configuration,
  currentUrl: URL,
  flow: Flow,
): Promise<OidcIdentityInput> {
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: flow.codeVerifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new Error("the token response has no ID token");
  // Many providers (oidc-provider among them) put only `sub` in the ID token; the rest is at userinfo.
  let emailSource: Readonly<Record<string, unknown>> = idToken;
  let name = idToken.name;
  if (typeof idToken.email !== "string" && configuration.serverMetadata().userinfo_endpoint) {
    const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    emailSource = userinfo;
    name = userinfo.name ?? name;
  }
  return {
    issuer: idToken.iss,
    subject: idToken.sub,
    email: typeof emailSource.email === "string" ? emailSource.email : null,
    emailVerified: emailSource.email_verified === true,
    name: typeof name === "string" ? name : null,
  };
}

/** Sign-in with the organisation's OpenID Connect provider (e.g. Entra ID), when configured. */
export const oidcRoutes =
  (config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    const redirectUri = `${config.publicUrl}${callbackPath}`;
    const oidc = config.oidc;
    const configuration = oidc ? providerConfiguration(oidc) : null;
    const requireConfiguration = () => {
      if (!configuration) {
        throw new AppError("not_found", "auth.oidcNotConfigured");
      }
      return configuration;
    };

    const fail = (request: FastifyRequest, reply: FastifyReply, error: unknown, reason?: string) => {
      request.log.warn({ err: error }, "OIDC sign-in failed");
      reply.clearCookie(flowCookie, flowCookieOptions(request));
      return reply.redirect(failureLocation(reason), 302);
    };

    app.get(
      "/api/auth/oidc/start",
      {
        schema: {
          tags: ["innlogging"],
          summary: "Sign in with the organisation's identity provider: redirects there",
          querystring: z.object({ returnTo: localPath.optional() }),
          response: { 302: z.null(), 404: errorResponse },
        },
      },
      async (request, reply) => {
        const discover = requireConfiguration();
        let providerConfig: client.Configuration;
        try {
          providerConfig = await discover();
        } catch (error) {
          return fail(request, reply, error);
        }
        const flow: Flow = {
          state: client.randomState(),
          nonce: client.randomNonce(),
          codeVerifier: client.randomPKCECodeVerifier(),
          returnTo: request.query.returnTo ?? "/",
        };
        const authorizationUrl = client.buildAuthorizationUrl(providerConfig, {
          redirect_uri: redirectUri,
          scope,
          state: flow.state,
          nonce: flow.nonce,
          code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
          code_challenge_method: "S256",
        });
        reply.setCookie(flowCookie, JSON.stringify(flow), {
          ...flowCookieOptions(request),
          maxAge: flowLifetimeSeconds,
        });
        return reply.redirect(authorizationUrl.href, 302);
      },
    );

    app.get(
      callbackPath,
      {
        schema: {
          tags: ["innlogging"],
          summary:
            "Where the identity provider sends the browser back; signs in and redirects to returnTo, or to /logg-inn?feil=oidc",
          // openid-client reads the parameters from the raw URL; these are listed for the docs.
          querystring: z.looseObject({
            code: z.string().optional(),
            state: z.string().optional(),
            error: z.string().optional(),
            error_description: z.string().optional(),
          }),
          response: { 302: z.null(), 404: errorResponse },
        },
      },
      async (request, reply) => {
        const discover = requireConfiguration();
        const flow = readFlow(request);
        if (!flow) return fail(request, reply, new Error("no or malformed OIDC flow cookie"));

        let identity: OidcIdentityInput;
        try {
          // Behind a proxy the request's own host may differ; the provider answered to redirectUri.
          const currentUrl = new URL(redirectUri);
          const queryStart = request.url.indexOf("?");
          currentUrl.search = queryStart === -1 ? "" : request.url.slice(queryStart);
          identity = await verifyCallback(await discover(), currentUrl, flow);
        } catch (error) {
          return fail(request, reply, error);
        }

        try {
          const result = await signInWithOidc({
            ctx: request.ctx,
            input: {
              ...identity,
              replacesTokenHash: request.session?.tokenHash,
              userAgent: request.headers["user-agent"],
            },
          });
          setSessionCookie(request, reply, result.token);
        } catch (error) {
          if (error instanceof AppError) return fail(request, reply, error, error.code);
          throw error;
        }
        reply.clearCookie(flowCookie, flowCookieOptions(request));
        return reply.redirect(flow.returnTo, 302);
      },
    );
  };
