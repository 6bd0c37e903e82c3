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
export type ScheduledWork = {
  name: string;
  cron: string;
  run: () => Promise<void>;
  /** Tries after a failed run (default 3, a minute apart). */
  retryLimit?: number;
};

/** The states an admin sees: waiting (created, or retry after a failure), running, failed for good. */
export const visibleJobStates = ["created", "retry", "active", "failed"] as const;
export type VisibleJobState = (typeof visibleJobStates)[number];

export type QueuedJob = {
  id: string;
  queue: string;
  state: VisibleJobState;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startedOn: Date | null;
  /** When a waiting job may start (after a failed try: the backoff). */
  startAfter: Date;
  /** A failed job's error message as the worker threw it (the caller cleans it before showing it). */
  error: string | null;
};

/** What an admin may do with the queue: read the jobs not done, and put a failed one back to try again. */
export type JobQueue = {
  /** The known queues, in the order they were started. */
  queues: string[];
  list: (options?: { limit?: number }) => Promise<QueuedJob[]>;
  /** Puts a failed job back in its queue, inside the caller's transaction; false if no such failed job. */
  retry: (executor: SqlExecutor, queue: string, id: string) => Promise<boolean>;
};

export type JobRunner = {
  /** Queues a message inside the caller's transaction: it is sent once that commits, never if it rolls back. */
  queueMail: (executor: SqlExecutor, message: MailMessage, meta?: { requestId?: string }) => Promise<void>;
  /** Queues one run of a scheduled work now (as its cron does), e.g. for tests. */
  runNow: (name: string) => Promise<void>;
  queue: JobQueue;
  /** Stops taking new jobs, waits for running ones to finish (up to `timeoutMs`), closes the pool. */
  stop: (timeoutMs?: number) => Promise<void>;
};

export async function startJobs({
  databaseUrl,
  mailer,
  log,
  schedules = [],
  retired = [],
}: {
  databaseUrl: string;
  schedules?: ScheduledWork[];
  /** Names of scheduled work that no longer exists: their cron schedules are removed. */
  retired?: string[];
  /**
   * The SMTP sender the worker uses; `send` answering false counts as a failure and is retried.
   * Without it (no SMTP configured) the mail queue exists but no worker sends from it.
   */
  mailer?: Mailer;
  log: Pick<BaseLogger, "info" | "warn" | "error">;
}): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4 });
  boss.on("error", (err) => log.error({ err }, "background jobs: error"));
  await boss.start();
  await boss.createQueue(mailQueue, mailQueueOptions);
  if (mailer) {
    await boss.work<MailJob>(mailQueue, { pollingIntervalSeconds: 1 }, async ([job]) => {
      if (!job) return;
      const sent = await mailer.send(job.data.message, { requestId: job.data.requestId });
      if (!sent) throw new Error("the SMTP server did not take the message; it will be tried again");
    });
  }
  for (const work of schedules) {
    await boss.createQueue(work.name, {
      retryLimit: work.retryLimit ?? 3,
      retryDelay: 60,
      expireInSeconds: 600,
    });
    await boss.schedule(work.name, work.cron, null, { tz: "Europe/Oslo", missed: "once" });
    await boss.work(work.name, async () => {
      await work.run();
    });
  }
  for (const name of retired) {
    // A schedule of a queue that was never made is nothing to remove.
    await boss.unschedule(name).catch(() => undefined);
  }
  const queues = [mailQueue, ...schedules.map((w) => w.name)];
  return {
    runNow: async (name) => {
      await boss.send(name, {});
    },
    queue: {
      queues,
      list: async ({ limit = 200 } = {}) => {
        // pg-boss's own job table, read for the states an admin acts on (never `data`: mail bodies).
        const { rows } = await boss.getDb().executeSql(
          `select id, name, state, retry_count, retry_limit, created_on, started_on, start_after, output
             from pgboss.job
            where name = any($1) and state = any($2)
            order by created_on desc
            limit $3`,
          [queues, [...visibleJobStates], limit],
        );
        return (rows as JobRow[]).map((r) => ({
          id: r.id,
          queue: r.name,
          state: r.state,
          retryCount: r.retry_count,
          retryLimit: r.retry_limit,
          createdOn: new Date(r.created_on),
          startedOn: r.started_on ? new Date(r.started_on) : null,
          startAfter: new Date(r.start_after),
          error: r.state === "failed" || r.state === "retry" ? errorOf(r.output) : null,
        }));
      },
      retry: async (executor, queue, id) => {
        if (!queues.includes(queue)) return false;
        const result = await boss.retry(queue, id, { db: executor });
        return ((result as { affected?: number }).affected ?? 0) > 0;
      },
    },
    queueMail: async (executor, message, meta) => {
      await boss.send(mailQueue, { message, requestId: meta?.requestId } satisfies MailJob, { db: executor });
    },
    stop: async (timeoutMs = 30_000) => {
      await boss.stop({ graceful: true, timeout: timeoutMs });
      mailer?.close();
    },
  };
}

type JobRow = {
  id: string;
  name: string;
  state: VisibleJobState;
  retry_count: number;
  retry_limit: number;
  created_on: string | Date;
  started_on: string | Date | null;
  start_after: string | Date;
  output: unknown;
};

/** The message of the error a failed worker threw, as pg-boss stored it in `output`. */
function errorOf(output: unknown): string | null {
  if (!output || typeof output !== "object") return typeof output === "string" ? output : null;
  const message = (output as { message?: unknown }).message;
  return typeof message === "string" ? message : null;
}
