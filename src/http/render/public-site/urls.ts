/**
 * Addresses of the public pages and open data. They are permanent: a plan is named by its id (which
 * never changes, whatever happens to its title), an action plan by its budget year (and revision),
 * a measure by its reference (T-014, never reused). See docs/ARCHITECTURE.md, "Public pages".
 */
export type VersionPath = { planId: string; budgetYear: number; revision?: number };

export const municipalityPath = (nr: string) => `/kommune/${nr}`;

export const actionPlanPath = (nr: string, v: VersionPath) =>
  `/kommune/${nr}/plan/${v.planId}/${v.budgetYear}${v.revision === undefined ? "" : `/revisjon/${v.revision}`}`;

export const focusAreaPath = (nr: string, v: VersionPath, focusAreaId: string) =>
  `${actionPlanPath(nr, v)}/satsingsomrade/${focusAreaId}`;

export const measurePath = (nr: string, reference: string) =>
  `/kommune/${nr}/tiltak/${encodeURIComponent(reference)}`;

export const searchPath = (nr: string, q?: string) =>
  `/kommune/${nr}/sok${q ? `?q=${encodeURIComponent(q)}` : ""}`;

export const openDataBase = "/api/open/v1";

export const openPlansPath = (nr: string) => `${openDataBase}/kommune/${nr}/planer`;

export const openActionPlanPath = (nr: string, v: VersionPath) =>
  `${openDataBase}/kommune/${nr}/plan/${v.planId}/${v.budgetYear}${v.revision === undefined ? "" : `/revisjon/${v.revision}`}`;

export const openMeasuresCsvPath = (nr: string, v: VersionPath) => `${openActionPlanPath(nr, v)}/tiltak.csv`;

export const openMeasurePath = (nr: string, reference: string) =>
  `${openDataBase}/kommune/${nr}/tiltak/${encodeURIComponent(reference)}`;

export const catalogueJsonLdPath = `${openDataBase}/katalog.jsonld`;

/** The open data API described in Norwegian, linked from every public page's footer. */
export const openDataDocsPath = "/apne-data";

export const indicatorPath = (nr: string, indicatorId: string) => `/kommune/${nr}/indikator/${indicatorId}`;

export const evaluationPath = (nr: string, roundId: string) => `/kommune/${nr}/evaluering/${roundId}`;

/** A region's public page; `year` chooses the budget year of the members' action plans. */
export const regionPath = (slug: string, year?: number) =>
  `/region/${encodeURIComponent(slug)}${year === undefined ? "" : `?aar=${year}`}`;

/** Two adopted action plans of a plan compared: what was added, taken out, changed, and the money. */
export const comparePath = (nr: string, planId: string, from: number, to: number) =>
  `/kommune/${nr}/plan/${planId}/sammenlign/${from}/${to}`;
