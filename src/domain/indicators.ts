/** Which way an indicator should move (stored values). */
export const indicatorDirections = ["higher_is_better", "lower_is_better", "stable"] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];

/** How an indicator is drawn: a series over time or the structure of industries (stored values). */
export const indicatorChartKinds = ["time_series", "industry_structure"] as const;
export type IndicatorChartKind = (typeof indicatorChartKinds)[number];
