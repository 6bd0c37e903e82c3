import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./database.ts";
import { createMunicipality, createUser, testPassword } from "./factories.ts";
import { freePort, type StartedProcess, startPlanverkProcess, waitUntilReady } from "./processes.ts";
import { startSmtpServer, type TestSmtpServer } from "./smtp.ts";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-outbox-"));
const started: StartedProcess[] = [];
const servers: TestSmtpServer[] = [];
afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  await Promise.all(started.map((p) => p.exited));
  for (const s of servers) await s.close().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the e-mail outbox", () => {
  it("keeps an invitation's e-mail through an SMTP outage and a killed process, and sends it once", async () => {
    const database = await createTestDatabase();
    const municipality = await createMunicipality(database.db);
    const admin = await createUser(database.db, { municipalityId: municipality.id, role: "admin" });
    // The SMTP server is down: its port was free a moment ago, and nobody answers there now.
    const gone = await startSmtpServer();
    await gone.close();
    const port = await freePort();
    const start = () => {
      const p = startPlanverkProcess({
        PORT: String(port),
        DATABASE_URL: database.url,
        SMTP_URL: gone.url,
        PLANVERK_DEMO_DATA: "off",
        PLANVERK_DATA_DIR: dataDir,
      });
      started.push(p);
      return p;
    };
    const url = `http://127.0.0.1:${port}`;
    const jobs = async () =>
      (
        await database.pool.query<{ state: string; retry_count: number }>(
          "select state, retry_count from pgboss.job where name = 'mail'",
        )
      ).rows;
    try {
      const first = start();
      await waitUntilReady(url, first);
      const session = await fetch(`${url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: admin.email, password: testPassword }),
      });
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
      const { link } = (await invited.json()) as { link: string };

      // The worker has tried and failed; the process dies with the message still to send.
      await waitFor("a failed try", async () => (await jobs()).some((j) => j.retry_count >= 1));
      first.child.kill("SIGKILL");
      await first.exited;
      expect(await jobs()).toHaveLength(1);

      const second = start();
      await waitUntilReady(url, second);
      const smtp = await startSmtpServer({ port: gone.port });
      servers.push(smtp);
      // The backoff has grown while SMTP was down (up to a minute after a few tries on a slow machine):
      // bring the next try forward, as an operator's «retry» would, instead of waiting it out.
      await database.pool.query(
        "update pgboss.job set start_after = now() where name = 'mail' and state = 'retry'",
      );
      await waitFor("the invitation e-mail", () => smtp.messages.length > 0, 90_000);
      await waitFor("the job to complete", async () => (await jobs())[0]?.state === "completed");
      // Nothing more arrives.
      await new Promise((r) => setTimeout(r, 3000));
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]?.to).toEqual(["ny@test.no"]);
      expect(smtp.messages[0]?.text).toContain(link);
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    } finally {
      await database.drop();
    }
  }, 240_000);
});
