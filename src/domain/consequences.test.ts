import { describe, expect, it } from "vitest";
import { cycleActionConsequences, fewAnswers, roundChangeConsequences } from "./consequences.ts";

const facts = {
  budgetYear: 2027,
  phase: "vedtak" as const,
  targetPhase: null,
  undecidedProposals: 0,
  planStartYear: 2023,
  planEndYear: 2030,
};
const round = { panelCount: 6, answered: 6, published: false, minimumGroupSize: 3, hiddenGroups: [] };

describe("consequences", () => {
  it("adopting locks the plan and warns about proposals not decided", () => {
    expect(cycleActionConsequences("adopt", facts)).toEqual({
      consequences: [{ key: "consequence.adoptLocks", params: { year: 2027 } }],
      warnings: [],
    });
    expect(cycleActionConsequences("adopt", { ...facts, undecidedProposals: 3 }).warnings).toEqual([
      { key: "consequence.adoptUndecided", params: { count: 3 } },
    ]);
  });

  it("rolling creates next year's draft and warns when the plan period ends before it", () => {
    const inside = cycleActionConsequences("roll", facts);
    expect(inside.consequences[0]).toEqual({
      key: "consequence.rollCreatesDraft",
      params: { year: 2027, next: 2028 },
    });
    expect(inside.warnings).toEqual([]);
    expect(cycleActionConsequences("roll", { ...facts, planEndYear: 2027 }).warnings).toEqual([
      { key: "consequence.rollBeyondPeriod", params: { start: 2023, end: 2027, next: 2028 } },
    ]);
    expect(cycleActionConsequences("roll", { ...facts, planEndYear: 2028 }).warnings).toEqual([]);
  });

  it("advancing out of «Innspill» closes proposals; stepping back into it opens them", () => {
    const advance = cycleActionConsequences("advance", {
      ...facts,
      phase: "innspill",
      targetPhase: "utarbeidelse",
    });
    expect(advance.consequences.map((c) => c.key)).toEqual([
      "consequence.advancePhase",
      "consequence.advanceClosesProposals",
    ]);
    expect(advance.consequences[0]?.params).toEqual({
      from: { key: "cycle.phase.innspill" },
      to: { key: "cycle.phase.utarbeidelse" },
    });
    const back = cycleActionConsequences("step_back", {
      ...facts,
      phase: "utarbeidelse",
      targetPhase: "innspill",
    });
    expect(back.consequences.map((c) => c.key)).toEqual([
      "consequence.stepBackPhase",
      "consequence.stepBackOpensProposals",
    ]);
  });

  it("closing a round with few answers warns: fewer than three, or fewer than half", () => {
    expect(fewAnswers(2, 6)).toBe(true);
    expect(fewAnswers(3, 6)).toBe(false);
    expect(fewAnswers(3, 7)).toBe(true);
    expect(roundChangeConsequences("close", { ...round, answered: 2 }).warnings).toEqual([
      { key: "consequence.closeFewAnswers", params: { answered: 2, panel: 6 } },
    ]);
    expect(roundChangeConsequences("close", round).warnings).toEqual([]);
  });

  it("publishing states the anonymity rule and names the groups left out", () => {
    const publish = roundChangeConsequences("publish", { ...round, hiddenGroups: ["T-1 næringsliv"] });
    expect(publish.consequences.map((c) => c.key)).toEqual([
      "consequence.publishRound",
      "consequence.publishRule",
    ]);
    expect(publish.warnings[0]).toEqual({
      key: "consequence.publishHidden",
      params: { minimum: 3, groups: "T-1 næringsliv" },
    });
    expect(roundChangeConsequences("reopen", { ...round, published: true }).consequences).toHaveLength(2);
  });
});
