import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "../../../test/app.ts";
import { createMunicipality, createUser, testPassword } from "../../../test/factories.ts";
import { auditEvents } from "../../db/schema/index.ts";
import { type JobQueue, type JobRunner, startJobs } from "../../infra/jobs.ts";
import { cleanJobError } from "../../services/admin/job-queue.ts";
import type { JobQueueResponse } from "./job-queue.ts";

const jobQueue: { current: JobQueue | null } = { current: null };
let t: Awaited<ReturnType<typeof createTestApp>>;
let runner: JobRunner;
let admin: Signed;
let planner: Signed;

beforeAll(async () => {
  t = await createTestApp({ jobQueue });
  // The scheduled work fails at once (no retries), with a secret and an address in its message.
  runner = await startJobs({
    databaseUrl: t.database.url,
    log: pino({ level: "silent" }),
    schedules: [
      {
        name: "deadline-reminders",
        cron: "15 * * * *",
        retryLimit: 0,
        run: async () => {
          throw new Error("connect ECONNREFUSED smtp://planverk:hemmelig@mail.example.no for ola@example.no");
        },
      },
    ],
  });
  const installationAdmin = await createUser(t.database.db, { isSystemAdmin: true });
  admin = await signIn(t.app, installationAdmin.email, testPassword);
  const municipality = await createMunicipality(t.database.db);
  const user = await createUser(t.database.db, { municipalityId: municipality.id, role: "admin" });
  planner = await signIn(t.app, user.email, testPassword);
});
afterAll(async () => {
  await runner?.stop(2000);
  await t.close();
});

const list = async (who: Signed) =>
  t.app.inject({ method: "GET", url: "/api/admin/jobs", headers: who.headers });
async function waitForState(state: string) {
  for (let i = 0; i < 100; i++) {
    const body = (await list(admin)).json() as JobQueueResponse;
    if (body.jobs.some((j) => j.state === state)) return body;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no job in state ${state}`);
}

describe("the background job queue for installation admins", () => {
  it("lists waiting and failed jobs with a cleaned error, and retries a failed one (audited)", async () => {
    jobQueue.current = null;
    const notRunning = await list(admin);
    expect(notRunning.statusCode).toBe(503);
    jobQueue.current = runner.queue;

    expect((await list(admin)).json()).toEqual({ queues: ["mail", "deadline-reminders"], jobs: [] });
    await runner.runNow("deadline-reminders");
    const failed = await waitForState("failed");
    const job = failed.jobs.find((j) => j.state === "failed");
    expect(job).toMatchObject({ queue: "deadline-reminders", retryCount: 0, retryLimit: 0 });
    expect(job?.error).toBe("connect ECONNREFUSED smtp://…@mail.example.no for …");

    const retried = await t.app.inject({
      method: "POST",
      url: `/api/admin/jobs/deadline-reminders/${job?.id}/retry`,
      headers: admin.headers,
    });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toEqual({ id: job?.id, queue: "deadline-reminders", state: "retry" });
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.objectId, job?.id as string));
    expect(entry).toMatchObject({ objectType: "job", action: "retry", objectLabel: "deadline-reminders" });
    // It runs again (and fails again); a job that has not failed cannot be retried.
    const again = await t.app.inject({
      method: "POST",
      url: `/api/admin/jobs/deadline-reminders/${crypto.randomUUID()}/retry`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(404);
  });

  it("is for installation admins only: a municipality's admin gets 403, a visitor 401", async () => {
    expect((await list(planner)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/admin/jobs" })).statusCode).toBe(401);
    const retry = await t.app.inject({
      method: "POST",
      url: `/api/admin/jobs/mail/${crypto.randomUUID()}/retry`,
      headers: planner.headers,
    });
    expect(retry.statusCode).toBe(403);
  });

  it("shows no credentials or e-mail addresses in an error, and at most 300 characters", () => {
    expect(cleanJobError("Invalid login: 535 for https://user:pw@host/x and kari.nordmann@kommune.no")).toBe(
      "Invalid login: 535 for https://…@host/x and …",
    );
    expect(cleanJobError("x".repeat(400))?.length).toBe(300);
    expect(cleanJobError(null)).toBeNull();
  });
});
