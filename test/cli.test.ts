import { spawnSync } from "node:child_process";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDir } from "../src/cli/web-build.ts";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { createUser } from "./factories.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

function planverk(...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/planverk.ts", ...args], {
    cwd: rootDir,
    env: { ...env, DATABASE_URL: database.url },
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

describe("npm run planverk -- <command>", () => {
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

  it("explains bad use", () => {
    expect(planverk("create-admin", "--email", "x@y.no").out).toContain("trenger --email og --name");
    expect(planverk("reset-password", "--email", "ingen@finnes.no").code).toBe(1);
    expect(planverk("nonsense").code).toBe(2);
  });
});
