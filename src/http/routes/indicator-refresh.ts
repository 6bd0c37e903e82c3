import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { indicatorRefreshSchedules } from "../../domain/indicators.ts";
import { setIndicatorRefreshSchedule } from "../../services/indicators/set-refresh-schedule.ts";
import { municipalityNumber, refusals } from "../schemas.ts";

/** How often an indicator imported from an address is fetched again. */
export const indicatorRefreshRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    "/api/municipalities/:municipalityNumber/indicators/:indicatorId/refresh-schedule",
    {
      schema: {
        tags: ["indikatorer"],
        summary:
          "Set how often the indicator's address is fetched again: never, daily, weekly, monthly (planners)",
        params: z.object({ municipalityNumber, indicatorId: z.uuid() }),
        body: z.object({ schedule: z.enum(indicatorRefreshSchedules), version: z.number().int().min(1) }),
        response: {
          200: z.object({ refreshSchedule: z.enum(indicatorRefreshSchedules), version: z.number().int() }),
          ...refusals,
        },
      },
    },
    async (request) =>
      setIndicatorRefreshSchedule({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );
};
