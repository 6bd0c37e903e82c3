import type { FrameStatus } from "./frame-check.ts";
import { type Nok, sumNok } from "./money.ts";

// The prioritisation's input and the integer program built from it (the rules: prioritisation.ts).

export const DEFAULT_VALUE = 1;

/** A measure's value in the prioritisation: its priority, or 1 without one. */
export function measureValue(priority: number | null | undefined): number {
  return priority ?? DEFAULT_VALUE;
}

export type PrioritisationCost = { frameAreaId: string; year: number; amountNok: Nok };
export type PrioritisationMeasure = {
  reference: string;
  title?: string;
  value: number;
  mandatory: boolean;
  /** Municipal money only, per frame area and year (several lines per area and year are summed). */
  costs: PrioritisationCost[];
};
export type PrioritisationFrame = { frameAreaId: string; year: number; amountNok: Nok };
export type StoredFrame = PrioritisationFrame & { status: FrameStatus };

/** A what-if: set one frame to an amount, or change frames by a percentage (all, or one year and/or area). */
export type FrameOverride =
  | { frameAreaId: string; year: number; amountNok: Nok }
  | { percent: number; year?: number; frameAreaId?: string };

/** A frame as the prioritisation uses it, and what it was before a what-if changed it. */
export type EffectiveFrame = PrioritisationFrame & {
  status: FrameStatus | null;
  /** The stored amount; null when the what-if set a frame where none exists. */
  originalNok: Nok | null;
  changed: boolean;
};

export type PrioritisationInput = {
  measures: PrioritisationMeasure[];
  frames: PrioritisationFrame[];
  /** Names of the frame areas, for the explanations. */
  areaNames?: Record<string, string>;
};

/** The key of one year × frame area. */
export const frameKey = (frameAreaId: string, year: number) => `${frameAreaId}|${year}`;

/** Per year × area the adopted frame, or the proposed one where none is adopted. */
export function framesThatCount<T extends StoredFrame>(frames: T[]): T[] {
  const chosen = new Map<string, T>();
  for (const frame of frames) {
    const k = frameKey(frame.frameAreaId, frame.year);
    const current = chosen.get(k);
    if (!current || (current.status === "proposed" && frame.status === "adopted")) chosen.set(k, frame);
  }
  return [...chosen.values()].sort((a, b) => a.year - b.year || a.frameAreaId.localeCompare(b.frameAreaId));
}

/** `amount` changed by `percent` (two decimals at most), rounded down to whole kroner, never below 0. */
export function changeByPercent(amount: Nok, percent: number): Nok {
  const basisPoints = Math.round(percent * 100);
  if (!Number.isFinite(percent) || basisPoints < -10_000)
    throw new RangeError(`Not a usable percentage: ${percent}`);
  const scaled = (BigInt(amount) * BigInt(10_000 + basisPoints)) / 10_000n;
  return Number(scaled);
}

/** The frames after a what-if, in order; later overrides apply on top of earlier ones. */
export function applyOverrides(
  frames: (PrioritisationFrame & { status?: FrameStatus })[],
  overrides: FrameOverride[] = [],
): EffectiveFrame[] {
  const result = new Map<string, EffectiveFrame>(
    frames.map((f) => [
      frameKey(f.frameAreaId, f.year),
      {
        frameAreaId: f.frameAreaId,
        year: f.year,
        amountNok: f.amountNok,
        status: f.status ?? null,
        originalNok: f.amountNok,
        changed: false,
      },
    ]),
  );
  for (const override of overrides) {
    if ("percent" in override) {
      for (const frame of result.values()) {
        if (override.year !== undefined && frame.year !== override.year) continue;
        if (override.frameAreaId !== undefined && frame.frameAreaId !== override.frameAreaId) continue;
        frame.amountNok = changeByPercent(frame.amountNok, override.percent);
      }
    } else {
      const k = frameKey(override.frameAreaId, override.year);
      const frame = result.get(k);
      if (frame) frame.amountNok = override.amountNok;
      else
        result.set(k, {
          frameAreaId: override.frameAreaId,
          year: override.year,
          amountNok: override.amountNok,
          status: null,
          originalNok: null,
          changed: true,
        });
    }
  }
  return [...result.values()]
    .map((f) => ({ ...f, changed: f.originalNok !== f.amountNok }))
    .sort((a, b) => a.year - b.year || a.frameAreaId.localeCompare(b.frameAreaId));
}

/** A measure's money per year × area (summing several lines on the same area and year). */
export function costsByFrame(measure: PrioritisationMeasure): Map<string, PrioritisationCost> {
  const result = new Map<string, PrioritisationCost>();
  for (const c of measure.costs) {
    const k = frameKey(c.frameAreaId, c.year);
    const current = result.get(k);
    result.set(k, { ...c, amountNok: sumNok([current?.amountNok ?? 0, c.amountNok]) });
  }
  return result;
}

