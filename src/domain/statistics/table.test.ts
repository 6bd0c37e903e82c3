import { describe, expect, it } from "vitest";
import { periodYear } from "./table.ts";

describe("periods", () => {
  it("gives the year of a period label", () => {
    expect(periodYear("2023K1")).toBe(2023);
    expect(periodYear("2023M04")).toBe(2023);
    expect(periodYear("x")).toBeNull();
  });
});
