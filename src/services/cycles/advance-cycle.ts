import type { CyclePhase } from "../../domain/cycle.ts";
import { transitionProblems } from "../../domain/phases.ts";
import { AppError } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { cycleFacts } from "./cycles.ts";
import { lockCycleFor, moveCyclePhase } from "./internal.ts";

/** Moves a cycle to its next phase, when the rules allow; otherwise says what is missing. */
export async function advanceCycle({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string; version: number; to: CyclePhase };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const cycle = await lockCycleFor(ctx, tx, tenant, "update", input.cycleId, input.version);
    const { facts } = await cycleFacts(tx, cycle.id);
    const problems = transitionProblems(cycle.phase, input.to, facts);
    if (problems.length > 0) {
      throw new AppError(
        "conflict",
        "cycle.cannotAdvance",
        { phase: { key: `cycle.phase.${input.to}` }, problems: problems.join(" ") },
        problems.map((message) => ({ path: "/to", message })),
      );
    }
    return moveCyclePhase(ctx, tx, tenant, cycle, input.to, "advance_phase");
  });
}
