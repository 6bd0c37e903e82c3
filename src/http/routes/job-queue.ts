import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type JobQueue, visibleJobStates } from "../../infra/jobs.ts";
import { listJobQueue, retryJob } from "../../services/admin/job-queue.ts";
import { errorResponse } from "../schemas.ts";

const jobSchema = z.object({
  id: z.string(),
  queue: z.string(),
  state: z.enum(visibleJobStates),
  retryCount: z.number().int(),
  retryLimit: z.number().int(),
  createdOn: z.string(),
  startedOn: z.string().nullable(),
  startAfter: z.string(),
  /** A failed (or retrying) job's error message, without credentials or e-mail addresses. */
  error: z.string().nullable(),
});
const queueSchema = z.object({ queues: z.array(z.string()), jobs: z.array(jobSchema) });
export type JobQueueResponse = z.infer<typeof queueSchema>;
export type QueuedJobResponse = z.infer<typeof jobSchema>;

/**
 * The background job queue for installation admins. `jobs.current` is the running queue of this
 * instance (null until background jobs have started, and in tests without them).
 */
export const jobQueueRoutes =
  (jobs: { current: JobQueue | null }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/admin/jobs",
      {
        schema: {
          tags: ["drift"],
          summary: "Background jobs waiting, running and failed, by queue (installation admins)",
          response: { 200: queueSchema, 401: errorResponse, 403: errorResponse, 503: errorResponse },
        },
      },
      async (request) => listJobQueue({ ctx: request.ctx, queue: jobs.current }),
    );
    app.post(
      "/api/admin/jobs/:queue/:jobId/retry",
      {
        schema: {
          tags: ["drift"],
          summary: "Try a failed background job again (installation admins; audited)",
          params: z.object({ queue: z.string().regex(/^[a-z-]{1,50}$/), jobId: z.uuid() }),
          response: {
            200: z.object({ id: z.string(), queue: z.string(), state: z.literal("retry") }),
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
            503: errorResponse,
          },
        },
      },
      async (request) => retryJob({ ctx: request.ctx, queue: jobs.current, input: request.params }),
    );
  };
