import { describe, expect, it } from "vitest";
import { type MeasureToRoll, planRolling } from "./rolling.ts";

const m = (over: Partial<MeasureToRoll>): MeasureToRoll => ({
  measureId: "m1",
  reference: "T-001",
  status: "in_progress",
  endYear: 2030,
  costs: [],
  ...over,
});

describe("planRolling", () => {
  it("moves the period one year on and carries running measures with the costs still inside it", () => {
    const plan = planRolling(2027, [
      m({
        costs: [
          { year: 2027, fundingSourceId: "s", amountNok: 100 },
          { year: 2028, fundingSourceId: "s", amountNok: 200 },
          { year: 2030, fundingSourceId: "s", amountNok: 400 },
        ],
      }),
    ]);
    expect(plan.budgetYear).toBe(2028);
    expect(plan.carried).toHaveLength(1);
    // 2027 falls out of the period 2028–2031; 2031, the new last year, starts empty.
    expect(plan.carried[0]?.costs.map((c) => c.year)).toEqual([2028, 2030]);
    expect(plan.carried[0]?.reviewNote).toContain("2031");
  });

  it("leaves completed, stopped and ended measures in history", () => {
    const plan = planRolling(2027, [
      m({ measureId: "a", reference: "T-001", status: "completed" }),
      m({ measureId: "b", reference: "T-002", status: "stopped" }),
      m({ measureId: "c", reference: "T-003", endYear: 2027 }),
      m({ measureId: "d", reference: "T-004", status: "delayed" }),
      m({ measureId: "e", reference: "T-005", status: "planned", endYear: 2028 }),
    ]);
    expect(plan.carried.map((c) => c.measureId)).toEqual(["d", "e"]);
    expect(plan.left).toEqual([
      { measureId: "a", reference: "T-001", why: "fullført" },
      { measureId: "b", reference: "T-002", why: "stoppet" },
      { measureId: "c", reference: "T-003", why: "perioden sluttet 2027" },
    ]);
  });

  it("applies evaluation recommendations: stop is not carried, adjust is flagged", () => {
    const plan = planRolling(2027, [
      m({ measureId: "a", recommendation: "stop" }),
      m({ measureId: "b", recommendation: "adjust" }),
      m({ measureId: "c", recommendation: "scale_up" }),
    ]);
    expect(plan.left.map((l) => l.why)).toEqual(["evalueringen anbefalte stopp"]);
    expect(plan.carried.find((c) => c.measureId === "b")?.reviewNote).toMatch(/justere/);
    expect(plan.carried.find((c) => c.measureId === "c")?.reviewNote).not.toMatch(/justere/);
  });

  it("flags every carried measure «må vurderes»", () => {
    const plan = planRolling(2030, [m({ endYear: 2040 }), m({ measureId: "m2", endYear: 2031 })]);
    expect(plan.carried.every((c) => c.reviewNote.length > 0)).toBe(true);
  });
});
