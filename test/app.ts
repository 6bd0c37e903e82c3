import type { FastifyInstance } from "fastify";
import pino from "pino";
import { webDir } from "../src/cli/web-build.ts";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

/** The app in-process on a database of its own; call `close` in afterAll. */
export async function createTestApp(options: { web?: boolean } = {}): Promise<{
  app: FastifyInstance;
  database: TestDatabase;
  close: () => Promise<void>;
}> {
  const database = await createTestDatabase();
  const app = await buildApp({
    config: loadConfig({ NODE_ENV: "test" }),
    db: database.db,
    logger: pino({ level: "silent" }),
    webDir: options.web ? webDir : undefined,
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
  const cookie = response.cookies.find((c) => c.name === "planverk_session");
  if (!cookie) throw new Error("no session cookie");
  const csrfToken = response.json().csrfToken as string;
  const header = `planverk_session=${cookie.value}`;
  return { cookie: header, csrfToken, headers: { cookie: header, "x-csrf-token": csrfToken } };
}
