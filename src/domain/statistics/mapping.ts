import {
  looksLikeTime,
  periodsOf,
  quote,
  type StatCategory,
  type StatDimension,
  type StatTable,
} from "./table.ts";

// A table turned into indicator series by the mapping the planner chooses in the import wizard.

export type RegionMatch =
  | { kind: "municipality"; number: string; municipalityId: string | null }
  | { kind: "country"; number: "0"; municipalityId: null };

/**
 * Matches Statistics Norway's region code to a municipality by its number, with or without a
 * prefix ("K-3301", "3301"); "0", "EAK" and "Hele landet" are the whole country. `known` maps the
 * four-digit numbers of the municipalities that exist to their id (null when not in the database).
 */
export function matchRegionCode(code: string, known: ReadonlyMap<string, string | null>): RegionMatch | null {
  const trimmed = code.trim();
  const bare = trimmed.replace(/^[A-Za-z]{1,3}-/, "");
  if (bare === "0" || bare === "00" || bare === "0000" || /^(eak|hele landet|norge|landet)$/i.test(trimmed))
    return { kind: "country", number: "0", municipalityId: null };
  if (/^\d{4}$/.test(bare) && known.has(bare))
    return { kind: "municipality", number: bare, municipalityId: known.get(bare) ?? null };
  return null;
}

export type ImportMapping = {
  /** The region dimension; null for a national table (every value belongs to «Hele landet»). */
  region: string | null;
  /** The time dimension; null only when the table has none, which the mapping then reports. */
  time: string | null;
  category: string | null;
  content: string | null;
  /** Chosen category codes per dimension. Region, time and category keep all when not named; every
   * other dimension (content included) needs exactly one. */
  selections: Record<string, string[]>;
};

export type SeriesRow = {
  regionCode: string;
  regionLabel: string;
  regionNumber: string;
  regionMunicipalityId: string | null;
  period: string;
  category: string;
  categoryLabel: string;
  content: string;
  contentLabel: string;
  value: number | null;
  status: string | null;
};

export type MappingResult = {
  rows: SeriesRow[];
  /** Everything that stops the import; empty when it can be saved. */
  problems: string[];
  unmatchedRegions: { code: string; label: string }[];
  unit: string;
  decimals: number | null;
};

/** Statistics Norway's «-»: the value is nil (zero), not missing; it is stored as 0 with its symbol. */
export const nilSymbol = "-";

/** The whole country, for the rows of a table without a region dimension. */
export const wholeCountry = { code: "0", label: "Hele landet" } as const;

/** How many of a dimension's codes are municipality numbers (those in `known`, or any four digits). */
function municipalityCodeShare(dim: StatDimension, known?: ReadonlyMap<string, string | null>): number {
  if (dim.categories.length === 0) return 0;
  const matches = dim.categories.filter((c) =>
    known
      ? matchRegionCode(c.code, known)?.kind === "municipality"
      : /^\d{4}$/.test(c.code.trim().replace(/^[A-Za-z]{1,3}-/, "")),
  ).length;
  return matches / dim.categories.length;
}

/**
 * A first guess at the mapping, for the wizard to start from. It never names one dimension for two
 * roles. The region is the dimension whose codes best match municipality numbers (among those marked
 * geographic when any are), or none for a national table; time is the dimension marked time, else one
 * whose codes or labels are periods.
 */
export function suggestMapping(table: StatTable, known?: ReadonlyMap<string, string | null>): ImportMapping {
  const dims = table.dimensions;
  const taken = new Set<string>();
  const take = (dim: StatDimension | undefined) => {
    if (!dim) return null;
    taken.add(dim.id);
    return dim.id;
  };
  const scored = dims
    .map((d, i) => ({ d, i, share: municipalityCodeShare(d, known) }))
    .filter(({ d, share }) => d.role === "geo" || (share >= 0.5 && d.role === null && !looksLikeTime(d)));
  scored.sort(
    (a, b) => b.share - a.share || Number(b.d.role === "geo") - Number(a.d.role === "geo") || a.i - b.i,
  );
  const region = take(scored[0]?.d);
  const free = () => dims.filter((d) => !taken.has(d.id));
  const time = take(
    free().find((d) => d.role === "time") ?? free().find((d) => d.role === null && looksLikeTime(d)),
  );
  const content = take(free().find((d) => d.role === "metric"));
  const category = take(free().find((d) => d.categories.length > 1));
  const selections: Record<string, string[]> = {};
  for (const d of dims) {
    if (d.id === region || d.id === time || d.id === category) continue;
    const first = d.categories[0];
    if (first) selections[d.id] = [first.code];
  }
  return { region, time, category, content, selections };
}

