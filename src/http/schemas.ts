import { z } from "zod";

/** The shape of every error answer (see src/http/errors.ts). */
export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
