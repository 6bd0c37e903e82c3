import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../db/client.ts";

export const healthRoutes =
  (db: Database): FastifyPluginAsyncZod =>
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
          summary: "The database is reachable",
          response: {
            200: z.object({ status: z.literal("ready") }),
            503: z.object({ status: z.literal("unavailable") }),
          },
        },
      },
      async (request, reply) => {
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
