import { describe, expect, it } from "vitest";
import { adoptionOverruns, checkFrames, countOwnShares, frameRowState } from "./frame-check.ts";

describe("frameRowState", () => {
  it("is over only against an existing frame; money without a frame is unframed, not over", () => {
    expect(frameRowState(100, 100)).toBe("within");
    expect(frameRowState(100, 101)).toBe("over");
    expect(frameRowState(0, 1)).toBe("over");
    expect(frameRowState(null, 1)).toBe("unframed");
    expect(frameRowState(null, 0)).toBe("empty");
  });
});

describe("checkFrames", () => {
  const years = [2027, 2028];
  const frameAreaIds = ["drift", "inv"];
  const frames = [
    { frameAreaId: "drift", year: 2027, amountNok: 1_000_000, status: "adopted" as const },
    { frameAreaId: "drift", year: 2028, amountNok: 500_000, status: "adopted" as const },
    { frameAreaId: "inv", year: 2027, amountNok: 2_000_000, status: "proposed" as const },
  ];

  it("sums municipal funding per year and area exactly, and ignores external money", () => {
    const rows = checkFrames({
      years,
      frameAreaIds,
      frames,
      costs: [
        { reference: "T-1", frameAreaId: "drift", year: 2027, amountNok: 600_001 },
        { reference: "T-2", frameAreaId: "drift", year: 2027, amountNok: 399_999 },
        { reference: "T-2", frameAreaId: null, year: 2027, amountNok: 9_000_000 },
        { reference: "T-1", frameAreaId: "drift", year: 2028, amountNok: 500_001 },
        { reference: "T-3", frameAreaId: "inv", year: 2028, amountNok: 10 },
      ],
    });
    expect(rows).toEqual([
      {
        state: "within",
        year: 2027,
        frameAreaId: "drift",
        frameNok: 1_000_000,
        frameStatus: "adopted",
        sumNok: 1_000_000,
        remainingNok: 0,
        overrunNok: 0,
      },
      {
        state: "within",
        year: 2027,
        frameAreaId: "inv",
        frameNok: 2_000_000,
        frameStatus: "proposed",
        sumNok: 0,
        remainingNok: 2_000_000,
        overrunNok: 0,
      },
      {
        state: "over",
        year: 2028,
        frameAreaId: "drift",
        frameNok: 500_000,
        frameStatus: "adopted",
        sumNok: 500_001,
        remainingNok: -1,
        overrunNok: 1,
      },
      {
        state: "unframed",
        year: 2028,
        frameAreaId: "inv",
        frameNok: null,
        frameStatus: null,
        sumNok: 10,
        remainingNok: null,
        overrunNok: 0,
      },
    ]);
  });

  it("lists every overrun against adopted frames, treating a missing adopted frame as 0 kr", () => {
    const rows = checkFrames({
      years,
      frameAreaIds,
      frames,
      costs: [
        { reference: "T-1", frameAreaId: "drift", year: 2028, amountNok: 500_001 },
        { reference: "T-2", frameAreaId: "inv", year: 2027, amountNok: 5 },
        { reference: "T-3", frameAreaId: "inv", year: 2028, amountNok: 7 },
      ],
    });
    expect(adoptionOverruns(rows)).toEqual([
      { year: 2027, frameAreaId: "inv", frameNok: null, sumNok: 5, excessNok: 5 },
      { year: 2028, frameAreaId: "drift", frameNok: 500_000, sumNok: 500_001, excessNok: 1 },
      { year: 2028, frameAreaId: "inv", frameNok: null, sumNok: 7, excessNok: 7 },
    ]);
  });

  it("finds nothing to refuse when everything fits", () => {
    expect(adoptionOverruns(checkFrames({ years, frameAreaIds, frames, costs: [] }))).toEqual([]);
  });
});

describe("countOwnShares (shared measures)", () => {
  const frames = [
    { frameAreaId: "drift", year: 2027, amountNok: 1_000_000, status: "adopted" as const },
    { frameAreaId: "lier-drift", year: 2027, amountNok: 1_000_000, status: "adopted" as const },
  ];
  const costs = [
    { measureId: "m1", reference: "T-1", frameAreaId: "drift", year: 2027, amountNok: 600_001 },
    { measureId: "m1", reference: "T-1", frameAreaId: null, year: 2027, amountNok: 50_000 },
    { measureId: "m2", reference: "T-2", frameAreaId: "drift", year: 2027, amountNok: 100_000 },
  ];
  const participantsByMeasure = new Map([
    ["m1", [{ municipalityId: "lier", percent: 40, frameAreaId: "lier-drift" }]],
  ]);

  it("the owner counts only its share of a shared measure, the rest unchanged", () => {
    const counted = countOwnShares({
      municipalityId: "drammen",
      costs,
      participantsByMeasure,
      joinedShares: [],
    });
    const [row] = checkFrames({ years: [2027], frameAreaIds: ["drift"], frames, costs: counted });
    // 60 % of 600 001 = 360 000.6 → 360 001 (largest remainder), plus T-2's 100 000; external money never counts.
    expect(row?.sumNok).toBe(460_001);
  });

  it("the participant counts its share in its own frame area; the two shares sum to the cost", () => {
    const lierShare = 600_001 - 360_001;
    const counted = countOwnShares({
      municipalityId: "lier",
      costs: [],
      participantsByMeasure: new Map(),
      joinedShares: [
        { reference: "Drammen T-1", frameAreaId: "lier-drift", year: 2027, amountNok: lierShare },
      ],
    });
    const [row] = checkFrames({ years: [2027], frameAreaIds: ["lier-drift"], frames, costs: counted });
    expect(row?.sumNok).toBe(240_000);
  });

  it("a measure without participants counts in full", () => {
    const counted = countOwnShares({
      municipalityId: "drammen",
      costs,
      participantsByMeasure: new Map(),
      joinedShares: [],
    });
    expect(checkFrames({ years: [2027], frameAreaIds: ["drift"], frames, costs: counted })[0]?.sumNok).toBe(
      700_001,
    );
  });
});
