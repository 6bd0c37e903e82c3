import type { MeasureStatus } from "./measures.ts";

/**
 * Why a measure is no longer running as planned, as the public measure page tells it: completed or
 * stopped (from the year its state says, with the reason the planner gave), or left out of a later
 * adopted action plan of its plan (from the first adopted budget year without it, with the reason
 * given when it was taken out, or that a prioritisation took it out).
 */
export type MeasureChange = {
  kind: "completed" | "stopped" | "removed";
  /** The year it happened, when known. */
  year: number | null;
  /** The planner's reason; empty when none was given. */
  reason: string;
  /** How a removed measure was taken out: by a planner, or by an applied prioritisation. */
  via: "manual" | "prioritisation" | null;
};

const yearOf = (iso: string | null | undefined) => {
  const year = iso ? Number(iso.slice(0, 4)) : Number.NaN;
  return Number.isInteger(year) && year > 1900 ? year : null;
};

export function measureChange(input: {
  status: MeasureStatus;
  statusReason: string;
  /** The date the current state describes (an approved report), if any. */
  statusAsOf: string | null;
  /** When the state was last set by hand (ISO). */
  updatedAt: string;
  /** Approved status reports, newest first. */
  statusHistory: { status: MeasureStatus; approvedOn: string }[];
  /** Budget years of the adopted action plans the measure is part of. */
  inBudgetYears: number[];
  /** Budget years of all adopted action plans of its plan. */
  planBudgetYears: number[];
  /**
   * The record of its taking out of the draft that became the first adopted plan without it, when
   * there is one (by hand with the planner's reason, or by an applied prioritisation).
   */
  removal?: { reason: string; via: "manual" | "prioritisation" } | null;
}): MeasureChange | null {
  const reason = input.statusReason.trim();
  if (input.status === "completed" || input.status === "stopped") {
    const reported = input.statusHistory.find((s) => s.status === input.status)?.approvedOn;
    return {
      kind: input.status,
      year: yearOf(input.statusAsOf) ?? yearOf(reported) ?? yearOf(input.updatedAt),
      reason,
      via: null,
    };
  }
  const last = Math.max(...input.inBudgetYears);
  const without = input.planBudgetYears.filter((y) => y > last).sort((a, b) => a - b)[0];
  if (without === undefined) return null;
  // Why it left is the reason given when it was taken out, not the running state's reason.
  return {
    kind: "removed",
    year: without,
    reason: input.removal?.reason.trim() ?? "",
    via: input.removal?.via ?? null,
  };
}
