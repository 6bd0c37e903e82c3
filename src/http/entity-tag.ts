import { createHash } from "node:crypto";

/**
 * A strong entity tag for a response body: the same bytes always give the same tag, so a client or
 * CDN that sends it back in If-None-Match gets 304 until the content changes.
 */
export function entityTag(body: string | Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Whether an If-None-Match header matches the tag (a list, weak tags and * included). */
export function matchesEntityTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .includes(tag);
}