/** Turns a table into series rows by the mapping; problems are reported, not thrown. */
export function mapTable(
  table: StatTable,
  mapping: ImportMapping,
  known: ReadonlyMap<string, string | null>,
): MappingResult {
  const problems: string[] = [];
  const dimIndex = new Map(table.dimensions.map((d, i) => [d.id, i]));
  const names = table.dimensions.map((d) => quote(d.id)).join(", ");
  const empty = (): MappingResult => ({ rows: [], problems, unmatchedRegions: [], unit: "", decimals: null });
  const roles: [string, string | null][] = [
    ["region", mapping.region],
    ["tid", mapping.time],
    ["kategori", mapping.category],
    ["innhold", mapping.content],
  ];
  for (const [role, id] of roles) {
    if (id !== null && !dimIndex.has(id))
      problems.push(
        `Dimensjonen ${quote(id)} (valgt som ${role}) finnes ikke i datasettet. Det har ${names}.`,
      );
  }
  for (const id of Object.keys(mapping.selections))
    if (!dimIndex.has(id))
      problems.push(`Dimensjonen ${quote(id)} finnes ikke i datasettet. Det har ${names}.`);
  const chosen = roles.map(([, id]) => id).filter((id): id is string => id !== null);
  if (new Set(chosen).size !== chosen.length)
    problems.push("Region, tid, kategori og innhold må være forskjellige dimensjoner.");
  if (mapping.time === null)
    problems.push(
      table.dimensions.length <= 1
        ? `Datasettet har bare én dimensjon (${names}), og ingen tid: verdiene kan ikke knyttes til år. Last ned tabellen med tid (år) som egen dimensjon eller kolonne.`
        : `Velg tidsdimensjonen (datasettet har ${names}).`,
    );
  if (problems.length > 0) return empty();

  // Which category indexes each dimension keeps.
  const keep: Set<number>[] = table.dimensions.map((dim) => {
    const selection = mapping.selections[dim.id];
    const free = dim.id === mapping.region || dim.id === mapping.time || dim.id === mapping.category;
    if (!selection || (free && selection.length === 0)) {
      if (free || dim.categories.length === 1) return new Set(dim.categories.map((_, i) => i));
      problems.push(`Velg én kategori i dimensjonen ${quote(dim.label)} (den har ${dim.categories.length}).`);
      return new Set<number>();
    }
    if (!free && selection.length !== 1)
      problems.push(`Velg nøyaktig én kategori i dimensjonen ${quote(dim.label)}.`);
    const codes = new Map(dim.categories.map((c, i) => [c.code, i]));
    const set = new Set<number>();
    for (const code of selection) {
      const at = codes.get(code);
      if (at === undefined)
        problems.push(`Kategorien ${quote(code)} finnes ikke i dimensjonen ${quote(dim.label)}.`);
      else set.add(at);
    }
    return set;
  });
  if (problems.length > 0) return empty();

  const regionAt = mapping.region === null ? -1 : (dimIndex.get(mapping.region) as number);
  const timeAt = dimIndex.get(mapping.time as string) as number;
  const categoryAt = mapping.category === null ? -1 : (dimIndex.get(mapping.category) as number);
  const contentAt = mapping.content === null ? -1 : (dimIndex.get(mapping.content) as number);
  // A national table: one region, the whole country.
  const regionDim: StatDimension =
    regionAt >= 0
      ? (table.dimensions[regionAt] as StatDimension)
      : { id: "", label: "", role: "geo", categories: [{ ...wholeCountry, unit: null, decimals: null }] };
  const regionMatches = regionDim.categories.map((c) => matchRegionCode(c.code, known));
  const unmatchedRegions = regionDim.categories
    .filter((_c, i) => (regionAt < 0 || keep[regionAt]?.has(i)) && regionMatches[i] === null)
    .map((c) => ({ code: c.code, label: c.label }));
  if (unmatchedRegions.length > 0) {
    const list = unmatchedRegions.slice(0, 10).map((r) => `${r.code} ${r.label}`.trim());
    problems.push(
      `${unmatchedRegions.length} regionkoder passer ikke til noen kommune: ${list.join(", ")}${unmatchedRegions.length > 10 ? " …" : ""}. Velg dem bort i regiondimensjonen.`,
    );
  }
  const contentCategory =
    contentAt >= 0
      ? (table.dimensions[contentAt] as StatDimension).categories[[...(keep[contentAt] ?? [])][0] ?? 0]
      : undefined;

  const rows: SeriesRow[] = [];
  const periods = periodsOf(table.dimensions[timeAt] as StatDimension);
  const categoryDim = categoryAt >= 0 ? (table.dimensions[categoryAt] as StatDimension) : null;
  const contentDim = contentAt >= 0 ? (table.dimensions[contentAt] as StatDimension) : null;
  table.forEachCell((coords, value, status) => {
    for (let d = 0; d < coords.length; d++) if (!keep[d]?.has(coords[d] as number)) return;
    const r = regionAt >= 0 ? (coords[regionAt] as number) : 0;
    const match = regionMatches[r];
    if (!match) return;
    const region = regionDim.categories[r] as StatCategory;
    const category = categoryDim ? categoryDim.categories[coords[categoryAt] as number] : undefined;
    const content = contentDim ? contentDim.categories[coords[contentAt] as number] : undefined;
    rows.push({
      regionCode: region.code,
      regionLabel: region.label,
      regionNumber: match.number,
      regionMunicipalityId: match.municipalityId,
      period: periods[coords[timeAt] as number] as string,
      category: category?.code ?? "",
      categoryLabel: category?.label ?? "",
      content: content?.code ?? "",
      contentLabel: content?.label ?? "",
      value: value === null && status === nilSymbol ? 0 : value,
      status: value === null ? status : status || null,
    });
  });
  if (rows.length === 0 && problems.length === 0) problems.push("Utvalget gir ingen verdier.");
  return {
    rows,
    problems,
    unmatchedRegions,
    unit: contentCategory?.unit ?? "",
    decimals: contentCategory?.decimals ?? null,
  };
}
