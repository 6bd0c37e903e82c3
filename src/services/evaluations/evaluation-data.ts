import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  evaluationPanelists,
  evaluationRoundMeasures,
  evaluationRounds,
  focusAreas,
  measures,
  measureVersions,
  memberships,
  partnerOrganisations,
  users,
} from "../../db/schema/index.ts";
import { type Sector, sectorOf } from "../../domain/evaluation.ts";
import type { PermissionObject } from "../../domain/permissions.ts";
import { notFound } from "../../errors.ts";
import type { Tenant } from "../access.ts";

/** Loading shared by the evaluation services: a round with its measures and panel. */

export type RoundMeasure = {
  measureId: string;
  reference: string;
  title: string;
  description: string;
  focusAreaTitle: string;
  responsibleUnit: string;
  ownerUserId: string | null;
  ownerName: string | null;
  startYear: number;
  endYear: number;
  status: string;
  progress: number | null;
};

export type Panelist = {
  userId: string;
  name: string;
  email: string;
  sector: Sector;
  organisation: string | null;
};

/** The measures of a cycle's newest action plan version (or only those with the given ids). */
export async function cycleMeasures(
  db: DbOrTx,
  municipalityId: string,
  cycleId: string,
  measureIds?: string[],
): Promise<RoundMeasure[]> {
  if (measureIds && measureIds.length === 0) return [];
  const [actionPlan] = await db
    .select({ id: actionPlanVersions.id })
    .from(actionPlanVersions)
    .where(
      and(eq(actionPlanVersions.cycleId, cycleId), eq(actionPlanVersions.municipalityId, municipalityId)),
    )
    .orderBy(desc(actionPlanVersions.revision))
    .limit(1);
  if (!actionPlan) return [];
  return db
    .select({
      measureId: measures.id,
      reference: measures.reference,
      title: measureVersions.title,
      description: measureVersions.description,
      focusAreaTitle: focusAreas.title,
      responsibleUnit: measureVersions.responsibleUnit,
      ownerUserId: measureVersions.ownerUserId,
      ownerName: users.name,
      startYear: measureVersions.startYear,
      endYear: measureVersions.endYear,
      status: measures.status,
      progress: measures.progress,
    })
    .from(measureVersions)
    .innerJoin(measures, eq(measures.id, measureVersions.measureId))
    .innerJoin(focusAreas, eq(focusAreas.id, measureVersions.focusAreaId))
    .leftJoin(users, eq(users.id, measureVersions.ownerUserId))
    .where(
      and(
        eq(measureVersions.actionPlanVersionId, actionPlan.id),
        measureIds ? inArray(measures.id, measureIds) : undefined,
      ),
    )
    .orderBy(asc(measures.reference));
}

/** The municipality's members with their sector, for choosing a panel (or only the given users). */
export async function membersWithSector(
  db: DbOrTx,
  municipalityId: string,
  userIds?: string[],
): Promise<(Panelist & { role: string })[]> {
  if (userIds && userIds.length === 0) return [];
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      organisation: partnerOrganisations.name,
      kind: partnerOrganisations.kind,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.municipalityId, municipalityId),
        eq(users.active, true),
        userIds ? inArray(users.id, userIds) : undefined,
      ),
    )
    .orderBy(asc(users.name));
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    email: r.email,
    role: r.role,
    organisation: r.organisation,
    sector: sectorOf(r.role, r.kind),
  }));
}

/** A round of the municipality with its measures and panel; 404 when there is none. */
export async function loadRound(db: DbOrTx, tenant: Tenant, roundId: string) {
  const [row] = await db
    .select({ round: evaluationRounds, budgetYear: cycles.budgetYear, planId: cycles.planId })
    .from(evaluationRounds)
    .innerJoin(cycles, eq(cycles.id, evaluationRounds.cycleId))
    .where(and(eq(evaluationRounds.id, roundId), eq(evaluationRounds.municipalityId, tenant.id)));
  if (!row) throw notFound("evaluationRound");
  const [measureLinks, panelLinks] = await Promise.all([
    db
      .select({ measureId: evaluationRoundMeasures.measureId })
      .from(evaluationRoundMeasures)
      .where(eq(evaluationRoundMeasures.roundId, roundId)),
    db
      .select({ userId: evaluationPanelists.userId })
      .from(evaluationPanelists)
      .where(eq(evaluationPanelists.roundId, roundId)),
  ]);
  const [roundMeasures, panel] = await Promise.all([
    cycleMeasures(
      db,
      tenant.id,
      row.round.cycleId,
      measureLinks.map((m) => m.measureId),
    ),
    membersWithSector(
      db,
      tenant.id,
      panelLinks.map((p) => p.userId),
    ),
  ]);
  // A panelist who has since left the municipality still counts in the round.
  const known = new Set(panel.map((p) => p.userId));
  const gone = panelLinks.filter((p) => !known.has(p.userId)).map((p) => p.userId);
  if (gone.length) {
    const rows = await db
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(users)
      .where(inArray(users.id, gone));
    for (const r of rows) panel.push({ ...r, role: "", organisation: null, sector: "other" });
  }
  return { ...row, measures: roundMeasures, panel };
}
export type LoadedRound = Awaited<ReturnType<typeof loadRound>>;

/** What the permission table looks at for a round. */
export function roundObject(round: LoadedRound): PermissionObject {
  return {
    published: round.round.publishedAt !== null,
    panelistUserIds: round.panel.map((p) => p.userId),
    measureOwnerUserIds: round.measures.map((m) => m.ownerUserId),
  };
}

export { todayInNorway } from "../context.ts";
