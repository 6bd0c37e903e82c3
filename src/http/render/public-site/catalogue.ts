import { buildDcatCatalogue, type CatalogueMunicipality } from "../../../domain/dcat-catalogue.ts";
import {
  actionPlanPath,
  catalogueJsonLdPath,
  municipalityPath,
  openActionPlanPath,
  openDataDocsPath,
  openMeasuresCsvPath,
  openPlansPath,
  regionPath,
} from "./urls.ts";

/** The DCAT-AP-NO catalogue of the installation, with the public site's and open data's addresses. */
export function catalogueJsonLd(
  data: { municipalities: CatalogueMunicipality[]; modified: string },
  publicUrl: string,
) {
  return buildDcatCatalogue(
    { installationName: "Planverk", ...data },
    {
      base: publicUrl,
      catalogue: catalogueJsonLdPath,
      apiDocumentation: openDataDocsPath,
      municipalityPage: municipalityPath,
      planPage: (nr, planId) => `${municipalityPath(nr)}/plan/${planId}`,
      actionPlanJson: (nr, planId, budgetYear) => openActionPlanPath(nr, { planId, budgetYear }),
      actionPlanCsv: (nr, planId, budgetYear) => openMeasuresCsvPath(nr, { planId, budgetYear }),
      plansJson: openPlansPath,
    },
  );
}

/** The sitemap of the public pages (sitemaps.org 0.9): municipalities, plans and their action plans, regions. */
export function sitemapXml(
  data: { municipalities: CatalogueMunicipality[]; regions?: { slug: string }[] },
  publicUrl: string,
): string {
  const escapeXml = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const entries: { loc: string; lastmod?: string }[] = [{ loc: `${publicUrl}${openDataDocsPath}` }];
  for (const m of data.municipalities) {
    const newest = m.plans
      .map((p) => p.modified)
      .sort()
      .at(-1);
    entries.push({ loc: `${publicUrl}${municipalityPath(m.number)}`, lastmod: newest });
    for (const p of m.plans)
      for (const v of p.versions)
        entries.push({
          loc: `${publicUrl}${actionPlanPath(m.number, { planId: p.id, budgetYear: v.budgetYear, revision: v.revision === 0 ? undefined : v.revision })}`,
          lastmod: v === p.versions[0] ? p.modified : undefined,
        });
  }
  for (const r of data.regions ?? []) entries.push({ loc: `${publicUrl}${regionPath(r.slug)}` });
  const urls = entries
    .map(
      (e) =>
        `<url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.slice(0, 10)}</lastmod>` : ""}</url>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/**
 * robots.txt: the public pages and open data are for everyone; the signed-in app (everything else) is
 * not for crawlers. */
export function robotsTxt(publicUrl: string): string {
  return [
    "User-agent: *",
    "Allow: /kommune/",
    "Allow: /kommune-assets/",
    "Allow: /region/",
    "Allow: /api/open/",
    `Allow: ${openDataDocsPath}`,
    "Allow: /sitemap.xml",
    "Allow: /favicon.svg",
    "Disallow: /",
    "",
    `Sitemap: ${publicUrl}/sitemap.xml`,
    "",
  ].join("\n");
}
