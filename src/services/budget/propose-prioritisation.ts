import { nokAmountProblem } from "../../domain/money.ts";
import {
  applyOverrides,
  type EffectiveFrame,
  type FrameOverride,
  type PrioritisationResult,
  type ValueSource,
  valueFor,
} from "../../domain/prioritisation.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { computeFrameCheck, type FrameCheckView } from "./frame-check.ts";
import { loadPrioritisationData, requireDraft, solve } from "./internal.ts";

export type ProposalView = PrioritisationResult & {
  frames: (EffectiveFrame & { frameAreaName: string })[];
};

export type PrioritisationProposal = {
  cycleId: string;
  budgetYear: number;
  years: number[];
  actionPlanVersionId: string;
  areas: { id: string; name: string }[];
  /** The frame check of the draft as it stands. */
  frameCheck: FrameCheckView;
  /** The proposal under the frames as they are. */
  current: ProposalView;
  /** The proposal under the what-if frames; null without overrides. */
  whatIf: ProposalView | null;
  overrides: FrameOverride[];
  /** Which value rule the proposal used, and the rounds whose scores it took, to say so. */
  valueRule: { source: ValueSource; roundTitles: string[]; evaluated: number };
};

/**
 * Proposes which measures of the cycle's draft to keep so every year × area stays within its frame
 * with the highest total value, and, with overrides, the proposal under changed frames beside it.
 * Nothing is saved. Mandatory measures that alone exceed a frame give status «infeasible» with
 * the explanation (an answer, not an error: a what-if may well be infeasible).
 */
export async function proposePrioritisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    cycleId: string;
    overrides?: FrameOverride[];
    /**
     * What a measure is worth: by default the priority, with the latest closed evaluation round's
     * score breaking ties; or the priority alone; or the evaluation score alone.
     */
    valueSource?: ValueSource;
  };
}): Promise<PrioritisationProposal> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
  const data = await loadPrioritisationData(ctx.db, tenant, input.cycleId);
  requireDraft(data.cycle, data.version);
  const overrides = input.overrides ?? [];
  const problems = overrideProblems(overrides, data.years, new Set(data.areas.map((a) => a.id)));
  if (problems.length > 0)
    throw new AppError(
      "validation",
      "common.untranslated",
      { text: problems.map((p) => p.message).join(" ") },
      problems,
    );

  const areaNames = Object.fromEntries(data.areas.map((a) => [a.id, a.name]));
  const source = input.valueSource ?? "default";
  const measuresInput = data.measures.map((m) => ({
    reference: m.reference,
    title: m.title,
    value: valueFor(source, m),
    mandatory: m.mandatory,
    costs: m.costs,
  }));
  const proposalUnder = async (frames: EffectiveFrame[]): Promise<ProposalView> => ({
    ...(await solve({ measures: measuresInput, frames, areaNames })),
    frames: frames.map((f) => ({ ...f, frameAreaName: areaNames[f.frameAreaId] ?? "" })),
  });
  const stored = data.frames.map((f) => ({
    frameAreaId: f.frameAreaId,
    year: f.year,
    amountNok: f.amountNok,
    status: f.status,
  }));
  const current = await proposalUnder(applyOverrides(stored));
  const whatIf = overrides.length > 0 ? await proposalUnder(applyOverrides(stored, overrides)) : null;
  return {
    cycleId: data.cycle.id,
    budgetYear: data.cycle.budgetYear,
    years: data.years,
    actionPlanVersionId: data.version.id,
    areas: data.areas,
    frameCheck: await computeFrameCheck(ctx.db, tenant.id, data.cycle.id, data.version.id),
    current,
    whatIf,
    overrides,
    valueRule: {
      source,
      roundTitles: [...new Set(data.measures.flatMap((m) => (m.evaluationRound ? [m.evaluationRound] : [])))],
      evaluated: data.measures.filter((m) => m.evaluationScore !== null).length,
    },
  };
}

function overrideProblems(overrides: FrameOverride[], years: number[], areaIds: Set<string>) {
  const problems: { path: string; message: string }[] = [];
  const period = `${years[0]}–${years.at(-1)}`;
  overrides.forEach((o, i) => {
    if (o.year !== undefined && !years.includes(o.year))
      problems.push({
        path: `/overrides/${i}/year`,
        message: `Året ${o.year} er utenfor perioden ${period}.`,
      });
    if (o.frameAreaId !== undefined && !areaIds.has(o.frameAreaId))
      problems.push({ path: `/overrides/${i}/frameAreaId`, message: "Ukjent rammeområde." });
    if ("percent" in o && (!Number.isFinite(o.percent) || o.percent < -100))
      problems.push({ path: `/overrides/${i}/percent`, message: "Endringen kan ikke være under −100 %." });
    const amountProblem = "amountNok" in o ? nokAmountProblem(o.amountNok) : null;
    if (amountProblem) problems.push({ path: `/overrides/${i}/amountNok`, message: amountProblem });
  });
  return problems;
}
