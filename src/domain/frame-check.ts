import { type Party, splitMeasureCosts } from "./cost-split.ts";
import { type Nok, sumNok } from "./money.ts";

/** A budget frame is proposed until the council adopts it (stored values). */
export const frameStatuses = ["proposed", "adopted"] as const;
export type FrameStatus = (typeof frameStatuses)[number];

export type FrameInput = {
  frameAreaId: string;
  year: number;
  amountNok: Nok;
  status: FrameStatus;
};
/** One cost line of a measure: municipal money names its frame area; external money has none. */
export type CostInput = { reference: string; frameAreaId: string | null; year: number; amountNok: Nok };

/**
 * How a year and area stands: `within` or `over` an existing frame (proposed or adopted);
 * `unframed` = money but no frame yet («Ikke rammesatt», a warning, not an overrun); `empty` = no
 * frame and no money.
 */
export type FrameRowState = "within" | "over" | "unframed" | "empty";

export type FrameCheckRow = {
  state: FrameRowState;
  year: number;
  frameAreaId: string;
  frameNok: Nok | null;
  frameStatus: FrameStatus | null;
  sumNok: Nok;
  /** Frame minus sum; negative when over. Null without a frame. */
  remainingNok: Nok | null;
  overrunNok: Nok;
};

export type Overrun = {
  year: number;
  frameAreaId: string;
  frameNok: Nok | null;
  sumNok: Nok;
  excessNok: Nok;
};

/**
 * THE frame check: for every year of the period and every frame area, the frame and the sum of the
 * measures' municipal funding from that area. External money never counts. Exact integer sums.
 */
export function checkFrames(input: {
  years: number[];
  frameAreaIds: string[];
  frames: FrameInput[];
  costs: CostInput[];
}): FrameCheckRow[] {
  const key = (areaId: string, year: number) => `${areaId}|${year}`;
  const sums = new Map<string, Nok[]>();
  for (const c of input.costs) {
    if (c.frameAreaId === null) continue;
    const k = key(c.frameAreaId, c.year);
    const list = sums.get(k);
    if (list) list.push(c.amountNok);
    else sums.set(k, [c.amountNok]);
  }
  const frames = new Map(input.frames.map((f) => [key(f.frameAreaId, f.year), f]));
  return input.years.flatMap((year) =>
    input.frameAreaIds.map((frameAreaId) => {
      const frame = frames.get(key(frameAreaId, year));
      const sum = sumNok(sums.get(key(frameAreaId, year)) ?? []);
      const remaining = frame ? frame.amountNok - sum : null;
      return {
        state: frameRowState(frame ? frame.amountNok : null, sum),
        year,
        frameAreaId,
        frameNok: frame?.amountNok ?? null,
        frameStatus: frame?.status ?? null,
        sumNok: sum,
        remainingNok: remaining,
        overrunNok: remaining !== null && remaining < 0 ? -remaining : 0,
      };
    }),
  );
}

/** The state of one year and area (see FrameRowState). */
export function frameRowState(frameNok: Nok | null, sumNok: Nok): FrameRowState {
  if (frameNok === null) return sumNok > 0 ? "unframed" : "empty";
  return sumNok > frameNok ? "over" : "within";
}

/**
 * What blocks adoption: every year and area whose municipal funding exceeds its ADOPTED frame; an
 * area with money but no adopted frame counts as over a frame of 0 kr.
 */
export function adoptionOverruns(rows: FrameCheckRow[]): Overrun[] {
  return rows.flatMap((r) => {
    const adopted = r.frameStatus === "adopted" ? r.frameNok : null;
    const limit = adopted ?? 0;
    if (r.sumNok <= limit) return [];
    return [
      {
        year: r.year,
        frameAreaId: r.frameAreaId,
        frameNok: adopted,
        sumNok: r.sumNok,
        excessNok: r.sumNok - limit,
      },
    ];
  });
}

/**
 * Shared measures: a municipality's frame check counts only its own share. The owner's
 * municipal cost lines of a shared measure are split (src/domain/cost-split.ts) and only the owner's
 * part stays, in the line's own frame area; a participant counts its share of the owner's lines in
 * the frame area it chose when joining (`joinedShares`). Measures without participants are unchanged.
 */
export function countOwnShares(input: {
  municipalityId: string;
  costs: (CostInput & { measureId: string })[];
  participantsByMeasure: Map<string, (Party & { frameAreaId: string | null })[]>;
  joinedShares: CostInput[];
}): CostInput[] {
  const own: CostInput[] = [];
  const sharedLines = new Map<string, (CostInput & { measureId: string })[]>();
  for (const cost of input.costs) {
    const participants = input.participantsByMeasure.get(cost.measureId);
    if (!participants?.length || cost.frameAreaId === null) {
      own.push(cost);
      continue;
    }
    const list = sharedLines.get(cost.measureId) ?? [];
    list.push(cost);
    sharedLines.set(cost.measureId, list);
  }
  for (const [measureId, lines] of sharedLines) {
    const reference = lines[0]?.reference ?? "";
    const shares = splitMeasureCosts({
      ownerMunicipalityId: input.municipalityId,
      participants: input.participantsByMeasure.get(measureId) ?? [],
      lines,
    });
    for (const share of shares) {
      if (share.municipalityId === input.municipalityId)
        own.push({ reference, frameAreaId: share.frameAreaId, year: share.year, amountNok: share.amountNok });
    }
  }
  return [...own, ...input.joinedShares];
}
