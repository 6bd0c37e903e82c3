import type { FastifyReply, FastifyRequest } from "fastify";
import { entityTag, matchesEntityTag } from "../domain/public-site.ts";

/**
 * Public pages and open data are the same for everyone (per language), so they are sent with a
 * strong ETag and Cache-Control that lets browsers and a CDN keep them for a minute, and answered
 * with 304 when If-None-Match matches.
 */
export const publicCacheControl = "public, max-age=60, stale-while-revalidate=300";

export type CacheableBody = { body: string; type: string; tag: string };

export const cacheableBody = (body: string, type: string): CacheableBody => ({
  body,
  type,
  tag: entityTag(body),
});

export function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  content: CacheableBody,
  headers: Record<string, string> = {},
) {
  reply.header("etag", content.tag).header("cache-control", publicCacheControl);
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  if (matchesEntityTag(request.headers["if-none-match"], content.tag)) return reply.code(304).send();
  return reply.type(content.type).send(content.body);
}

/**
 * A few seconds of memory for rendered public answers. Under a spike (a news story linking to the
 * plan) every request within the window is served from the same rendered bytes instead of
 * querying and rendering again; data is at most this many seconds old, well inside the minute
 * that Cache-Control already allows. Only successful answers are kept; the size is bounded.
 */
export class MicroCache {
  private readonly entries = new Map<string, { expires: number; value: Promise<CacheableBody> }>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, produce: () => Promise<CacheableBody>): Promise<CacheableBody> {
    if (this.ttlMs <= 0) return produce();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    // Concurrent requests for the same key share one rendering.
    const value = produce();
    this.entries.set(key, { expires: now + this.ttlMs, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
