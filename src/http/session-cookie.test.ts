import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import { createMunicipality, createUser, testPassword } from "../../test/factories.ts";
import { loadConfig } from "../config.ts";
import { buildApp } from "./app.ts";

let database: TestDatabase;
let email: string;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const municipality = await createMunicipality(database.db);
  email = (await createUser(database.db, { municipalityId: municipality.id, role: "planner" })).email;
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database.drop();
});

async function appWith(env: Record<string, string>) {
  const app = await buildApp({
    config: loadConfig({ NODE_ENV: "test", ...env }),
    db: database.db,
    logger: pino({ level: "silent" }),
  });
  apps.push(app);
  return app;
}

async function signInOn(app: FastifyInstance, headers: Record<string, string> = {}) {
  const response = await app.inject({
    method: "POST",
    url: "/api/session",
    headers,
    payload: { email, password: testPassword },
  });
  expect(response.statusCode, response.body).toBe(200);
  return { response, setCookie: String(response.headers["set-cookie"]) };
}

const whoAmI = (app: FastifyInstance, cookie: string, headers: Record<string, string> = {}) =>
  app.inject({ method: "GET", url: "/api/session", headers: { cookie, ...headers } });

describe("the session cookie", () => {
  it("is __Host-planverk_session, Secure, Path=/ and without Domain when PUBLIC_URL is https", async () => {
    const app = await appWith({ PUBLIC_URL: "https://planverk.example.no" });
    const { setCookie } = await signInOn(app);
    expect(setCookie).toMatch(/^__Host-planverk_session=[^;]+;/);
    expect(setCookie).toContain("Secure");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).not.toMatch(/Domain=/i);
    const value = /^__Host-planverk_session=([^;]+)/.exec(setCookie)?.[1] ?? "";
    expect((await whoAmI(app, `__Host-planverk_session=${value}`)).json().user?.email).toBe(email);
    // Over HTTPS the unprefixed name (which a subdomain could set) is not read.
    expect((await whoAmI(app, `planverk_session=${value}`)).json().user).toBeFalsy();
    const out = await app.inject({
      method: "DELETE",
      url: "/api/session",
      headers: {
        cookie: `__Host-planverk_session=${value}`,
        "x-csrf-token": (await whoAmI(app, `__Host-planverk_session=${value}`)).json().csrfToken,
      },
    });
    expect(String(out.headers["set-cookie"])).toMatch(/^__Host-planverk_session=;/);
  });

  it("is __Host- behind a trusted proxy that says https", async () => {
    const app = await appWith({ TRUST_PROXY: "true" });
    const { setCookie } = await signInOn(app, { "x-forwarded-proto": "https" });
    expect(setCookie).toMatch(/^__Host-planverk_session=[^;]+;.*Secure/);
    expect(setCookie).not.toMatch(/Domain=/i);
  });

  it("keeps the plain name without Secure over http in development", async () => {
    const app = await appWith({ NODE_ENV: "development", PUBLIC_URL: "http://localhost:3000" });
    const { setCookie } = await signInOn(app);
    expect(setCookie).toMatch(/^planverk_session=[^;]+;/);
    expect(setCookie).not.toContain("Secure");
    const value = /^planverk_session=([^;]+)/.exec(setCookie)?.[1] ?? "";
    expect((await whoAmI(app, `planverk_session=${value}`)).json().user?.email).toBe(email);
  });
});
