import { stepBackProblems } from "../../domain/phases.ts";
import { AppError } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { cycleFacts } from "./cycles.ts";
import { lockCycleFor, moveCyclePhase } from "./internal.ts";

/**
 * Moves a cycle back one phase (a phase moved by mistake, or work to redo), before its action plan
 * is adopted; the reason goes into the audit trail with the step.
 */
export async function stepBackCycle({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string; version: number; reason: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const cycle = await lockCycleFor(ctx, tx, tenant, "update", input.cycleId, input.version);
    const { facts } = await cycleFacts(tx, cycle.id);
    const { to, problems } = stepBackProblems(cycle.phase, facts);
    const [problem] = problems;
    if (problem || !to) throw new AppError("conflict", `cycle.cannotStepBack.${problem ?? "first_phase"}`);
    return moveCyclePhase(ctx, tx, tenant, cycle, to, "step_back_phase", {
      reason: { before: null, after: input.reason.trim() },
    });
  });
}
