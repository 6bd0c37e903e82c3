/**
 * Overdue: the due date (inclusive, YYYY-MM-DD) has passed on `today` and the thing is not done.
 * Dates compare as strings; a missing due date is never overdue.
 */
export function isOverdue(due: string | null | undefined, today: string, done: boolean): boolean {
  if (!due || done) return false;
  return today > due;
}
