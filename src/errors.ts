import {
  formatMessage,
  type MessageParam,
  type MessageParams,
  type PlainMessageKey,
  type ServerMessageKey,
} from "./i18n/server-messages/index.ts";

/**
 * The one error type of Planverk. Services throw it with a code and a message key; src/http/errors.ts
 * maps the code to an HTTP status in one place and renders the message in the request's language.
 * Anything else thrown is a bug: logged, and answered with a generic 500.
 */
export type ErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_many_requests"
  | "unavailable";

/**
 * One item of an error answer's `details` list: where (a JSON pointer into the body, or the query or
 * path parameter) and what. An item may carry more: a stable `code` (`stale` for a version that is no
 * longer current), the row as it is now (`current`), the seconds to wait (`retryAfterSeconds`), a
 * frame check's `overruns`. Without `message` the answer fills in the error's own message.
 */
export type ErrorDetail = {
  path: string;
  message?: string;
  code?: string;
  current?: unknown;
  [more: string]: unknown;
};

/** A key with placeholders needs its parameters; a key without takes none (pass {} before details). */
type ParamsAndDetails<K extends ServerMessageKey> = K extends PlainMessageKey
  ? [params?: Record<string, never>, details?: readonly ErrorDetail[]]
  : [params: MessageParams<K>, details?: readonly ErrorDetail[]];

export class AppError<K extends ServerMessageKey = ServerMessageKey> extends Error {
  readonly params: Readonly<Record<string, MessageParam>>;
  readonly details?: readonly ErrorDetail[];

  /** E.g. `new AppError("validation", "plan.endYearBeforeStart", {}, [{ path: "/endYear", message }])`. */
  constructor(
    readonly code: ErrorCode,
    readonly key: K,
    ...[params, details]: ParamsAndDetails<K>
  ) {
    // The message itself is bokmål, for logs, the command line and tests; the API renders `key` anew.
    super(formatMessage("nb", key, params ?? {}));
    this.name = "AppError";
    this.params = params ?? {};
    this.details = details;
  }

  /** The message in another language. */
  messageIn(language: Parameters<typeof formatMessage>[0]): string {
    return formatMessage(language, this.key, this.params);
  }
}

/** What a «… finnes ikke» answer can name: the keys `notFound.<subject>` without parameters. */
export type NotFoundSubject = PlainMessageKey extends infer K
  ? K extends `notFound.${infer Subject}`
    ? Subject
    : never
  : never;

export const notFound = (subject: NotFoundSubject) =>
  new AppError("not_found", `notFound.${subject}` as `notFound.${NotFoundSubject}`);

/**
 * The one detail of a 409 for a write that named a version which is no longer the row's (someone
 * saved in between): `{ path: "/version", code: "stale", message, current }`, `current` being the
 * row as it is now, so that a client can show what differs or start over from it.
 */
export const staleDetail = (current: unknown): ErrorDetail => ({ path: "/version", code: "stale", current });
