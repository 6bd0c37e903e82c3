import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { runMixedLoad, summarise } from "../bench/mixed-load-core.ts";
import { migrationsFolder } from "../src/db/migrate.ts";
import { demoPassword } from "../src/demo/load-demo-data.ts";
import { freePort, type StartedProcess, startPlanverkProcess, waitUntilReady } from "./processes.ts";
import { startSmtpServer } from "./smtp.ts";

/** Seconds of mixed load over both instances; `npm run bench:mixed -- --instances 2` runs it longer. */
const loadSeconds = Number(process.env.PLANVERK_TEST_LOAD_SECONDS ?? 10);

const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-instances-"));
const started: StartedProcess[] = [];
const adminUrl = inject("postgresUrl");
const name = `instances_${Date.now()}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

async function admin<T>(work: (client: pg.Client) => Promise<T>, url = adminUrl): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  await Promise.all(started.map((p) => p.exited));
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(url: string, email: string) {
  const response = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
}

describe("two instances on one PostgreSQL", () => {
  it("start at once, migrate and load the demo once, and serve the same sessions and data", async () => {
    // An empty database: neither instance finds anything done.
    await admin((c) => c.query(`create database ${name}`));
    const smtp = await startSmtpServer();
    const instances = await Promise.all(
      [0, 1].map(async (n) => {
        const port = await freePort();
        return { port, url: `http://127.0.0.1:${port}`, n };
      }),
    );
    const processes = instances.map(({ port, n }) => {
      const p = startPlanverkProcess({
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        SMTP_URL: smtp.url,
        PLANVERK_DATA_DIR: path.join(dataDir, String(n)),
      });
      started.push(p);
      return p;
    });
    const [a, b] = instances.map((i) => i.url) as [string, string];
    await Promise.all(instances.map((i, n) => waitUntilReady(i.url, processes[n] as StartedProcess)));

    // Each migration once, the demo once.
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"));
    const counts = await admin(async (c) => {
      const migrations = await c.query(
        "select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash",
      );
      const demo = await c.query(
        "select count(*)::int as n from audit_events where action = 'load_demo_data'",
      );
      // One plan per municipality and title: the demo's plans are not there twice.
      const plans = await c.query(
        "select count(*)::int as n from plans group by municipality_id, title having count(*) > 1",
      );
      return { migrations: migrations.rows, demo: demo.rows[0]?.n, duplicatePlans: plans.rows.length };
    }, databaseUrl);
    expect(counts.migrations).toHaveLength(journal.entries.length);
    expect(counts.migrations.every((m: { n: number }) => m.n === 1)).toBe(true);
    expect(counts.demo).toBe(1);
    expect(counts.duplicatePlans).toBe(0);
    expect(processes.map((p) => p.output().includes("demo data loaded")).sort()).toEqual([false, true]);

    // A session made on one works on the other.
    const owner = await signIn(a, "tiltakseier@demo.planverk.no");
    const me = await fetch(`${b}/api/session`, { headers: owner });
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe("tiltakseier@demo.planverk.no");

    // A write on one is read on the other; a stale write is refused whichever instance gets it.
    const measure = `/api/municipalities/3301/measures/T-001`;
    const before = (await (await fetch(`${b}${measure}`, { headers: owner })).json()) as {
      stateVersion: number;
    };
    const update = (url: string, version: number, progress: number) =>
      fetch(`${url}${measure}/status`, {
        method: "PATCH",
        headers: owner,
        body: JSON.stringify({ version, status: "in_progress", statusReason: "", progress }),
      });
    expect((await update(a, before.stateVersion, 42)).status).toBe(200);
    const after = (await (await fetch(`${b}${measure}`, { headers: owner })).json()) as {
      stateVersion: number;
      progress: number;
    };
    expect(after.stateVersion).toBeGreaterThan(before.stateVersion);
    expect(after.progress).toBe(42);
    expect((await update(b, before.stateVersion, 43)).status).toBe(409);
    expect((await update(a, before.stateVersion, 44)).status).toBe(409);

    // A mixed load spread over both has no errors.
    const samples = await runMixedLoad({ urls: [a, b], seconds: loadSeconds, readers: 4 });
    const errors = samples.filter((s) => !s.ok);
    expect(errors, summarise(samples, loadSeconds)).toEqual([]);
    expect(samples.length).toBeGreaterThan(20);

    for (const p of processes) p.child.kill("SIGTERM");
    expect(await Promise.all(processes.map((p) => p.exited))).toEqual([0, 0]);
    await smtp.close();
  }, 240_000);
});
