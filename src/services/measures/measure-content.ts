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

export type Problem = { path: string; message: string };

/**
 * Checks that everything a measure points at belongs to this plan and municipality, and returns the
 * content cleaned: description sanitised, lists de-duplicated and sorted (so diffs are stable).
 */
export async function checkMeasureContent(
  tx: DbOrTx,
  tenant: Tenant,
  planId: string,
  input: MeasureContent,
  storedOwnerUserId?: string | null,
): Promise<MeasureContent> {
  const { contents, problems } = await checkMeasureContents(tx, tenant, planId, [input], [storedOwnerUserId]);
  const found = problems[0] ?? [];
  if (found.length > 0) throw contentRefusal(found);
  return contents[0] as MeasureContent;
}

/** The refusal of content with these problems (the text lists them all). */
export function contentRefusal(problems: Problem[]): AppError {
  return new AppError(
    "validation",
    "common.untranslated",
    { text: problems.map((p) => p.message).join(" ") },
    problems,
  );
}

/**
 * `checkMeasureContent` for many measures at once (the Excel import): the same rules, with one query
 * per kind of reference for all of them. Returns each content cleaned and each one's problems.
 */
export async function checkMeasureContents(
  tx: DbOrTx,
  tenant: Tenant,
  planId: string,
  inputs: MeasureContent[],
  /** Each measure's owner as stored: kept even when that person's role has changed since. */
  storedOwnerUserIds: (string | null | undefined)[] = [],
): Promise<{ contents: MeasureContent[]; problems: Problem[][] }> {
  const all = <T>(pick: (input: MeasureContent) => T[]) => [...new Set(inputs.flatMap(pick))];
  const focusAreaIds = all((i) => [i.focusAreaId]);
  const goalIds = all((i) => i.goalIds);
  const objectiveIds = all((i) => i.objectiveIds);
  const organisationIds = all((i) => i.partners.map((p) => p.organisationId));
  const ownerIds = all((i) => (i.ownerUserId ? [i.ownerUserId] : []));
  const ids = async (query: Promise<{ id: string }[]>) => new Set((await query).map((r) => r.id));
  const none = Promise.resolve([] as { id: string }[]);
  const [areasFound, goalsFound, objectivesFound, organisationsFound, ownersFound] = [
    await ids(
      focusAreaIds.length
        ? tx
            .select({ id: focusAreas.id })
            .from(focusAreas)
            .where(
              and(
                inArray(focusAreas.id, focusAreaIds),
                eq(focusAreas.planId, planId),
                eq(focusAreas.municipalityId, tenant.id),
              ),
            )
        : none,
    ),
    await ids(
      goalIds.length
        ? tx
            .select({ id: goals.id })
            .from(goals)
            .where(
              and(inArray(goals.id, goalIds), eq(goals.planId, planId), eq(goals.municipalityId, tenant.id)),
            )
        : none,
    ),
    await ids(
      objectiveIds.length
        ? tx
            .select({ id: objectives.id })
            .from(objectives)
            .innerJoin(focusAreas, eq(focusAreas.id, objectives.focusAreaId))
            .where(
              and(
                inArray(objectives.id, objectiveIds),
                eq(focusAreas.planId, planId),
                eq(objectives.municipalityId, tenant.id),
              ),
            )
        : none,
    ),
    await ids(
      organisationIds.length
        ? tx
            .select({ id: partnerOrganisations.id })
            .from(partnerOrganisations)
            .where(
              and(
                inArray(partnerOrganisations.id, organisationIds),
                eq(partnerOrganisations.municipalityId, tenant.id),
              ),
            )
        : none,
    ),
    await ids(
      ownerIds.length
        ? tx
            .select({ id: memberships.userId, role: memberships.role })
            .from(memberships)
            .where(and(inArray(memberships.userId, ownerIds), eq(memberships.municipalityId, tenant.id)))
            .then((rows) => rows.filter((r) => canOwnMeasures(r.role)))
        : none,
    ),
  ];

  const problems = inputs.map((input, i) => {
    const found: Problem[] = [];
    const partnerIds = new Set(input.partners.map((p) => p.organisationId));
    if (partnerIds.size !== input.partners.length)
      found.push({ path: "/partners", message: "En partner er valgt to ganger." });
    if (input.endYear < input.startYear)
      found.push({ path: "/endYear", message: "Slutt kan ikke være før start." });
    if (!areasFound.has(input.focusAreaId))
      found.push({ path: "/focusAreaId", message: "Velg et satsingsområde i planen." });
    if (!input.goalIds.every((id) => goalsFound.has(id)))
      found.push({ path: "/goalIds", message: "Velg mål fra planen." });
    if (!input.objectiveIds.every((id) => objectivesFound.has(id)))
      found.push({ path: "/objectiveIds", message: "Velg delmål fra planen." });
    if (![...partnerIds].every((id) => organisationsFound.has(id)))
      found.push({ path: "/partners", message: "Velg partnere som er registrert i kommunen." });
    if (
      input.ownerUserId &&
      input.ownerUserId !== storedOwnerUserIds[i] &&
      !ownersFound.has(input.ownerUserId)
    )
      found.push({
        path: "/ownerUserId",
        message: "Tiltakseieren må være tiltakseier eller planlegger i kommunen.",
      });
    return found;
  });
  const contents = inputs.map((input) => ({
    ...input,
    title: input.title.trim(),
    description: sanitizeRichText(input.description),
    responsibleUnit: input.responsibleUnit.trim(),
    contactPerson: input.contactPerson.trim(),
    goalIds: [...new Set(input.goalIds)].sort(),
    objectiveIds: [...new Set(input.objectiveIds)].sort(),
    partners: [...input.partners].sort((a, b) => a.organisationId.localeCompare(b.organisationId)),
    tags: uniqueTags(input.tags),
    links: input.links.map((l) => ({ title: l.title.trim() || l.url, url: l.url.trim() })),
  }));
  return { contents, problems };
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
  await writeMeasureRelationsOfMany(tx, municipalityId, [{ versionId, content }]);
}

