/**
 * Growing delay after failed sign-ins: the first `free` failures cost nothing (typos), then the
 * wait doubles from 2 s up to 15 minutes. Counted per e-mail address (3 free) and per client
 * address (20 free, against guessing across many accounts).
 */
export const freeFailures = { email: 3, ip: 20 } as const;

export function signInDelaySeconds(failures: number, free: number = freeFailures.email): number {
  if (failures <= free) return 0;
  return Math.min(2 ** (failures - free), 15 * 60);
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Passwords: at least 12 characters; length matters more than character classes. */
export const minPasswordLength = 12;

/** The length rule (the check against common passwords is the server's, in services/accounts). */
export function passwordProblem(password: string): string | null {
  if (password.length < minPasswordLength) return `Passordet må ha minst ${minPasswordLength} tegn.`;
  if (password.length > 200) return "Passordet kan ha høyst 200 tegn.";
  return null;
}
