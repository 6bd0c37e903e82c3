import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNok, isWritableNok, MAX_AMOUNT_NOK, nokAmountProblem, sumNok, sumNokExact } from "./money.ts";

describe("money", () => {
  it("formats whole kroner Norwegian style", () => {
    expect(formatNok(1_250_000)).toBe("1\u00a0250\u00a0000\u00a0kr");
    expect(formatNok(0)).toBe("0\u00a0kr");
    expect(formatNok(-500)).toMatch(/500\u00a0kr$/);
    expect(formatNok(9_007_199_254_740_993n)).toBe("9\u00a0007\u00a0199\u00a0254\u00a0740\u00a0993\u00a0kr");
    expect(() => formatNok(1.5)).toThrow(RangeError);
  });

  it("sums exactly and refuses fractions", () => {
    expect(sumNok([1, 2, 3])).toBe(6);
    expect(sumNok([])).toBe(0);
    expect(() => sumNok([0.5])).toThrow(RangeError);
  });

  it("never throws for a large total: what was stored can always be read", () => {
    expect(() => sumNok([Number.MAX_SAFE_INTEGER, 1])).not.toThrow();
    expect(sumNokExact([Number.MAX_SAFE_INTEGER, 1, 1])).toBe(9_007_199_254_740_993n);
  });

  it("bounds an amount at 100 000 000 000 kr with Norwegian reasons", () => {
    expect(MAX_AMOUNT_NOK).toBe(100_000_000_000);
    expect(isWritableNok(MAX_AMOUNT_NOK)).toBe(true);
    expect(isWritableNok(0)).toBe(true);
    expect(nokAmountProblem(MAX_AMOUNT_NOK + 1)).toBe("Beløpet kan ikke være over 100 000 000 000 kr.");
    // A whole number too large is refused for its size, not as «not whole».
    expect(nokAmountProblem(9_007_199_254_740_992)).toBe("Beløpet kan ikke være over 100 000 000 000 kr.");
    expect(nokAmountProblem(-1)).toBe("Beløpet kan ikke være negativt.");
    expect(nokAmountProblem(1.5)).toBe("Beløpet må være hele kroner, uten øre.");
    expect(nokAmountProblem(Number.NaN)).toBe("Beløpet må være hele kroner, uten øre.");
  });

  it("the bound keeps a total safe below 90 072 amounts at the bound (the arithmetic in money.ts)", () => {
    expect(Math.floor(Number.MAX_SAFE_INTEGER / MAX_AMOUNT_NOK)).toBe(90_071);
    expect(Number.isSafeInteger(90_071 * MAX_AMOUNT_NOK)).toBe(true);
    expect(Number.isSafeInteger(90_072 * MAX_AMOUNT_NOK)).toBe(false);
    expect(Number.isSafeInteger(sumNok(Array.from({ length: 90_071 }, () => MAX_AMOUNT_NOK)))).toBe(true);
  });

  it("sums agree with a BigInt oracle for any amounts up to the bound", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: MAX_AMOUNT_NOK }), { maxLength: 200 }), (amounts) => {
        const oracle = amounts.reduce((t, a) => t + BigInt(a), 0n);
        expect(sumNokExact(amounts)).toBe(oracle);
        expect(BigInt(sumNok(amounts))).toBe(oracle);
      }),
    );
  });
});
