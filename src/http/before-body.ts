import type { FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import type { z } from "zod";

/**
 * An `onRequest` hook for routes that take large bodies (uploads): checks who is asking, and their
 * right, before a byte of the body is read or parsed, so an anonymous or unauthorised upload costs
 * nothing. Params that do not fit the route's schema are left to the route's own validation.
 */
export function authorizeBeforeBody<P extends z.ZodType>(
  params: P,
  check: (request: FastifyRequest, params: z.infer<P>) => Promise<unknown>,
): onRequestAsyncHookHandler {
  return async (request) => {
    const parsed = params.safeParse(request.params);
    if (parsed.success) await check(request, parsed.data);
  };
}
