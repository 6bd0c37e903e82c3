import { formatNok, type Nok, sumNok } from "./money.ts";
import {
  areaName,
  costsByFrame,
  type FrameShortfall,
  frameKey,
  type PrioritisationInput,
  type PrioritisationModel,
} from "./prioritisation-model.ts";

// The solver's answer read back into a proposal, and why each measure fell out (the rules:
// prioritisation.ts).

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
    const k = frameKey(frame.frameAreaId, frame.year);
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
  const framed = new Set(input.frames.map((f) => frameKey(f.frameAreaId, f.year)));
  const sums = new Map<string, { year: number; frameAreaId: string; amounts: Nok[] }>();
  for (const m of input.measures)
    for (const c of m.costs) {
      const k = frameKey(c.frameAreaId, c.year);
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
  const frames = input.frames.map((f) => ({ ...f, k: frameKey(f.frameAreaId, f.year) }));
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
    usageOf(input, kept).map((u) => [frameKey(u.frameAreaId, u.year), u.remainingNok] as const),
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
      const cost = costs[i]?.get(frameKey(u.frameAreaId, u.year))?.amountNok ?? 0;
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
