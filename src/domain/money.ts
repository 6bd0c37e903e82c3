/**
 * Money is whole Norwegian kroner held as safe integers (bigint columns in PostgreSQL).
 * Sums are checked so they can never silently lose precision.
 */
export type Nok = number;

export function assertNok(amount: number): Nok {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not a whole-krone amount: ${amount}`);
  return amount;
}

export function sumNok(amounts: Iterable<Nok>): Nok {
  let total = 0;
  for (const amount of amounts) total = assertNok(total + assertNok(amount));
  return total;
}

const nokFormatters = new Map<string, Intl.NumberFormat>();

/** Norwegian style: "1 250 000 kr" (space as thousands separator, no decimals). */
export function formatNok(amount: Nok, locale = "nb-NO"): string {
  let formatter = nokFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true });
    nokFormatters.set(locale, formatter);
  }
  // Intl uses a narrow no-break space for grouping in nb-NO; a plain no-break space reads the same
  // and survives copy into spreadsheets.
  return `${formatter.format(assertNok(amount)).replace(/\u202f/g, "\u00a0")}\u00a0kr`;
}
