import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode } from "../errors.ts";

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

export type ErrorBody = { error: { code: ErrorCode | "internal"; message: string; details?: unknown } };

/** Whether a parsed body, query or path holds a NUL character anywhere (PostgreSQL text cannot). */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 64 || value === null || typeof value !== "object" || Buffer.isBuffer(value)) return false;
  for (const key in value) {
    if (key.includes("\u0000") || hasNul((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

export function registerErrorHandling(app: FastifyInstance) {
  // A NUL character in any text would reach the database and fail there: refuse it up front.
  app.addHook("preValidation", async (request) => {
    if (hasNul(request.params) || hasNul(request.query) || hasNul(request.body))
      throw new AppError(
        "validation",
        "Teksten inneholder et ugyldig tegn (NUL, \\u0000). Fjern det og prøv igjen.",
      );
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: { code: "not_found", message: `Ukjent adresse: ${request.method} ${request.url}` },
    };
    return reply.status(404).send(body);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retryAfter) reply.header("retry-after", String(retryAfter));
      const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
      return reply.status(statusByCode[error.code]).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({ path: v.instancePath, message: v.message }));
      const body: ErrorBody = { error: { code: "validation", message: "Ugyldig forespørsel.", details } };
      return reply.status(400).send(body);
    }
    // Fastify's own client errors (malformed JSON, too large body, wrong content type …).
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const body: ErrorBody = { error: { code: "validation", message: error.message } };
      return reply.status(error.statusCode).send(body);
    }
    request.log.error({ err: error }, "unhandled error");
    const body: ErrorBody = {
      error: { code: "internal", message: "Noe gikk galt hos oss. Prøv igjen senere." },
    };
    return reply.status(500).send(body);
  });
}

export const errorBodySchemaDescription = "Feil: { error: { code, message, details? } }";
