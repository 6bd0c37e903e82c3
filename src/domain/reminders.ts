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
