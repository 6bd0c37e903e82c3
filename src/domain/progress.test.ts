import { describe, expect, it } from "vitest";
import { rollUpProgress } from "./progress.ts";

describe("rollUpProgress", () => {
  it("averages the measures' progress, each weighing the same", () => {
    expect(
      rollUpProgress([
        { status: "in_progress", progress: 20 },
        { status: "in_progress", progress: 50 },
        { status: "delayed", progress: 35 },
      ]),
    ).toEqual({ progress: 35, counted: 3, stopped: 0, withoutProgress: 0 });
  });

  it("leaves stopped measures out, and says how many", () => {
    expect(
      rollUpProgress([
        { status: "in_progress", progress: 40 },
        { status: "stopped", progress: 90 },
      ]),
    ).toEqual({ progress: 40, counted: 1, stopped: 1, withoutProgress: 0 });
  });

  it("counts a measure without progress as 0 %, or 100 % when completed", () => {
    expect(
      rollUpProgress([
        { status: "planned", progress: null },
        { status: "completed", progress: null },
        { status: "in_progress", progress: 50 },
      ]),
    ).toEqual({ progress: 50, counted: 3, stopped: 0, withoutProgress: 2 });
  });

  it("rounds to whole percent, and gives null when nothing counts", () => {
    expect(
      rollUpProgress([
        { status: "in_progress", progress: 33 },
        { status: "in_progress", progress: 34 },
      ]).progress,
    ).toBe(34);
    expect(rollUpProgress([])).toEqual({ progress: null, counted: 0, stopped: 0, withoutProgress: 0 });
    expect(rollUpProgress([{ status: "stopped", progress: 10 }])).toEqual({
      progress: null,
      counted: 0,
      stopped: 1,
      withoutProgress: 0,
    });
  });
});
