import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ReactElement } from "react";
import { AppError } from "../../errors.ts";
import { publicAccessibilityStatements } from "../../services/public/accessibility-statements.ts";
import { comparePublicActionPlans } from "../../services/public/compare-public-action-plans.ts";
import { getPublicActionPlan } from "../../services/public/get-public-action-plan.ts";
import { getPublicMeasure } from "../../services/public/get-public-measure.ts";
import type { PublicMunicipality } from "../../services/public/internal.ts";
import { listPublicCatalogue } from "../../services/public/list-public-catalogue.ts";
import { listPublicPlans } from "../../services/public/list-public-plans.ts";
import { getPublicEvaluation, listPublishedEvaluations } from "../../services/public/public-evaluations.ts";
import { getPublicIndicator, listPublicIndicators } from "../../services/public/public-indicators.ts";
import { getPublicRegion } from "../../services/public/public-region.ts";
import { searchPublic } from "../../services/public/search-public.ts";
import { listRegions } from "../../services/region/list-regions.ts";
import { isLanguage, type Language, languageCookie } from "../../web/i18n/messages.ts";
import { cacheableBody, MicroCache, sendCacheable } from "../cacheable.ts";
import { ActionPlanPage } from "../render/public-site/action-plan-page.tsx";
import { robotsTxt, sitemapXml } from "../render/public-site/catalogue.ts";
import { ComparePage } from "../render/public-site/compare-page.tsx";
import { EvaluationLinks } from "../render/public-site/evaluation-links.tsx";
import { EvaluationPage } from "../render/public-site/evaluation-page.tsx";
import { FocusAreaPage } from "../render/public-site/focus-area-page.tsx";
import { IndicatorPage } from "../render/public-site/indicator-page.tsx";
import { type PageEnv, renderDocument } from "../render/public-site/layout.tsx";
import { MeasurePage } from "../render/public-site/measure-page.tsx";
import { MunicipalityPage } from "../render/public-site/municipality-page.tsx";
import { NotFoundPage } from "../render/public-site/not-found-page.tsx";
import { OpenDataDocsPage } from "../render/public-site/open-data-docs-page.tsx";
import { RegionPage } from "../render/public-site/region-page.tsx";
import { SearchPage } from "../render/public-site/search-page.tsx";
import { actionPlanPath, openDataDocsPath } from "../render/public-site/urls.ts";
import { languageOf } from "../web.ts";

const stylesheetSource = ["public.css", "public-results.css"]
  .map((name) => readFileSync(new URL(`../render/public-site/${name}`, import.meta.url), "utf8"))
  .join("\n");
const stylesheetHash = createHash("sha256").update(stylesheetSource).digest("hex").slice(0, 12);
const stylesheetGzip = gzipSync(stylesheetSource, { level: 9 });
/** The public stylesheet, under a name that changes with its content, so it can be cached for a year. */
export const publicStylesheetPath = `/kommune-assets/public.${stylesheetHash}.css`;

const html = "text/html; charset=utf-8";
const yearPattern = /^\d{4}$/;
const revisionPattern = /^\d{1,3}$/;

type Params = {
  nr: string;
  planId?: string;
  year?: string;
  revision?: string;
  focusAreaId?: string;
  reference?: string;
};

/**
 * The citizen-facing site: plain server-rendered HTML under /kommune/<nr>/…, no script, from the
 * same public read services as the open data API (src/services/public/).
 */
