import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { measureStatuses, partnerRoles } from "../../domain/measures.ts";
import { openDataLicence } from "../../domain/public-site.ts";
import { listPublicCatalogue } from "../../services/public/list-public-catalogue.ts";
import {
  actionPlanMeasuresCsv,
  openActionPlan,
  openMeasure,
  openPlans,
} from "../../services/public/open-data.ts";
import { cacheableBody, MicroCache, sendCacheable } from "../cacheable.ts";
import { catalogueJsonLd } from "../render/public-site/catalogue.ts";
import { catalogueJsonLdPath, measurePath } from "../render/public-site/urls.ts";
import { errorResponse, municipalityNumber, nokOut } from "../schemas.ts";

const licence = z.object({ name: z.literal(openDataLicence.name), url: z.literal(openDataLicence.url) });
const municipality = z.object({ number: z.string(), name: z.string() });
const versionRef = z.object({
  budgetYear: z.number().int(),
  revision: z.number().int(),
  adoptedOn: z.string().nullable().describe("ISO date of the council's decision"),
});
const rollUp = z.object({
  progress: z.number().int().nullable(),
  counted: z.number().int(),
  stopped: z.number().int(),
  withoutProgress: z.number().int(),
});
const costByYear = z.object({
  year: z.number().int(),
  municipalNok: nokOut.describe("Whole kroner"),
  externalNok: nokOut.describe("Whole kroner"),
});
const externalByStatus = z
  .object({ applied: nokOut, granted: nokOut, expected: nokOut })
  .describe(
    "External money (not adopted by the municipality) by state: søkt, innvilget, forventet; whole kroner",
  );
const measureSummary = z.object({
  reference: z.string(),
  title: z.string(),
  isExample: z.boolean().describe("Demo data, not a real measure"),
  focusAreaId: z.string(),
  goalIds: z.array(z.string()),
  responsibleUnit: z.string(),
  partners: z.array(z.object({ name: z.string(), role: z.enum(partnerRoles) })),
  startYear: z.number().int(),
  endYear: z.number().int(),
  status: z.enum(measureStatuses).describe("Current status"),
  progress: z.number().int().nullable().describe("Current progress, percent"),
  costByYear: z.array(costByYear),
  totalMunicipalNok: nokOut.describe("The municipality's adopted money, whole kroner"),
  totalExternalNok: nokOut.describe("External money, not part of the adopted budget"),
  externalByStatus,
});
const attribution = { licence, attribution: z.string() };

export const openPlansSchema = z.object({
  ...attribution,
  municipality,
  plans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      startYear: z.number().int(),
      endYear: z.number().int(),
      vision: z.string(),
      versions: z.array(versionRef),
    }),
  ),
});

export const openActionPlanSchema = z.object({
  ...attribution,
  municipality,
  plan: z.object({
    id: z.string(),
    title: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    vision: z.string(),
  }),
  budgetYear: z.number().int(),
  revision: z.number().int(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  adoptedOn: z.string().nullable(),
  decisionBody: z.string().nullable(),
  caseReference: z.string().nullable(),
  reason: z.string().nullable(),
  newest: versionRef,
  isNewest: z.boolean(),
  versions: z.array(versionRef),
  goals: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      rollUp,
      focusAreaIds: z.array(z.string()),
    }),
  ),
  focusAreas: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      goalIds: z.array(z.string()),
      rollUp,
      measures: z.array(measureSummary),
    }),
  ),
  totals: z.array(costByYear),
  externalByStatus,
});

export const openMeasureSchema = measureSummary.extend({
  ...attribution,
  municipality,
  plan: z.object({ id: z.string(), title: z.string() }),
  actionPlan: versionRef,
  appearsIn: z.array(versionRef),
  description: z.string().describe("Sanitised rich text (HTML: p, br, strong, em, ul, ol, li, h3, h4, a)"),
  focusAreaTitle: z.string(),
  goals: z.array(z.object({ id: z.string(), title: z.string() })),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  milestones: z.array(z.object({ dueDate: z.string(), title: z.string(), done: z.boolean() })),
  change: z
    .object({
      kind: z.enum(["completed", "stopped", "removed"]),
      year: z.number().int().nullable(),
      reason: z.string(),
      via: z
        .enum(["manual", "prioritisation"])
        .nullable()
        .describe("How a removed measure was taken out: by a planner (with a reason) or by a prioritisation"),
    })
    .nullable()
    .describe(
      "Completed, stopped or left out of a later adopted action plan (removed): from which year, and why",
    ),
  statusHistory: z
    .array(
      z.object({
        period: z.string(),
        approvedOn: z.string(),
        status: z.string(),
        progress: z.number().int().nullable(),
        summary: z.string(),
      }),
    )
    .describe("Approved status reports, newest first"),
});

