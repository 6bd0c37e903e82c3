import { describe, expect, it } from "vitest";
import { formatNok, sumNok } from "./money.ts";

describe("money", () => {
  it("formats whole kroner Norwegian style", () => {
    expect(formatNok(1_250_000)).toBe("1\u00a0250\u00a0000\u00a0kr");
    expect(formatNok(0)).toBe("0\u00a0kr");
    expect(formatNok(-500)).toMatch(/500\u00a0kr$/);
  });

  it("sums exactly and refuses fractions or unsafe totals", () => {
    expect(sumNok([1, 2, 3])).toBe(6);
    expect(sumNok([])).toBe(0);
    expect(() => sumNok([0.5])).toThrow(RangeError);
    expect(() => sumNok([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => formatNok(1.5)).toThrow(RangeError);
  });
});
