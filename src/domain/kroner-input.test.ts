import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseKroner } from "./kroner-input.ts";
import { formatNok, MAX_AMOUNT_NOK } from "./money.ts";

const amount = (typed: string) => {
  const read = parseKroner(typed);
  return read.kind === "amount" ? read.amount : read.kind === "problem" ? read.problem : "empty";
};

describe("parseKroner: money as people type it", () => {
  it("reads the ways people write whole kroner", () => {
    expect(amount("200 000")).toBe(200_000);
    expect(amount("200 000 kr")).toBe(200_000);
    expect(amount("200\u00a0000\u00a0kr")).toBe(200_000); // Excel, Word
    expect(amount("200\u202f000 kr")).toBe(200_000); // narrow no-break space (Intl, Word)
    expect(amount("200000")).toBe(200_000);
    expect(amount("200.000")).toBe(200_000);
    expect(amount("1.234.567")).toBe(1_234_567);
    expect(amount("1,234,567")).toBe(1_234_567);
    expect(amount("kr 200 000")).toBe(200_000);
    expect(amount("200 000,-")).toBe(200_000);
    expect(amount("200 000,00")).toBe(200_000);
    expect(amount("200 000 kroner")).toBe(200_000);
    expect(amount("  75 000 KR. ")).toBe(75_000);
    expect(amount("0")).toBe(0);
  });

  it("reads «mill.» and «mrd.» with a decimal comma or point", () => {
    expect(amount("1,5 mill.")).toBe(1_500_000);
    expect(amount("1,5 mill")).toBe(1_500_000);
    expect(amount("1,5 millioner")).toBe(1_500_000);
    expect(amount("1.15 mill.")).toBe(1_150_000); // exact: 1.15 * 1e6 is not, in floating point
    expect(amount("2 mrd.")).toBe(2_000_000_000);
    expect(amount("2 milliarder")).toBe(2_000_000_000);
    expect(amount("12 mill. kr")).toBe(12_000_000);
    expect(amount("250 tusen")).toBe(250_000);
    expect(amount("0,000001 mill.")).toBe(1);
  });

  it("says nothing was typed for an empty field", () => {
    expect(amount("")).toBe("empty");
    expect(amount(" \u00a0 ")).toBe("empty");
  });

  it("refuses øre, guesses and words it does not know", () => {
    expect(amount("200,50")).toBe("fraction");
    expect(amount("200.5")).toBe("fraction");
    expect(amount("1,2345678 mill.")).toBe("fraction");
    expect(amount("1,500")).toBe("ambiguous");
    expect(amount("1 234.567")).toBe("ambiguous");
    expect(amount("12 34")).toBe("ambiguous");
    expect(amount("abc")).toBe("unreadable");
    expect(amount("200 euro")).toBe("unreadable");
    expect(amount("kr")).toBe("unreadable");
    expect(amount("-200")).toBe("negative");
    expect(amount("\u2212200 kr")).toBe("negative");
    expect(amount("100 000 000 001")).toBe("tooLarge");
    expect(amount("101 mrd.")).toBe("tooLarge");
    expect(amount("100 mrd.")).toBe(MAX_AMOUNT_NOK);
  });

  it("reads back every amount as the app formats it, in each separator style", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_NOK }), (n) => {
        expect(amount(formatNok(n))).toBe(n);
        expect(amount(formatNok(n).replace(/\u00a0/g, "\u202f"))).toBe(n);
        expect(amount(String(n))).toBe(n);
        expect(amount(`${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} kr`)).toBe(n);
      }),
    );
  });

  it("never throws, and an amount it gives is whole kroner within the bound", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789 ,.-kmilrd\u00a0") }), (typed) => {
        const read = parseKroner(typed);
        if (read.kind === "amount") {
          expect(Number.isSafeInteger(read.amount)).toBe(true);
          expect(read.amount).toBeGreaterThanOrEqual(0);
          expect(read.amount).toBeLessThanOrEqual(MAX_AMOUNT_NOK);
        }
      }),
    );
  });
});
