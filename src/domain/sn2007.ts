import sn2007 from "./reference/sn2007-sections.json" with { type: "json" };

export type Sn2007Section = { code: string; name: string; shortName: string };
export const sn2007Sections: Sn2007Section[] = sn2007.sections.map(({ code, name, shortName }) => ({
  code,
  name,
  shortName,
}));
const sectionByDivision = new Map(
  sn2007.sections.flatMap((s) => s.divisions.map((d) => [d, s.code] as const)),
);

/**
 * The SN2007 section (A–U) of an industry code as Statistics Norway writes it in its tables: the
 * section letter itself ("C"), a division ("10"), or a range of divisions ("10-33", "45-47").
 * Unknown codes (totals such as "00-99", "99" unspecified) give null.
 */
export function sn2007SectionOf(code: string): Sn2007Section | null {
  const trimmed = code.trim().toUpperCase();
  const letter = sn2007Sections.find((s) => s.code === trimmed);
  if (letter) return letter;
  const match = /^(\d{2})(?:[-.](\d{2}))?/.exec(trimmed);
  if (!match) return null;
  const first = sectionByDivision.get(match[1] as string);
  const last = match[2] ? sectionByDivision.get(match[2]) : first;
  if (!first || first !== last) return null;
  return sn2007Sections.find((s) => s.code === first) ?? null;
}
