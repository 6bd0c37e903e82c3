import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageLimits, pageOfSorted } from "./paging.ts";

const items = Array.from({ length: 7 }, (_, i) => ({ id: `id-${i}` }));
const idOf = (item: { id: string }) => item.id;

describe("pageOfSorted", () => {
  it("walks a list in pages of `limit`, the last page without a cursor", () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = pageOfSorted("test", items, idOf, { cursor, limit: 3 });
      seen.push(...page.items.map(idOf));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(items.map(idOf));
  });

  it("continues at the position when the last item shown has gone since", () => {
    const first = pageOfSorted("test", items, idOf, { limit: 3 });
    const without = items.filter((i) => i.id !== "id-2");
    const next = pageOfSorted("test", without, idOf, { cursor: first.nextCursor ?? "", limit: 3 });
    expect(next.items.map(idOf)).toEqual(["id-3", "id-4", "id-5"]);
  });

  it("has a default and a maximum limit", () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ id: String(i) }));
    expect(pageOfSorted("test", many, idOf, {}).items).toHaveLength(pageLimits.default);
    expect(pageOfSorted("test", many, idOf, { limit: 10_000 }).items).toHaveLength(pageLimits.max);
  });
});

describe("cursors", () => {
  it("round-trip, and refuse another list's cursor, another shape, or garbage", () => {
    const cursor = encodeCursor("audit", ["2026-03-01T10:00:00.123456Z", 42]);
    expect(decodeCursor("audit", cursor, ["string", "number"])).toEqual(["2026-03-01T10:00:00.123456Z", 42]);
    expect(() => decodeCursor("measures", cursor, ["string", "number"])).toThrow(/cursor/);
    expect(() => decodeCursor("audit", cursor, ["string", "string"])).toThrow(/cursor/);
    expect(() => decodeCursor("audit", "%%%", ["string"])).toThrow(/cursor/);
    expect(() => decodeCursor("audit", encodeCursor("audit", [1.5]), ["number"])).toThrow(/cursor/);
  });
});
