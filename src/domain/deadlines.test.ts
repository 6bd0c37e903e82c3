import { describe, expect, it } from "vitest";
import { isOverdue } from "./deadlines.ts";

describe("isOverdue", () => {
  it("is overdue the day after the due date, unless done", () => {
    expect(isOverdue("2027-05-15", "2027-05-15", false)).toBe(false);
    expect(isOverdue("2027-05-15", "2027-05-16", false)).toBe(true);
    expect(isOverdue("2027-05-15", "2027-05-16", true)).toBe(false);
    expect(isOverdue(null, "2027-05-16", false)).toBe(false);
  });
});
