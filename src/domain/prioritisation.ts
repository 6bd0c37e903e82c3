import type { Highs } from "highs";
import { formatNok, type Nok, sumNok } from "./money.ts";

/**
 * Prioritisation of measures under multi-year budget frames, as an integer program.
 *
 * The rules, in one place:
 * - **Value.** A measure's value is its priority (a whole number, higher is more important); a
 *   measure without a priority counts as {@link DEFAULT_VALUE} (1). With every priority empty the
 *   proposal therefore keeps as many measures as the frames allow. (An evaluation score takes the
 *   place of the priority once evaluations exist; the service decides what it passes as `value`.)
 * - **Which frames count.** Per year × frame area, the adopted frame; where none is adopted, the
 *   proposed one. A year × area without any frame is not limited (it is reported as `unframed`).
 *   Only municipal money drawn on a frame area counts; external money never does.
 * - **The model.** One binary variable per measure (kept = 1); maximise Σ value·x; for every
 *   year × area with a frame, Σ cost·x ≤ frame; a mandatory measure has x = 1.
 * - **Infeasible** exactly when the mandatory measures alone exceed a frame (all costs are ≥ 0, so
 *   dropping every other measure is always possible). That is computed directly, with the amounts,
 *   before any solver runs.
 * - **Why a measure falls out.** After the solve, measures that still fit in what the proposal
 *   leaves are put back (most valuable first), so every dropped measure fails to fit in at least one
 *   year × area: those are named, with what it needs and what is left there.
 */

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
export type StoredFrame = PrioritisationFrame & { status: "proposed" | "adopted" };

/** A what-if: set one frame to an amount, or change frames by a percentage (all, or one year and/or area). */
export type FrameOverride =
  | { frameAreaId: string; year: number; amountNok: Nok }
  | { percent: number; year?: number; frameAreaId?: string };

