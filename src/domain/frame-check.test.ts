import { describe, expect, it } from "vitest";
import { adoptionOverruns, checkFrames } from "./frame-check.ts";

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
        year: 2027,
        frameAreaId: "drift",
        frameNok: 1_000_000,
        frameStatus: "adopted",
        sumNok: 1_000_000,
        remainingNok: 0,
        overrunNok: 0,
      },
      {
        year: 2027,
        frameAreaId: "inv",
        frameNok: 2_000_000,
        frameStatus: "proposed",
        sumNok: 0,
        remainingNok: 2_000_000,
        overrunNok: 0,
      },
      {
        year: 2028,
        frameAreaId: "drift",
        frameNok: 500_000,
        frameStatus: "adopted",
        sumNok: 500_001,
        remainingNok: -1,
        overrunNok: 1,
      },
      {
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
