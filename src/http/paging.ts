import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type Page, pageLimits } from "../services/paging.ts";

/** The query of every paged list: `cursor` from the previous page's answer, and `limit`. */
export const pageQuery = z.object({
  cursor: z
    .string()
    .max(600)
    .optional()
    .describe(
      'Opaque: the `nextCursor` of the previous page (also in its `Link: <…>; rel="next"` and `Next-Cursor` headers). Leave out for the first page.',
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(pageLimits.max)
    .optional()
    .describe(`Items per page: default ${pageLimits.default}, at most ${pageLimits.max}.`),
});

/** A paged list's field in an answer that is an object. */
export const nextCursorField = z
  .string()
  .nullable()
  .describe("The cursor of the next page (send it as `cursor`), null on the last page");

export const pagedSummary = (summary: string) =>
  `${summary}. Paged: \`limit\` (default ${pageLimits.default}, max ${pageLimits.max}) and \`cursor\`; the next page's cursor is in the \`Next-Cursor\` header and a \`Link: <…>; rel="next"\` header (and \`nextCursor\` where the answer is an object).`;

/**
 * States how to get the next page: `Next-Cursor` and `Link: <address>; rel="next"` (the same
 * address with the new cursor), so a list answered as a plain array can still be walked.
 */
export function linkNextPage(request: FastifyRequest, reply: FastifyReply, nextCursor: string | null) {
  if (!nextCursor) return;
  const url = new URL(request.url, "http://planverk.invalid");
  url.searchParams.set("cursor", nextCursor);
  reply.header("next-cursor", nextCursor);
  reply.header("link", `<${url.pathname}${url.search}>; rel="next"`);
}

/** The items of a page for an answer that is an array, with the next page in the headers. */
export function sendPageItems<T>(request: FastifyRequest, reply: FastifyReply, page: Page<T>): T[] {
  linkNextPage(request, reply, page.nextCursor);
  return page.items;
}
