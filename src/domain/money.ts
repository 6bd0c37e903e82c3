/**
 * Money is whole Norwegian kroner: `bigint` columns in PostgreSQL, integers in TypeScript.
 *
 * Every amount anyone writes (a cost line, a frame, a spending amount, a proposal's cost) is at most
 * {@link MAX_AMOUNT_NOK}, 100 000 000 000 kr (100 milliarder). The largest Norwegian municipality
 * spends less than that in a whole year, so no real cost line comes near it.
 *
 * Sums are computed exactly with BigInt. Why a sum still fits a JavaScript number (and so JSON,
 * the browser and the response schemas):
 *
 *   Number.MAX_SAFE_INTEGER / MAX_AMOUNT_NOK = 9 007 199 254 740 991 / 100 000 000 000 = 90 071.99…
 *
 * A total can pass 2^53 − 1 only when one sum holds more than 90 071 amounts, every one at the bound.
 * A municipality's plan has a few hundred measures, each with at most four years of the HØP period per
 * funding source; a year's spending is at most 50 rows per measure. Should such a sum ever be asked
 * for anyway (or a stored amount be beyond the bound, written before it existed), `sumNok` does not
 * throw: reading never fails because of what was written. It returns the exact total when it is a safe
 * integer and the nearest number otherwise; `sumNokExact` gives the exact BigInt.
 */
export type Nok = number;

/** The largest amount of one cost line, frame or spending amount: 100 000 000 000 kr. */
export const MAX_AMOUNT_NOK = 100_000_000_000;

/** Norwegian messages for a refused amount (the API's zod schemas and the services use these). */
export const nokAmountMessages = {
  tooLarge: "Beløpet kan ikke være over 100 000 000 000 kr.",
  negative: "Beløpet kan ikke være negativt.",
  fraction: "Beløpet må være hele kroner, uten øre.",
} as const;

/** Why an amount someone wants to write is refused, or null when it is a whole 0 ≤ amount ≤ the bound. */
export function nokAmountProblem(amount: number): string | null {
  if (!Number.isFinite(amount)) return nokAmountMessages.fraction;
  if (amount > MAX_AMOUNT_NOK) return nokAmountMessages.tooLarge;
  if (amount < 0) return nokAmountMessages.negative;
  if (!Number.isInteger(amount)) return nokAmountMessages.fraction;
  return null;
}

/** Whether an amount may be written: whole kroner from 0 to {@link MAX_AMOUNT_NOK}. */
export function isWritableNok(amount: number): boolean {
  return nokAmountProblem(amount) === null;
}

/** A whole-krone amount as read (any integer: stored values are integers by their column type). */
export function assertNok(amount: number): Nok {
  if (!Number.isInteger(amount)) throw new RangeError(`Not a whole-krone amount: ${amount}`);
  return amount;
}

/** The exact sum of whole-krone amounts, as a BigInt. */
export function sumNokExact(amounts: Iterable<Nok | bigint>): bigint {
  let total = 0n;
  for (const amount of amounts) total += typeof amount === "bigint" ? amount : BigInt(assertNok(amount));
  return total;
}

/** The sum of whole-krone amounts: exact (BigInt inside), and never a RangeError for a large total. */
export function sumNok(amounts: Iterable<Nok | bigint>): Nok {
  return Number(sumNokExact(amounts));
}

const nokFormatters = new Map<string, Intl.NumberFormat>();

/** Norwegian style: "1 250 000 kr" (space as thousands separator, no decimals). */
export function formatNok(amount: Nok | bigint, locale = "nb-NO"): string {
  let formatter = nokFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true });
    nokFormatters.set(locale, formatter);
  }
  const exact = typeof amount === "bigint" ? amount : BigInt(assertNok(amount));
  // Intl uses a narrow no-break space for grouping in nb-NO; a plain no-break space reads the same
  // and survives copy into spreadsheets.
  return `${formatter.format(exact).replace(/\u202f/g, "\u00a0")}\u00a0kr`;
}