/** `writeMeasureRelations` for many measure versions at once: three deletes and three inserts. */
export async function writeMeasureRelationsOfMany(
  tx: DbOrTx,
  municipalityId: string,
  items: { versionId: string; content: MeasureContent }[],
) {
  if (items.length === 0) return;
  const versionIds = items.map((i) => i.versionId);
  await tx.delete(measureVersionGoals).where(inArray(measureVersionGoals.measureVersionId, versionIds));
  await tx
    .delete(measureVersionObjectives)
    .where(inArray(measureVersionObjectives.measureVersionId, versionIds));
  await tx.delete(measureVersionPartners).where(inArray(measureVersionPartners.measureVersionId, versionIds));
  const goalRows = items.flatMap(({ versionId, content }) =>
    content.goalIds.map((goalId) => ({ municipalityId, measureVersionId: versionId, goalId })),
  );
  const objectiveRows = items.flatMap(({ versionId, content }) =>
    content.objectiveIds.map((objectiveId) => ({ municipalityId, measureVersionId: versionId, objectiveId })),
  );
  const partnerRows = items.flatMap(({ versionId, content }) =>
    content.partners.map((p) => ({
      municipalityId,
      measureVersionId: versionId,
      organisationId: p.organisationId,
      role: p.role,
    })),
  );
  for (const chunk of inChunks(goalRows)) await tx.insert(measureVersionGoals).values(chunk);
  for (const chunk of inChunks(objectiveRows)) await tx.insert(measureVersionObjectives).values(chunk);
  for (const chunk of inChunks(partnerRows)) await tx.insert(measureVersionPartners).values(chunk);
}

/** Rows in slices small enough for one INSERT (PostgreSQL takes at most 65,535 parameters). */
export function inChunks<T>(rows: T[], size = 1000): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
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
