/**
 * The one error type of Planverk. Services throw it with a code; src/http/errors.ts maps the code to an
 * HTTP status in one place. Anything else thrown is a bug: logged, and answered with a generic 500.
 */
export type ErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_many_requests"
  | "unavailable";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} finnes ikke.`);
