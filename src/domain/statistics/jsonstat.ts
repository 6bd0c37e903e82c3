import JSONstat from "jsonstat-toolkit";
import {
  checkLengths,
  checkText,
  formatCount,
  maxCells,
  maxCodeLength,
  maxDimensions,
  quote,
  type StatDimension,
  StatisticsFileError,
  type StatRole,
  type StatTable,
} from "./table.ts";

// JSON-stat 2.0 datasets and 1.x datasets and bundles, read into a StatTable.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
/** A value from the file as a short text: strings as they are, anything else as JSON, at most 40 characters. */
const shown = (v: unknown) => (typeof v === "string" ? v : String(JSON.stringify(v))).slice(0, 40);

/** The one dataset of a JSON-stat response: 2.0 `class: "dataset"`, a 1.x single dataset or bundle. */
function findDataset(raw: unknown): { tree: Json; version: string; name: string } {
  const notJsonStat = (why: string) => new StatisticsFileError(`Filen er ikke JSON-stat: ${why}.`);
  if (!isObject(raw)) throw notJsonStat("den inneholder ikke et JSON-objekt");
  if (raw.class === "dataset") {
    return { tree: raw, version: typeof raw.version === "string" ? raw.version : "1.x", name: "" };
  }
  if (raw.class === "collection")
    throw notJsonStat("den er en samling (collection); hent ett datasett av gangen");
  if (raw.class !== undefined && raw.class !== "bundle")
    throw notJsonStat(`klassen ${quote(String(raw.class))} er ikke et datasett`);
  if ("error" in raw) throw notJsonStat("den er en feilmelding fra statistikktjenesten");
  // 1.x: a dataset without class has its dimensions and values at the top.
  if (isObject(raw.dimension) && "value" in raw) return { tree: raw, version: "1.x", name: "" };
  // 1.x bundle: { "dataset": { … }, … } — the first dataset.
  for (const [name, candidate] of Object.entries(raw)) {
    if (isObject(candidate) && isObject(candidate.dimension))
      return { tree: candidate, version: "1.x", name };
  }
  throw notJsonStat("den har verken «dataset»-klasse, dimensjoner eller verdier");
}

/** Checks what jsonstat-toolkit takes on trust: ids, sizes, categories and the number of values. */
function checkStructure(tree: Json, version: string): { ids: string[]; sizes: number[]; n: number } {
  const problems: string[] = [];
  const dimension = isObject(tree.dimension) ? tree.dimension : null;
  if (!dimension) throw new StatisticsFileError("Filen er ikke JSON-stat: datasettet mangler «dimension».");
  const ids = (version === "1.x" && !Array.isArray(tree.id) ? dimension.id : tree.id) as unknown;
  const sizes = (version === "1.x" && !Array.isArray(tree.size) ? dimension.size : tree.size) as unknown;
  if (!Array.isArray(ids) || !ids.every((i) => typeof i === "string"))
    throw new StatisticsFileError(
      "Filen er ikke JSON-stat: datasettet mangler listen over dimensjoner («id»).",
    );
  if (!Array.isArray(sizes))
    throw new StatisticsFileError("Filen er ikke JSON-stat: datasettet mangler størrelsene («size»).");
  const badSize = sizes.find((s) => !Number.isSafeInteger(s) || (s as number) < 0);
  if (badSize !== undefined)
    throw new StatisticsFileError(
      `Filen er ikke gyldig JSON-stat: størrelsen ${quote(shown(badSize))} i «size» er ikke et helt tall som er 0 eller større.`,
    );
  if (ids.length !== sizes.length)
    throw new StatisticsFileError(
      `Datasettet har ${ids.length} dimensjoner i «id», men ${sizes.length} størrelser i «size».`,
    );
  if (ids.length > maxDimensions)
    throw new StatisticsFileError(
      `Datasettet har ${ids.length} dimensjoner; importen tar høyst ${maxDimensions}.`,
    );
  const longId = ids.find((id) => id.length > maxCodeLength);
  if (longId !== undefined)
    throw new StatisticsFileError(
      `Dimensjonen ${quote(`${longId.slice(0, 40)}…`)} har et navn som er lengre enn ${maxCodeLength} tegn.`,
    );
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined)
    throw new StatisticsFileError(`Dimensjonen ${quote(twice)} står to ganger i «id».`);
  // The product before anything is allocated: sizes like [1e6, 1e6, 1e6] with a sparse value object
  // would otherwise make the reader walk (or allocate) 10^18 cells.
  const cells = (sizes as number[]).reduce((a, b) => a * b, 1);
  if (cells > maxCells)
    throw new StatisticsFileError(
      `Datasettet har ${formatCount(cells)} celler (${(sizes as number[]).map(formatCount).join(" × ")}); importen tar høyst ${formatCount(maxCells)}. Velg et mindre utvalg i tabellen.`,
    );
  ids.forEach((id, i) => {
    const dim = dimension[id];
    const category = isObject(dim) ? dim.category : undefined;
    if (!isObject(category)) {
      problems.push(`Dimensjonen ${quote(id)} står i «id», men er ikke beskrevet i «dimension».`);
      return;
    }
    const index = category.index ?? category.label;
    const count = Array.isArray(index) ? index.length : isObject(index) ? Object.keys(index).length : 0;
    const size = sizes[i] as number;
    if (count !== size)
      problems.push(`Dimensjonen ${quote(id)} har størrelse ${size} i «size», men ${count} kategorier.`);
  });
  const n = cells;
  const value = tree.value;
  if (Array.isArray(value)) {
    if (value.length !== n)
      problems.push(
        `Størrelsene (${(sizes as number[]).join(" × ")} = ${n}) passer ikke med antall verdier (${value.length}).`,
      );
    const bad = value.findIndex((v) => v !== null && typeof v !== "number");
    if (bad >= 0) problems.push(`Verdi nr. ${bad + 1} (${quote(shown(value[bad]))}) er ikke et tall.`);
  } else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      const k = Number(key);
      if (!/^\d+$/.test(key) || k >= n) {
        problems.push(
          `Verdien med nøkkel ${quote(key.slice(0, 40))} ligger utenfor datasettet (størrelse ${n}).`,
        );
        break;
      }
      if (v !== null && typeof v !== "number") {
        problems.push(`Verdien med nøkkel ${quote(key)} (${quote(shown(v))}) er ikke et tall.`);
        break;
      }
    }
  } else {
    problems.push("Datasettet mangler verdier («value»).");
  }
  const status = tree.status;
  if (Array.isArray(status)) {
    if (status.length !== n && status.length !== 1)
      problems.push(`Antall statuser (${status.length}) passer ikke med størrelsen ${n}.`);
    const bad = status.findIndex((s) => s !== null && typeof s !== "string");
    if (bad >= 0) problems.push(`Status nr. ${bad + 1} er ikke en tekst.`);
  } else if (isObject(status)) {
    for (const [key, s] of Object.entries(status)) {
      const k = Number(key);
      if (!/^\d+$/.test(key) || k >= n) {
        problems.push(
          `Statusen med nøkkel ${quote(key.slice(0, 40))} ligger utenfor datasettet (størrelse ${n}).`,
        );
        break;
      }
      if (s !== null && typeof s !== "string") {
        problems.push(`Statusen med nøkkel ${quote(key)} er ikke en tekst.`);
        break;
      }
    }
  } else if (status !== undefined && status !== null && typeof status !== "string")
    problems.push("Statusene («status») er verken en liste, et objekt eller en tekst.");
  if (problems.length > 0) throw new StatisticsFileError(problems.join(" "), problems);
  return { ids: ids as string[], sizes: sizes as number[], n };
}

