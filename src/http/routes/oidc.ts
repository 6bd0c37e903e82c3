import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Config } from "../../config.ts";

/** Sign-in with OpenID Connect (to be implemented). */
export const oidcRoutes =
  (_config: Config): FastifyPluginAsyncZod =>
  async (_app) => {};
