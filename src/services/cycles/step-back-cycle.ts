import { eq } from "drizzle-orm";
import { cycles } from "../../db/schema/index.ts";
import { cyclePhases } from "../../domain/cycle.ts";
import { stepBackProblems } from "../../domain/phases.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { cycleFacts, lockCycle } from "./cycles.ts";

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
    const cycle = await lockCycle(tx, tenant, input.cycleId);
    authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
    if (cycle.version !== input.version) throw new AppError("conflict", "cycle.changedByOther");
    const { facts } = await cycleFacts(tx, cycle.id);
    const { to, problems } = stepBackProblems(cycle.phase, facts);
    const [problem] = problems;
    if (problem || !to) throw new AppError("conflict", `cycle.cannotStepBack.${problem ?? "first_phase"}`);
    await tx
      .update(cycles)
      .set({ phase: to, version: cycle.version + 1, updatedAt: new Date() })
      .where(eq(cycles.id, cycle.id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "cycle",
        objectId: cycle.id,
        objectLabel: `Rullering ${cycle.budgetYear}`,
        action: "step_back_phase",
        changes: {
          phase: { before: cycle.phase, after: to },
          reason: { before: null, after: input.reason.trim() },
        },
      },
      ctx.requestId,
    );
    return { phase: to, version: cycle.version + 1, phases: cyclePhases };
  });
}
