import { PgBoss } from "pg-boss";
import type { BaseLogger } from "pino";
import type { Mailer, MailMessage, SqlExecutor } from "./mailer.ts";

/*
 * Durable background work on PostgreSQL with pg-boss (docs/adr/0010-background-jobs.md). pg-boss
 * keeps its jobs in a schema of its own (`pgboss`), which it creates and migrates itself under an
 * advisory lock, and hands each job to one worker of one instance (SELECT … FOR UPDATE SKIP LOCKED).
 */

export const mailQueue = "mail";

type MailJob = { message: MailMessage; requestId?: string };

/**
 * The mail queue: a failed send is tried again with exponential backoff (about 1 s, 2 s, 4 s … up to
 * 5 minutes, 15 tries, a few hours in all). A send that hangs is given up after `expireInSeconds` and
 * tried again, also when the instance sending it died. Completed jobs are deleted after an hour: the
 * body may hold a one-time link.
 */
export const mailQueueOptions = {
  retryLimit: 15,
  retryDelay: 1,
  retryBackoff: true,
  retryDelayMax: 300,
  expireInSeconds: 60,
  deleteAfterSeconds: 3600,
};

/**
 * Work on a cron schedule (in Norwegian time). pg-boss puts one job per occurrence in the queue for
 * the whole installation, whichever instances run, and one worker runs it; a failed run is tried again.
 */
export type ScheduledWork = { name: string; cron: string; run: () => Promise<void> };

export type JobRunner = {
  /** Queues a message inside the caller's transaction: it is sent once that commits, never if it rolls back. */
  queueMail: (executor: SqlExecutor, message: MailMessage, meta?: { requestId?: string }) => Promise<void>;
  /** Stops taking new jobs, waits for running ones to finish (up to `timeoutMs`), closes the pool. */
  stop: (timeoutMs?: number) => Promise<void>;
};

export async function startJobs({
  databaseUrl,
  mailer,
  log,
  schedules = [],
}: {
  databaseUrl: string;
  schedules?: ScheduledWork[];
  /** The SMTP sender the worker uses; `send` answering false counts as a failure and is retried. */
  mailer: Mailer;
  log: Pick<BaseLogger, "info" | "warn" | "error">;
}): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4 });
  boss.on("error", (err) => log.error({ err }, "background jobs: error"));
  await boss.start();
  await boss.createQueue(mailQueue, mailQueueOptions);
  await boss.work<MailJob>(mailQueue, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const sent = await mailer.send(job.data.message, { requestId: job.data.requestId });
    if (!sent) throw new Error("the SMTP server did not take the message; it will be tried again");
  });
  for (const work of schedules) {
    await boss.createQueue(work.name, { retryLimit: 3, retryDelay: 60, expireInSeconds: 600 });
    await boss.schedule(work.name, work.cron, null, { tz: "Europe/Oslo", missed: "once" });
    await boss.work(work.name, async () => {
      await work.run();
    });
  }
  return {
    queueMail: async (executor, message, meta) => {
      await boss.send(mailQueue, { message, requestId: meta?.requestId } satisfies MailJob, { db: executor });
    },
    stop: async (timeoutMs = 30_000) => {
      await boss.stop({ graceful: true, timeout: timeoutMs });
      mailer.close();
    },
  };
}
