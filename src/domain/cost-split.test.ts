import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ownerPercent,
  ownerVersionFor,
  sharesByYear,
  splitAmount,
  splitByYear,
  splitMeasureCosts,
} from "./cost-split.ts";

const parties = (...percents: number[]) =>
  percents.map((percent, i) => ({ municipalityId: `m${i}`, percent }));

describe("splitAmount (largest remainder)", () => {
  it("splits evenly when it can", () => {
    expect([...splitAmount(1_000_000, parties(50, 30, 20)).values()]).toEqual([500_000, 300_000, 200_000]);
  });

  it("gives the leftover kroner to the largest remainders", () => {
    // 100 kr at 33/33/34: 33, 33, 34 exactly; 10 kr: 3.3, 3.3, 3.4 → 3, 3, 4 (0.4 is largest).
    expect([...splitAmount(10, parties(33, 33, 34)).values()]).toEqual([3, 3, 4]);
    // 1 kr at 50/50: tie → the owner (first) gets it.
    expect([...splitAmount(1, parties(50, 50)).values()]).toEqual([1, 0]);
    // 2 kr at 34/33/33: 0.68, 0.66, 0.66 → 1, 1, 0 (tie between the last two goes to the earlier).
    expect([...splitAmount(2, parties(34, 33, 33)).values()]).toEqual([1, 1, 0]);
  });

  it("splits a negative line symmetrically", () => {
    expect([...splitAmount(-10, parties(33, 33, 34)).values()]).toEqual([-3, -3, -4]);
    expect(Object.is(splitAmount(-1, parties(0, 100)).get("m0"), 0)).toBe(true);
  });

  it("refuses shares that do not sum to 100 or are not whole", () => {
    expect(() => splitAmount(100, parties(50, 40))).toThrow();
    expect(() => splitAmount(100, parties(50.5, 49.5))).toThrow();
    expect(() => splitAmount(100.5, parties(100))).toThrow();
  });

  const percentsSumming100 = fc
    .array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 })
    .map((xs) => {
      const rest = xs.slice(1);
      const used = rest.reduce((a, b) => a + b, 0);
      if (used > 100) return [100, ...rest.map(() => 0)];
      return [100 - used, ...rest];
    });

  it("always sums to exactly the amount, each within one krone of the exact share", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), percentsSumming100, (amount, percents) => {
        const split = splitAmount(amount, parties(...percents));
        const values = [...split.values()];
        expect(values.reduce((a, b) => a + b, 0)).toBe(amount);
        values.forEach((v, i) => {
          const exact = (amount * (percents[i] ?? 0)) / 100;
          expect(Math.abs(v - exact)).toBeLessThan(1 + 1e-6);
          expect(Number.isSafeInteger(v)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("is monotone: a larger share never gets fewer kroner", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), percentsSumming100, (amount, percents) => {
        const values = [...splitAmount(amount, parties(...percents)).values()];
        for (let i = 0; i < percents.length; i++)
          for (let j = 0; j < percents.length; j++)
            if ((percents[i] ?? 0) > (percents[j] ?? 0))
              expect(values[i]).toBeGreaterThanOrEqual(values[j] ?? 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("splitMeasureCosts", () => {
  const lines = [
    { year: 2027, frameAreaId: "ownerArea", amountNok: 100_001 },
    { year: 2027, frameAreaId: "ownerOther", amountNok: 3 },
    { year: 2028, frameAreaId: "ownerArea", amountNok: 250_000 },
  ];
  const participants = [
    { municipalityId: "lier", percent: 30, frameAreaId: "lierArea" },
    { municipalityId: "asker", percent: 25, frameAreaId: "askerArea" },
  ];

  it("owner keeps the rest, in its own frame areas; participants count in theirs", () => {
    expect(ownerPercent([30, 25])).toBe(45);
    const shares = splitMeasureCosts({ ownerMunicipalityId: "drammen", participants, lines });
    const byYear = sharesByYear(shares, [2027, 2028]);
    // Per year the parties' shares sum to exactly the measure's municipal cost.
    for (const year of [2027, 2028]) {
      const total = lines.filter((l) => l.year === year).reduce((a, l) => a + l.amountNok, 0);
      const sum = byYear.reduce((a, p) => a + (p.byYear.find((y) => y.year === year)?.amountNok ?? 0), 0);
      expect(sum).toBe(total);
    }
    expect(shares.filter((s) => s.municipalityId === "lier").every((s) => s.frameAreaId === "lierArea")).toBe(
      true,
    );
    expect(shares.filter((s) => s.municipalityId === "drammen").map((s) => s.frameAreaId)).toEqual([
      "ownerArea",
      "ownerOther",
      "ownerArea",
    ]);
    // 100 001 × 45 % = 45 000.45, × 30 % = 30 000.3, × 25 % = 25 000.25: the 1 kr left goes to the owner.
    expect(shares.slice(0, 3).map((s) => s.amountNok)).toEqual([45_001, 30_000, 25_000]);
  });

  it("property: for any lines and shares, each year sums exactly", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            year: fc.integer({ min: 2027, max: 2030 }),
            amountNok: fc.integer({ min: 0, max: 1e10 }),
          }),
          {
            maxLength: 12,
          },
        ),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
        (raw, percents) => {
          const shares = splitMeasureCosts({
            ownerMunicipalityId: "o",
            participants: percents.map((percent, i) => ({
              municipalityId: `p${i}`,
              percent,
              frameAreaId: "x",
            })),
            lines: raw.map((l) => ({ ...l, frameAreaId: "a" })),
          });
          for (const year of [2027, 2028, 2029, 2030]) {
            const total = raw.filter((l) => l.year === year).reduce((a, l) => a + l.amountNok, 0);
            const sum = shares.filter((s) => s.year === year).reduce((a, s) => a + s.amountNok, 0);
            expect(sum).toBe(total);
          }
        },
      ),
    );
  });
});

