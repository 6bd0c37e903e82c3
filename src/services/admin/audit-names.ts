import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  cycles,
  focusAreas,
  frameAreas,
  fundingSources,
  goals,
  indicators,
  measures,
  objectives,
  partnerOrganisations,
  plans,
  proposals,
  users,
} from "../../db/schema/index.ts";
import type { FieldChanges } from "../../domain/audit.ts";

type Event = { id: number; objectType: string; objectId: string; changes: FieldChanges };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids (UUIDs) among the before and after values of the changes, also inside lists. */
export function idsIn(changes: FieldChanges): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === "string" && uuid.test(value)) found.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
  };
  for (const change of Object.values(changes)) {
    visit(change.before);
    visit(change.after);
  }
  return [...found];
}

/**
 * What the ids in the changes stand for, so the trail shows «Kari Nordmann», not a UUID: people,
 * partner organisations, plans and their goals, focus areas and objectives, frame areas, funding
 * sources and indicators of the municipality.
 */
export async function namesOfIds(db: DbOrTx, municipalityId: string, events: Event[]) {
  const ids = [...new Set(events.flatMap((e) => idsIn(e.changes)))];
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const lookups = await Promise.all([
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)),
    db
      .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
      .from(partnerOrganisations)
      .where(
        and(eq(partnerOrganisations.municipalityId, municipalityId), inArray(partnerOrganisations.id, ids)),
      ),
    db
      .select({ id: plans.id, name: plans.title })
      .from(plans)
      .where(and(eq(plans.municipalityId, municipalityId), inArray(plans.id, ids))),
    db
      .select({ id: goals.id, name: goals.title })
      .from(goals)
      .where(and(eq(goals.municipalityId, municipalityId), inArray(goals.id, ids))),
    db
      .select({ id: focusAreas.id, name: focusAreas.title })
      .from(focusAreas)
      .where(and(eq(focusAreas.municipalityId, municipalityId), inArray(focusAreas.id, ids))),
    db
      .select({ id: objectives.id, name: objectives.title })
      .from(objectives)
      .where(and(eq(objectives.municipalityId, municipalityId), inArray(objectives.id, ids))),
    db
      .select({ id: frameAreas.id, name: frameAreas.name })
      .from(frameAreas)
      .where(and(eq(frameAreas.municipalityId, municipalityId), inArray(frameAreas.id, ids))),
    db
      .select({ id: fundingSources.id, name: fundingSources.name })
      .from(fundingSources)
      .where(and(eq(fundingSources.municipalityId, municipalityId), inArray(fundingSources.id, ids))),
    db
      .select({ id: indicators.id, name: indicators.name })
      .from(indicators)
      .where(and(eq(indicators.municipalityId, municipalityId), inArray(indicators.id, ids))),
  ]);
  for (const rows of lookups) for (const row of rows) names.set(row.id, row.name);
  return names;
}

/** The app page of each event's object, where it has one (by event id). */
export async function auditLinks(db: DbOrTx, municipalityId: string, events: Event[]) {
  const links = new Map<number, string>();
  const idsOf = (...types: string[]) => [
    ...new Set(
      events.filter((e) => types.includes(e.objectType) && uuid.test(e.objectId)).map((e) => e.objectId),
    ),
  ];
  const [measureRows, proposalRows, goalRows, focusAreaRows, cycleRows] = await Promise.all([
    lookup(idsOf("measure"), (ids) =>
      db
        .select({ id: measures.id, key: measures.reference })
        .from(measures)
        .where(and(eq(measures.municipalityId, municipalityId), inArray(measures.id, ids))),
    ),
    lookup(idsOf("proposal"), async (ids) =>
      (
        await db
          .select({ id: proposals.id, number: proposals.number })
          .from(proposals)
          .where(and(eq(proposals.municipalityId, municipalityId), inArray(proposals.id, ids)))
      ).map((r) => ({ id: r.id, key: String(r.number) })),
    ),
    lookup(idsOf("goal"), (ids) =>
      db
        .select({ id: goals.id, key: goals.planId })
        .from(goals)
        .where(and(eq(goals.municipalityId, municipalityId), inArray(goals.id, ids))),
    ),
    lookup(idsOf("focus_area"), (ids) =>
      db
        .select({ id: focusAreas.id, key: focusAreas.planId })
        .from(focusAreas)
        .where(and(eq(focusAreas.municipalityId, municipalityId), inArray(focusAreas.id, ids))),
    ),
    lookup(idsOf("cycle"), (ids) =>
      db
        .select({ id: cycles.id, key: cycles.planId })
        .from(cycles)
        .where(and(eq(cycles.municipalityId, municipalityId), inArray(cycles.id, ids))),
    ),
  ]);
  for (const e of events) {
    const id = e.objectId;
    const link =
      e.objectType === "measure" && measureRows.has(id)
        ? `/tiltak/${encodeURIComponent(measureRows.get(id) ?? "")}`
        : e.objectType === "plan"
          ? `/?plan=${id}`
          : e.objectType === "proposal" && proposalRows.has(id)
            ? `/innspill/${proposalRows.get(id)}`
            : e.objectType === "indicator"
              ? `/indikatorer/${id}`
              : e.objectType === "organisation"
                ? `/partnere/${id}`
                : e.objectType === "evaluation_round"
                  ? `/evalueringer/${id}`
                  : e.objectType === "goal" && goalRows.has(id)
                    ? `/plan/struktur?plan=${goalRows.get(id)}`
                    : e.objectType === "focus_area" && focusAreaRows.has(id)
                      ? `/plan/struktur?plan=${focusAreaRows.get(id)}`
                      : e.objectType === "cycle" && cycleRows.has(id)
                        ? `/arshjul?plan=${cycleRows.get(id)}`
                        : null;
    if (link && uuid.test(id)) links.set(e.id, link);
  }
  return links;
}

async function lookup(
  ids: string[],
  query: (ids: string[]) => Promise<{ id: string; key: string }[]>,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await query(ids)).map((r) => [r.id, r.key]));
}
