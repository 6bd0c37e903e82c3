import type { Nok } from "./money.ts";

/**
 * The split of a shared measure's cost («felles tiltak»). Each participant holds a share in whole
 * percent; the owner holds what is left (100 − the participants' shares).
 *
 * THE ROUNDING RULE (largest remainder, Hamilton's method), applied to every municipal cost line
 * (one year, one funding source) of the measure on its own:
 * 1. each party first gets floor(amount × percent / 100) whole kroner;
 * 2. the kroner left over (fewer than the number of parties) go one each to the parties with the
 *    largest remainders (amount × percent mod 100);
 * 3. equal remainders: the owner first, then the participants in the order given (by municipality
 *    number).
 * So the shares of a line always sum to exactly the line, and the shares of a year to exactly the
 * measure's municipal cost of that year; nobody gets more than one krone above their exact share.
 */
export type Party = { municipalityId: string; percent: number };

/** Percent left for the owner when the participants hold these shares; negative when over 100. */
export function ownerPercent(participantPercents: number[]): number {
  return 100 - participantPercents.reduce((a, b) => a + b, 0);
}

/**
 * Splits a whole-krone amount between parties by their percent (largest remainder). Parties come
 * in tie-break order (owner first). Percents must be whole, 0–100, and sum to 100.
 */
export function splitAmount(amountNok: Nok, parties: Party[]): Map<string, Nok> {
  if (!Number.isSafeInteger(amountNok)) throw new Error("amount must be whole kroner");
  const total = parties.reduce((a, p) => a + p.percent, 0);
  if (parties.some((p) => !Number.isInteger(p.percent) || p.percent < 0) || total !== 100) {
    throw new Error("shares must be whole percents summing to 100");
  }
  // Work on the magnitude so a negative line (a correction) splits symmetrically.
  const sign = amountNok < 0 ? -1 : 1;
  const magnitude = BigInt(Math.abs(amountNok));
  const base = parties.map((p) => {
    const exact = magnitude * BigInt(p.percent);
    return { id: p.municipalityId, floor: exact / 100n, remainder: exact % 100n };
  });
  let left = magnitude - base.reduce((a, b) => a + b.floor, 0n);
  const order = base
    .map((b, index) => ({ ...b, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const extra = new Set<number>();
  for (const b of order) {
    if (left === 0n) break;
    extra.add(b.index);
    left -= 1n;
  }
  return new Map(
    // "+ 0" turns -0 into 0.
    base.map((b, index) => [b.id, sign * Number(b.floor + (extra.has(index) ? 1n : 0n)) + 0]),
  );
}

export type CostLine = { year: number; frameAreaId: string | null; amountNok: Nok };
export type ShareLine = { municipalityId: string; year: number; frameAreaId: string | null; amountNok: Nok };

/**
 * Every party's share of every municipal cost line of a shared measure. The owner's shares keep the
 * line's own frame area; a participant's share counts against the frame area it chose when joining.
 */
export function splitMeasureCosts(input: {
  ownerMunicipalityId: string;
  participants: (Party & { frameAreaId: string | null })[];
  lines: CostLine[];
}): ShareLine[] {
  const parties: Party[] = [
    {
      municipalityId: input.ownerMunicipalityId,
      percent: ownerPercent(input.participants.map((p) => p.percent)),
    },
    ...input.participants.map(({ municipalityId, percent }) => ({ municipalityId, percent })),
  ];
  const frameOf = new Map(input.participants.map((p) => [p.municipalityId, p.frameAreaId]));
  return input.lines.flatMap((line) => {
    const shares = splitAmount(line.amountNok, parties);
    return parties.map((p) => ({
      municipalityId: p.municipalityId,
      year: line.year,
      frameAreaId:
        p.municipalityId === input.ownerMunicipalityId
          ? line.frameAreaId
          : (frameOf.get(p.municipalityId) ?? null),
      amountNok: shares.get(p.municipalityId) ?? 0,
    }));
  });
}

/** One party's share per year (for showing the split), summed over the lines. */
export function sharesByYear(shares: ShareLine[], years: number[]) {
  const parties = [...new Set(shares.map((s) => s.municipalityId))];
  return parties.map((municipalityId) => ({
    municipalityId,
    byYear: years.map((year) => ({
      year,
      amountNok: shares
        .filter((s) => s.municipalityId === municipalityId && s.year === year)
        .reduce((a, s) => a + s.amountNok, 0),
    })),
  }));
}

/**
 * THE split per year of a shared measure, used by every screen and export: each party's share of
 * the owner's municipal cost lines for every year of the period (0 included; lines outside the
 * period are left out). The owner's shares keep the line's frame area (the first one of the year
 * when several), a participant's the area it chose when joining. Parties: the owner first, then the
 * participants in the order given. The parts of a year always sum to the lines of that year.
 */
export function splitByYear(input: {
  ownerMunicipalityId: string;
  participants: (Party & { frameAreaId: string | null })[];
  lines: CostLine[];
  years: number[];
}): {
  municipalityId: string;
  percent: number;
  byYear: { year: number; amountNok: Nok; frameAreaId: string | null }[];
}[] {
  const inPeriod = new Set(input.years);
  const shares = splitMeasureCosts({
    ownerMunicipalityId: input.ownerMunicipalityId,
    participants: input.participants,
    lines: input.lines.filter((l) => inPeriod.has(l.year)),
  });
  const parties = [
    {
      municipalityId: input.ownerMunicipalityId,
      percent: ownerPercent(input.participants.map((p) => p.percent)),
      frameAreaId: null as string | null,
    },
    ...input.participants,
  ];
  return parties.map((p) => {
    const own = shares.filter((s) => s.municipalityId === p.municipalityId);
    return {
      municipalityId: p.municipalityId,
      percent: p.percent,
      byYear: input.years.map((year) => {
        const ofYear = own.filter((s) => s.year === year);
        return {
          year,
          amountNok: ofYear.reduce((a, s) => a + s.amountNok, 0),
          frameAreaId:
            p.municipalityId === input.ownerMunicipalityId ? (ofYear[0]?.frameAreaId ?? null) : p.frameAreaId,
        };
      }),
    };
  });
}

/**
 * Which of the owner's action plan versions a shared measure's split for budget year B comes from:
 * the newest ADOPTED version of cycle B; without one, the newest adopted version of the latest
 * earlier cycle (its lines are then clipped to B's period, which is what the owner's rolling would
 * carry). Never a draft: another municipality's numbers change only by the owner's decisions.
 */
export function ownerVersionFor<
  V extends { budgetYear: number; revision: number; status: "draft" | "adopted" },
>(versions: V[], budgetYear: number): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.status !== "adopted" || v.budgetYear > budgetYear) continue;
    if (
      !best ||
      v.budgetYear > best.budgetYear ||
      (v.budgetYear === best.budgetYear && v.revision > best.revision)
    )
      best = v;
  }
  return best;
}
