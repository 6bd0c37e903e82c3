import { describe, expect, it } from "vitest";
import {
  type Cell,
  diffMeasureSheet,
  type ImportTarget,
  parseKroner,
  parseMeasureSheet,
} from "./measures-import.ts";

const target: ImportTarget = {
  years: [2027, 2028, 2029, 2030],
  focusAreas: [
    { id: "fa1", title: "Grønn vekst" },
    { id: "fa2", title: "Kompetansebyen" },
  ],
  organisations: [{ id: "o1", name: "Næringsforeningen" }],
  fundingSources: [
    { id: "m1", name: "Næringsfond", kind: "municipal" },
    { id: "m2", name: "Bykassa", kind: "municipal" },
    { id: "e1", name: "Fylket", kind: "external" },
  ],
  measures: [
    {
      reference: "T-001",
      contentVersion: 3,
      title: "Havn",
      focusAreaId: "fa1",
      responsibleUnit: "Næring",
      contactPerson: "",
      partners: [{ organisationId: "o1", role: "lead" }],
      startYear: 2027,
      endYear: 2030,
      costs: [
        { year: 2027, fundingSourceId: "m1", amountNok: 100, externalStatus: null },
        { year: 2028, fundingSourceId: "m1", amountNok: 200, externalStatus: null },
        { year: 2027, fundingSourceId: "e1", amountNok: 50, externalStatus: "granted" },
      ],
    },
    {
      reference: "T-002",
      contentVersion: 1,
      title: "Delt",
      focusAreaId: "fa2",
      responsibleUnit: "",
      contactPerson: "",
      partners: [],
      startYear: 2027,
      endYear: 2028,
      costs: [
        { year: 2027, fundingSourceId: "m1", amountNok: 10, externalStatus: null },
        { year: 2027, fundingSourceId: "m2", amountNok: 20, externalStatus: null },
      ],
    },
  ],
};
const header = [
  "Referanse",
  "Tittel",
  "Satsingsområde",
  "Partnere",
  "Kommunalt 2027",
  "Kommunalt 2028",
  "Eksternt 2027",
];
const run = (rows: Cell[][]) => {
  const parsed = parseMeasureSheet("Tiltak", [header, ...rows]);
  const diff = diffMeasureSheet("Tiltak", parsed.rows, target);
  return { actions: diff.actions, problems: [...parsed.problems, ...diff.problems] };
};

describe("parseKroner", () => {
  it("reads whole kroner written the Norwegian way, and refuses the rest", () => {
    expect(parseKroner(1200)).toBe(1200);
    expect(parseKroner("1 200 000")).toBe(1_200_000);
    expect(parseKroner("1\u00a0200\u00a0000 kr")).toBe(1_200_000);
    expect(parseKroner("1.200.000,-")).toBe(1_200_000);
    expect(parseKroner("kr 500")).toBe(500);
    expect(parseKroner(null)).toBe(0);
    expect(parseKroner("")).toBe(0);
    for (const bad of [-5, 1.5, "12,5", "mye", "1e6"]) expect(parseKroner(bad)).toBe("invalid");
    // Above the bound of one amount (src/domain/money.ts), said as such.
    expect(parseKroner(100_000_000_000)).toBe(100_000_000_000);
    expect(parseKroner(100_000_000_001)).toBe("too_large");
    expect(parseKroner("9 007 199 254 740 993")).toBe("too_large");
  });
});

