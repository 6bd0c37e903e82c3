import net from "node:net";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { createUser } from "../../../test/factories.ts";
import {
  startTestOidcProvider,
  type TestAccount,
  type TestOidcProvider,
} from "../../../test/oidc-provider.ts";
import { loadConfig } from "../../config.ts";
import { auditEvents, oidcIdentities, sessions, users } from "../../db/schema/index.ts";
import { buildApp } from "../app.ts";

const callbackPath = "/api/auth/oidc/callback";

/** Cookies per host (host:port), as far as this flow needs: name=value, dropped when expired. */
class CookieJar {
  readonly #byHost = new Map<string, Map<string, string>>();

  store(url: URL, response: Response) {
    const cookies = this.#byHost.get(url.host) ?? new Map<string, string>();
    this.#byHost.set(url.host, cookies);
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const expired = attributes.some((attribute) => {
        const [key = "", val = ""] = attribute.split("=");
        if (key.toLowerCase() === "max-age") return Number(val) <= 0;
        if (key.toLowerCase() === "expires") return Date.parse(val) <= Date.now();
        return false;
      });
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
    }
  }

  header(url: URL): string {
    return [...(this.#byHost.get(url.host) ?? [])].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get(url: URL, name: string): string | undefined {
    return this.#byHost.get(url.host)?.get(name);
  }
}

const isRedirect = (status: number) => status >= 300 && status < 400;

/** One request with the jar's cookies; redirects are not followed. */
async function send(jar: CookieJar, url: URL, init: { method?: string; body?: URLSearchParams } = {}) {
  const response = await fetch(url, { ...init, headers: { cookie: jar.header(url) }, redirect: "manual" });
  jar.store(url, response);
  return response;
}

/**
 * Like a browser: sends the request with the jar's cookies and follows redirects by hand, but stops
 * before requesting a URL `stopBefore` picks (so the test can look at or tamper with it).
 */
async function browse(
  jar: CookieJar,
  start: URL,
  init: { method?: string; body?: URLSearchParams } = {},
  stopBefore: (url: URL) => boolean = () => false,
): Promise<{ url: URL; response: Response | null }> {
  let url = start;
  let request = init;
  for (let hop = 0; hop < 20; hop++) {
    if (stopBefore(url)) return { url, response: null };
    const response = await send(jar, url, request);
    const location = response.headers.get("location");
    if (!isRedirect(response.status) || !location) return { url, response };
    await response.body?.cancel();
    url = new URL(location, url);
    request = {};
  }
  throw new Error(`too many redirects, last at ${url.href}`);
}

const decodeEntities = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** The first form of a page: where it posts and its named inputs with their values. */
function parseForm(html: string, base: URL): { action: URL; fields: URLSearchParams } {
  const form = /<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form?.[1] || form[2] === undefined) throw new Error(`no form on the page:\n${html.slice(0, 2000)}`);
  const fields = new URLSearchParams();
  for (const input of form[2].matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/i.exec(input[0])?.[1];
    if (name) fields.set(name, decodeEntities(/\bvalue="([^"]*)"/i.exec(input[0])?.[1] ?? ""));
  }
  return { action: new URL(decodeEntities(form[1]), base), fields };
}

/**
 * Runs the sign-in through the real provider: the app's start route, the provider's development
 * login page (login name = the account's subject) and consent page, up to the app's callback,
 * whose URL is returned unrequested.
 */
async function throughProvider(jar: CookieJar, appUrl: string, login: string, returnTo?: string) {
  const start = new URL("/api/auth/oidc/start", appUrl);
  if (returnTo) start.searchParams.set("returnTo", returnTo);
  const atCallback = (url: URL) => url.pathname === callbackPath;
  let { url, response } = await browse(jar, start, {}, atCallback);
  for (let page = 0; page < 4 && response; page++) {
    expect(response.status, `${url.href}: ${await response.clone().text()}`).toBe(200);
    const { action, fields } = parseForm(await response.text(), url);
    if (fields.has("login")) fields.set("login", login);
    if (fields.has("password")) fields.set("password", "hva-som-helst");
    ({ url, response } = await browse(jar, action, { method: "POST", body: fields }, atCallback));
  }
  if (response) throw new Error(`never reached the callback; stopped at ${url.href}`);
  return url;
}

