import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensureAppRole } from "../src/db/roles.ts";
import { createTestDatabase } from "./database.ts";
import { createMunicipality, createUser, testPassword } from "./factories.ts";
import { freePort, type StartedProcess, startPlanverkProcess, waitUntilReady } from "./processes.ts";
import { startSmtpServer } from "./smtp.ts";

/*
 * An external PostgreSQL with two logins, as the README sets it up: DATABASE_OWNER_URL migrates
 * and runs the background jobs' schema, DATABASE_URL is the app's own login. The app grants its
 * login the rights at start, works (mail queued in its own transactions included), and its login
 * cannot switch off the audit trail.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-logins-"));
const started: StartedProcess[] = [];
const role = `app_${randomBytes(4).toString("hex")}`;
const password = randomBytes(12).toString("hex");
afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  await Promise.all(started.map((p) => p.exited));
  rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor(what: string, check: () => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("an external PostgreSQL with an owner login and an app login", () => {
  it("migrates as the owner, serves as the app's login, sends mail, and the app's login cannot alter the audit trail", async () => {
    const database = await createTestDatabase();
    const smtp = await startSmtpServer();
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await ensureAppRole(admin, role, password);
      const appUrl = Object.assign(new URL(database.url), { username: role, password }).toString();
      const municipality = await createMunicipality(database.db);
      const user = await createUser(database.db, { municipalityId: municipality.id, role: "admin" });
      const port = await freePort();
      const p = startPlanverkProcess({
        PORT: String(port),
        DATABASE_URL: appUrl,
        DATABASE_OWNER_URL: database.url,
        SMTP_URL: smtp.url,
        PLANVERK_DEMO_DATA: "off",
        PLANVERK_DATA_DIR: dataDir,
      });
      started.push(p);
      const url = `http://127.0.0.1:${port}`;
      await waitUntilReady(url, p);
      expect(p.output()).not.toContain("DATABASE_OWNER_URL is not set");

      const session = await fetch(`${url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: user.email, password: testPassword }),
      });
      expect(session.status).toBe(200);
      const headers = {
        cookie: (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
        "x-csrf-token": ((await session.json()) as { csrfToken: string }).csrfToken,
        "content-type": "application/json",
      };
      const invited = await fetch(`${url}/api/municipalities/${municipality.number}/invitations`, {
        method: "POST",
        headers,
        body: JSON.stringify({ email: "ny@test.no", role: "viewer" }),
      });
      expect(invited.status).toBe(201);
      await waitFor("the invitation e-mail", () => smtp.messages.length > 0);

      const users = await admin.query(
        "select distinct usename from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
      );
      expect(users.rows.map((r) => r.usename)).toContain(role);
      const app = new pg.Client({ connectionString: appUrl });
      await app.connect();
      try {
        await expect(app.query("alter table audit_events disable trigger all")).rejects.toThrow(
          /must be owner/,
        );
        await expect(app.query("update audit_events set action = 'x'")).rejects.toThrow(/permission denied/);
        await expect(app.query("delete from audit_events")).rejects.toThrow(/permission denied/);
      } finally {
        await app.end();
      }
      p.child.kill("SIGTERM");
      expect(await p.exited).toBe(0);
    } finally {
      await smtp.close();
      await admin.end();
      await database.drop();
      const cleanup = new pg.Client({
        connectionString: Object.assign(new URL(database.url), { pathname: "/postgres" }).toString(),
      });
      await cleanup.connect();
      await cleanup.query(`drop role if exists ${role}`).catch(() => undefined);
      await cleanup.end();
    }
  }, 240_000);
});