describe("the measures sheet against the draft", () => {
  it("an unchanged export is unchanged; the per-kind sources and statuses are kept", () => {
    const { actions, problems } = run([["T-001", "Havn", "Grønn vekst", "Næringsforeningen", 100, 200, 50]]);
    expect(problems).toEqual([]);
    expect(actions).toEqual([{ kind: "unchanged", row: 2, reference: "T-001", title: "Havn" }]);
  });

  it("a changed cost replaces that year and keeps the source, the other years and the external money", () => {
    const { actions } = run([["T-001", "Havn", "Grønn vekst", "Næringsforeningen", 100, 250, 50]]);
    const action = actions[0];
    if (action?.kind !== "changed") throw new Error("expected a change");
    expect(action.content).toBeNull();
    expect(action.fields).toEqual([
      { field: "municipal:2028", column: "Kommunalt 2028", before: "200", after: "250" },
    ]);
    expect(action.costs).toEqual(
      expect.arrayContaining([
        { year: 2027, fundingSourceId: "m1", amountNok: 100, externalStatus: null },
        { year: 2028, fundingSourceId: "m1", amountNok: 250, externalStatus: null },
        { year: 2027, fundingSourceId: "e1", amountNok: 50, externalStatus: "granted" },
      ]),
    );
    expect(action.costs).toHaveLength(3);
  });

  it("a new row needs a title and a known focus area; partners and sources are found by name", () => {
    const { actions, problems } = run([["", "Nytt", "kompetansebyen", "næringsforeningen", 0, 0, 0]]);
    expect(problems).toEqual([]);
    expect(actions[0]).toMatchObject({
      kind: "new",
      content: { focusAreaId: "fa2", partners: [{ organisationId: "o1" }] },
    });
    const bad = run([
      ["", "", "Ukjent", "Ukjent AS", 0, 0, 0],
      ["", "Penger uten kilde", "Grønn vekst", "", 500, 0, 0],
    ]);
    expect(bad.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "Tittel"],
      [2, "Satsingsområde"],
      [2, "Partnere"],
      [3, "Kommunal kilde"],
    ]);
  });

  it("reports unknown and repeated references, bad amounts, and split sources it cannot change", () => {
    const { problems } = run([
      ["T-999", "X", "Grønn vekst", "", 0, 0, 0],
      ["T-001", "Havn", "Grønn vekst", "", "tusen", 200, 50],
      ["t-001", "Havn", "Grønn vekst", "", 100, 200, 50],
      ["T-002", "Delt", "Kompetansebyen", "", 99, 0, 0],
    ]);
    expect(problems).toEqual([
      {
        sheet: "Tiltak",
        row: 3,
        column: "Kommunalt 2027",
        reason: "«tusen» er ikke et beløp i hele kroner (0 eller mer).",
      },
      expect.objectContaining({
        row: 2,
        column: "Referanse",
        reason: expect.stringContaining("finnes ikke"),
      }),
      expect.objectContaining({ row: 4, column: "Referanse", reason: "t-001 står også i rad 3." }),
      expect.objectContaining({
        row: 5,
        column: "Kommunal kilde",
        reason: expect.stringContaining("flere kilder"),
      }),
    ]);
  });

  it("refuses money outside the period and an end before the start", () => {
    const parsed = parseMeasureSheet("Tiltak", [
      ["Tittel", "Satsingsområde", "Fra år", "Til år", "Kommunalt 2031", "Kommunal kilde"],
      ["A", "Grønn vekst", 2029, 2027, 5, "Næringsfond"],
    ]);
    const { problems } = diffMeasureSheet("Tiltak", parsed.rows, target);
    expect(problems.map((p) => p.column)).toEqual(["Til år", "Kommunalt 2031"]);
  });

  it("a sheet without a «Tittel» column is refused as a whole", () => {
    expect(
      parseMeasureSheet("Ark1", [
        ["Navn", "Beløp"],
        ["a", 1],
      ]).problems,
    ).toEqual([
      { sheet: "Ark1", row: 1, column: null, reason: "Arket mangler kolonnen «Tittel» i første rad." },
    ]);
  });
});

describe("a measure taken out of the draft", () => {
  const taken = {
    ...target.measures[0],
    reference: "T-007",
    contentVersion: 4,
  } as ImportTarget["measures"][number];
  const withRemoved: ImportTarget = { ...target, removed: [taken] };
  const runWith = (rows: Cell[][]) => {
    const parsed = parseMeasureSheet("Tiltak", [header, ...rows]);
    return diffMeasureSheet("Tiltak", parsed.rows, withRemoved);
  };

  it("is put back by a row with its reference, changed against what it said when it left", () => {
    const same = runWith([["T-007", "Havn", "Grønn vekst", "Næringsforeningen", 100, 200, 50]]);
    expect(same.problems).toEqual([]);
    expect(same.actions).toEqual([
      expect.objectContaining({
        kind: "restore",
        reference: "T-007",
        contentVersion: 4,
        content: null,
        costs: null,
      }),
    ]);
    const changed = runWith([["T-007", "Havn og kai", "Grønn vekst", "Næringsforeningen", 100, 300, 50]]);
    expect(changed.actions[0]).toMatchObject({
      kind: "restore",
      content: { title: "Havn og kai" },
      costs: expect.arrayContaining([
        { year: 2028, fundingSourceId: "m1", amountNok: 300, externalStatus: null },
      ]),
    });
  });

  it("is still unknown without the list of taken-out measures", () => {
    expect(run([["T-007", "Havn", "Grønn vekst", "", 100, 200, 50]]).problems[0]?.reason).toContain(
      "finnes ikke i handlingsplanen",
    );
  });
});