/** The roles (time, geo, metric) of a dataset's dimensions, 1.x or 2.0. */
function rolesOf(tree: Json): Map<string, StatRole> {
  const roles = new Map<string, StatRole>();
  const role = (isObject(tree.role) ? tree.role : isObject(tree.dimension) ? tree.dimension.role : null) as
    | Json
    | null
    | undefined;
  if (!isObject(role)) return roles;
  for (const kind of ["time", "geo", "metric"] as const) {
    const list = role[kind];
    if (Array.isArray(list)) for (const id of list) roles.set(String(id), kind);
  }
  return roles;
}

/** Reads a JSON-stat response (already parsed from JSON): 2.0 dataset, 1.x dataset or 1.x bundle. */
export function readJsonStat(raw: unknown): StatTable {
  const found = findDataset(raw);
  const { ids, n } = checkStructure(found.tree, found.version);
  const roles = rolesOf(found.tree);
  try {
    return buildTable(found, ids, n, roles);
  } catch (error) {
    if (error instanceof StatisticsFileError) throw error;
    throw new StatisticsFileError("Filen kan ikke leses som JSON-stat; den kan være skadet.");
  }
}

function buildTable(
  found: { tree: Json; version: string; name: string },
  ids: string[],
  n: number,
  roles: Map<string, StatRole>,
): StatTable {
  const tree = found.tree;
  // jsonstat-toolkit reads both versions; a 1.x dataset is handed over as a dataset of its own.
  const dataset = JSONstat({ ...tree, class: "dataset" }).Dataset(0);
  if (dataset?.class !== "dataset") throw new StatisticsFileError("Filen er ikke JSON-stat.");
  const dimensions: StatDimension[] = ids.map((id) => {
    const dim = dataset.Dimension(id);
    if (!dim) throw new StatisticsFileError(`Dimensjonen ${quote(id)} kan ikke leses.`);
    return {
      id,
      label: dim.label ?? id,
      role: roles.get(id) ?? null,
      categories: dim.id.map((code) => {
        const category = dim.Category(code);
        return {
          code,
          label: category?.label ?? code,
          unit: category?.unit?.label ?? category?.unit?.symbol ?? null,
          decimals: typeof category?.unit?.decimals === "number" ? category.unit.decimals : null,
        };
      }),
    };
  });
  checkLengths(typeof tree.label === "string" ? tree.label : "", dimensions);
  const values = dataset.value ?? [];
  const statuses = dataset.status ?? null;
  const sizes = dimensions.map((d) => d.categories.length);
  return {
    format: "json-stat",
    version: found.version === "2.0" ? "2.0" : "1.x",
    id: typeof tree.href === "string" ? tree.href : found.name,
    label: typeof tree.label === "string" ? tree.label : found.name,
    source: typeof tree.source === "string" ? tree.source : "",
    updated: typeof tree.updated === "string" ? tree.updated : null,
    dimensions,
    cellCount: n,
    forEachCell(visit) {
      // Row-major order: the last dimension changes fastest (JSON-stat's order of values).
      const coords = new Array<number>(sizes.length).fill(0);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        visit(coords, typeof v === "number" ? v : null, statuses?.[i] ?? null);
        for (let d = sizes.length - 1; d >= 0; d--) {
          const next = (coords[d] as number) + 1;
          if (next < (sizes[d] as number)) {
            coords[d] = next;
            break;
          }
          coords[d] = 0;
        }
      }
    },
  };
}

/** Parses JSON text and reads it as JSON-stat. */
export function readJsonStatText(text: string): StatTable {
  checkText(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new StatisticsFileError("Filen er ikke JSON-stat: den er ikke gyldig JSON.");
  }
  return readJsonStat(raw);
}
