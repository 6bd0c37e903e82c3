import { foldForSearch } from "./measure-filter.ts";
import { isWritableNok, MAX_AMOUNT_NOK, nokAmountMessages } from "./money.ts";

/**
 * The measures sheet that Planverk exports and imports: its column headings are the contract, so a
 * sheet made outside Planverk with the same headings imports too. Pure functions: reading the cells
 * of the sheet (parse), and comparing them with the draft action plan (diff), without I/O.
 */
export const importColumns = {
  reference: "Referanse",
  title: "Tittel",
  focusArea: "Satsingsområde",
  responsibleUnit: "Ansvarlig enhet",
  contactPerson: "Kontaktperson",
  partners: "Partnere",
  startYear: "Fra år",
  endYear: "Til år",
  municipalSource: "Kommunal kilde",
  externalSource: "Ekstern kilde",
} as const;
export const municipalYearHeading = (year: number) => `Kommunalt ${year}`;
export const externalYearHeading = (year: number) => `Eksternt ${year}`;

export type Cell = string | number | boolean | Date | null;
export type ImportProblem = { sheet: string; row: number | null; column: string | null; reason: string };

/** One data row of the sheet, read but not yet checked against the plan. */
export type SheetRow = {
  row: number;
  reference: string;
  title: string;
  focusArea: string;
  responsibleUnit: string | undefined;
  contactPerson: string | undefined;
  partners: string[] | undefined;
  startYear: number | undefined;
  endYear: number | undefined;
  municipalSource: string;
  externalSource: string;
  /** Only the years whose column is present in the sheet. */
  municipal: Map<number, number>;
  external: Map<number, number>;
};

const text = (value: Cell): string => {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
};

/** Whole kroner from a cell: a number, or text like «1 200 000», «1.200.000 kr» or «1 200 000,00». */
export function parseKroner(value: Cell): number | "invalid" | "too_large" {
  if (value === null || value === undefined || text(value) === "") return 0;
  if (typeof value === "number")
    return isWritableNok(value)
      ? value
      : Number.isInteger(value) && value > MAX_AMOUNT_NOK
        ? "too_large"
        : "invalid";
  const cleaned = text(value)
    .replace(/\s|\u00a0|\u202f/g, "")
    .replace(/^kr\.?/i, "")
    .replace(/(kr\.?|,-|,00)$/i, "")
    .replace(/[.](?=\d{3}(\D|$))/g, "");
  if (!/^\d+$/.test(cleaned)) return "invalid";
  const amount = Number(cleaned);
  return isWritableNok(amount) ? amount : amount > MAX_AMOUNT_NOK ? "too_large" : "invalid";
}

function parseYear(value: Cell): number | "invalid" | undefined {
  const raw = text(value);
  if (raw === "") return undefined;
  const year = Number(raw);
  return Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : "invalid";
}

