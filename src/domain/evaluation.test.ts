import { describe, expect, it } from "vitest";
import {
  type AnswerInput,
  acceptsAnswers,
  aggregateMeasure,
  completedMeasures,
  criteriaProblems,
  criterionKey,
  defaultCriteria,
  evaluationValue,
  scoreProblems,
  scoreStats,
  sectorOf,
} from "./evaluation.ts";

const criteria = [
  { key: "relevans", title: "Relevans for målene" },
  { key: "effekt", title: "Effekt så langt" },
];

describe("scoreStats", () => {
  it("gives mean, population standard deviation, min and max", () => {
    expect(scoreStats([2, 4, 4, 4, 5, 5, 5, 1])).toMatchObject({ count: 8, cannotAssess: 0, min: 1, max: 5 });
    const s = scoreStats([2, 4, 4, 4]);
    expect(s.mean).toBe(3.5);
    expect(s.standardDeviation).toBeCloseTo(Math.sqrt(0.75), 2);
  });

  it("leaves «kan ikke vurdere» out of the mean and counts it apart; unanswered is not counted", () => {
    const s = scoreStats([5, null, 3, undefined, null]);
    expect(s).toEqual({ count: 2, cannotAssess: 2, mean: 4, standardDeviation: 1, min: 3, max: 5 });
  });

  it("has no numbers when nobody could assess", () => {
    expect(scoreStats([null, null])).toEqual({
      count: 0,
      cannotAssess: 2,
      mean: null,
      standardDeviation: null,
      min: null,
      max: null,
    });
  });
});

describe("sectorOf", () => {
  it("puts internal roles in the municipality and partners in their organisation's sector", () => {
    expect(sectorOf("planner", null)).toBe("municipality");
    expect(sectorOf("measure_owner", "business")).toBe("municipality");
    expect(sectorOf("partner", "business")).toBe("business");
    expect(sectorOf("partner", "academia")).toBe("academia");
    expect(sectorOf("partner", "public")).toBe("other");
    expect(sectorOf("partner", "voluntary")).toBe("other");
    expect(sectorOf("partner", null)).toBe("other");
  });
});

describe("aggregateMeasure", () => {
  const answers: AnswerInput[] = [
    { sector: "business", scores: { relevans: 5, effekt: 4 }, recommendation: "scale_up" },
    { sector: "business", scores: { relevans: 3, effekt: null }, recommendation: "continue" },
    { sector: "academia", scores: { relevans: 4, effekt: 2 }, recommendation: "adjust" },
    { sector: "municipality", scores: { relevans: null }, recommendation: null },
  ];
  const result = aggregateMeasure(criteria, answers);

  it("aggregates each criterion over all answers, without «kan ikke vurdere»", () => {
    expect(result.answers).toBe(4);
    const [relevans, effekt] = result.criteria;
    expect(relevans).toMatchObject({ count: 3, cannotAssess: 1, mean: 4, min: 3, max: 5 });
    expect(relevans?.standardDeviation).toBeCloseTo(Math.sqrt(2 / 3), 2);
    expect(effekt).toMatchObject({ count: 2, cannotAssess: 1, mean: 3, min: 2, max: 4 });
    expect(result.overallMean).toBe(3.5);
  });

  it("splits by the sectors that occur", () => {
    const relevans = result.criteria[0];
    expect(Object.keys(relevans?.bySector ?? {})).toEqual(["business", "academia", "municipality"]);
    expect(relevans?.bySector.business).toMatchObject({ count: 2, mean: 4 });
    expect(relevans?.bySector.academia).toMatchObject({ count: 1, mean: 4 });
    expect(relevans?.bySector.municipality).toMatchObject({ count: 0, cannotAssess: 1, mean: null });
    expect(result.criteria[1]?.bySector.business).toMatchObject({ count: 1, cannotAssess: 1, mean: 4 });
    expect(result.sectors.map((s) => [s.sector, s.answers])).toEqual([
      ["business", 2],
      ["academia", 1],
      ["municipality", 1],
    ]);
  });

  it("counts the recommendations, overall and per sector", () => {
    expect(result.recommendations).toEqual({ continue: 1, adjust: 1, scale_up: 1, stop: 0 });
    expect(result.sectors[0]?.recommendations).toEqual({ continue: 1, adjust: 0, scale_up: 1, stop: 0 });
  });

  it("has no numbers without answers", () => {
    const empty = aggregateMeasure(criteria, []);
    expect(empty.overallMean).toBeNull();
    expect(empty.sectors).toEqual([]);
    expect(empty.criteria[0]).toMatchObject({ count: 0, mean: null, bySector: {} });
  });
});

describe("rules for criteria and scores", () => {
  it("accepts the default criteria and refuses none or duplicates", () => {
    expect(criteriaProblems(defaultCriteria)).toEqual([]);
    expect(criteriaProblems([])).toHaveLength(1);
    expect(criteriaProblems([...criteria, { key: "x", title: "effekt så langt" }])).toHaveLength(1);
  });

  it("makes unique keys from titles", () => {
    expect(criterionKey("Bærekraft og miljø", [])).toBe("baerekraft-og-miljo");
    expect(criterionKey("Effekt", ["effekt"])).toBe("effekt-2");
    expect(criterionKey("!!!", [])).toBe("kriterium");
  });

  it("refuses scores outside 1–5 and unknown criteria; null is «kan ikke vurdere»", () => {
    expect(scoreProblems(criteria, { relevans: 1, effekt: 5 })).toEqual([]);
    expect(scoreProblems(criteria, { relevans: null })).toEqual([]);
    expect(scoreProblems(criteria, { relevans: 6 })).toHaveLength(1);
    expect(scoreProblems(criteria, { relevans: 0 })).toHaveLength(1);
    expect(scoreProblems(criteria, { relevans: 2.5 })).toHaveLength(1);
    expect(scoreProblems(criteria, { annet: 3 })).toHaveLength(1);
  });

  it("takes answers until the deadline day has passed or the round is closed", () => {
    expect(acceptsAnswers({ status: "open", deadline: "2027-03-01" }, "2027-03-01")).toBe(true);
    expect(acceptsAnswers({ status: "open", deadline: "2027-03-01" }, "2027-03-02")).toBe(false);
    expect(acceptsAnswers({ status: "closed", deadline: "2027-03-01" }, "2027-02-01")).toBe(false);
  });

  it("counts measures with every criterion answered", () => {
    expect(
      completedMeasures(criteria, [{ scores: { relevans: 2, effekt: null } }, { scores: { relevans: 2 } }]),
    ).toBe(1);
  });

  it("turns the overall mean into a whole prioritisation value, the middle without a score", () => {
    expect(evaluationValue(1)).toBe(100);
    expect(evaluationValue(5)).toBe(500);
    expect(evaluationValue(3.88)).toBe(388);
    expect(evaluationValue(null)).toBe(300);
  });
});
