import { eq } from "drizzle-orm";
import { reportingPeriods } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { defaultReportingPeriods } from "../../domain/status-report.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { lockCycle } from "../cycles/cycles.ts";

/** Creates the cycle's three periods (T1, T2, annual) with default dates; those that exist stay (planners). */
export async function createReportingPeriods({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "reporting_period");
  return ctx.db.transaction(async (tx) => {
    const cycle = await lockCycle(tx, tenant, input.cycleId);
    const existing = await tx
      .select({ kind: reportingPeriods.kind })
      .from(reportingPeriods)
      .where(eq(reportingPeriods.cycleId, cycle.id));
    const missing = defaultReportingPeriods(cycle.budgetYear).filter(
      (p) => !existing.some((e) => e.kind === p.kind),
    );
    if (missing.length === 0) return { created: 0 };
    await tx
      .insert(reportingPeriods)
      .values(missing.map((p) => ({ ...p, municipalityId: tenant.id, cycleId: cycle.id })));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "cycle",
        objectId: cycle.id,
        objectLabel: `Rullering ${cycle.budgetYear}`,
        action: "create_reporting_periods",
        changes: diffFields(
          null,
          { periods: missing.map((p) => `${p.kind} per ${p.asOf}, frist ${p.dueDate}`).join("; ") },
          ["periods"],
        ),
      },
      ctx.requestId,
    );
    return { created: missing.length };
  });
}
