/**
 * Crash safety (issue 13): Planverk on its embedded PostgreSQL takes a stream of writes; then the
 * server process and the database process are both killed with SIGKILL at a random moment. After a
 * restart, every write that was acknowledged must be there, and nothing half-done may be visible
 * (a comment without its audit event, an audit event without its comment).
 *
 * CI runs a few rounds. The long version:
 *
 *   CRASH_ROUNDS=50 npx vitest run test/crash.test.ts --testTimeout=0
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { demoPassword } from "../src/services/load-demo-data.ts";
import { freePort, type StartedProcess, startPlanverkProcess, waitUntilReady } from "./processes.ts";

const rounds = Number(process.env.CRASH_ROUNDS ?? 3);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-crash-"));
const started: StartedProcess[] = [];
afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  killPostgres();
  rmSync(dataDir, { recursive: true, force: true });
});

function killPostgres() {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    if (pid > 0) process.kill(pid, "SIGKILL");
  } catch {
    // Not running.
  }
}

async function signIn(url: string) {
  const response = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "planlegger@demo.planverk.no", password: demoPassword }),
  });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
}

/** Writes comments until the server stops answering; returns the bodies it acknowledged. */
async function writeUntilKilled(url: string, round: number, stop: Promise<void>): Promise<string[]> {
  const headers = await signIn(url);
  const acknowledged: string[] = [];
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  for (let i = 0; !stopped; i++) {
    const body = `krasj ${round}-${i}`;
    try {
      const response = await fetch(`${url}/api/municipalities/3301/comments`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          target: { type: "measure", reference: "T-001" },
          visibility: "internal",
          body,
        }),
      });
      if (response.status === 201) acknowledged.push(body);
      else if (response.status < 500)
        throw new Error(`unexpected ${response.status}: ${await response.text()}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("unexpected")) throw error;
      break; // The connection died with the server.
    }
  }
  return acknowledged;
}

async function database() {
  const port = readFileSync(path.join(dataDir, "postgres.port"), "utf8").trim();
  const password = readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
  const client = new pg.Client({
    connectionString: `postgres://planverk:${password}@127.0.0.1:${port}/planverk`,
  });
  await client.connect();
  return client;
}

describe("crash safety", () => {
  it(
    `keeps every acknowledged write through ${rounds} SIGKILLs of server and database`,
    async () => {
      const acknowledged: string[] = [];
      for (let round = 0; round < rounds; round++) {
        const port = await freePort();
        const server = startPlanverkProcess({
          PORT: String(port),
          PLANVERK_DATA_DIR: dataDir,
          LOG_LEVEL: "warn",
        });
        started.push(server);
        const url = `http://127.0.0.1:${port}`;
        await waitUntilReady(url, server);

        // Kill both processes at a random moment while the writes stream in.
        const stop = new Promise<void>((resolve) =>
          setTimeout(
            () => {
              server.child.kill("SIGKILL");
              killPostgres();
              resolve();
            },
            300 + Math.random() * 1500,
          ),
        );
        acknowledged.push(...(await writeUntilKilled(url, round, stop)));
        await stop;
        await server.exited;
      }

      // A clean start after the last crash finds everything that was acknowledged, and nothing half-done.
      const port = await freePort();
      const server = startPlanverkProcess({
        PORT: String(port),
        PLANVERK_DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
      });
      started.push(server);
      await waitUntilReady(`http://127.0.0.1:${port}`, server);
      const client = await database();
      try {
        const stored = await client.query<{ body: string }>(
          "select body from comments where body like 'krasj %'",
        );
        const bodies = new Set(stored.rows.map((r) => r.body));
        expect(acknowledged.length).toBeGreaterThan(0);
        expect(acknowledged.filter((b) => !bodies.has(b))).toEqual([]);
        // Each comment and its audit event were written in one transaction: both or neither.
        const orphans = await client.query<{ count: number }>(
          `select count(*)::int as count from comments c
         where c.body like 'krasj %' and not exists (
           select 1 from audit_events a
           where a.object_type = 'comment' and a.object_id = c.id::text and a.action = 'create')`,
        );
        expect(orphans.rows[0]?.count).toBe(0);
        const events = await client.query<{ count: number }>(
          `select count(*)::int as count from audit_events a
         where a.object_type = 'comment' and a.action = 'create'
           and not exists (select 1 from comments c where c.id::text = a.object_id)`,
        );
        expect(events.rows[0]?.count).toBe(0);
      } finally {
        await client.end();
      }
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    },
    120_000 + rounds * 60_000,
  );
});
