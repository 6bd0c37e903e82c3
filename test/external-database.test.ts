import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { plans } from "../src/db/schema/index.ts";
import { startPlanverk } from "../src/server.ts";
import { createTestDatabase } from "./database.ts";
import { createUser } from "./factories.ts";

describe("with DATABASE_URL", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-external-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("uses that PostgreSQL, migrates it, loads the demo and starts no server of its own", async () => {
    const database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: "0",
      HOST: "127.0.0.1",
      PLANVERK_DATA_DIR: dataDir,
    });
    const running = await startPlanverk(config, pino({ level: "silent" }));
    try {
      const ready = await fetch(`${running.url}/readyz`);
      expect(ready.status).toBe(200);
      const tree = await fetch(`${running.url}/api/municipalities/3301/plan-tree`).then((r) => r.json());
      expect(tree.goals).toHaveLength(3);
      expect(existsSync(path.join(dataDir, "pg"))).toBe(false);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      await running.stop();
      await database.drop();
    }
  });

  it("in production refuses to start while demo users can sign in, and loads no demo", async () => {
    const database = await createTestDatabase();
    await createUser(database.db, { email: "demo@demo.planverk.no", isDemo: true });
    const config = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      PORT: "0",
      HOST: "127.0.0.1",
      PLANVERK_DATA_DIR: dataDir,
    });
    try {
      await expect(startPlanverk(config, pino({ level: "silent" }))).rejects.toThrow(/disable-demo-users/);
      expect(await database.db.select().from(plans)).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});
