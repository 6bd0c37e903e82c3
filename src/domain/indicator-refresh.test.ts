import { describe, expect, it } from "vitest";
import { refreshDue } from "./indicators.ts";

describe("refreshDue", () => {
  const now = new Date("2026-02-08T05:40:00Z");
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  it("never for «never»; at once when never fetched", () => {
    expect(refreshDue("never", null, now)).toBe(false);
    expect(refreshDue("daily", null, now)).toBe(true);
  });
  it("after the interval, with an hour's slack so an hourly job keeps the same hour", () => {
    expect(refreshDue("daily", ago(22), now)).toBe(false);
    expect(refreshDue("daily", ago(23), now)).toBe(true);
    expect(refreshDue("weekly", ago(24 * 6), now)).toBe(false);
    expect(refreshDue("weekly", ago(24 * 7), now)).toBe(true);
    expect(refreshDue("monthly", ago(24 * 29), now)).toBe(false);
    expect(refreshDue("monthly", ago(24 * 30), now)).toBe(true);
  });
});
