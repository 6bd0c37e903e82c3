import type { IndicatorDirection } from "./indicators.ts";
import { periodYear } from "./statistics/table.ts";

/**
 * Whether an indicator is on track, by one documented rule (also stated in the interface):
 *
 * 1. The latest value is the value of the latest period that has a number (missing values, NULL,
 *    are skipped), in the municipality's own series.
 * 2. The target it is measured against is the target for that period's year; when that year has
 *    none, the next target ahead; when there is none ahead, the latest target before.
 * 3. Higher is better: on track when the value is at or above the target. Lower is better: at or
 *    below. Stable: within ±5 % of the target (±0 when the target is 0).
 */
export type TrackStatus =
  | { kind: "no_data" }
  | { kind: "no_target"; latest: LatestValue }
  | { kind: "on_track" | "off_track"; latest: LatestValue; target: { year: number; value: number } };
export type LatestValue = { period: string; year: number; value: number };

export const stableTolerance = 0.05;

export function latestValue(series: { period: string; value: number | null }[]): LatestValue | null {
  let latest: LatestValue | null = null;
  for (const point of series) {
    const year = periodYear(point.period);
    if (point.value === null || year === null) continue;
    if (!latest || point.period.localeCompare(latest.period, "en", { numeric: true }) > 0)
      latest = { period: point.period, year, value: point.value };
  }
  return latest;
}

export function targetFor(
  year: number,
  targets: { year: number; value: number }[],
): { year: number; value: number } | null {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  return (
    sorted.find((t) => t.year === year) ??
    sorted.find((t) => t.year > year) ??
    sorted.filter((t) => t.year < year).at(-1) ??
    null
  );
}

export function meetsTarget(direction: IndicatorDirection, value: number, target: number): boolean {
  if (direction === "higher_is_better") return value >= target;
  if (direction === "lower_is_better") return value <= target;
  return Math.abs(value - target) <= Math.abs(target) * stableTolerance;
}

export function trackStatus(
  direction: IndicatorDirection,
  series: { period: string; value: number | null }[],
  targets: { year: number; value: number }[],
): TrackStatus {
  const latest = latestValue(series);
  if (!latest) return { kind: "no_data" };
  const target = targetFor(latest.year, targets);
  if (!target) return { kind: "no_target", latest };
  return {
    kind: meetsTarget(direction, latest.value, target.value) ? "on_track" : "off_track",
    latest,
    target,
  };
}
