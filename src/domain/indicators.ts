/** Which way an indicator should move (stored values). */
export const indicatorDirections = ["higher_is_better", "lower_is_better", "stable"] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];

/** How an indicator is drawn: a series over time or the structure of industries (stored values). */
export const indicatorChartKinds = ["time_series", "industry_structure"] as const;
export type IndicatorChartKind = (typeof indicatorChartKinds)[number];

/** How often an indicator imported from an address is fetched again (stored values). */
export const indicatorRefreshSchedules = ["never", "daily", "weekly", "monthly"] as const;
export type IndicatorRefreshSchedule = (typeof indicatorRefreshSchedules)[number];

/** What a scheduled fetch changed in the current series. */
export type IndicatorRefreshSummary = { added: number; changed: number; removed: number };

const refreshDays: Record<IndicatorRefreshSchedule, number | null> = {
  never: null,
  daily: 1,
  weekly: 7,
  monthly: 30,
};

/**
 * Whether an indicator on a refresh schedule is due to be fetched at `now`: never fetched yet, or
 * the last fetch (succeeded or not) is a schedule's interval old. An hour's slack keeps a daily
 * fetch at the same hour instead of creeping later with each run of the hourly job.
 */
export function refreshDue(
  schedule: IndicatorRefreshSchedule,
  lastFetchedAt: Date | null,
  now: Date,
): boolean {
  const days = refreshDays[schedule];
  if (days === null) return false;
  if (!lastFetchedAt) return true;
  return now.getTime() - lastFetchedAt.getTime() >= days * 86_400_000 - 3_600_000;
}
