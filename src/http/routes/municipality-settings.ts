import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getPublicSettings } from "../../services/municipalities/get-public-settings.ts";
import { setPublicSettings } from "../../services/municipalities/set-public-settings.ts";
import { errorResponse, municipalityNumber } from "../schemas.ts";

const settingsSchema = z.object({
  number: z.string(),
  name: z.string(),
  accessibilityStatementUrl: z
    .string()
    .describe("The address of the accessibility statement (tilgjengelighetserklæring); empty when not set"),
  organisationNumber: z
    .string()
    .nullable()
    .describe("Organisation number in Enhetsregisteret (9 digits): the publisher in the open data catalogue"),
});
export type MunicipalityPublicSettingsResponse = z.infer<typeof settingsSchema>;
const refusals = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** What the public site and the open data catalogue say about the municipality itself (its admins). */
export const municipalitySettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/municipalities/:municipalityNumber/public-settings",
    {
      schema: {
        tags: ["kommunen"],
        summary: "The accessibility statement address and organisation number (municipality admins)",
        params: z.object({ municipalityNumber }),
        response: { 200: settingsSchema, ...refusals },
      },
    },
    async (request) => getPublicSettings({ ctx: request.ctx, input: request.params }),
  );

  app.put(
    "/api/municipalities/:municipalityNumber/public-settings",
    {
      schema: {
        tags: ["kommunen"],
        summary: "Set the accessibility statement address and organisation number (municipality admins)",
        params: z.object({ municipalityNumber }),
        body: z.object({
          accessibilityStatementUrl: z.string().max(500),
          organisationNumber: z.string().max(20),
        }),
        response: { 200: settingsSchema, ...refusals },
      },
    },
    async (request) => setPublicSettings({ ctx: request.ctx, input: { ...request.params, ...request.body } }),
  );
};
