import { sqlExecutorOf } from "../../db/client.ts";
import { AppError, notFound } from "../../errors.ts";
import type { JobQueue, QueuedJob } from "../../infra/jobs.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { authorizeInstallationAdmin } from "../municipalities/municipality-activation.ts";

/**
 * What an admin may read of a job's error: the message only (never the job's data, which for e-mail
 * is the message itself), without credentials in addresses (`smtp://user:secret@host`) or e-mail
 * addresses, and at most 300 characters.
 */
export function cleanJobError(message: string | null): string | null {
  if (!message) return null;
  const cleaned = message
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^@\s/]+@/gi, "$1…@")
    .replace(/[^\s<>()"',;:/…]+@[^\s<>()"',;:/]+\.[a-z]{2,}/gi, "…")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned.length > 300 ? `${cleaned.slice(0, 299)}…` : cleaned;
}

const running = (queue: JobQueue | null): JobQueue => {
  if (!queue) throw new AppError("unavailable", "jobs.notRunning");
  return queue;
};

/**
 * The background job queue for installation admins: jobs waiting (also those waiting to be tried
 * again), running and failed, newest first, by queue; failed ones with their cleaned error.
 */
export async function listJobQueue({ ctx, queue }: { ctx: ServiceContext; queue: JobQueue | null }) {
  authorizeInstallationAdmin(ctx);
  const jobs = await running(queue).list();
  const view = (job: QueuedJob) => ({
    id: job.id,
    queue: job.queue,
    state: job.state,
    retryCount: job.retryCount,
    retryLimit: job.retryLimit,
    createdOn: job.createdOn.toISOString(),
    startedOn: job.startedOn?.toISOString() ?? null,
    startAfter: job.startAfter.toISOString(),
    error: cleanJobError(job.error),
  });
  return { queues: running(queue).queues, jobs: jobs.map(view) };
}

/** Puts a failed job back in its queue to be tried again (installation admins), audited. */
export async function retryJob({
  ctx,
  queue,
  input,
}: {
  ctx: ServiceContext;
  queue: JobQueue | null;
  input: { queue: string; jobId: string };
}) {
  authorizeInstallationAdmin(ctx);
  const jobs = running(queue);
  await ctx.db.transaction(async (tx) => {
    // The retry and its audit entry commit together (pg-boss runs its update on this transaction).
    if (!(await jobs.retry(sqlExecutorOf(tx), input.queue, input.jobId))) throw notFound("job");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: null,
        objectType: "job",
        objectId: input.jobId,
        objectLabel: input.queue,
        action: "retry",
        changes: { state: { before: "failed", after: "retry" } },
      },
      ctx.requestId,
    );
  });
  return { id: input.jobId, queue: input.queue, state: "retry" as const };
}
