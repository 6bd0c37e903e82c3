import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  focusAreas,
  goals,
  measureVersionGoals,
  measureVersionObjectives,
  measureVersionPartners,
  memberships,
  objectives,
  partnerOrganisations,
} from "../../db/schema/index.ts";
import { foldForSearch } from "../../domain/measure-filter.ts";
import { canOwnMeasures, type MeasureLink, type PartnerRole } from "../../domain/measures.ts";
import { sanitizeRichText } from "../../domain/rich-text.ts";
import { AppError } from "../../errors.ts";
import type { Tenant } from "../access.ts";
import type { MeasureRow } from "./measure-rows.ts";

/** What the council adopts about a measure: its content in one action plan version. */
export type MeasureContent = {
  title: string;
  description: string;
  focusAreaId: string;
  goalIds: string[];
  objectiveIds: string[];
  responsibleUnit: string;
  contactPerson: string;
  ownerUserId: string | null;
  partners: { organisationId: string; role: PartnerRole }[];
  startYear: number;
  endYear: number;
  tags: string[];
  links: MeasureLink[];
};

export const contentFields = [
  "title",
  "description",
  "focusAreaId",
  "goalIds",
  "objectiveIds",
  "responsibleUnit",
  "contactPerson",
  "ownerUserId",
  "partners",
  "startYear",
  "endYear",
  "tags",
  "links",
] as const;

type Problem = { path: string; message: string };

/**
 * Checks that everything a measure points at belongs to this plan and municipality, and returns the
 * content cleaned: description sanitised, lists de-duplicated and sorted (so diffs are stable).
 */
export async function checkMeasureContent(
  tx: DbOrTx,
  tenant: Tenant,
  planId: string,
  input: MeasureContent,
  /** The owner stored before this write: kept as it is even if that person's role has changed since. */
  storedOwnerUserId: string | null = null,
): Promise<MeasureContent> {
  const problems: Problem[] = [];
  const goalIds = [...new Set(input.goalIds)].sort();
  const objectiveIds = [...new Set(input.objectiveIds)].sort();
  const organisationIds = [...new Set(input.partners.map((p) => p.organisationId))];
  if (organisationIds.length !== input.partners.length) {
    problems.push({ path: "/partners", message: "En partner er valgt to ganger." });
  }
  if (input.endYear < input.startYear)
    problems.push({ path: "/endYear", message: "Slutt kan ikke være før start." });

  const [focusArea] = await tx
    .select({ id: focusAreas.id })
    .from(focusAreas)
    .where(
      and(
        eq(focusAreas.id, input.focusAreaId),
        eq(focusAreas.planId, planId),
        eq(focusAreas.municipalityId, tenant.id),
      ),
    );
  if (!focusArea) problems.push({ path: "/focusAreaId", message: "Velg et satsingsområde i planen." });

  if (goalIds.length > 0) {
    const found = await tx
      .select({ id: goals.id })
      .from(goals)
      .where(and(inArray(goals.id, goalIds), eq(goals.planId, planId), eq(goals.municipalityId, tenant.id)));
    if (found.length !== goalIds.length) problems.push({ path: "/goalIds", message: "Velg mål fra planen." });
  }
  if (objectiveIds.length > 0) {
    const found = await tx
      .select({ id: objectives.id })
      .from(objectives)
      .innerJoin(focusAreas, eq(focusAreas.id, objectives.focusAreaId))
      .where(
        and(
          inArray(objectives.id, objectiveIds),
          eq(focusAreas.planId, planId),
          eq(objectives.municipalityId, tenant.id),
        ),
      );
    if (found.length !== objectiveIds.length)
      problems.push({ path: "/objectiveIds", message: "Velg delmål fra planen." });
  }
  if (organisationIds.length > 0) {
    const found = await tx
      .select({ id: partnerOrganisations.id })
      .from(partnerOrganisations)
      .where(
        and(
          inArray(partnerOrganisations.id, organisationIds),
          eq(partnerOrganisations.municipalityId, tenant.id),
        ),
      );
    if (found.length !== organisationIds.length)
      problems.push({ path: "/partners", message: "Velg partnere som er registrert i kommunen." });
  }
  if (input.ownerUserId && input.ownerUserId !== storedOwnerUserId) {
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, input.ownerUserId), eq(memberships.municipalityId, tenant.id)));
    if (!member || !canOwnMeasures(member.role))
      problems.push({
        path: "/ownerUserId",
        message: "Tiltakseieren må være tiltakseier eller planlegger i kommunen.",
      });
  }
  if (problems.length > 0)
    throw new AppError(
      "validation",
      "common.untranslated",
      { text: problems.map((p) => p.message).join(" ") },
      problems,
    );

  return {
    ...input,
    title: input.title.trim(),
    description: sanitizeRichText(input.description),
    responsibleUnit: input.responsibleUnit.trim(),
    contactPerson: input.contactPerson.trim(),
    goalIds,
    objectiveIds,
    partners: [...input.partners].sort((a, b) => a.organisationId.localeCompare(b.organisationId)),
    tags: uniqueTags(input.tags),
    links: input.links.map((l) => ({ title: l.title.trim() || l.url, url: l.url.trim() })),
  };
}

/** Tags without blanks and without duplicates that differ only in case (the first spelling wins). */
function uniqueTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags.map((t) => t.trim()).filter(Boolean))
    if (!seen.has(foldForSearch(tag))) seen.set(foldForSearch(tag), tag);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, "nb"));
}

/** Replaces a measure version's goals, objectives and partners. */
export async function writeMeasureRelations(
  tx: DbOrTx,
  municipalityId: string,
  versionId: string,
  content: MeasureContent,
) {
  await tx.delete(measureVersionGoals).where(eq(measureVersionGoals.measureVersionId, versionId));
  await tx.delete(measureVersionObjectives).where(eq(measureVersionObjectives.measureVersionId, versionId));
  await tx.delete(measureVersionPartners).where(eq(measureVersionPartners.measureVersionId, versionId));
  if (content.goalIds.length > 0) {
    await tx
      .insert(measureVersionGoals)
      .values(content.goalIds.map((goalId) => ({ municipalityId, measureVersionId: versionId, goalId })));
  }
  if (content.objectiveIds.length > 0) {
    await tx.insert(measureVersionObjectives).values(
      content.objectiveIds.map((objectiveId) => ({
        municipalityId,
        measureVersionId: versionId,
        objectiveId,
      })),
    );
  }
  if (content.partners.length > 0) {
    await tx.insert(measureVersionPartners).values(
      content.partners.map((p) => ({
        municipalityId,
        measureVersionId: versionId,
        organisationId: p.organisationId,
        role: p.role,
      })),
    );
  }
}

/** The content of a loaded measure, in the same shape as the input, for diffs. */
export function contentOf(row: MeasureRow): MeasureContent {
  return {
    title: row.title,
    description: row.description,
    focusAreaId: row.focusAreaId,
    goalIds: [...row.goalIds].sort(),
    objectiveIds: [...row.objectiveIds].sort(),
    responsibleUnit: row.responsibleUnit,
    contactPerson: row.contactPerson,
    ownerUserId: row.ownerUserId,
    partners: row.partners
      .map((p) => ({ organisationId: p.id, role: p.role }))
      .sort((a, b) => a.organisationId.localeCompare(b.organisationId)),
    startYear: row.startYear,
    endYear: row.endYear,
    tags: [...row.tags].sort((a, b) => a.localeCompare(b, "nb")),
    links: row.links,
  };
}
