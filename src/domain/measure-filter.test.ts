import { describe, expect, it } from "vitest";
import { type FilterableMeasure, filterMeasures, matchesQuery, nextReference } from "./measure-filter.ts";

const m = (over: Partial<FilterableMeasure>): FilterableMeasure => ({
  reference: "T-001",
  title: "Tiltak",
  searchText: "",
  focusAreaId: "fa1",
  focusAreaTitle: "Attraktive Drammen",
  status: "planned",
  progress: null,
  ownerUserId: null,
  ownerName: null,
  partners: [],
  tags: [],
  ...over,
});

const measures = [
  m({ reference: "T-010", title: "Økt eksport", status: "in_progress", progress: 40, tags: ["Eksport"] }),
  m({
    reference: "T-002",
    title: "Landstrøm",
    focusAreaId: "fa2",
    focusAreaTitle: "Havnebyen Drammen",
    partners: [{ id: "o1", name: "Næringsforeningen i Drammensregionen", role: "lead" }],
    ownerUserId: "u1",
    ownerName: "Kari",
  }),
  m({
    reference: "T-003",
    title: "Ærlig handel",
    searchText: "Samarbeid med USN om studentprosjekter",
    status: "stopped",
    progress: 10,
  }),
];

describe("search", () => {
  it("finds «næring» in «Næringsforeningen», whatever the case", () => {
    expect(filterMeasures(measures, { q: "næring" }).map((x) => x.reference)).toEqual(["T-002"]);
    expect(filterMeasures(measures, { q: "NÆRING" }).map((x) => x.reference)).toEqual(["T-002"]);
  });

  it("searches description, tags and reference, and needs every word", () => {
    expect(filterMeasures(measures, { q: "usn student" }).map((x) => x.reference)).toEqual(["T-003"]);
    expect(filterMeasures(measures, { q: "eksport" }).map((x) => x.reference)).toEqual(["T-010"]);
    expect(filterMeasures(measures, { q: "t-010" }).map((x) => x.reference)).toEqual(["T-010"]);
    expect(filterMeasures(measures, { q: "usn landstrøm" })).toEqual([]);
    expect(matchesQuery(measures[0] as FilterableMeasure, "   ")).toBe(true);
  });

  it("treats decomposed and composed letters alike", () => {
    expect(filterMeasures(measures, { q: "A\u030Arlig".normalize("NFD") })).toEqual([]);
    expect(filterMeasures(measures, { q: "ærlig".normalize("NFD") }).map((x) => x.reference)).toEqual([
      "T-003",
    ]);
  });
});

describe("filters and sorting", () => {
  it("filters by focus area, status, owner, partner and tag", () => {
    expect(filterMeasures(measures, { focusAreaId: "fa2" }).map((x) => x.reference)).toEqual(["T-002"]);
    expect(filterMeasures(measures, { status: "stopped" }).map((x) => x.reference)).toEqual(["T-003"]);
    expect(filterMeasures(measures, { ownerUserId: "u1" }).map((x) => x.reference)).toEqual(["T-002"]);
    expect(filterMeasures(measures, { organisationId: "o1" }).map((x) => x.reference)).toEqual(["T-002"]);
    expect(filterMeasures(measures, { tag: "eksport" }).map((x) => x.reference)).toEqual(["T-010"]);
    expect(filterMeasures(measures, { status: "completed" })).toEqual([]);
  });

  it("sorts by reference numerically by default, and by Norwegian alphabet on title", () => {
    expect(filterMeasures(measures, {}).map((x) => x.reference)).toEqual(["T-002", "T-003", "T-010"]);
    expect(filterMeasures(measures, { sort: "title" }).map((x) => x.title)).toEqual([
      "Landstrøm",
      "Ærlig handel",
      "Økt eksport",
    ]);
    expect(filterMeasures(measures, { sort: "progress", descending: true }).map((x) => x.reference)).toEqual([
      "T-010",
      "T-003",
      "T-002",
    ]);
  });
});

describe("nextReference", () => {
  it("continues after the highest number and never reuses one", () => {
    expect(nextReference([])).toBe("T-001");
    expect(nextReference(["T-001", "T-014", "T-003"])).toBe("T-015");
    expect(nextReference(["T-999"])).toBe("T-1000");
  });
});
