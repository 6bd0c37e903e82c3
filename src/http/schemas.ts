import { z } from "zod";
import { MAX_AMOUNT_NOK, nokAmountMessages } from "../domain/money.ts";

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

/**
 * An amount someone writes: whole kroner from 0 to MAX_AMOUNT_NOK (src/domain/money.ts, the one place
 * the bound is stated). The bound is checked before wholeness, so a large whole number is refused for
 * its size, never as «not whole».
 */
export const nok = z
  .number(nokAmountMessages.fraction)
  .min(0, nokAmountMessages.negative)
  .max(MAX_AMOUNT_NOK, nokAmountMessages.tooLarge)
  .refine(Number.isInteger, nokAmountMessages.fraction)
  .describe("Whole kroner, 0 to 100 000 000 000");

/**
 * An amount or a sum in an answer: whole kroner. Any integer, not only a safe one, so that an amount
 * stored before the bound existed can always be read (src/domain/money.ts: with the bound, a sum stays
 * a safe integer).
 */
export const nokOut = z
  .number()
  .refine(Number.isInteger, nokAmountMessages.fraction)
  .meta({ type: "integer", description: "Whole kroner" });
