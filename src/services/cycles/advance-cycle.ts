import { eq } from "drizzle-orm";
import { cycles } from "../../db/schema/index.ts";
import { type CyclePhase, cyclePhases } from "../../domain/cycle.ts";
import { transitionProblems } from "../../domain/phases.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { cycleFacts, lockCycle } from "./cycles.ts";

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
    const cycle = await lockCycle(tx, tenant, input.cycleId);
    authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
    if (cycle.version !== input.version) throw new AppError("conflict", "cycle.changedByOther");
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
    await tx
      .update(cycles)
      .set({ phase: input.to, version: cycle.version + 1, updatedAt: new Date() })
      .where(eq(cycles.id, cycle.id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "cycle",
        objectId: cycle.id,
        objectLabel: `Rullering ${cycle.budgetYear}`,
        action: "advance_phase",
        changes: { phase: { before: cycle.phase, after: input.to } },
      },
      ctx.requestId,
    );
    return { phase: input.to, version: cycle.version + 1, phases: cyclePhases };
  });
}