const notModified = z.null().describe("Not modified: the If-None-Match tag is current");
const versionParams = z.object({
  municipalityNumber,
  planId: z.string().describe("The plan's permanent id"),
  budgetYear: z.coerce.number().int().min(2000).max(2200),
});
const revisionParams = versionParams.extend({ revision: z.coerce.number().int().min(0).max(999) });
const json = "application/json; charset=utf-8";
const licenceLink = `<${openDataLicence.url}>; rel="license"`;

const description = `Open data, licence ${openDataLicence.name} (${openDataLicence.url}); credit the municipality as the source. Only published plans and adopted action plans. Answers carry ETag and Cache-Control; a matching If-None-Match gets 304.`;

/**
 * Open data under /api/open/v1: published plans, adopted action plans, measures and their status,
 * as JSON and CSV, from the same public read services as the public pages.
 */
export function openDataRoutes(options: { publicUrl: string; cacheSeconds?: number }): FastifyPluginAsyncZod {
  const cache = new MicroCache((options.cacheSeconds ?? 10) * 1000);
  return async (app) => {
    const base = "/api/open/v1/kommune/:municipalityNumber";

    app.get(
      catalogueJsonLdPath,
      {
        schema: {
          tags: ["åpne data"],
          summary: "The installation's DCAT-AP-NO catalogue (JSON-LD): every published plan as a dataset",
          description,
          produces: ["application/ld+json"],
          response: { 304: notModified },
        },
      },
      async (request, reply) => {
        const content = await cache.get(request.url, async () => {
          const data = await listPublicCatalogue({ ctx: request.ctx });
          return cacheableBody(
            JSON.stringify(catalogueJsonLd(data, options.publicUrl)),
            "application/ld+json; charset=utf-8",
          );
        });
        return sendCacheable(request, reply, content, { link: licenceLink });
      },
    );

    app.get(
      `${base}/planer`,
      {
        schema: {
          tags: ["åpne data"],
          summary: "The municipality's published plans and their adopted action plans",
          description,
          params: z.object({ municipalityNumber }),
          response: { 200: openPlansSchema, 304: notModified, 404: errorResponse },
        },
      },
      async (request, reply) => {
        const content = await cache.get(request.url, async () =>
          cacheableBody(JSON.stringify(await openPlans({ ctx: request.ctx, input: request.params })), json),
        );
        return sendCacheable(request, reply, content, { link: licenceLink });
      },
    );

    for (const [suffix, params] of [
      ["", versionParams],
      ["/revisjon/:revision", revisionParams],
    ] as const) {
      app.get(
        `${base}/plan/:planId/:budgetYear${suffix}`,
        {
          schema: {
            tags: ["åpne data"],
            summary:
              suffix === ""
                ? "An adopted action plan (the newest revision of the budget year): goals, focus areas, measures, status and budget"
                : "One revision of an adopted action plan",
            description,
            params,
            response: { 200: openActionPlanSchema, 304: notModified, 404: errorResponse },
          },
        },
        async (request, reply) => {
          const content = await cache.get(request.url, async () =>
            cacheableBody(
              JSON.stringify(await openActionPlan({ ctx: request.ctx, input: request.params })),
              json,
            ),
          );
          return sendCacheable(request, reply, content, { link: licenceLink });
        },
      );
      app.get(
        `${base}/plan/:planId/:budgetYear${suffix}/tiltak.csv`,
        {
          schema: {
            tags: ["åpne data"],
            summary: "The measures of an adopted action plan as CSV (semicolon-separated, UTF-8 with BOM)",
            description,
            params,
            produces: ["text/csv"],
            response: { 304: notModified, 404: errorResponse },
          },
        },
        async (request, reply) => {
          const content = await cache.get(request.url, async () => {
            const plan = await openActionPlan({ ctx: request.ctx, input: request.params });
            const csv = actionPlanMeasuresCsv(
              plan,
              (reference) => `${options.publicUrl}${measurePath(plan.municipality.number, reference)}`,
            );
            return cacheableBody(`\uFEFF${csv}\r\n`, "text/csv; charset=utf-8");
          });
          const { municipalityNumber: nr, budgetYear } = request.params;
          return sendCacheable(request, reply, content, {
            link: licenceLink,
            "content-disposition": `attachment; filename="tiltak-${nr}-${budgetYear}.csv"`,
          });
        },
      );
    }

    app.get(
      `${base}/tiltak/:reference`,
      {
        schema: {
          tags: ["åpne data"],
          summary: "A published measure: content, current status, progress, budget and status history",
          description,
          params: z.object({ municipalityNumber, reference: z.string().min(1).max(40) }),
          response: { 200: openMeasureSchema, 304: notModified, 404: errorResponse },
        },
      },
      async (request, reply) => {
        const content = await cache.get(request.url, async () =>
          cacheableBody(JSON.stringify(await openMeasure({ ctx: request.ctx, input: request.params })), json),
        );
        return sendCacheable(request, reply, content, { link: licenceLink });
      },
    );
  };
}
