/** The app's clock: what «now» is for scheduled work and the app's «today». */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock set to `at` that runs on from there (PLANVERK_NOW, for tests and demonstrations): the
 * schedule then sees the day the test chose, while time still passes between two runs.
 */
export function clockFrom(at: Date | null): Clock {
  if (!at) return systemClock;
  const offset = at.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
