import { and, eq, isNull, ne } from "drizzle-orm";
import { actionPlanVersions, proposals } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { lockCycle } from "../cycles/cycles.ts";

/**
 * Publishes a cycle's decided proposals and their outcomes, once its action plan is adopted, so
 * citizens and partners can see what was proposed and what became of it. Undecided ones stay internal.
 */
export async function publishProposals({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string };
}): Promise<{ published: number }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "publish", "proposal", {}, "cycle");
  return ctx.db.transaction(async (tx) => {
    const cycle = await lockCycle(tx, tenant, input.cycleId);
    const [adopted] = await tx
      .select({ id: actionPlanVersions.id })
      .from(actionPlanVersions)
      .where(and(eq(actionPlanVersions.cycleId, cycle.id), eq(actionPlanVersions.status, "adopted")))
      .limit(1);
    if (!adopted) {
      throw new AppError("conflict", "proposal.publishAfterAdoption", { year: cycle.budgetYear });
    }
    const rows = await tx
      .update(proposals)
      .set({ publishedAt: new Date() })
      .where(
        and(
          eq(proposals.cycleId, cycle.id),
          isNull(proposals.publishedAt),
          ne(proposals.status, "submitted"),
        ),
      )
      .returning({ number: proposals.number });
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "cycle",
        objectId: cycle.id,
        objectLabel: `Rullering ${cycle.budgetYear}`,
        action: "publish_proposals",
        changes: {
          publishedProposals: { before: null, after: rows.map((r) => r.number).sort((a, b) => a - b) },
        },
      },
      ctx.requestId,
    );
    return { published: rows.length };
  });
}
