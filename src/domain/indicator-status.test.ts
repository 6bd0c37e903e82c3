import { describe, expect, it } from "vitest";
import { latestValue, meetsTarget, targetFor, trackStatus } from "./indicator-status.ts";

describe("trackStatus", () => {
  const series = [
    { period: "2021", value: 100 },
    { period: "2023", value: null },
    { period: "2022", value: 120 },
  ];

  it("takes the latest period with a number, skipping missing values", () => {
    expect(latestValue(series)).toEqual({ period: "2022", year: 2022, value: 120 });
    expect(
      latestValue([
        { period: "2023K4", value: 1 },
        { period: "2023K10", value: 2 },
      ])?.value,
    ).toBe(2);
    expect(trackStatus("higher_is_better", [{ period: "2023", value: null }], [])).toEqual({
      kind: "no_data",
    });
  });

  it("picks the same year's target, else the next ahead, else the latest before", () => {
    const targets = [
      { year: 2020, value: 1 },
      { year: 2025, value: 3 },
      { year: 2022, value: 2 },
    ];
    expect(targetFor(2022, targets)).toEqual({ year: 2022, value: 2 });
    expect(targetFor(2023, targets)).toEqual({ year: 2025, value: 3 });
    expect(targetFor(2030, targets)).toEqual({ year: 2025, value: 3 });
    expect(targetFor(2030, [])).toBeNull();
  });

  it("compares by direction", () => {
    expect(meetsTarget("higher_is_better", 120, 120)).toBe(true);
    expect(meetsTarget("higher_is_better", 119, 120)).toBe(false);
    expect(meetsTarget("lower_is_better", 119, 120)).toBe(true);
    expect(meetsTarget("lower_is_better", 121, 120)).toBe(false);
    expect(meetsTarget("stable", 105, 100)).toBe(true);
    expect(meetsTarget("stable", 94.9, 100)).toBe(false);
    expect(meetsTarget("stable", 0, 0)).toBe(true);
  });

  it("gives on track, off track, or no target", () => {
    expect(trackStatus("higher_is_better", series, [{ year: 2022, value: 110 }])).toEqual({
      kind: "on_track",
      latest: { period: "2022", year: 2022, value: 120 },
      target: { year: 2022, value: 110 },
    });
    expect(trackStatus("lower_is_better", series, [{ year: 2022, value: 110 }]).kind).toBe("off_track");
    expect(trackStatus("lower_is_better", series, []).kind).toBe("no_target");
  });
});