/** The whole sign-in; returns the callback's answer and the session cookie it set, if any. */
async function signInWithProvider(appUrl: string, login: string, returnTo?: string) {
  const jar = new CookieJar();
  const callback = await throughProvider(jar, appUrl, login, returnTo);
  const response = await send(jar, callback);
  return {
    status: response.status,
    location: response.headers.get("location"),
    sessionCookie: jar.get(callback, "planverk_session"),
  };
}

async function sessionUser(appUrl: string, sessionCookie: string) {
  const response = await fetch(new URL("/api/session", appUrl), {
    headers: { cookie: `planverk_session=${sessionCookie}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    user: { id: string; email: string; name: string; memberships: unknown[] } | null;
  };
  return body.user;
}

/** A port nobody listens on now: the app's public URL (the redirect URI) must be known before it starts. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("sign-in with OpenID Connect", () => {
  let database: TestDatabase;
  let provider: TestOidcProvider;
  let app: FastifyInstance;
  let appUrl: string;

  const account = (sub: string, over: Partial<TestAccount> = {}): TestAccount => {
    const claims = { sub, email: `${sub}@kommune.test`, email_verified: true, name: `Navn ${sub}`, ...over };
    provider.accounts.set(sub, claims);
    return claims;
  };
  const countSessions = async () => (await database.db.select().from(sessions)).length;

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    provider = await startTestOidcProvider({ redirectUri: `${appUrl}${callbackPath}` });
    app = await buildApp({
      config: loadConfig({
        NODE_ENV: "test",
        PUBLIC_URL: appUrl,
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
      }),
      db: database.db,
      logger: pino({ level: "silent" }),
    });
    await app.listen({ port, host: "127.0.0.1" });
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
    await database?.drop();
  });

  it("creates a new user without roles, links the identity, audits and signs in", async () => {
    const claims = account("ny-person", { email: "Ny.Person@Kommune.test", name: "Nora Ny" });

    const result = await signInWithProvider(appUrl, claims.sub, "/tiltak");

    expect(result.status).toBe(302);
    expect(result.location).toBe("/tiltak");
    expect(result.sessionCookie).toBeTruthy();
    const user = await sessionUser(appUrl, result.sessionCookie ?? "");
    expect(user).toMatchObject({ email: "ny.person@kommune.test", name: "Nora Ny", memberships: [] });

    const [stored] = await database.db.select().from(users).where(eq(users.email, "ny.person@kommune.test"));
    expect(stored?.passwordHash).toBeNull();
    const identities = await database.db
      .select()
      .from(oidcIdentities)
      .where(and(eq(oidcIdentities.issuer, provider.issuer), eq(oidcIdentities.subject, claims.sub)));
    expect(identities.map((i) => i.userId)).toEqual([user?.id]);
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "sign_in_oidc"), eq(auditEvents.objectId, user?.id ?? "")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ municipalityId: null, objectType: "user", actorUserId: user?.id });
  });

  it("links a verified e-mail to the existing user instead of creating another, then finds them by identity", async () => {
    const existing = await createUser(database.db, {
      email: "kari.planlegger@kommune.test",
      role: "planner",
    });
    const claims = account("kari-ekstern-id", { email: "Kari.Planlegger@kommune.test" });

    const first = await signInWithProvider(appUrl, claims.sub);
    expect(first).toMatchObject({ status: 302, location: "/" });
    const user = await sessionUser(appUrl, first.sessionCookie ?? "");
    expect(user?.id).toBe(existing.id);
    expect(user?.memberships).toHaveLength(1);
    expect(await database.db.select().from(users).where(eq(users.email, existing.email))).toHaveLength(1);

    // The provider now reports another address: the link, not the e-mail, decides who this is.
    account(claims.sub, { email: "kari@annet-domene.test" });
    const second = await signInWithProvider(appUrl, claims.sub);
    expect((await sessionUser(appUrl, second.sessionCookie ?? ""))?.id).toBe(existing.id);
    const identities = await database.db
      .select()
      .from(oidcIdentities)
      .where(eq(oidcIdentities.userId, existing.id));
    expect(identities).toHaveLength(1);
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "sign_in_oidc"), eq(auditEvents.objectId, existing.id)));
    expect(audit).toHaveLength(2);
  });

  it("does not link an unverified e-mail to an existing user", async () => {
    const existing = await createUser(database.db, { email: "ubekreftet@kommune.test" });
    const claims = account("ubekreftet-id", { email: existing.email, email_verified: false });
    const before = await countSessions();

    const result = await signInWithProvider(appUrl, claims.sub);

    expect(result).toMatchObject({ status: 302, location: "/logg-inn?feil=oidc&grunn=conflict" });
    expect(result.sessionCookie).toBeUndefined();
    expect(await countSessions()).toBe(before);
    expect(
      await database.db.select().from(oidcIdentities).where(eq(oidcIdentities.userId, existing.id)),
    ).toEqual([]);
  });

  it("refuses a deactivated user", async () => {
    const existing = await createUser(database.db, { email: "sluttet@kommune.test" });
    await database.db.update(users).set({ active: false }).where(eq(users.id, existing.id));
    const claims = account("sluttet-id", { email: existing.email });
    const before = await countSessions();

    const result = await signInWithProvider(appUrl, claims.sub);

    expect(result).toMatchObject({ status: 302, location: "/logg-inn?feil=oidc&grunn=forbidden" });
    expect(result.sessionCookie).toBeUndefined();
    expect(await countSessions()).toBe(before);
  });

  it("creates no session when the callback's state does not match", async () => {
    const claims = account("feil-state");
    const jar = new CookieJar();
    const callback = await throughProvider(jar, appUrl, claims.sub);
    expect(callback.searchParams.get("code")).toBeTruthy();
    callback.searchParams.set("state", "en-annen-state");
    const before = await countSessions();

    const response = await send(jar, callback);

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/logg-inn?feil=oidc");
    expect(jar.get(callback, "planverk_session")).toBeUndefined();
    expect(await countSessions()).toBe(before);
    expect(await database.db.select().from(users).where(eq(users.email, claims.email))).toEqual([]);
  });

  it("creates no session when the person cancels at the provider", async () => {
    const jar = new CookieJar();
    const atCallback = (url: URL) => url.pathname === callbackPath;
    const login = await browse(jar, new URL("/api/auth/oidc/start", appUrl), {}, atCallback);
    const html = (await login.response?.text()) ?? "";
    const cancel = /<a href="([^"]*)">\[ Cancel \]<\/a>/.exec(html)?.[1];
    expect(cancel).toBeTruthy();
    const { url: callback } = await browse(
      jar,
      new URL(decodeEntities(cancel ?? ""), login.url),
      {},
      atCallback,
    );
    expect(callback.searchParams.get("error")).toBe("access_denied");
    const before = await countSessions();

    const response = await send(jar, callback);

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/logg-inn?feil=oidc");
    expect(jar.get(callback, "planverk_session")).toBeUndefined();
    expect(await countSessions()).toBe(before);
  });

  it("refuses a callback without the flow cookie", async () => {
    const response = await fetch(new URL(`${callbackPath}?code=abc&state=def`, appUrl), {
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/logg-inn?feil=oidc");
  });

  it("accepts only a local returnTo", async () => {
    for (const returnTo of [
      "//evil.example",
      "https://evil.example/",
      "/\\evil.example",
      "/\t/evil.example",
    ]) {
      const response = await app.inject({ method: "GET", url: "/api/auth/oidc/start", query: { returnTo } });
      expect(response.statusCode, returnTo).toBe(400);
    }
  });
});

describe("sign-in with OpenID Connect, not configured", () => {
  it("answers 404 on the start route", async () => {
    const { app, close } = await createTestApp();
    try {
      const response = await app.inject({ method: "GET", url: "/api/auth/oidc/start" });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("not_found");
      const openapi = await app.inject({ method: "GET", url: "/api/openapi.json" });
      expect(Object.keys(openapi.json().paths)).toEqual(
        expect.arrayContaining(["/api/auth/oidc/start", "/api/auth/oidc/callback"]),
      );
    } finally {
      await close();
    }
  });
});
