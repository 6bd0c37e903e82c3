/**
 * Norwegian organisation numbers (organisasjonsnummer) as Brønnøysundregistrene defines them:
 * 9 digits starting with 8 or 9 (the only series Brønnøysund assigns: 8 for sub-units, 9 for legal
 * units), the last a modulus-11 check digit over the first 8 with the weights 3 2 7 6 5 4 3 2.
 */

const weights = [3, 2, 7, 6, 5, 4, 3, 2] as const;

export type OrganisationNumberProblem = "characters" | "length" | "first_digit" | "check_digit";

export type OrganisationNumberResult =
  | { ok: true; value: string }
  | { ok: false; problem: OrganisationNumberProblem; message: string };

/** Messages in Norwegian, shown on the field as they are. */
export const organisationNumberMessages: Record<OrganisationNumberProblem, string> = {
  characters: "Organisasjonsnummeret kan bare inneholde sifre.",
  length: "Organisasjonsnummeret må ha 9 sifre.",
  first_digit: "Organisasjonsnummeret er ikke gyldig (det begynner alltid med 8 eller 9).",
  check_digit: "Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke).",
};

/**
 * The check digit for the first 8 digits, or null when the rule gives 10: no organisation number
 * can start with those 8 digits, since Brønnøysund never assigns them.
 */
export function organisationNumberCheckDigit(firstEight: string): number | null {
  if (!/^\d{8}$/.test(firstEight)) throw new Error("expects exactly 8 digits");
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * (weights[i] ?? 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  if (digit === 10) return null;
  return digit;
}

/**
 * Checks a number as a person types it ("923 609 016" is fine) and gives it back as 9 digits.
 * Spaces of any kind are dropped; anything else but digits is refused.
 */
export function parseOrganisationNumber(input: string): OrganisationNumberResult {
  const compact = input.replace(/\s/g, "");
  const fail = (problem: OrganisationNumberProblem): OrganisationNumberResult => ({
    ok: false,
    problem,
    message: organisationNumberMessages[problem],
  });
  if (!/^\d*$/.test(compact)) return fail("characters");
  if (compact.length !== 9) return fail("length");
  if (compact[0] !== "8" && compact[0] !== "9") return fail("first_digit");
  const expected = organisationNumberCheckDigit(compact.slice(0, 8));
  if (expected === null || expected !== Number(compact[8])) return fail("check_digit");
  return { ok: true, value: compact };
}

export const isValidOrganisationNumber = (input: string) => parseOrganisationNumber(input).ok;

/** "923609016" → "923 609 016", as Brønnøysundregistrene writes it; anything else is left alone. */
export function formatOrganisationNumber(value: string): string {
  return /^\d{9}$/.test(value) ? `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}` : value;
}
