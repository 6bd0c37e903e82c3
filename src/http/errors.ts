import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, type ErrorDetail } from "../errors.ts";
import { type Language, requestLanguage } from "../i18n/language.ts";
import { formatMessage, type ServerMessageKey } from "../i18n/server-messages/index.ts";
import { fieldName, validationProblems } from "./validation-messages.ts";

/** The one place an error code becomes an HTTP status. */
const statusByCode: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  unavailable: 503,
};

/**
 * An error answer. `message` is in the request's language; `messageKey` names it in the server's
 * catalogue (src/i18n/server-messages), for a client that wants to react to one refusal in particular.
 * `details` is always a list of `{ path, message, … }` (see `ErrorDetail`); a stale write's 409 has
 * one item `{ path: "/version", code: "stale", message, current }` with the row as it is now.
 */
export type ErrorBody = {
  error: {
    code: ErrorCode | "internal";
    message: string;
    messageKey?: ServerMessageKey;
    details?: (ErrorDetail & { message: string })[];
  };
};

/** The language an answer is written in: the language cookie, then Accept-Language, then bokmål. */
export function languageOfRequest(request: FastifyRequest, reply?: FastifyReply): Language {
  // A shared cache must not hand one person's language to another.
  if (reply) {
    const vary = reply.getHeader("vary");
    reply.header("vary", vary ? `${String(vary)}, Accept-Language, Cookie` : "Accept-Language, Cookie");
  }
  const acceptLanguage = request.headers["accept-language"];
  return requestLanguage({
    cookie: request.headers.cookie,
    acceptLanguage: Array.isArray(acceptLanguage) ? acceptLanguage.join(",") : acceptLanguage,
  });
}

/** Whether a parsed body, query or path holds a NUL character anywhere (PostgreSQL text cannot). */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 64 || value === null || typeof value !== "object" || Buffer.isBuffer(value)) return false;
  for (const key in value) {
    if (key.includes("\u0000") || hasNul((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/** Answers with an AppError's status and body without throwing it (for a route's own error handler). */
export function sendAppError(request: FastifyRequest, reply: FastifyReply, error: AppError, status?: number) {
  const message = error.messageIn(languageOfRequest(request, reply));
  const body: ErrorBody = {
    error: {
      code: error.code,
      message,
      messageKey: error.key,
      // An item without its own message (a stale version's) says what the error says.
      details: error.details?.map((d) => ({ ...d, message: d.message ?? message })),
    },
  };
  return reply.status(status ?? statusByCode[error.code]).send(body);
}

export function registerErrorHandling(app: FastifyInstance) {
  // A NUL character in any text would reach the database and fail there: refuse it up front.
  app.addHook("preValidation", async (request) => {
    if (hasNul(request.params) || hasNul(request.query) || hasNul(request.body))
      throw new AppError("validation", "common.nulCharacter");
  });
  app.setNotFoundHandler((request, reply) => {
    const params = { method: request.method, url: request.url };
    const body: ErrorBody = {
      error: {
        code: "not_found",
        message: formatMessage(languageOfRequest(request, reply), "common.unknownAddress", params),
        messageKey: "common.unknownAddress",
      },
    };
    return reply.status(404).send(body);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const retryAfter = error.details?.find(
        (d) => typeof d.retryAfterSeconds === "number",
      )?.retryAfterSeconds;
      if (retryAfter) reply.header("retry-after", String(retryAfter));
      return sendAppError(request, reply, error);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // The message names the first problem and its field; `details` lists them all.
      const language = languageOfRequest(request, reply);
      const details = validationProblems(error, request, language);
      const first = details[0] ?? { path: "/", message: formatMessage(language, "validation.invalid") };
      const field = fieldName(first.path, error.validationContext);
      const messageKey = details.length > 1 ? "common.invalidFieldMore" : "common.invalidField";
      const message = formatMessage(language, messageKey, {
        field,
        problem: first.message,
        more: details.length - 1,
      });
      const body: ErrorBody = { error: { code: "validation", message, messageKey, details } };
      return reply.status(400).send(body);
    }
    // Fastify's own client errors (malformed JSON, too large body, wrong content type …), in the
    // same shape and language as every other refusal.
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const refusal = fastifyRefusal(error, request);
      const language = languageOfRequest(request, reply);
      const body: ErrorBody = {
        error: {
          code: error.statusCode === 429 ? "too_many_requests" : "validation",
          message: formatMessage(language, refusal.key, refusal.params),
          messageKey: refusal.key,
          details: [{ path: refusal.path, message: formatMessage(language, refusal.key, refusal.params) }],
        },
      };
      return reply.status(error.statusCode).send(body);
    }
    request.log.error({ err: error }, "unhandled error");
    const message = formatMessage(languageOfRequest(request, reply), "common.internal");
    const body: ErrorBody = { error: { code: "internal", message, messageKey: "common.internal" } };
    return reply.status(500).send(body);
  });
}

/** A Fastify client error as one of our messages. */
function fastifyRefusal(
  error: FastifyError,
  request: FastifyRequest,
): { key: ServerMessageKey; params: Record<string, string>; path: string } {
  switch (error.code) {
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { key: "request.emptyJson", params: {}, path: "/" };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { key: "common.invalidJson", params: {}, path: "/" };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { key: "request.tooLarge", params: {}, path: "/" };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return {
        key: "request.unsupportedMediaType",
        params: { contentType: String(request.headers["content-type"] ?? "").slice(0, 100) },
        path: "/",
      };
  }
  // JSON that does not parse arrives as a SyntaxError with status 400.
  if (error instanceof SyntaxError || error.name === "SyntaxError")
    return { key: "common.invalidJson", params: {}, path: "/" };
  return { key: "request.invalid", params: { code: error.code ?? String(error.statusCode) }, path: "/" };
}

export const errorBodySchemaDescription = "Feil: { error: { code, message, messageKey?, details? } }";
