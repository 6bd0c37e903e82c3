import { z } from "zod";
import { nokOut } from "../schemas.ts";

const byYear = z.array(z.object({ year: z.number().int(), amountNok: nokOut }));

/** A shared measure («felles tiltak») with its split, wherever it is shown. */
export const sharedMeasureSchema = z.object({
  measureId: z.string(),
  reference: z.string(),
  title: z.string(),
  status: z.string(),
  owner: z.object({ number: z.string(), name: z.string() }),
  role: z.enum(["owner", "participant", "invited"]),
  participation: z
    .object({
      id: z.string(),
      sharePercent: z.number().int(),
      frameAreaId: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  years: z.array(z.number().int()),
  parties: z.array(
    z.object({
      number: z.string(),
      name: z.string(),
      role: z.enum(["owner", "participant", "invited"]),
      percent: z.number().int(),
      byYear,
    }),
  ),
  totalByYear: byYear,
});
export type SharedMeasureResponse = z.infer<typeof sharedMeasureSchema>;
