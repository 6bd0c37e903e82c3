import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { clockFrom, systemClock } from "./clock.ts";

describe("the app's clock", () => {
  it("is the real time unless PLANVERK_NOW sets it, and then runs on from there", async () => {
    expect(clockFrom(null)).toBe(systemClock);
    const clock = clockFrom(new Date("2026-03-17T08:00:00Z"));
    const first = clock().getTime();
    expect(Math.abs(first - Date.parse("2026-03-17T08:00:00Z"))).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock().getTime()).toBeGreaterThan(first);
  });

  it("reads PLANVERK_NOW as a date (noon in Norway) or a moment, and refuses it in production", () => {
    expect(loadConfig({ PLANVERK_NOW: "2026-03-17" }).now?.toISOString()).toBe("2026-03-17T11:00:00.000Z");
    expect(loadConfig({ PLANVERK_NOW: "2026-03-17T06:30:00+01:00" }).now?.toISOString()).toBe(
      "2026-03-17T05:30:00.000Z",
    );
    expect(loadConfig({}).now).toBeNull();
    expect(() => loadConfig({ PLANVERK_NOW: "i morgen" })).toThrow(/PLANVERK_NOW/);
    expect(() => loadConfig({ NODE_ENV: "production", PLANVERK_NOW: "2026-03-17" })).toThrow(/production/);
  });
});
