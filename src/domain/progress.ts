import type { MeasureStatus } from "./measures.ts";

export type ProgressRollUp = {
  /** Whole percent, or null when no measure counts. */
  progress: number | null;
  /** Measures that count in the average. */
  counted: number;
  /** Stopped measures, left out. */
  stopped: number;
  /** Counted measures with no progress reported, counted as 0 % (100 % when completed). */
  withoutProgress: number;
};

/**
 * THE roll-up rule for focus areas and goals (also stated in the interface and in
 * docs/ARCHITECTURE.md): the plain average of the progress of the measures, each weighing the
 * same; stopped measures are left out; a measure without reported progress counts as 0 %, or as
 * 100 % if it is completed; rounded to whole percent.
 */
export function rollUpProgress(
  measures: { status: MeasureStatus; progress: number | null }[],
): ProgressRollUp {
  const counted = measures.filter((m) => m.status !== "stopped");
  const values = counted.map((m) => m.progress ?? (m.status === "completed" ? 100 : 0));
  const withoutProgress = counted.filter((m) => m.progress === null).length;
  return {
    progress: values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length),
    counted: counted.length,
    stopped: measures.length - counted.length,
    withoutProgress,
  };
}
