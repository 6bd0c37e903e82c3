import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { startPlanverk } from "../src/server.ts";
import { createTestDatabase } from "./database.ts";
import { startSmtpServer } from "./smtp.ts";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-shutdown-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("graceful stop", () => {
  it("answers a request in flight, refuses new ones, then stops the jobs and the pool", async () => {
    const database = await createTestDatabase();
    const smtp = await startSmtpServer();
    const config = loadConfig({
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      PORT: "0",
      HOST: "127.0.0.1",
      PLANVERK_DEMO_DATA: "off",
      PLANVERK_DATA_DIR: dataDir,
    });
    const running = await startPlanverk(config, pino({ level: "silent" }));
    try {
      // A sign-in whose body is still on its way when the stop begins.
      const body = JSON.stringify({ email: "ingen@test.no", password: "feil-passord-her" });
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = http.request(
          `${running.url}/api/session`,
          { method: "POST", headers: { "content-type": "application/json", "content-length": body.length } },
          (response) => {
            let text = "";
            response.on("data", (chunk) => {
              text += chunk;
            });
            response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
          },
        );
        request.on("error", reject);
        request.write(body.slice(0, 10));
        setTimeout(() => request.end(body.slice(10)), 500);
      });
      await new Promise((r) => setTimeout(r, 200));
      const stopped = running.stop();
      const late = await fetch(`${running.url}/healthz`).then(
        (r) => r.status,
        () => "refused",
      );
      expect([503, "refused"]).toContain(late);
      const { status, text } = await answer;
      expect(status).toBe(401);
      expect(JSON.parse(text).error).toBeTruthy();
      await stopped;
      // The pool is closed: the job queue and the app hold no connections any more.
      const others = async () =>
        (
          await database.pool.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
          )
        ).rows[0]?.n;
      for (let i = 0; i < 20 && (await others()) !== 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await others()).toBe(0);
    } finally {
      await smtp.close();
      await database.drop();
    }
  }, 60_000);
});