export type PrioritisationModel = {
  /** The integer program in CPLEX LP format, as HiGHS reads it. */
  lp: string;
  /** Variable name → index into the input's measures. */
  variables: Map<string, number>;
  /** The frame rows of the model (year × area with a frame and some money on it). */
  rows: { name: string; frameAreaId: string; year: number; amountNok: Nok }[];
};

const termsPerLine = 8;
function linearSum(terms: { coefficient: number; variable: string }[]): string {
  const parts = terms.map((t, i) => `${i === 0 ? "" : "+ "}${t.coefficient} ${t.variable}`);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += termsPerLine) lines.push(parts.slice(i, i + termsPerLine).join(" "));
  return lines.join("\n   ");
}

/**
 * The integer program: a binary x per measure (x0, x1, … in input order), maximise Σ value·x,
 * Σ cost·x ≤ frame for every year × area with a frame, and x = 1 for mandatory measures.
 */
export function buildModel(input: PrioritisationInput): PrioritisationModel {
  const variables = new Map<string, number>();
  const name = (i: number) => `x${i}`;
  input.measures.forEach((_m, i) => {
    variables.set(name(i), i);
  });
  const costs = input.measures.map(costsByFrame);
  const rows: PrioritisationModel["rows"] = [];
  const constraints: string[] = [];
  for (const frame of input.frames) {
    const k = frameKey(frame.frameAreaId, frame.year);
    const terms = input.measures.flatMap((_m, i) => {
      const amount = costs[i]?.get(k)?.amountNok ?? 0;
      return amount > 0 ? [{ coefficient: amount, variable: name(i) }] : [];
    });
    if (terms.length === 0) continue;
    const rowName = `f${rows.length}`;
    rows.push({
      name: rowName,
      frameAreaId: frame.frameAreaId,
      year: frame.year,
      amountNok: frame.amountNok,
    });
    constraints.push(` ${rowName}: ${linearSum(terms)} <= ${frame.amountNok}`);
  }
  const objective = linearSum(input.measures.map((m, i) => ({ coefficient: m.value, variable: name(i) })));
  const fixed = input.measures.flatMap((m, i) => (m.mandatory ? [` ${name(i)} = 1`] : []));
  const lp = [
    "Maximize",
    ` value: ${objective}`,
    "Subject To",
    ...constraints,
    ...(fixed.length > 0 ? ["Bounds", ...fixed] : []),
    "Binary",
    ...chunk([...variables.keys()], termsPerLine).map((names) => ` ${names.join(" ")}`),
    "End",
    "",
  ].join("\n");
  return { lp, variables, rows };
}

function chunk<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export type FrameShortfall = {
  year: number;
  frameAreaId: string;
  frameAreaName: string;
  frameNok: Nok;
  mandatoryNok: Nok;
  excessNok: Nok;
  references: string[];
};

/** Every year × area where the mandatory measures alone cost more than the frame. */
export function mandatoryShortfalls(input: PrioritisationInput): FrameShortfall[] {
  const mandatory = input.measures.filter((m) => m.mandatory).map((m) => ({ m, costs: costsByFrame(m) }));
  return input.frames.flatMap((frame) => {
    const k = frameKey(frame.frameAreaId, frame.year);
    const paying = mandatory.filter(({ costs }) => (costs.get(k)?.amountNok ?? 0) > 0);
    const total = sumNok(paying.map(({ costs }) => costs.get(k)?.amountNok ?? 0));
    if (total <= frame.amountNok) return [];
    return [
      {
        year: frame.year,
        frameAreaId: frame.frameAreaId,
        frameAreaName: areaName(input, frame.frameAreaId),
        frameNok: frame.amountNok,
        mandatoryNok: total,
        excessNok: total - frame.amountNok,
        references: paying.map(({ m }) => m.reference),
      },
    ];
  });
}

/** A frame area's name for the explanations, or its id without one. */
export const areaName = (input: PrioritisationInput, frameAreaId: string) =>
  input.areaNames?.[frameAreaId] ?? frameAreaId;

export function validateInput(input: PrioritisationInput): void {
  for (const m of input.measures) {
    if (!Number.isSafeInteger(m.value) || m.value < 0)
      throw new RangeError(`${m.reference}: value must be a whole number ≥ 0`);
    for (const c of m.costs)
      if (!Number.isSafeInteger(c.amountNok) || c.amountNok < 0)
        throw new RangeError(`${m.reference}: costs must be whole kroner ≥ 0`);
  }
  for (const f of input.frames)
    if (!Number.isSafeInteger(f.amountNok) || f.amountNok < 0)
      throw new RangeError("frames must be whole kroner ≥ 0");
}