export function publicSiteRoutes(options: { publicUrl: string; cacheSeconds?: number }) {
  const cache = new MicroCache((options.cacheSeconds ?? 10) * 1000);

  return async (app: FastifyInstance) => {
    app.get(publicStylesheetPath, { schema: { hide: true } }, (request, reply) => {
      reply
        .type("text/css; charset=utf-8")
        .header("cache-control", "public, max-age=31536000, immutable")
        .header("vary", "Accept-Encoding");
      return /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))
        ? reply.header("content-encoding", "gzip").send(stylesheetGzip)
        : reply.send(stylesheetSource);
    });

    /** The language: chosen with ?lang= (and remembered in the cookie the whole app uses), else the cookie. */
    function pageLanguage(
      request: FastifyRequest,
      reply: FastifyReply,
    ): { language: Language; chosen: boolean } {
      const asked = (request.query as { lang?: string }).lang;
      if (isLanguage(asked)) {
        reply.header("set-cookie", `${languageCookie}=${asked}; Path=/; Max-Age=31536000; SameSite=Lax`);
        return { language: asked, chosen: true };
      }
      return { language: languageOf(request), chosen: false };
    }

    function envOf(request: FastifyRequest, language: Language): PageEnv {
      const path = request.url.split("?")[0] ?? "/";
      const q = (request.query as { q?: string }).q;
      return {
        language,
        path,
        url: `${options.publicUrl}${path}${q ? `?q=${encodeURIComponent(q)}` : ""}`,
        stylesheet: publicStylesheetPath,
      };
    }

    async function page(
      request: FastifyRequest<{ Params: Params }>,
      reply: FastifyReply,
      render: (env: PageEnv) => Promise<ReactElement>,
    ) {
      const { language, chosen } = pageLanguage(request, reply);
      const env = envOf(request, language);
      try {
        const key = `${language} ${request.url.replace(/([?&])lang=[a-z]{2}&?/, "$1").replace(/[?&]$/, "")}`;
        const content = await cache.get(key, async () => {
          // The footer links to the municipality's accessibility statement when it has set one.
          const accessibilityStatements = request.params.nr
            ? await publicAccessibilityStatements({
                ctx: request.ctx,
                input: { municipalityNumbers: [request.params.nr] },
              })
            : [];
          return cacheableBody(renderDocument(await render({ ...env, accessibilityStatements })), html);
        });
        if (chosen) {
          // The answer sets a cookie: not for shared caches.
          return reply.header("cache-control", "private, no-cache").type(html).send(content.body);
        }
        return sendCacheable(request, reply, content, { vary: "Cookie" });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "not_found") throw error;
        let municipality: PublicMunicipality | null = null;
        try {
          municipality = (
            await listPublicPlans({ ctx: request.ctx, input: { municipalityNumber: request.params.nr } })
          ).municipality;
        } catch {
          // An unknown municipality: the page says so without naming one.
        }
        return reply
          .code(404)
          .type(html)
          .header("cache-control", "no-cache")
          .send(renderDocument(<NotFoundPage env={env} municipality={municipality} />));
      }
    }

    const notFound = () => new AppError("not_found", "notFound.page");
    /** The regions with a public page (at least one member uses Planverk), or those of one member. */
    const publicRegions = async (request: FastifyRequest, memberNumber: string | null) =>
      (await listRegions({ ctx: request.ctx }))
        .filter((r) => r.municipalities.some((m) => m.active))
        .filter((r) => memberNumber === null || r.municipalities.some((m) => m.number === memberNumber))
        .map((r) => ({ slug: r.slug, name: r.name }));
    const versionOf = (p: Params) => {
      if (!yearPattern.test(p.year ?? "") || (p.revision !== undefined && !revisionPattern.test(p.revision)))
        throw notFound();
      return {
        municipalityNumber: p.nr,
        planId: p.planId ?? "",
        budgetYear: Number(p.year),
        revision: p.revision === undefined ? undefined : Number(p.revision),
      };
    };

    app.get<{ Params: Params }>(openDataDocsPath, { schema: { hide: true } }, (request, reply) =>
      page(request, reply, async (env) => <OpenDataDocsPage env={env} />),
    );

    app.get("/robots.txt", { schema: { hide: true } }, (request, reply) =>
      sendCacheable(request, reply, cacheableBody(robotsTxt(options.publicUrl), "text/plain; charset=utf-8")),
    );

    app.get("/sitemap.xml", { schema: { hide: true } }, async (request, reply) => {
      const content = await cache.get("sitemap.xml", async () =>
        cacheableBody(
          sitemapXml(
            {
              ...(await listPublicCatalogue({ ctx: request.ctx })),
              regions: await publicRegions(request, null),
            },
            options.publicUrl,
          ),
          "application/xml; charset=utf-8",
        ),
      );
      return sendCacheable(request, reply, content);
    });

    app.get<{ Params: Params }>("/kommune/:nr", { schema: { hide: true } }, (request, reply) =>
      page(request, reply, async (env) => {
        const data = await listPublicPlans({
          ctx: request.ctx,
          input: { municipalityNumber: request.params.nr },
        });
        const regions = await publicRegions(request, data.municipality.number);
        return <MunicipalityPage env={env} data={data} regions={regions} />;
      }),
    );

    // The plan without a year: its newest adopted action plan.
    app.get<{ Params: Params }>(
      "/kommune/:nr/plan/:planId",
      { schema: { hide: true } },
      async (request, reply) => {
        const { plans } = await listPublicPlans({
          ctx: request.ctx,
          input: { municipalityNumber: request.params.nr },
        });
        const newest = plans.find((p) => p.id === request.params.planId)?.versions[0];
        if (!newest) return page(request, reply, async () => Promise.reject(notFound()));
        return reply.header("cache-control", "public, max-age=60").redirect(
          actionPlanPath(request.params.nr, {
            planId: request.params.planId ?? "",
            budgetYear: newest.budgetYear,
          }),
        );
      },
    );

    app.get<{ Params: Params & { from?: string; to?: string } }>(
      "/kommune/:nr/plan/:planId/sammenlign/:from/:to",
      { schema: { hide: true } },
      (request, reply) =>
        page(request, reply, async (env) => {
          const { nr, planId, from, to } = request.params;
          if (!yearPattern.test(from ?? "") || !yearPattern.test(to ?? "")) throw notFound();
          const data = await comparePublicActionPlans({
            ctx: request.ctx,
            input: { municipalityNumber: nr, planId: planId ?? "", from: Number(from), to: Number(to) },
          });
          return <ComparePage env={env} data={data} />;
        }),
    );

    for (const suffix of ["", "/revisjon/:revision"]) {
      app.get<{ Params: Params }>(
        `/kommune/:nr/plan/:planId/:year${suffix}`,
        { schema: { hide: true } },
        (request, reply) =>
          page(request, reply, async (env) => {
            const [data, indicators] = await Promise.all([
              getPublicActionPlan({ ctx: request.ctx, input: versionOf(request.params) }),
              listPublicIndicators({ ctx: request.ctx, input: { municipalityNumber: request.params.nr } }),
            ]);
            const evaluations = await listPublishedEvaluations({
              ctx: request.ctx,
              input: { municipalityNumber: request.params.nr, planId: data.plan.id },
            });
            return (
              <ActionPlanPage
                env={env}
                data={data}
                pinned={suffix !== ""}
                indicators={indicators}
                evaluations={<EvaluationLinks env={env} nr={data.municipality.number} rounds={evaluations} />}
              />
            );
          }),
      );
      app.get<{ Params: Params }>(
        `/kommune/:nr/plan/:planId/:year${suffix}/satsingsomrade/:focusAreaId`,
        { schema: { hide: true } },
        (request, reply) =>
          page(request, reply, async (env) => {
            const [data, indicators] = await Promise.all([
              getPublicActionPlan({ ctx: request.ctx, input: versionOf(request.params) }),
              listPublicIndicators({ ctx: request.ctx, input: { municipalityNumber: request.params.nr } }),
            ]);
            const focusArea = data.focusAreas.find((f) => f.id === request.params.focusAreaId);
            if (!focusArea) throw notFound();
            return (
              <FocusAreaPage
                env={env}
                data={data}
                focusArea={focusArea}
                pinned={suffix !== ""}
                indicators={indicators}
              />
            );
          }),
      );
    }

    app.get<{ Params: Params }>(
      "/kommune/:nr/tiltak/:reference",
      { schema: { hide: true } },
      (request, reply) =>
        page(request, reply, async (env) => {
          const input = { municipalityNumber: request.params.nr, reference: request.params.reference ?? "" };
          const data = await getPublicMeasure({ ctx: request.ctx, input });
          const evaluations = await listPublishedEvaluations({
            ctx: request.ctx,
            input: { ...input, planId: data.plan.id },
          });
          return (
            <MeasurePage
              env={env}
              data={data}
              evaluations={<EvaluationLinks env={env} nr={data.municipality.number} rounds={evaluations} />}
            />
          );
        }),
    );

    app.get<{ Params: Params & { roundId?: string } }>(
      "/kommune/:nr/evaluering/:roundId",
      { schema: { hide: true } },
      (request, reply) =>
        page(request, reply, async (env) => {
          const data = await getPublicEvaluation({
            ctx: request.ctx,
            input: { municipalityNumber: request.params.nr, roundId: request.params.roundId ?? "" },
          });
          return <EvaluationPage env={env} data={data} />;
        }),
    );

    app.get<{ Params: Params & { indicatorId?: string } }>(
      "/kommune/:nr/indikator/:indicatorId",
      { schema: { hide: true } },
      (request, reply) =>
        page(request, reply, async (env) => {
          const data = await getPublicIndicator({
            ctx: request.ctx,
            input: { municipalityNumber: request.params.nr, indicatorId: request.params.indicatorId ?? "" },
          });
          return <IndicatorPage env={env} data={data} />;
        }),
    );

    app.get<{ Params: Params & { slug?: string }; Querystring: { aar?: string } }>(
      "/region/:slug",
      { schema: { hide: true } },
      (request, reply) =>
        page(request, reply, async (env) => {
          const asked = request.query.aar;
          if (asked !== undefined && !yearPattern.test(asked)) throw notFound();
          const data = await getPublicRegion({
            ctx: request.ctx,
            input: { slug: request.params.slug ?? "", year: asked === undefined ? undefined : Number(asked) },
          });
          const accessibilityStatements = await publicAccessibilityStatements({
            ctx: request.ctx,
            input: { municipalityNumbers: data.municipalities.filter((m) => m.active).map((m) => m.number) },
          });
          return <RegionPage env={{ ...env, accessibilityStatements }} data={data} />;
        }),
    );

    app.get<{ Params: Params; Querystring: { q?: string } }>(
      "/kommune/:nr/sok",
      { schema: { hide: true } },
      (request, reply) =>
        page(request, reply, async (env) => {
          const q = typeof request.query.q === "string" ? request.query.q.slice(0, 200) : "";
          const data = await searchPublic({
            ctx: request.ctx,
            input: { municipalityNumber: request.params.nr, q },
          });
          return <SearchPage env={env} data={data} />;
        }),
    );
  };
}
