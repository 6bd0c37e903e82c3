import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnswerInput,
  aggregateMeasure,
  anonymiseResult,
  type EvaluationCriterion,
  minimumGroupSize,
  type Sector,
  safeGroups,
  sectors,
} from "./evaluation.ts";

const criteria: EvaluationCriterion[] = [
  { key: "a", title: "A" },
  { key: "b", title: "B" },
];
const answer = (sector: Sector, a: number | null = 4): AnswerInput => ({
  sector,
  scores: { a, b: 3 },
  recommendation: "continue",
});

describe("anonymity of the published summary", () => {
  it("hides a sector with two respondents, and the whole when fewer than three answered", () => {
    const result = anonymiseResult(
      aggregateMeasure(criteria, [
        answer("municipality"),
        answer("municipality"),
        answer("municipality"),
        answer("municipality"),
        answer("business", 1),
        answer("business", 1),
        answer("academia"),
        answer("academia"),
        answer("academia"),
      ]),
    );
    // Business (2) is hidden; with the whole shown, academia (3) goes too, or 9 − 4 − 3 = 2 gives it away.
    expect(result.hiddenSectors).toEqual(["business", "academia"]);
    expect(result.sectors.map((s) => s.sector)).toEqual(["municipality"]);
    expect(result.criteria[0]?.bySector.business).toBeUndefined();
    const tiny = anonymiseResult(aggregateMeasure(criteria, [answer("business"), answer("business")]));
    expect(tiny.hidden).toBe(true);
    expect(tiny.answers).toBe(0);
    expect(tiny.criteria[0]?.mean).toBeNull();
  });

  it("hides one more sector when the hidden ones could be found by subtraction", () => {
    // 4 answers: 3 municipality + 1 business. Showing the whole and «kommunen» would give away the one.
    expect(safeGroups(4, { municipality: 3, business: 1 }, 3)).toEqual({ wholeShown: true, shown: [] });
    expect(safeGroups(7, { municipality: 3, business: 4 }, 3)).toEqual({
      wholeShown: true,
      shown: ["municipality", "business"],
    });
    expect(safeGroups(2, { municipality: 2 }, 3)).toEqual({ wholeShown: false, shown: [] });
  });

  it("never shows a group under three, nor one derivable from the others (property)", () => {
    const arbitraryAnswer = fc.record({
      sector: fc.constantFrom(...sectors),
      a: fc.option(fc.integer({ min: 1, max: 5 })),
      answeredA: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryAnswer, { maxLength: 14 }), (raw) => {
        const answers: AnswerInput[] = raw.map((r) => ({
          sector: r.sector,
          scores: (r.answeredA ? { a: r.a, b: 2 } : { b: 2 }) as Record<string, number | null>,
          recommendation: null,
        }));
        const full = aggregateMeasure(criteria, answers);
        const shown = anonymiseResult(full);
        const min = minimumGroupSize;
        if (shown.hidden) {
          expect(full.answers).toBeLessThan(min);
          return;
        }
        const shownSum = shown.sectors.reduce((s, g) => s + g.answers, 0);
        for (const g of shown.sectors) expect(g.answers).toBeGreaterThanOrEqual(min);
        const rest = shown.answers - shownSum;
        expect(rest === 0 || rest >= min).toBe(true);
        for (const c of shown.criteria) {
          if (c.mean !== null) expect(c.count).toBeGreaterThanOrEqual(min);
          const stats = Object.values(c.bySector);
          for (const s of stats) expect(s.count).toBeGreaterThanOrEqual(min);
          if (c.mean !== null) {
            const left = c.count - stats.reduce((sum, s) => sum + s.count, 0);
            expect(left === 0 || left >= min).toBe(true);
          } else {
            expect(stats).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
