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

/** A key with placeholders needs its parameters; a key without takes none (pass {} before details). */
type ParamsAndDetails<K extends ServerMessageKey> = K extends PlainMessageKey
  ? [params?: Record<string, never>, details?: unknown]
  : [params: MessageParams<K>, details?: unknown];

export class AppError<K extends ServerMessageKey = ServerMessageKey> extends Error {
  readonly params: Readonly<Record<string, MessageParam>>;
  readonly details?: unknown;

  /** E.g. `new AppError("conflict", "cycle.alreadyRolled", { year }, { current })`. */
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
