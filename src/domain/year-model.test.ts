import { describe, expect, it } from "vitest";
import { type CycleForYear, cycleRoles, defaultBudgetYear } from "./year-model.ts";

const cycle = (budgetYear: number, adoptedOn: string | null, phase: CycleForYear["phase"] = "innspill") => ({
  budgetYear,
  phase,
  adopted: adoptedOn !== null,
  adoptedOn,
});
const roles = (cycles: CycleForYear[], today: string) =>
  Object.fromEntries(cycleRoles(cycles, today).map((c) => [c.budgetYear, c.role]));

describe("cycleRoles", () => {
  it("in December 2026 with 2026 and 2027 adopted and 2028 in preparation", () => {
    const cycles = [
      cycle(2028, null),
      cycle(2027, "2026-12-15", "gjennomforing"),
      cycle(2026, "2025-12-14", "gjennomforing"),
      cycle(2025, "2024-12-10", "avsluttet"),
    ];
    expect(roles(cycles, "2026-12-20")).toEqual({
      2028: "preparation",
      2027: "adopted_upcoming",
      2026: "execution",
      2025: "past",
    });
    expect(roles(cycles, "2027-01-02")).toMatchObject({
      2027: "execution",
      2026: "past",
      2028: "preparation",
    });
  });

  it("before the adopted plan's year starts, the newest adopted one is in execution", () => {
    const cycles = [cycle(2028, null), cycle(2027, "2026-12-15")];
    expect(roles(cycles, "2026-12-20")).toEqual({ 2028: "preparation", 2027: "execution" });
  });

  it("with nothing adopted, the newest cycle is in preparation and older drafts are past", () => {
    expect(roles([cycle(2027, null), cycle(2026, null)], "2026-05-01")).toEqual({
      2027: "preparation",
      2026: "past",
    });
  });

  it("keeps the input order and the other fields", () => {
    const out = cycleRoles([{ ...cycle(2026, "2025-12-01"), id: "a" }], "2026-03-01");
    expect(out).toEqual([{ ...cycle(2026, "2025-12-01"), id: "a", role: "execution" }]);
  });

  it("a draft older than the plan in execution is past", () => {
    expect(roles([cycle(2027, "2026-12-01"), cycle(2026, null)], "2027-02-01")).toEqual({
      2027: "execution",
      2026: "past",
    });
  });
});

describe("defaultBudgetYear", () => {
  const alive = cycleRoles([cycle(2028, null), cycle(2027, "2026-12-15")], "2026-12-20");
  it("execution work shows the plan in execution, planning work the plan in preparation", () => {
    expect(defaultBudgetYear(alive, "execution")).toBe(2027);
    expect(defaultBudgetYear(alive, "planning")).toBe(2028);
  });
  it("falls back when a role is missing", () => {
    const drafts = cycleRoles([cycle(2027, null)], "2026-12-20");
    expect(defaultBudgetYear(drafts, "execution")).toBe(2027);
    const adopted = cycleRoles([cycle(2027, "2026-12-15"), cycle(2026, "2025-12-15")], "2026-12-20");
    expect(defaultBudgetYear(adopted, "planning")).toBe(2027);
    expect(defaultBudgetYear([], "execution")).toBeNull();
  });
});