describe("splitByYear", () => {
  it("gives every party every year of the period (0 included) and sums to the lines of each year", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 33 }), { minLength: 1, maxLength: 3 }),
        fc.array(
          fc.record({
            year: fc.integer({ min: 2025, max: 2032 }),
            frameAreaId: fc.constantFrom("a", "b"),
            amountNok: fc.integer({ min: 0, max: 1e9 }),
          }),
          { maxLength: 8 },
        ),
        (percents, lines) => {
          const years = [2027, 2028, 2029, 2030];
          const participants = percents.map((percent, i) => ({
            municipalityId: `p${i}`,
            percent,
            frameAreaId: "mine",
          }));
          const split = splitByYear({ ownerMunicipalityId: "o", participants, lines, years });
          expect(split.map((s) => s.municipalityId)).toEqual([
            "o",
            ...participants.map((p) => p.municipalityId),
          ]);
          for (const party of split) expect(party.byYear.map((y) => y.year)).toEqual(years);
          for (const year of years) {
            const total = lines.filter((l) => l.year === year).reduce((a, l) => a + l.amountNok, 0);
            const parts = split.reduce(
              (a, p) => a + (p.byYear.find((y) => y.year === year)?.amountNok ?? 0),
              0,
            );
            expect(parts).toBe(total);
          }
        },
      ),
    );
  });
});

describe("ownerVersionFor", () => {
  const v = (budgetYear: number, revision: number, status: "draft" | "adopted") => ({
    budgetYear,
    revision,
    status,
  });
  it("takes the newest adopted version of the cycle, else the latest earlier adopted one, never a draft", () => {
    const versions = [v(2027, 0, "adopted"), v(2027, 1, "adopted"), v(2028, 0, "draft")];
    expect(ownerVersionFor(versions, 2027)).toEqual(v(2027, 1, "adopted"));
    expect(ownerVersionFor(versions, 2028)).toEqual(v(2027, 1, "adopted"));
    expect(ownerVersionFor([...versions, v(2028, 1, "adopted")], 2028)).toEqual(v(2028, 1, "adopted"));
    expect(ownerVersionFor(versions, 2026)).toBeNull();
    expect(ownerVersionFor([v(2027, 0, "draft")], 2027)).toBeNull();
  });
});
