import { MAX_AMOUNT_NOK } from "./money.ts";

/**
 * Reading an amount as people type it into a money field: «200 000», «200 000 kr», «200000»,
 * «200.000», «200 000,-», «1,5 mill.», «1,5 millioner», «2 mrd.», with the spaces that Excel and Word
 * put between thousands (no-break space U+00A0, narrow no-break space U+202F, thin and figure spaces).
 *
 * The answer is whole kroner, or a reason why not that the form turns into a message saying how to
 * write it. Nothing is guessed: «1,500» (a Norwegian decimal comma or an English thousands comma?)
 * is refused as ambiguous, and an amount with øre («200,50», «1,2345678 mill.») is refused.
 */
export type KronerProblem =
  /** Not an amount at all («abc», «2 000 000 000 000 000 kr kr»). */
  | "unreadable"
  /** «1,500»: a decimal comma or a thousands comma. */
  | "ambiguous"
  /** Øre: «200,50», «1,2345678 mill.». */
  | "fraction"
  /** «-200». */
  | "negative"
  /** More than MAX_AMOUNT_NOK. */
  | "tooLarge";

export type KronerReading =
  | { kind: "empty" }
  | { kind: "amount"; amount: number }
  | { kind: "problem"; problem: KronerProblem };

const spaces = /[\s\u00a0\u202f\u2007\u2009\u200a]+/g;

const multipliers: readonly { pattern: RegExp; factor: bigint }[] = [
  { pattern: /^(mrd|milliard|milliarder|mia)\.?$/, factor: 1_000_000_000n },
  { pattern: /^(mill|million|millioner|mnok|mln|mio)\.?$/, factor: 1_000_000n },
  { pattern: /^(tusen|k)\.?$/, factor: 1_000n },
];

/** Whole kroner from what someone typed, or why it cannot be read. */
export function parseKroner(typed: string): KronerReading {
  let text = typed.replace(spaces, " ").trim().toLowerCase();
  if (text === "") return { kind: "empty" };
  // Currency words before or after the number: «kr 200», «200 kr», «200 kroner», «200 nok», «200,-».
  text = text
    .replace(/^(kr\.?|nok)\s*/, "")
    .replace(/\s*(kr\.?|kroner|nok)$/, "")
    .replace(/,-$/, "")
    .trim();
  let negative = false;
  if (/^[-\u2212]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  }

  let factor = 1n;
  const word = /^([\d.,\s]*\d)\s*([a-zæøå.]+)$/.exec(text);
  if (word?.[1] && word[2]) {
    const unit = word[2];
    const found = multipliers.find((m) => m.pattern.test(unit));
    if (!found) return { kind: "problem", problem: "unreadable" };
    factor = found.factor;
    text = word[1].trim();
  }

  const number = factor === 1n ? readPlain(text) : readWithUnit(text);
  if ("problem" in number) return { kind: "problem", problem: number.problem };
  const scale = 10n ** BigInt(number.decimals.length);
  const total = (BigInt(number.whole) * scale + BigInt(number.decimals || "0")) * factor;
  if (total % scale !== 0n) return { kind: "problem", problem: "fraction" };
  const kroner = total / scale;
  if (negative && kroner !== 0n) return { kind: "problem", problem: "negative" };
  if (kroner > BigInt(MAX_AMOUNT_NOK)) return { kind: "problem", problem: "tooLarge" };
  return { kind: "amount", amount: Number(kroner) };
}

type Digits = { whole: string; decimals: string } | { problem: KronerProblem };

/** A number without a unit word: thousands grouped by space or dot, an optional decimal comma. */
function readPlain(text: string): Digits {
  // «1 234 567», «1.234.567», «1234567», then optionally «,00» / «,5».
  const grouped = /^(\d{1,3}(?:( |\.)\d{3})*|\d+)(?:,(\d+))?$/.exec(text);
  // «1 234.567» mixes two separators: refuse rather than guess.
  const mixed = grouped?.[1]?.includes(" ") && grouped[1].includes(".");
  if (grouped?.[1] !== undefined && !mixed) {
    const whole = grouped[1].replace(/[ .]/g, "");
    const decimals = grouped[3] ?? "";
    // «1,500»: a decimal comma (1,5 kr) or an English thousands comma (1500 kr)? Ask.
    if (decimals.length === 3 && !grouped[2] && grouped[1].length <= 3) return { problem: "ambiguous" };
    return { whole, decimals: decimals.replace(/0+$/, "") };
  }
  // English grouping with two or more commas is unambiguous: «1,234,567».
  if (/^\d{1,3}(,\d{3}){2,}$/.test(text)) return { whole: text.replace(/,/g, ""), decimals: "" };
  // A decimal point: «200.5», «1 500.75» — øre, unless the decimals are zero.
  const point = /^(\d{1,3}(?: \d{3})*|\d+)\.(\d{1,2})$/.exec(text);
  if (point?.[1] !== undefined && point[2] !== undefined)
    return { whole: point[1].replace(/ /g, ""), decimals: point[2].replace(/0+$/, "") };
  if (/^\d[\d ,.]*$/.test(text)) return { problem: "ambiguous" };
  return { problem: "unreadable" };
}

/** The number before «mill.» or «mrd.»: «1,5», «1.5», «2», «12 000». */
function readWithUnit(text: string): Digits {
  const match = /^(\d{1,3}(?: \d{3})*|\d+)(?:[,.](\d+))?$/.exec(text);
  if (match?.[1] === undefined) return { problem: "unreadable" };
  return { whole: match[1].replace(/ /g, ""), decimals: match[2] ?? "" };
}
