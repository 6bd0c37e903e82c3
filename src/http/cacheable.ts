import { gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { entityTag, matchesEntityTag } from "./entity-tag.ts";

/**
 * Public pages and open data are the same for everyone (per language), so they are sent with a
 * strong ETag and Cache-Control that lets browsers and a CDN keep them for a minute, and answered
 * with 304 when If-None-Match matches.
 */
export const publicCacheControl = "public, max-age=60, stale-while-revalidate=300";

/** Kept as bytes: encoding a large string with æ, ø and å to UTF-8 on every answer costs more than the answer. */
export type CacheableBody = { body: Buffer; type: string; tag: string; gzipped?: Buffer };

export function cacheableBody(text: string, type: string): CacheableBody {
  const body = Buffer.from(text, "utf8");
  return { body, type, tag: entityTag(body) };
}

/** The gzip form, made once per rendered answer (a kept answer is compressed once, not per request). */
function gzipped(content: CacheableBody): Buffer {
  content.gzipped ??= gzipSync(content.body, { level: 6 });
  return content.gzipped;
}

const acceptsGzip = (request: FastifyRequest) =>
  /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));

export function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  content: CacheableBody,
  headers: Record<string, string> = {},
) {
  // Small answers are not worth compressing; the gzip form has a tag of its own (it is other bytes).
  const gzip = content.body.length > 1024 && acceptsGzip(request);
  const tag = gzip ? `${content.tag.slice(0, -1)}-gz"` : content.tag;
  const vary = ["Accept-Encoding", headers.vary].filter(Boolean).join(", ");
  reply.header("etag", tag).header("cache-control", publicCacheControl);
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  reply.header("vary", vary);
  if (matchesEntityTag(request.headers["if-none-match"], tag)) return reply.code(304).send();
  if (gzip) return reply.type(content.type).header("content-encoding", "gzip").send(gzipped(content));
  return reply.type(content.type).send(content.body);
}

/**
 * A few seconds of memory for rendered public answers. Under a spike (a news story linking to the
 * plan) requests are served from the same rendered bytes instead of each querying and rendering
 * again. When an answer is older than the time given, the next request still gets it at once while
 * one fresh rendering runs in the background (stale-while-revalidate), so nobody waits for it; an
 * answer twice that old is not served any more. Data is thus at most twice the time old, inside the
 * minute Cache-Control already allows. Failures are not kept; the size is bounded.
 */
export class MicroCache {
  private readonly entries = new Map<
    string,
    { fresh: number; expires: number; value: Promise<CacheableBody>; refreshing: boolean }
  >();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, produce: () => Promise<CacheableBody>): Promise<CacheableBody> {
    if (this.ttlMs <= 0) return produce();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.fresh > now) return hit.value;
    if (hit && hit.expires > now) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        const next = produce();
        next.then(
          () => this.store(key, next),
          () => {
            hit.refreshing = false;
          },
        );
      }
      return hit.value;
    }
    // Concurrent requests for the same key share one rendering.
    const value = produce();
    this.store(key, value);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  private store(key: string, value: Promise<CacheableBody>) {
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) this.entries.clear();
    const now = Date.now();
    this.entries.set(key, {
      fresh: now + this.ttlMs,
      expires: now + 2 * this.ttlMs,
      value,
      refreshing: false,
    });
  }
}
