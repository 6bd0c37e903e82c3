import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, type StartedProcess, startPlanverkProcess, waitUntilReady } from "./processes.ts";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-start-"));
const started: StartedProcess[] = [];
afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

async function start() {
  const port = await freePort();
  const p = startPlanverkProcess({ PORT: String(port), PLANVERK_DATA_DIR: dataDir });
  started.push(p);
  return { p, url: `http://127.0.0.1:${port}` };
}

const planTree = (url: string) => fetch(`${url}/api/municipalities/3301/plan-tree`).then((r) => r.json());

/**
 * The running app connects as planverk_app, not as the owner, and that login cannot switch off the
 * audit trail (src/db/roles.ts).
 */
async function expectAppLoginCannotAlterAuditTrail() {
  const read = (file: string) => readFileSync(path.join(dataDir, file), "utf8").trim();
  const port = read("postgres.port");
  const owner = new pg.Client({
    connectionString: `postgres://planverk:${read("pg-password")}@127.0.0.1:${port}/planverk`,
  });
  await owner.connect();
  const users = await owner.query(
    "select distinct usename from pg_stat_activity where datname = 'planverk' and pid <> pg_backend_pid()",
  );
  await owner.end();
  expect(users.rows.map((r) => r.usename)).toContain("planverk_app");
  const app = new pg.Client({
    connectionString: `postgres://planverk_app:${read("pg-app-password")}@127.0.0.1:${port}/planverk`,
  });
  await app.connect();
  try {
    await expect(app.query("alter table audit_events disable trigger all")).rejects.toThrow(/must be owner/);
    await expect(app.query("delete from audit_events")).rejects.toThrow(/permission denied/);
    expect((await app.query("select count(*)::int as n from audit_events")).rows[0].n).toBeGreaterThan(0);
  } finally {
    await app.end();
  }
}

describe("npm start with its own PostgreSQL", () => {
  it("starts, refuses a second start on the same data, stops cleanly, and finds its data again", async () => {
    const first = await start();
    await waitUntilReady(first.url, first.p);
    expect(first.p.output()).toContain("creating the PostgreSQL cluster");
    expect(first.p.output()).toContain("demo data loaded");
    const page = await fetch(`${first.url}/`).then((r) => r.text());
    expect(page).toContain("Strategisk næringsplan for Drammen");
    const before = await planTree(first.url);
    await expectAppLoginCannotAlterAuditTrail();

    const second = await start();
    expect(await second.p.exited).toBe(1);
    expect(second.p.output()).toContain("Planverk kjører allerede med datamappa");
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);

    first.p.child.kill("SIGINT");
    expect(await first.p.exited).toBe(0);
    // PostgreSQL was shut down, not left running.
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

    const third = await start();
    await waitUntilReady(third.url, third.p);
    expect(third.p.output()).not.toContain("creating the PostgreSQL cluster");
    expect(third.p.output()).not.toContain("demo data loaded");
    expect(await planTree(third.url)).toEqual(before);

    // A crash (SIGKILL) leaves PostgreSQL running without its owner; the next start recovers.
    third.p.child.kill("SIGKILL");
    await third.p.exited;
    const fourth = await start();
    await waitUntilReady(fourth.url, fourth.p);
    expect(await planTree(fourth.url)).toEqual(before);
    fourth.p.child.kill("SIGTERM");
    expect(await fourth.p.exited).toBe(0);
  }, 180_000);
});