const splitList = (value: Cell) =>
  text(value)
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Reads the rows of a sheet (first row: the headings). Unknown columns are ignored (e.g. the
 * export's totals); a missing «Tittel» column is an error for the whole sheet. Blank rows are skipped.
 */
export function parseMeasureSheet(
  sheet: string,
  rows: Cell[][],
  /** Row number of rows[0] in the sheet, for the report (1 in a normal sheet). */
  firstRowNumber = 1,
): { rows: SheetRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const headings = (rows[0] ?? []).map((h) => text(h));
  const columnOf = new Map<string, number>();
  const municipalColumns: { year: number; index: number }[] = [];
  const externalColumns: { year: number; index: number }[] = [];
  headings.forEach((heading, index) => {
    const folded = foldForSearch(heading);
    for (const [key, label] of Object.entries(importColumns))
      if (folded === foldForSearch(label) && !columnOf.has(key)) columnOf.set(key, index);
    const municipal = /^kommunal[t]?\s+(\d{4})$/i.exec(heading);
    if (municipal) municipalColumns.push({ year: Number(municipal[1]), index });
    const external = /^ekstern[t]?\s+(\d{4})$/i.exec(heading);
    if (external) externalColumns.push({ year: Number(external[1]), index });
  });
  if (!columnOf.has("title")) {
    problems.push({
      sheet,
      row: firstRowNumber,
      column: null,
      reason: `Arket mangler kolonnen «${importColumns.title}» i første rad.`,
    });
    return { rows: [], problems };
  }
  const has = (key: keyof typeof importColumns) => columnOf.has(key);
  const cell = (row: Cell[], key: keyof typeof importColumns): Cell => {
    const index = columnOf.get(key);
    return index === undefined ? null : (row[index] ?? null);
  };
  const result: SheetRow[] = [];
  rows.slice(1).forEach((row, i) => {
    const rowNumber = firstRowNumber + 1 + i;
    if (row.every((c) => text(c) === "")) return;
    const problem = (column: string, reason: string) =>
      problems.push({ sheet, row: rowNumber, column, reason });
    const amounts = (columns: { year: number; index: number }[], heading: (y: number) => string) => {
      const map = new Map<number, number>();
      for (const { year, index } of columns) {
        const amount = parseKroner(row[index] ?? null);
        if (amount === "too_large")
          problem(heading(year), `«${text(row[index] ?? null)}»: ${nokAmountMessages.tooLarge}`);
        else if (amount === "invalid")
          problem(
            heading(year),
            `«${text(row[index] ?? null)}» er ikke et beløp i hele kroner (0 eller mer).`,
          );
        else map.set(year, amount);
      }
      return map;
    };
    const startYear = parseYear(cell(row, "startYear"));
    const endYear = parseYear(cell(row, "endYear"));
    if (startYear === "invalid") problem(importColumns.startYear, "Skriv et årstall, f.eks. 2027.");
    if (endYear === "invalid") problem(importColumns.endYear, "Skriv et årstall, f.eks. 2030.");
    result.push({
      row: rowNumber,
      reference: text(cell(row, "reference")),
      title: text(cell(row, "title")),
      focusArea: text(cell(row, "focusArea")),
      responsibleUnit: has("responsibleUnit") ? text(cell(row, "responsibleUnit")) : undefined,
      contactPerson: has("contactPerson") ? text(cell(row, "contactPerson")) : undefined,
      partners: has("partners") ? splitList(cell(row, "partners")) : undefined,
      startYear: startYear === "invalid" ? undefined : startYear,
      endYear: endYear === "invalid" ? undefined : endYear,
      municipalSource: text(cell(row, "municipalSource")),
      externalSource: text(cell(row, "externalSource")),
      municipal: amounts(municipalColumns, municipalYearHeading),
      external: amounts(externalColumns, externalYearHeading),
    });
  });
  return { rows: result, problems };
}

/** The draft action plan as the import sees it. */
export type ImportTarget = {
  years: number[];
  focusAreas: { id: string; title: string }[];
  organisations: { id: string; name: string }[];
  fundingSources: { id: string; name: string; kind: "municipal" | "external" }[];
  measures: {
    reference: string;
    contentVersion: number;
    title: string;
    focusAreaId: string;
    responsibleUnit: string;
    contactPerson: string;
    partners: { organisationId: string; role: "lead" | "contributor" | "funder" }[];
    startYear: number;
    endYear: number;
    costs: {
      year: number;
      fundingSourceId: string;
      amountNok: number;
      externalStatus: "applied" | "granted" | "expected" | null;
    }[];
  }[];
  /**
   * Measures taken out of the draft («Tatt ut av forslaget») as they were when they left (their
   * contentVersion is the one they get when put back): a row with such a reference puts it back.
   */
  removed?: ImportTarget["measures"];
};

export type FieldDiff = { field: string; column: string; before: string; after: string };

export type CostRow = ImportTarget["measures"][number]["costs"][number];

/** What applying one row does. */
export type ImportAction =
  | {
      kind: "new";
      row: number;
      title: string;
      content: {
        title: string;
        focusAreaId: string;
        responsibleUnit: string;
        contactPerson: string;
        partners: { organisationId: string; role: "lead" | "contributor" | "funder" }[];
        startYear: number;
        endYear: number;
      };
      costs: CostRow[];
      fields: FieldDiff[];
    }
  | {
      kind: "changed";
      row: number;
      reference: string;
      title: string;
      contentVersion: number;
      /** Null when the content stays as it is (only the costs change). */
      content: Extract<ImportAction, { kind: "new" }>["content"] | null;
      /** Null when the costs stay as they are. */
      costs: CostRow[] | null;
      fields: FieldDiff[];
    }
  | {
      /** A taken-out measure: put back first, then changed like any other row. */
      kind: "restore";
      row: number;
      reference: string;
      title: string;
      contentVersion: number;
      content: Extract<ImportAction, { kind: "new" }>["content"] | null;
      costs: CostRow[] | null;
      fields: FieldDiff[];
    }
  | { kind: "unchanged"; row: number; reference: string; title: string };

export type ImportPlan = { actions: ImportAction[]; problems: ImportProblem[] };

const kroner = (n: number) => String(n);

/**
 * Compares the sheet with the draft: rows with a reference change that measure, rows without one
 * become new measures. Every problem is reported with sheet, row, column and reason; the caller
 * writes nothing when there is any.
 */
export function diffMeasureSheet(sheet: string, rows: SheetRow[], target: ImportTarget): ImportPlan {
  const problems: ImportProblem[] = [];
  const actions: ImportAction[] = [];
  const byReference = new Map(target.measures.map((m) => [foldForSearch(m.reference), m]));
  const removedByReference = new Map((target.removed ?? []).map((m) => [foldForSearch(m.reference), m]));
  const focusByTitle = new Map(target.focusAreas.map((f) => [foldForSearch(f.title), f]));
  const focusTitle = new Map(target.focusAreas.map((f) => [f.id, f.title]));
  const orgByName = new Map(target.organisations.map((o) => [foldForSearch(o.name), o]));
  const orgName = new Map(target.organisations.map((o) => [o.id, o.name]));
  const sourceByName = new Map(target.fundingSources.map((s) => [foldForSearch(s.name), s]));
  const sourceName = new Map(target.fundingSources.map((s) => [s.id, s.name]));
  const kindOf = new Map(target.fundingSources.map((s) => [s.id, s.kind]));
  const years = new Set(target.years);
  const seenReferences = new Map<string, number>();

  for (const r of rows) {
    const problem = (column: string | null, reason: string) =>
      problems.push({ sheet, row: r.row, column, reason });
    const removed = r.reference ? removedByReference.get(foldForSearch(r.reference)) : undefined;
    const existing = r.reference ? (byReference.get(foldForSearch(r.reference)) ?? removed) : undefined;
    if (r.reference) {
      const earlier = seenReferences.get(foldForSearch(r.reference));
      if (earlier !== undefined)
        problem(importColumns.reference, `${r.reference} står også i rad ${earlier}.`);
      seenReferences.set(foldForSearch(r.reference), r.row);
      if (!existing)
        problem(
          importColumns.reference,
          `Tiltaket ${r.reference} finnes ikke i handlingsplanen. La referansen stå tom for nye tiltak.`,
        );
    }
    if (r.title === "") problem(importColumns.title, "Tittel må fylles ut.");
    else if (r.title.length > 300) problem(importColumns.title, "Tittelen er lengre enn 300 tegn.");
    for (const [column, value] of [
      [importColumns.responsibleUnit, r.responsibleUnit],
      [importColumns.contactPerson, r.contactPerson],
    ] as const)
      if (value && value.length > 200) problem(column, "Teksten er lengre enn 200 tegn.");

    let focusAreaId = existing?.focusAreaId;
    if (r.focusArea !== "") {
      const found = focusByTitle.get(foldForSearch(r.focusArea));
      if (found) focusAreaId = found.id;
      else
        problem(
          importColumns.focusArea,
          `«${r.focusArea}» er ikke et satsingsområde i planen (${target.focusAreas.map((f) => f.title).join(", ")}).`,
        );
    } else if (!existing) problem(importColumns.focusArea, "Skriv satsingsområdet for nye tiltak.");

    const partners: { organisationId: string; role: "lead" | "contributor" | "funder" }[] = [];
    for (const name of r.partners ?? []) {
      const org = orgByName.get(foldForSearch(name));
      if (!org) {
        problem(importColumns.partners, `«${name}» er ikke registrert som partner i kommunen.`);
        continue;
      }
      if (partners.some((p) => p.organisationId === org.id)) continue;
      const role = existing?.partners.find((p) => p.organisationId === org.id)?.role ?? "contributor";
      partners.push({ organisationId: org.id, role });
    }

    const startYear = r.startYear ?? existing?.startYear ?? target.years[0] ?? 0;
    const endYear = r.endYear ?? existing?.endYear ?? target.years.at(-1) ?? 0;
    if (endYear < startYear) problem(importColumns.endYear, "Til år kan ikke være før fra år.");

    // Costs: per kind, the sheet gives one amount per year; it replaces that kind's rows.
    const costsAfter: CostRow[] = [];
    let costsChanged = false;
    for (const kind of ["municipal", "external"] as const) {
      const amounts = kind === "municipal" ? r.municipal : r.external;
      const sourceColumn =
        kind === "municipal" ? importColumns.municipalSource : importColumns.externalSource;
      const heading = kind === "municipal" ? municipalYearHeading : externalYearHeading;
      const before = (existing?.costs ?? []).filter((c) => kindOf.get(c.fundingSourceId) === kind);
      const beforeByYear = new Map<number, number>();
      for (const c of before) beforeByYear.set(c.year, (beforeByYear.get(c.year) ?? 0) + c.amountNok);
      const changedYears = [...amounts].filter(([year, amount]) => (beforeByYear.get(year) ?? 0) !== amount);
      for (const [year, amount] of amounts)
        if (!years.has(year) && amount !== 0)
          problem(heading(year), `${year} er utenfor perioden ${target.years[0]}–${target.years.at(-1)}.`);
      const named = (kind === "municipal" ? r.municipalSource : r.externalSource)
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean);
      const usedSources = [...new Set(before.map((c) => c.fundingSourceId))];
      const sameSources =
        named.length === 0 ||
        (named.length === usedSources.length &&
          named.every((n) =>
            usedSources.some((id) => foldForSearch(sourceName.get(id) ?? "") === foldForSearch(n)),
          ));
      if (changedYears.length === 0 && sameSources) {
        costsAfter.push(...before);
        continue;
      }
      let sourceId: string | undefined;
      if (named.length > 1) {
        problem(
          sourceColumn,
          "Tiltaket har flere kilder av denne typen; endre beløpene i Planverk, eller skriv én kilde.",
        );
        continue;
      }
      if (named.length === 1) {
        const source = sourceByName.get(foldForSearch(named[0] ?? ""));
        if (!source || source.kind !== kind) {
          problem(
            sourceColumn,
            `«${named[0]}» er ikke en ${kind === "municipal" ? "kommunal" : "ekstern"} finansieringskilde i kommunen.`,
          );
          continue;
        }
        sourceId = source.id;
      } else if (usedSources.length === 1) sourceId = usedSources[0];
      else {
        const candidates = target.fundingSources.filter((s) => s.kind === kind);
        if (usedSources.length === 0 && candidates.length === 1) sourceId = candidates[0]?.id;
        else if (amounts.size > 0 && [...amounts.values()].some((a) => a > 0)) {
          problem(
            sourceColumn,
            usedSources.length > 1
              ? "Tiltaket har flere kilder av denne typen; endre beløpene i Planverk, eller skriv én kilde."
              : `Skriv hvilken ${kind === "municipal" ? "kommunal" : "ekstern"} finansieringskilde beløpene hører til.`,
          );
          continue;
        }
      }
      costsChanged = true;
      // Years the sheet leaves out keep their amounts; the sheet's years get its amounts.
      const yearsInSheet = new Set(amounts.keys());
      for (const c of before) if (!yearsInSheet.has(c.year)) costsAfter.push(c);
      for (const [year, amount] of amounts) {
        if (amount === 0 || !sourceId || !years.has(year)) continue;
        const status = before.find((c) => c.year === year && c.fundingSourceId === sourceId)?.externalStatus;
        costsAfter.push({
          year,
          fundingSourceId: sourceId,
          amountNok: amount,
          externalStatus: kind === "external" ? (status ?? "expected") : null,
        });
      }
    }

    if (!focusAreaId) continue;
    const content = {
      title: r.title,
      focusAreaId,
      responsibleUnit: r.responsibleUnit ?? existing?.responsibleUnit ?? "",
      contactPerson: r.contactPerson ?? existing?.contactPerson ?? "",
      partners: r.partners ? partners : (existing?.partners ?? []),
      startYear,
      endYear,
    };
    const fields: FieldDiff[] = [];
    const compare = (field: string, column: string, before: string, after: string) => {
      if (before !== after) fields.push({ field, column, before, after });
    };
    const partnerNames = (list: { organisationId: string }[]) =>
      list
        .map((p) => orgName.get(p.organisationId) ?? "")
        .sort((a, b) => a.localeCompare(b, "nb"))
        .join("; ");
    const costText = (list: CostRow[], kind: "municipal" | "external", year: number) =>
      kroner(
        list
          .filter((c) => c.year === year && kindOf.get(c.fundingSourceId) === kind)
          .reduce((s, c) => s + c.amountNok, 0),
      );
    const b = existing;
    compare("title", importColumns.title, b?.title ?? "", content.title);
    compare(
      "focusArea",
      importColumns.focusArea,
      b ? (focusTitle.get(b.focusAreaId) ?? "") : "",
      focusTitle.get(content.focusAreaId) ?? "",
    );
    compare(
      "responsibleUnit",
      importColumns.responsibleUnit,
      b?.responsibleUnit ?? "",
      content.responsibleUnit,
    );
    compare("contactPerson", importColumns.contactPerson, b?.contactPerson ?? "", content.contactPerson);
    compare(
      "partners",
      importColumns.partners,
      partnerNames(b?.partners ?? []),
      partnerNames(content.partners),
    );
    compare("startYear", importColumns.startYear, b ? String(b.startYear) : "", String(content.startYear));
    compare("endYear", importColumns.endYear, b ? String(b.endYear) : "", String(content.endYear));
    for (const year of target.years) {
      compare(
        `municipal:${year}`,
        municipalYearHeading(year),
        costText(b?.costs ?? [], "municipal", year),
        costText(costsAfter, "municipal", year),
      );
      compare(
        `external:${year}`,
        externalYearHeading(year),
        costText(b?.costs ?? [], "external", year),
        costText(costsAfter, "external", year),
      );
    }
    const sourcesOf = (list: CostRow[]) =>
      [...new Set(list.map((c) => sourceName.get(c.fundingSourceId) ?? ""))].sort().join("; ");
    if (b && costsChanged)
      compare("fundingSources", "Finansieringskilder", sourcesOf(b.costs), sourcesOf(costsAfter));

    if (!b) {
      actions.push({ kind: "new", row: r.row, title: content.title, content, costs: costsAfter, fields });
      continue;
    }
    const contentChanged = fields.some((f) => !f.field.includes(":") && f.field !== "fundingSources");
    const costChanged = fields.some((f) => f.field.includes(":") || f.field === "fundingSources");
    if (removed && b === removed)
      actions.push({
        kind: "restore",
        row: r.row,
        reference: b.reference,
        title: content.title,
        contentVersion: b.contentVersion,
        content: contentChanged ? content : null,
        costs: costChanged ? costsAfter : null,
        fields,
      });
    else if (!contentChanged && !costChanged)
      actions.push({ kind: "unchanged", row: r.row, reference: b.reference, title: b.title });
    else
      actions.push({
        kind: "changed",
        row: r.row,
        reference: b.reference,
        title: content.title,
        contentVersion: b.contentVersion,
        content: contentChanged ? content : null,
        costs: costChanged ? costsAfter : null,
        fields,
      });
  }
  return { actions, problems };
}
