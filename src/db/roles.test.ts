import { randomBytes } from "node:crypto";
import pg from "pg";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import { createMunicipality, createUser, testPassword } from "../../test/factories.ts";
import { loadConfig } from "../config.ts";
import { buildApp } from "../http/app.ts";
import { connectDatabase, type DatabaseHandle } from "./client.ts";
import { appRoleGrants, ensureAppRole, grantAppRole } from "./roles.ts";

/*
 * The running app's login (as the embedded default and the README set it up) cannot switch off,
 * rewrite or empty the audit trail, and can still do the app's ordinary work.
 */
let owner: TestDatabase;
let app: DatabaseHandle;
const role = `app_${randomBytes(4).toString("hex")}`;
const password = randomBytes(12).toString("hex");

beforeAll(async () => {
  owner = await createTestDatabase();
  const client = await owner.pool.connect();
  try {
    await ensureAppRole(client, role, password);
    await grantAppRole(client, role);
  } finally {
    client.release();
  }
  const url = new URL(owner.url);
  url.username = role;
  url.password = password;
  app = connectDatabase(url.toString(), { max: 2 });
});

afterAll(async () => {
  await app.close();
  await owner.drop();
  const client = new pg.Client({
    connectionString: Object.assign(new URL(owner.url), { pathname: "/postgres" }).toString(),
  });
  await client.connect();
  await client.query(`drop role if exists ${role}`);
  await client.end();
});

async function asApp(statement: string) {
  const client = await app.pool.connect();
  try {
    return await client.query(statement);
  } finally {
    client.release();
  }
}

describe("the app's database login", () => {
  it("may not disable the audit trail's triggers, nor update, delete or truncate it", async () => {
    await expect(asApp("alter table audit_events disable trigger all")).rejects.toThrow(/must be owner/);
    await expect(
      asApp("alter table audit_events disable trigger audit_events_no_update_or_delete"),
    ).rejects.toThrow(/must be owner/);
    await expect(asApp("update audit_events set action = 'x'")).rejects.toThrow(/permission denied/);
    await expect(asApp("delete from audit_events")).rejects.toThrow(/permission denied/);
    await expect(asApp("truncate audit_events")).rejects.toThrow(/permission denied/);
    await expect(asApp("drop table audit_events")).rejects.toThrow(/must be owner/);
  });

  it("still reads and appends to the audit trail and does the app's ordinary writes", async () => {
    const built = await buildApp({
      config: loadConfig({ NODE_ENV: "test" }),
      db: app.db,
      logger: pino({ level: "silent" }),
    });
    try {
      const municipality = await createMunicipality(owner.db);
      const planner = await createUser(owner.db, { municipalityId: municipality.id, role: "planner" });
      const session = await signIn(built, planner.email, testPassword);
      const before = await asApp("select count(*)::int as n from audit_events");
      const created = await built.inject({
        method: "POST",
        url: `/api/municipalities/${municipality.number}/plans`,
        headers: session.headers,
        payload: { title: "Næringsplan", startYear: 2026, endYear: 2029, firstBudgetYear: 2027 },
      });
      expect(created.statusCode, created.body).toBe(201);
      const after = await asApp("select count(*)::int as n from audit_events");
      expect(after.rows[0].n).toBeGreaterThan(before.rows[0].n);
      // Other tables keep the ordinary rights.
      await asApp(`update plans set title = 'Næringsplan 2026' where id = '${created.json().id}'`);
    } finally {
      await built.close();
    }
  });

  it("the grants withhold everything but SELECT and INSERT on the audit trail", () => {
    const sql = appRoleGrants("planverk_app").join(";\n");
    expect(sql).toContain(
      'revoke update, delete, truncate, references, trigger on "audit_events" from "planverk_app"',
    );
    expect(sql).toContain('grant select, insert on "audit_events" to "planverk_app"');
  });
});
