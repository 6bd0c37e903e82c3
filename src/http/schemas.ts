import { z } from "zod";
import { cyclePhases } from "../domain/cycle.ts";
import { MAX_AMOUNT_NOK, nokAmountMessages } from "../domain/money.ts";
import { cycleRoleOrder } from "../domain/year-model.ts";

/** One item of an error's `details` (src/errors.ts `ErrorDetail`). */
export const errorDetail = z
  .object({
    path: z
      .string()
      .describe("JSON pointer into the body, or the query or path parameter; `/` for the whole request"),
    message: z.string().describe("What is wrong there, in the request's language"),
    code: z
      .string()
      .optional()
      .describe(
        "A stable code where a client may react to the item: `stale` on a 409 for an out-of-date `version`",
      ),
    current: z
      .unknown()
      .optional()
      .describe(
        'With `code: "stale"`: the row as it is now (its `version` included), to show what differs or start over',
      ),
  })
  .catchall(z.unknown())
  .meta({
    examples: [
      { path: "/title", message: "Tittel må fylles ut" },
      {
        path: "/version",
        code: "stale",
        message: "Noen andre har endret tiltaket etter at du åpnet det.",
        current: { title: "Landstrøm", version: 3 },
      },
    ],
  });

/** The shape of every error answer (see src/http/errors.ts). */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageKey: z.string().optional(),
    details: z.array(errorDetail).optional(),
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

/** A budget year named in the address (`?year=2027`). */
export const yearQuery = z.coerce.number().int().min(2000).max(2100).optional();

export const cycleRoleSchema = z.enum(
  cycleRoleOrder as ["execution", "adopted_upcoming", "preparation", "past"],
);

/** Which action plan a view shows, and the others the asker may read (ADR 0009). */
export const yearChoiceSchema = z
  .object({
    shown: z
      .object({
        budgetYear: z.number().int(),
        startYear: z.number().int(),
        endYear: z.number().int(),
        revision: z.number().int(),
        status: z.enum(["draft", "adopted"]),
        adoptedOn: z.string().nullable(),
        decisionBody: z.string().nullable(),
        caseReference: z.string().nullable(),
        phase: z.enum(cyclePhases),
        role: cycleRoleSchema,
        chosenBy: z.enum(["address", "default"]),
      })
      .nullable(),
    alive: z.array(
      z.object({
        budgetYear: z.number().int(),
        role: cycleRoleSchema,
        status: z.enum(["draft", "adopted"]),
        adoptedOn: z.string().nullable(),
        phase: z.enum(cyclePhases),
      }),
    ),
  })
  .describe("Which action plan is shown (by the address or by default) and the others the asker may read");
