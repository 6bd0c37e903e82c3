/** Reminders before a deadline go this many days before it (the app says «Påminnelse sendes 3 dager før fristen»). */
export const reminderDaysBefore = 3;

/** The day a deadline's reminder goes: `reminderDaysBefore` days before it (ISO dates, no time zone). */
export function reminderDay(dueDate: string): string {
  const day = new Date(`${dueDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - reminderDaysBefore);
  return day.toISOString().slice(0, 10);
}

/**
 * Whether a deadline's reminder is due on `today`: from the reminder day up to the deadline itself,
 * so a reminder missed while no instance ran still goes, but never after the deadline.
 */
export function reminderDue(dueDate: string, today: string): boolean {
  return reminderDay(dueDate) <= today && today <= dueDate;
}

/**
 * The deadlines a reminder goes out before (stored values): a status report period's deadline, the
 * end of the proposal phase of a cycle, and an evaluation round's deadline.
 */
export const reminderKinds = ["status_deadline", "phase_end", "evaluation_deadline"] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** The date (ISO) in Norway at a moment: the deadlines are Norwegian dates. */
export function norwegianDate(moment: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(moment);
}