/** A frame as the prioritisation uses it, and what it was before a what-if changed it. */
export type EffectiveFrame = PrioritisationFrame & {
  status: "proposed" | "adopted" | null;
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

const key = (frameAreaId: string, year: number) => `${frameAreaId}|${year}`;

/** Per year × area the adopted frame, or the proposed one where none is adopted. */
export function framesThatCount<T extends StoredFrame>(frames: T[]): T[] {
  const chosen = new Map<string, T>();
  for (const frame of frames) {
    const k = key(frame.frameAreaId, frame.year);
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
  frames: (PrioritisationFrame & { status?: "proposed" | "adopted" })[],
  overrides: FrameOverride[] = [],
): EffectiveFrame[] {
  const result = new Map<string, EffectiveFrame>(
    frames.map((f) => [
      key(f.frameAreaId, f.year),
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
      const k = key(override.frameAreaId, override.year);
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
function costsByFrame(measure: PrioritisationMeasure): Map<string, PrioritisationCost> {
  const result = new Map<string, PrioritisationCost>();
  for (const c of measure.costs) {
    const k = key(c.frameAreaId, c.year);
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
    const k = key(frame.frameAreaId, frame.year);
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
    const k = key(frame.frameAreaId, frame.year);
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

const areaName = (input: PrioritisationInput, frameAreaId: string) =>
  input.areaNames?.[frameAreaId] ?? frameAreaId;

/** "De obligatoriske tiltakene alene koster … i 2028 Næringsutvikling – drift, men rammen er …". */
export function describeShortfalls(shortfalls: FrameShortfall[]): string {
  return `Forslaget kan ikke lages: ${shortfalls
    .map(
      (s) =>
        `de obligatoriske tiltakene alene (${s.references.join(", ")}) koster ${formatNok(s.mandatoryNok)} i ${s.year} ${s.frameAreaName}, men rammen er ${formatNok(s.frameNok)}, ${formatNok(s.excessNok)} for mye`,
    )
    .join("; ")}. Øk rammen eller fjern markeringen «obligatorisk» på noen av dem.`;
}

/** What a solver run gave back: a value per variable name, and HiGHS's own status and gap. */
export type SolverOutcome = {
  status: "optimal" | "feasible";
  values: Record<string, number>;
  /** HiGHS's relative MIP gap (0 = proved optimal); null when it gave none. */
  gap: number | null;
};

export type FrameUse = {
  year: number;
  frameAreaId: string;
  frameAreaName: string;
  frameNok: Nok;
  sumNok: Nok;
  remainingNok: Nok;
};

/** A year × area a dropped measure does not fit into. */
export type Binding = {
  year: number;
  frameAreaId: string;
  frameAreaName: string;
  frameNok: Nok;
  /** What the measure costs there. */
  costNok: Nok;
  /** What the proposal leaves of the frame there. */
  remainingNok: Nok;
};

export type DroppedMeasure = {
  reference: string;
  title: string;
  value: number;
  /** `exceeds_frame_alone`: costs more than the whole frame somewhere; `frame_used_up`: the frame is spent on measures worth more. */
  reason: "exceeds_frame_alone" | "frame_used_up";
  binding: Binding[];
  why: string;
};

export type PrioritisationResult = {
  status: "optimal" | "feasible" | "infeasible";
  selected: { reference: string; title: string; value: number; mandatory: boolean }[];
  dropped: DroppedMeasure[];
  totalValue: number;
  /** The value of every measure together (what the frames would need to keep them all). */
  possibleValue: number;
  gap: number | null;
  /** Per framed year × area: the frame and what the proposal spends of it. */
  usage: FrameUse[];
  /** Years × areas with money but no frame: not limited by the proposal. */
  unframed: { year: number; frameAreaId: string; frameAreaName: string; sumNok: Nok }[];
  shortfalls: FrameShortfall[];
  explanation: string | null;
};

function usageOf(input: PrioritisationInput, kept: boolean[]): FrameUse[] {
  const costs = input.measures.map(costsByFrame);
  return input.frames.map((frame) => {
    const k = key(frame.frameAreaId, frame.year);
    const sum = sumNok(input.measures.map((_m, i) => (kept[i] ? (costs[i]?.get(k)?.amountNok ?? 0) : 0)));
    return {
      year: frame.year,
      frameAreaId: frame.frameAreaId,
      frameAreaName: areaName(input, frame.frameAreaId),
      frameNok: frame.amountNok,
      sumNok: sum,
      remainingNok: frame.amountNok - sum,
    };
  });
}

function unframedOf(input: PrioritisationInput): PrioritisationResult["unframed"] {
  const framed = new Set(input.frames.map((f) => key(f.frameAreaId, f.year)));
  const sums = new Map<string, { year: number; frameAreaId: string; amounts: Nok[] }>();
  for (const m of input.measures)
    for (const c of m.costs) {
      const k = key(c.frameAreaId, c.year);
      if (framed.has(k) || c.amountNok === 0) continue;
      const entry = sums.get(k) ?? { year: c.year, frameAreaId: c.frameAreaId, amounts: [] };
      entry.amounts.push(c.amountNok);
      sums.set(k, entry);
    }
  return [...sums.values()]
    .map((s) => ({
      year: s.year,
      frameAreaId: s.frameAreaId,
      frameAreaName: areaName(input, s.frameAreaId),
      sumNok: sumNok(s.amounts),
    }))
    .sort((a, b) => a.year - b.year || a.frameAreaName.localeCompare(b.frameAreaName));
}

const listInNorwegian = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} og ${items.at(-1)}`;

/** The sentence shown beside a dropped measure. */
export function describeDropped(reason: DroppedMeasure["reason"], binding: Binding[]): string {
  if (reason === "exceeds_frame_alone") {
    return `Koster alene mer enn hele rammen i ${listInNorwegian(
      binding
        .filter((b) => b.costNok > b.frameNok)
        .map(
          (b) =>
            `${b.year} ${b.frameAreaName} (koster ${formatNok(b.costNok)}, rammen er ${formatNok(b.frameNok)})`,
        ),
    )}`;
  }
  return `Gir for lite verdi for kostnaden i ${listInNorwegian(
    binding.map(
      (b) =>
        `${b.year} ${b.frameAreaName} (trenger ${formatNok(b.costNok)}, ${b.remainingNok > 0 ? `bare ${formatNok(b.remainingNok)} ledig` : "ingenting ledig"})`,
    ),
  )}, der rammen er brukt opp på tiltak som gir mer verdi`;
}

/**
 * Reads a solver outcome back into the proposal. Measures that still fit in what is left are put
 * back (highest value first, then lowest total cost), so a dropped measure never fits anywhere.
 */
export function readSolution(
  input: PrioritisationInput,
  model: PrioritisationModel,
  outcome: SolverOutcome,
): PrioritisationResult {
  const kept = input.measures.map((m) => m.mandatory);
  for (const [variable, index] of model.variables)
    if ((outcome.values[variable] ?? 0) > 0.5) kept[index] = true;
  const costs = input.measures.map(costsByFrame);
  const frames = input.frames.map((f) => ({ ...f, k: key(f.frameAreaId, f.year) }));
  const costIn = (i: number, k: string) => costs[i]?.get(k)?.amountNok ?? 0;
  // The solver works in floating point within tolerances; money is exact. Should its answer go
  // over a frame by even one krone, the least valuable kept measures paying there are taken out
  // (never a mandatory one: those fit, as checked before solving).
  for (const f of frames) {
    let sum = sumNok(input.measures.map((_m, i) => (kept[i] ? costIn(i, f.k) : 0)));
    const payers = input.measures
      .map((m, i) => ({ m, i }))
      .filter(({ m, i }) => kept[i] && !m.mandatory && costIn(i, f.k) > 0)
      .sort((a, b) => a.m.value / costIn(a.i, f.k) - b.m.value / costIn(b.i, f.k));
    for (const { i } of payers) {
      if (sum <= f.amountNok) break;
      kept[i] = false;
      sum -= costIn(i, f.k);
    }
  }
  const remaining = new Map(
    usageOf(input, kept).map((u) => [key(u.frameAreaId, u.year), u.remainingNok] as const),
  );
  const fits = (i: number) =>
    frames.every((f) => (costs[i]?.get(f.k)?.amountNok ?? 0) <= (remaining.get(f.k) ?? 0));
  const totalCost = (i: number) => sumNok([...(costs[i]?.values() ?? [])].map((c) => c.amountNok));
  const candidates = input.measures
    .map((m, i) => ({ m, i }))
    .filter(({ i }) => !kept[i])
    .sort((a, b) => b.m.value - a.m.value || totalCost(a.i) - totalCost(b.i));
  for (const { i } of candidates) {
    if (!fits(i)) continue;
    kept[i] = true;
    for (const f of frames)
      remaining.set(f.k, (remaining.get(f.k) ?? 0) - (costs[i]?.get(f.k)?.amountNok ?? 0));
  }

  const usage = usageOf(input, kept);
  const dropped = input.measures.flatMap((m, i): DroppedMeasure[] => {
    if (kept[i]) return [];
    const binding = usage.flatMap((u) => {
      const cost = costs[i]?.get(key(u.frameAreaId, u.year))?.amountNok ?? 0;
      return cost > u.remainingNok
        ? [
            {
              year: u.year,
              frameAreaId: u.frameAreaId,
              frameAreaName: u.frameAreaName,
              frameNok: u.frameNok,
              costNok: cost,
              remainingNok: u.remainingNok,
            },
          ]
        : [];
    });
    const reason = binding.some((b) => b.costNok > b.frameNok) ? "exceeds_frame_alone" : "frame_used_up";
    return [
      {
        reference: m.reference,
        title: m.title ?? "",
        value: m.value,
        reason,
        binding,
        why: describeDropped(reason, binding),
      },
    ];
  });
  const selected = input.measures.flatMap((m, i) =>
    kept[i] ? [{ reference: m.reference, title: m.title ?? "", value: m.value, mandatory: m.mandatory }] : [],
  );
  return {
    status: outcome.status,
    selected,
    dropped,
    totalValue: selected.reduce((sum, m) => sum + m.value, 0),
    possibleValue: input.measures.reduce((sum, m) => sum + m.value, 0),
    gap: outcome.gap,
    usage,
    unframed: unframedOf(input),
    shortfalls: [],
    explanation: null,
  };
}

/** The answer when the mandatory measures alone break a frame: nothing solved, the reason given. */
export function infeasibleResult(
  input: PrioritisationInput,
  shortfalls: FrameShortfall[],
): PrioritisationResult {
  const kept = input.measures.map((m) => m.mandatory);
  return {
    status: "infeasible",
    selected: [],
    dropped: [],
    totalValue: 0,
    possibleValue: input.measures.reduce((sum, m) => sum + m.value, 0),
    gap: null,
    usage: usageOf(input, kept),
    unframed: unframedOf(input),
    shortfalls,
    explanation: describeShortfalls(shortfalls),
  };
}

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

/**
 * How long HiGHS may search. Proving optimality of a 500-measure program can take HiGHS 10 s or
 * more on a loaded machine (multi-dimensional knapsacks are hard to prove), while a proposal within
 * a fraction of a percent is found in well under a second; after this limit the best proposal so far
 * is returned with status «feasible» and HiGHS's gap. Small programs are proved optimal long before.
 */
export const DEFAULT_TIME_LIMIT_SECONDS = 1.5;

export type SolveOptions = {
  /** Seconds HiGHS may search before it answers with the best proposal found (status «feasible»). */
  timeLimitSeconds?: number;
  /** HiGHS's relative gap at which a proposal counts as optimal (its default is 1e-4). */
  relativeGap?: number;
};

/**
 * Runs one integer program through a loaded HiGHS instance (synchronous; no I/O) and returns what
 * it found. Throws when HiGHS ends without a proposal (e.g. the time limit before any was found).
 */
export function runSolver(
  highs: Highs,
  model: Pick<PrioritisationModel, "lp">,
  options: SolveOptions = {},
): SolverOutcome {
  const solver = highs.createModel({ format: "lp", data: model.lp });
  try {
    solver.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
      mip_rel_gap: options.relativeGap ?? 1e-4,
    });
    const { modelStatus } = solver.run();
    const statuses = highs.constants.modelStatus;
    const hasSolution = Number(solver.info.get("primal_solution_status")) === 2;
    if (!hasSolution || (modelStatus !== statuses.optimal && modelStatus !== statuses.timeLimit)) {
      throw new Error(`HiGHS ended without a proposal (model status ${modelStatus})`);
    }
    const solution = solver.getSolution().colValue;
    const values: Record<string, number> = {};
    const { numCols } = solver.getDimensions();
    for (let i = 0; i < numCols; i++) values[solver.getColName(i)] = solution[i] ?? 0;
    const gap = Number(solver.info.get("mip_gap"));
    return {
      status: modelStatus === statuses.optimal ? "optimal" : "feasible",
      values,
      gap: Number.isFinite(gap) ? Math.max(0, gap) : null,
    };
  } finally {
    solver.dispose();
  }
}

/**
 * Everything before the solver: infeasibility (computed directly) and the empty program are answered
 * at once; otherwise the model to solve. Lets the service run the solver elsewhere (a worker thread).
 */
export function preparePrioritisation(
  input: PrioritisationInput,
): { result: PrioritisationResult } | { model: PrioritisationModel } {
  validateInput(input);
  const shortfalls = mandatoryShortfalls(input);
  if (shortfalls.length > 0) return { result: infeasibleResult(input, shortfalls) };
  const model = buildModel(input);
  if (input.measures.length === 0)
    return { result: readSolution(input, model, { status: "optimal", values: {}, gap: 0 }) };
  return { model };
}

/** The whole prioritisation in this thread: prepare, solve, read back. */
export function prioritise(
  highs: Highs,
  input: PrioritisationInput,
  options: SolveOptions = {},
): PrioritisationResult {
  const prepared = preparePrioritisation(input);
  if ("result" in prepared) return prepared.result;
  return readSolution(input, prepared.model, runSolver(highs, prepared.model, options));
}
