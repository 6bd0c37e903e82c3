import { describe, expect, it } from "vitest";
import { defaultPhaseDates, phaseOnDate, stepBackProblems, transitionProblems } from "./phases.ts";

const ok = {
  measureCount: 3,
  measuresNeedingReview: 0,
  actionPlanAdopted: false,
  openRevision: false,
  framesNotAdopted: [],
};

describe("phases", () => {
  it("follow the usual municipal year: adoption in December before the budget year", () => {
    const dates = defaultPhaseDates(2027);
    expect(dates.innspill.start).toBe("2026-01-01");
    expect(dates.vedtak.end).toBe("2026-12-20");
    expect(dates.gjennomforing).toEqual({ start: "2027-01-01", end: "2027-12-31" });
    expect(phaseOnDate(dates, "2026-11-27")).toBe("vedtak");
    expect(phaseOnDate(dates, "2026-07-15")).toBeNull();
  });

  it("move one step forward at a time", () => {
    expect(transitionProblems("innspill", "utarbeidelse", ok)).toEqual([]);
    expect(transitionProblems("innspill", "rammesak", ok)[0]).toMatch(/ett steg/);
    expect(transitionProblems("vedtak", "tilpasning", ok)[0]).toMatch(/ett steg/);
  });

  it("refuse adoption phase without measures or with measures still to review, saying what is missing", () => {
    expect(transitionProblems("tilpasning", "vedtak", { ...ok, measureCount: 0 })).toEqual([
      "Handlingsplanen har ingen tiltak.",
    ]);
    expect(transitionProblems("tilpasning", "vedtak", { ...ok, measuresNeedingReview: 2 })).toEqual([
      "2 tiltak er merket «må vurderes» og må gås gjennom først.",
    ]);
  });

  it("need adopted budget frames for every year and area the plan spends in before «vedtak»", () => {
    expect(
      transitionProblems("tilpasning", "vedtak", { ...ok, framesNotAdopted: ["2027 Drift", "2028 Drift"] }),
    ).toEqual(["Budsjettrammen er ikke vedtatt for 2027 Drift, 2028 Drift."]);
  });

  it("need an adopted action plan before implementation, and no open revision to close", () => {
    expect(transitionProblems("vedtak", "gjennomforing", ok)[0]).toMatch(/ikke vedtatt/);
    expect(transitionProblems("vedtak", "gjennomforing", { ...ok, actionPlanAdopted: true })).toEqual([]);
    expect(transitionProblems("evaluering", "avsluttet", { ...ok, openRevision: true })[0]).toMatch(
      /revisjon/,
    );
  });
});

describe("stepping back", () => {
  it("goes one phase back before adoption, from «Vedtak» at the latest", () => {
    expect(stepBackProblems("utarbeidelse", { actionPlanAdopted: false })).toEqual({
      to: "innspill",
      problems: [],
    });
    expect(stepBackProblems("vedtak", { actionPlanAdopted: false }).to).toBe("tilpasning");
    expect(stepBackProblems("innspill", { actionPlanAdopted: false }).problems).toEqual(["first_phase"]);
    expect(stepBackProblems("vedtak", { actionPlanAdopted: true }).problems).toEqual(["adopted"]);
    expect(stepBackProblems("gjennomforing", { actionPlanAdopted: true }).problems).toEqual([
      "after_decision",
      "adopted",
    ]);
  });
});
