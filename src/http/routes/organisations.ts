import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** Partner organisations (to be implemented). */
export const organisationRoutes: FastifyPluginAsyncZod = async (_app) => {};
