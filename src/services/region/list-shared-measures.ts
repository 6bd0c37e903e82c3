import { and, asc, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import { frameAreas, municipalities, regionMunicipalities } from "../../db/schema/index.ts";
import { splitByYear } from "../../domain/cost-split.ts";
import { type Action, allowedActions, can, type Subject } from "../../domain/permissions.ts";
import { resolveTenant, type Tenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import {
  joinedParties,
  loadSharedMeasures,
  loadSharedMeasuresForYear,
  type SharedMeasure,
  sharedMeasureIdsOf,
  splitOf,
} from "./shared-measures.ts";

export type SharedMeasureView = {
  measureId: string;
  reference: string;
  title: string;
  status: string;
  owner: { number: string; name: string };
  /** This municipality's relation to it. */
  role: "owner" | "participant" | "invited";
  /** This municipality's participation (participants and invited), for joining, changing, leaving. */
  participation: { id: string; sharePercent: number; frameAreaId: string | null; version: number } | null;
  years: number[];
  /** Every party with its share: the owner first, then participants by municipality number. */
  parties: {
    number: string;
    name: string;
    role: "owner" | "participant" | "invited";
    percent: number;
    byYear: { year: number; amountNok: number }[];
  }[];
  totalByYear: { year: number; amountNok: number }[];
};

/** The split of one shared measure, as shown wherever it appears. */
export function presentSharedMeasure(m: SharedMeasure, municipalityId: string): SharedMeasureView {
  // Year-keyed loads carry THE split over the whole period; otherwise the years with cost lines.
  const years = m.years ?? [...new Set(m.lines.map((l) => l.year))].sort((a, b) => a - b);
  const split =
    m.split ??
    splitByYear({
      ownerMunicipalityId: m.owner.id,
      participants: joinedParties(m.participations),
      lines: m.lines,
      years,
    });
  const byYear = (id: string) =>
    splitOf({ years, split }, id).map(({ year, amountNok }) => ({ year, amountNok }));
  const own = m.participations.find((p) => p.municipalityId === municipalityId);
  return {
    measureId: m.measureId,
    reference: m.reference,
    title: m.title,
    status: m.status,
    owner: { number: m.owner.number, name: m.owner.name },
    role: m.owner.id === municipalityId ? "owner" : own?.status === "joined" ? "participant" : "invited",
    participation: own
      ? { id: own.id, sharePercent: own.sharePercent, frameAreaId: own.frameAreaId, version: own.version }
      : null,
    years,
    parties: [
      {
        number: m.owner.number,
        name: m.owner.name,
        role: "owner" as const,
        percent: m.ownerPercent,
        byYear: byYear(m.owner.id),
      },
      ...m.participations.map((p) => ({
        number: p.municipalityNumber,
        name: p.municipalityName,
        role: p.status === "joined" ? ("participant" as const) : ("invited" as const),
        percent: p.status === "joined" ? p.sharePercent : 0,
        byYear:
          p.status === "joined" ? byYear(p.municipalityId) : years.map((year) => ({ year, amountNok: 0 })),
      })),
    ],
    totalByYear: years.map((year) => ({
      year,
      amountNok: m.lines.filter((l) => l.year === year).reduce((a, l) => a + l.amountNok, 0),
    })),
  };
}

/**
 * Who may see a shared measure in a municipality: its internal users and the region's coordinators
 * always; everyone else once the owner's version is adopted in a published plan.
 */
const mayRead = (subject: Subject, m: SharedMeasure) =>
  can(subject, "read_drafts", "measure") ||
  can(subject, "read", "measure", { shared: true, published: m.adopted && m.published });

/**
 * The shared measures a municipality owns or takes part in, as visible to the asking person. With
 * a budget year, THE split for that year (the owner's adopted version of the cycle); without one,
 * the owner's newest version.
 */
export async function loadSharedMeasureViews(
  db: DbOrTx,
  tenant: Tenant,
  year?: number,
): Promise<SharedMeasureView[]> {
  const ids = await sharedMeasureIdsOf(db, tenant.id);
  const seesDrafts = can(tenant.subject, "read_drafts", "measure");
  const wanted = [...ids.owned, ...ids.joined, ...(seesDrafts ? ids.invited : [])];
  const shared =
    year === undefined
      ? await loadSharedMeasures(db, wanted)
      : await loadSharedMeasuresForYear(db, { measureIds: wanted, budgetYear: year });
  return shared
    .filter((m) => mayRead(tenant.subject, m))
    .filter((m) => m.owner.id === tenant.id || m.participations.some((p) => p.municipalityId === tenant.id))
    .map((m) => presentSharedMeasure(m, tenant.id))
    .sort(
      (a, b) =>
        a.owner.name.localeCompare(b.owner.name, "nb") || a.reference.localeCompare(b.reference, "nb"),
    );
}

/**
 * The «Felles tiltak» of a municipality: those it owns with participants or invitations, those it
 * has joined, and the invitations waiting for its planner's decision.
 */
export async function listSharedMeasures({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; year?: number };
}): Promise<{
  measures: SharedMeasureView[];
  regionMunicipalities: { number: string; name: string }[];
  frameAreas: { id: string; name: string }[];
  allowedActions: Action[];
}> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const mayAct = allowedActions(tenant.subject, "measure", { shared: true }).filter(
    (a) => a === "share" || a === "participate",
  );
  const own = alias(regionMunicipalities, "own_region");
  const [measures, neighbours, areas] = await Promise.all([
    loadSharedMeasureViews(ctx.db, tenant, input.year),
    mayAct.includes("share")
      ? ctx.db
          .selectDistinct({ number: municipalities.number, name: municipalities.name })
          .from(municipalities)
          .innerJoin(regionMunicipalities, eq(regionMunicipalities.municipalityId, municipalities.id))
          .innerJoin(
            own,
            and(eq(own.regionId, regionMunicipalities.regionId), eq(own.municipalityId, tenant.id)),
          )
          .where(and(eq(municipalities.active, true), ne(municipalities.id, tenant.id)))
          .orderBy(asc(municipalities.name))
      : [],
    mayAct.includes("participate")
      ? ctx.db
          .select({ id: frameAreas.id, name: frameAreas.name })
          .from(frameAreas)
          .where(eq(frameAreas.municipalityId, tenant.id))
          .orderBy(asc(frameAreas.name))
      : [],
  ]);
  return { measures, regionMunicipalities: neighbours, frameAreas: areas, allowedActions: mayAct };
}

/**
 * The split of one shared measure as its owner's measure page shows it: THE split for the budget
 * year of the version shown (that version's own lines when it is the owner's draft), every year of
 * the period. Null when nobody takes part (or, for those who may not see drafts, nobody has joined).
 */
export async function sharedSplitForMeasure(
  db: DbOrTx,
  tenant: Tenant,
  input: { measureId: string; budgetYear: number; actionPlanVersionId: string },
): Promise<SharedMeasureView | null> {
  const [m] = await loadSharedMeasuresForYear(db, {
    measureIds: [input.measureId],
    budgetYear: input.budgetYear,
    ownVersion: { municipalityId: tenant.id, actionPlanVersionId: input.actionPlanVersionId },
  });
  if (!m) return null;
  const participations = can(tenant.subject, "read_drafts", "measure")
    ? m.participations
    : m.participations.filter((p) => p.status === "joined");
  if (participations.length === 0) return null;
  return presentSharedMeasure({ ...m, participations }, tenant.id);
}
