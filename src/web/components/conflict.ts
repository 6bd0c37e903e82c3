import { ApiError } from "../api.ts";

/**
 * The current state the server sends with a 409 (someone saved in between), or null for any other
 * answer, so that a form can show what differs or start over from it.
 */
export function conflictCurrent<T>(error: unknown): T | null {
  return error instanceof ApiError && error.status === 409
    ? ((error.body?.error.details as { current?: T } | undefined)?.current ?? null)
    : null;
}
