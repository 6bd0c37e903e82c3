import type { FastifyInstance } from "fastify";
import pino from "pino";
import { webDir } from "../src/cli/web-build.ts";
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
