import { ApiError } from "../api.ts";

/**
 * The current state the server sends with a 409 for a stale `version` (someone saved in between):
 * the `current` of the `details` item with `code: "stale"`. Null for any other answer, so that a
 * form can show what differs or start over from it.
 */
export function conflictCurrent<T>(error: unknown): T | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.body?.error.details;
  if (!Array.isArray(details)) return null;
  const stale = (details as { code?: unknown; current?: T }[]).find((d) => d?.code === "stale");
  return stale?.current ?? null;
}
