import { z } from "zod";

/** The shape of every error answer (see src/http/errors.ts). */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageKey: z.string().optional(),
    details: z.unknown().optional(),
  }),
});

/** The answers a write can be refused with, for the OpenAPI document. */
export const refusals = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

/** Statistics Norway's four-digit municipality number, e.g. 3301 for Drammen. */
export const municipalityNumber = z.string().regex(/^\d{4}$/, "Kommunenummer har fire sifre");

/** Whole kroner. */
export const nok = z
  .number()
  .int("Hele kroner")
  .min(0, "Beløpet kan ikke være negativt")
  .max(Number.MAX_SAFE_INTEGER);
