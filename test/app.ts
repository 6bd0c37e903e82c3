import type { FastifyInstance } from "fastify";
import pino from "pino";
import { webDir } from "../src/cli/web-build.ts";
import { loadConfig } from "../src/config.ts";
import { type AppDeps, buildApp } from "../src/http/app.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

/**
 * For tests of «import by URL» against their own local HTTP server: any host, plain http, and
 * loopback let through (never possible from configuration).
 */
export const localFetchPolicy = { hosts: null, allowHttp: true, permit: () => true };

/** The app in-process on a database of its own; call `close` in afterAll. */
export async function createTestApp(
  options: {
    web?: boolean;
    today?: () => string;
    fetchPolicy?: AppDeps["fetchPolicy"];
    /** Configuration beyond NODE_ENV=test, as environment variables. */
    env?: Record<string, string>;
    mailer?: AppDeps["mailer"];
    jobQueue?: AppDeps["jobQueue"];
  } = {},
): Promise<{
  app: FastifyInstance;
  database: TestDatabase;
  close: () => Promise<void>;
}> {
  const database = await createTestDatabase();
  const app = await buildApp({
    config: loadConfig({ ...options.env, NODE_ENV: "test" }),
    db: database.db,
    logger: pino({ level: "silent" }),
    webDir: options.web ? webDir : undefined,
    today: options.today,
    fetchPolicy: options.fetchPolicy,
    mailer: options.mailer,
    jobQueue: options.jobQueue,
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export type Signed = {
  cookie: string;
  csrfToken: string;
  headers: { cookie: string; "x-csrf-token": string };
};

/** Signs in through the API, as the browser does; returns the cookie and CSRF header to send. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Signed> {
  const response = await app.inject({ method: "POST", url: "/api/session", payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  // `__Host-planverk_session` where the app is served over HTTPS (PUBLIC_URL https).
  const cookie = response.cookies.find(
    (c) => c.name === "planverk_session" || c.name === "__Host-planverk_session",
  );
  if (!cookie) throw new Error("no session cookie");
  const csrfToken = response.json().csrfToken as string;
  const header = `${cookie.name}=${cookie.value}`;
  return { cookie: header, csrfToken, headers: { cookie: header, "x-csrf-token": csrfToken } };
}

/**
 * A planner of a new municipality, signed in, with `send` for API calls under that municipality's
 * path (cookie and CSRF header included).
 */
export async function signedInPlanner(app: FastifyInstance, db: TestDatabase["db"]) {
  const { createMunicipality, createUser, testPassword } = await import("./factories.ts");
  const municipality = await createMunicipality(db);
  const planner = await createUser(db, { municipalityId: municipality.id, role: "planner" });
  const session = await signIn(app, planner.email, testPassword);
  const base = `/api/municipalities/${municipality.number}`;
  const send = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: object) =>
    app.inject({ method, url: `${base}${url}`, headers: session.headers, ...(payload ? { payload } : {}) });
  return { municipality, planner, session, base, send };
}
