/** What changed in an object, field by field. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** JSON with object keys sorted, so equal values compare equal whatever order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Field-by-field changes between two states of an object, over the named fields. */
export function diffFields<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: readonly (keyof T & string)[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (!same(b, a)) changes[field] = { before: b, after: a };
  }
  return changes;
}

/**
 * One CSV cell: quoted when needed, and text guarded against formulas when opened in a spreadsheet
 * (a leading =, +, -, @, tab or carriage return gets an apostrophe, as OWASP advises). Numbers are
 * numbers: -5 stays -5.
 */
export function csvCell(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  let text =
    value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(";")).join("\r\n");
}
