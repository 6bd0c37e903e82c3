import { describe, expect, it } from "vitest";
import { measureChange } from "./measure-change.ts";

const base = {
  status: "in_progress" as const,
  statusReason: "",
  statusAsOf: null,
  updatedAt: "2026-05-02T10:00:00Z",
  statusHistory: [],
  inBudgetYears: [2026],
  planBudgetYears: [2026],
};

describe("measureChange", () => {
  it("says nothing of a running measure in the newest adopted plan", () => {
    expect(measureChange(base)).toBeNull();
  });

  it("names the first adopted year a measure is left out of, with the reason given when it was taken out", () => {
    expect(
      measureChange({
        ...base,
        planBudgetYears: [2026, 2027, 2028],
        statusReason: "Venter på svar",
        removal: { reason: " Erstattet av T-020 ", via: "manual" },
      }),
    ).toEqual({ kind: "removed", year: 2027, reason: "Erstattet av T-020", via: "manual" });
    expect(
      measureChange({
        ...base,
        planBudgetYears: [2026, 2027],
        removal: { reason: "", via: "prioritisation" },
      }),
    ).toEqual({ kind: "removed", year: 2027, reason: "", via: "prioritisation" });
    // Without a record of its taking out, the running state's reason is not offered as the reason.
    expect(measureChange({ ...base, planBudgetYears: [2026, 2027], statusReason: "Venter på svar" })).toEqual(
      { kind: "removed", year: 2027, reason: "", via: null },
    );
  });

  it("dates a stopped or completed measure by its state, its approved report or its last change", () => {
    expect(
      measureChange({ ...base, status: "stopped", statusAsOf: "2027-04-30", statusReason: "Ingen søkere" }),
    ).toEqual({ kind: "stopped", year: 2027, reason: "Ingen søkere", via: null });
    expect(
      measureChange({
        ...base,
        status: "completed",
        statusHistory: [{ status: "completed", approvedOn: "2028-01-15" }],
        planBudgetYears: [2026, 2029],
      }),
    ).toEqual({ kind: "completed", year: 2028, reason: "", via: null });
    expect(measureChange({ ...base, status: "stopped" })).toEqual({
      kind: "stopped",
      year: 2026,
      reason: "",
      via: null,
    });
  });
});
