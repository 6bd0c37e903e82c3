import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { cycles } from "../src/db/schema/index.ts";
import type { Clock } from "../src/infra/clock.ts";
import { type JobRunner, startJobs } from "../src/infra/jobs.ts";
import { createMailer } from "../src/infra/mailer.ts";
import { deadlineRemindersQueue, scheduledWork } from "../src/scheduled-work.ts";
import { createTestDatabase } from "./database.ts";
import { createEvaluationSetting } from "./factories.ts";
import { startSmtpServer } from "./smtp.ts";

const log = pino({ level: "silent" });
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the reminder schedule on two instances, with the app's clock set", () => {
  it("sends a deadline's reminder once, three days before it and not four", async () => {
    const database = await createTestDatabase();
    cleanup.push(() => database.drop());
    const smtp = await startSmtpServer();
    cleanup.push(() => smtp.close());
    const s = await createEvaluationSetting(database.db);
    // The proposal phase ends on 20 March; the business partner has proposed nothing either.
    await database.db
      .update(cycles)
      .set({ phaseDates: { innspill: { start: "2026-01-01", end: "2026-03-20" } } })
      .where(eq(cycles.id, s.cycleId));

    // The app's clock, as PLANVERK_NOW sets it for a process; both instances read the same setting.
    let now = new Date("2026-03-16T08:00:00Z");
    const clock: Clock = () => now;
    const smtpConfig = { url: smtp.url, from: "Planverk <planverk@test.no>" };
    const startInstance = async (): Promise<JobRunner> => {
      const mailer = createMailer(smtpConfig, log);
      const runner = await startJobs({
        databaseUrl: database.url,
        mailer: createMailer(smtpConfig, log),
        log,
        schedules: scheduledWork({
          db: database.db,
          mailer,
          clock,
          publicUrl: "https://planverk.example.no",
          log,
        }),
      });
      mailer.queue = runner.queueMail;
      cleanup.push(() => runner.stop(2000));
      return runner;
    };
    const instances = [await startInstance(), await startInstance()];

    const runs = async (state: string) =>
      Number(
        (
          await database.pool.query<{ n: string }>(
            "select count(*) as n from pgboss.job where name = $1 and state = $2",
            [deadlineRemindersQueue, state],
          )
        ).rows[0]?.n,
      );
    /** Both instances run the hourly schedule at the same moment (as if each had its own cron). */
    const runScheduleOnBoth = async (expectedCompleted: number) => {
      await Promise.all(instances.map((i) => i.runNow(deadlineRemindersQueue)));
      await waitFor("both runs to complete", async () => (await runs("completed")) === expectedCompleted);
    };

    // Four days before: both instances run the schedule; nothing is sent.
    await runScheduleOnBoth(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.messages).toEqual([]);

    // Three days before: both run it again; each partner without a proposal gets one e-mail.
    now = new Date("2026-03-17T08:00:00Z");
    await runScheduleOnBoth(4);
    const partners = [s.business.user.email, s.academia.user.email, s.outsider.user.email].sort();
    await waitFor("the reminders to arrive", () => smtp.messages.length >= partners.length);
    // Later runs (the next hour, the next day) send nothing more.
    now = new Date("2026-03-18T08:00:00Z");
    await runScheduleOnBoth(6);
    await new Promise((r) => setTimeout(r, 2000));
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(partners);
    expect(smtp.messages[0]?.subject).toBe("Innspill til handlingsplanen for 2027: frist 20.03.2026");
    const [record] = (
      await database.pool.query(
        "select kind, due_date::text, recipients from reminders_sent where object_id = $1",
        [s.cycleId],
      )
    ).rows;
    expect(record).toEqual({ kind: "phase_end", due_date: "2026-03-20", recipients: 3 });
  });
});
