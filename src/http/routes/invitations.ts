import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Config } from "../../config.ts";

/** Invitations by e-mail to a role in a municipality (to be implemented). */
export const invitationRoutes =
  (_config: Config): FastifyPluginAsyncZod =>
  async (_app) => {};
