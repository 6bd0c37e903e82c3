/** A municipality invited to another's shared measure, and then taking part (stored values). */
export const participationStatuses = ["invited", "joined"] as const;
export type ParticipationStatus = (typeof participationStatuses)[number];

/** The region every installation starts with, by Statistics Norway's 2024 numbers. */
export const defaultRegion = {
  slug: "drammensregionen",
  name: "Drammensregionen",
  // Drammen, Kongsberg, Lier, Øvre Eiker, Asker, Holmestrand: from Kongsberg to Asker and Holmestrand.
  municipalityNumbers: ["3301", "3303", "3312", "3314", "3203", "3903"],
} as const;

/** A region's address name: lower case letters, digits and dashes. */
export const regionSlugPattern = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

/**
 * Organisations that work in several municipalities of a region: the same organisation number
 * under partner organisations of different municipalities. Organisations without a number are
 * not matched (names are not reliable enough).
 */
export function partnersInSeveralMunicipalities<
  T extends { organisationNumber: string | null; municipalityId: string; name: string },
>(rows: T[]): { organisationNumber: string; names: string[]; municipalityIds: string[] }[] {
  const byNumber = new Map<string, { names: Set<string>; municipalityIds: Set<string> }>();
  for (const row of rows) {
    if (!row.organisationNumber) continue;
    const entry = byNumber.get(row.organisationNumber) ?? { names: new Set(), municipalityIds: new Set() };
    entry.names.add(row.name);
    entry.municipalityIds.add(row.municipalityId);
    byNumber.set(row.organisationNumber, entry);
  }
  return [...byNumber]
    .filter(([, e]) => e.municipalityIds.size > 1)
    .map(([organisationNumber, e]) => ({
      organisationNumber,
      names: [...e.names].sort((a, b) => a.localeCompare(b, "nb")),
      municipalityIds: [...e.municipalityIds],
    }))
    .sort(
      (a, b) =>
        b.municipalityIds.length - a.municipalityIds.length ||
        (a.names[0] ?? "").localeCompare(b.names[0] ?? "", "nb"),
    );
}
