import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../db/client.ts";

export const healthRoutes =
  (db: Database, readiness: { ready: boolean } = { ready: true }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/healthz",
      {
        schema: {
          tags: ["drift"],
          summary: "The process is up",
          response: { 200: z.object({ status: z.literal("ok") }) },
        },
      },
      async () => ({ status: "ok" as const }),
    );

    app.get(
      "/readyz",
      {
        schema: {
          tags: ["drift"],
          summary: "Migrations are done and the database is reachable (503 «starting» while migrating)",
          response: {
            200: z.object({ status: z.literal("ready") }),
            503: z.object({ status: z.enum(["unavailable", "starting"]) }),
          },
        },
      },
      async (request, reply) => {
        if (!readiness.ready) return reply.status(503).send({ status: "starting" as const });
        try {
          await db.execute(sql`select 1`);
          return { status: "ready" as const };
        } catch (error) {
          request.log.warn({ err: error }, "database not reachable");
          return reply.status(503).send({ status: "unavailable" as const });
        }
      },
    );
  };
