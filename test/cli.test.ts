import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDir } from "../src/cli/web-build.ts";
import { loadConfig } from "../src/config.ts";
import { users } from "../src/db/schema/index.ts";
import { buildApp } from "../src/http/app.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { createUser } from "./factories.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

function planverk(...args: string[]) {
  return planverkOn(database.url, ...args);
}

function planverkOn(databaseUrl: string, ...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/planverk.ts", ...args], {
    cwd: rootDir,
    env: { ...env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

async function canSignIn(email: string, password: string) {
  const app = await buildApp({
    config: loadConfig({ NODE_ENV: "test" }),
    db: database.db,
    logger: pino({ level: "silent" }),
  });
  const response = await app.inject({ method: "POST", url: "/api/session", payload: { email, password } });
  await app.close();
  return response.statusCode === 200 ? response.json() : null;
}

// Each command is a new Node process that loads TypeScript through tsx: seconds each on a busy machine.
describe("npm run planverk -- <command>", { timeout: 120_000 }, () => {
  it("creates the first admin, who can sign in and administer the municipality", () => {
    const result = planverk(
      "create-admin",
      "--email",
      "Sjef@Lier.kommune.no",
      "--name",
      "Sjef",
      "--municipality",
      "3312",
    );
    expect(result.code, result.out).toBe(0);
    const password = /Passord: (\S+)/.exec(result.out)?.[1];
    expect(password).toBeTruthy();
    return canSignIn("sjef@lier.kommune.no", password as string).then((session) => {
      expect(session.user.isSystemAdmin).toBe(true);
      expect(session.user.memberships).toEqual([
        { municipalityNumber: "3312", municipalityName: "Lier", role: "admin" },
      ]);
    });
  });

  it("resets a password, lists users, and disables demo users", async () => {
    await createUser(database.db, { email: "glemsk@test.no" });
    await createUser(database.db, { email: "demo@test.no", isDemo: true });
    const reset = planverk(
      "reset-password",
      "--email",
      "glemsk@test.no",
      "--password",
      "et-nytt-langt-passord",
    );
    expect(reset.code, reset.out).toBe(0);
    expect(await canSignIn("glemsk@test.no", "et-nytt-langt-passord")).not.toBeNull();

    const list = planverk("list-users");
    expect(list.code).toBe(0);
    expect(list.out).toContain("glemsk@test.no");

    const disable = planverk("disable-demo-users");
    expect(disable.out).toContain("1 demobrukere deaktivert");
    expect(await canSignIn("demo@test.no", "et-testpassord-som-er-langt")).toBeNull();
  });

  it("backs up the installation to a file and restores it into an empty database", async () => {
    await createUser(database.db, { email: "sikret@test.no" });
    const folder = mkdtempSync(path.join(os.tmpdir(), "planverk-backup-"));
    const file = path.join(folder, "planverk.jsonl");
    const backup = planverk("backup", "--file", file);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/Sikkerhetskopi skrevet til/);
    expect(planverk("backup", "--file", file).code).toBe(1); // never overwrites a file

    const empty = await createTestDatabase();
    try {
      const restore = planverkOn(empty.url, "restore", "--file", file);
      expect(restore.code, restore.out).toBe(0);
      const emails = (await empty.db.select({ email: users.email }).from(users)).map((u) => u.email);
      expect(emails).toContain("sikret@test.no");
      // A second restore meets data and refuses.
      const again = planverkOn(empty.url, "restore", "--file", file);
      expect(again.code).toBe(1);
      expect(again.out).toMatch(/ikke tom/);
    } finally {
      await empty.drop();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("explains bad use", () => {
    expect(planverk("create-admin", "--email", "x@y.no").out).toContain("trenger --email og --name");
    expect(planverk("reset-password", "--email", "ingen@finnes.no").code).toBe(1);
    expect(planverk("nonsense").code).toBe(2);
    expect(planverk("backup").out).toContain("backup trenger --file");
  });
});
