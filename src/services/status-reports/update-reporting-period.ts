import { eq } from "drizzle-orm";
import { reportingPeriods } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { periodTransitionAllowed, type ReportingPeriodState } from "../../domain/status-report.ts";
import { AppError, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { loadPeriod } from "./status-report-scope.ts";

/** Opens or closes a period, or moves its deadline (planners); optimistic version. */
export async function updateReportingPeriod({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    periodId: string;
    version: number;
    state?: ReportingPeriodState;
    dueDate?: string;
  };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "reporting_period");
  return ctx.db.transaction(async (tx) => {
    const period = await loadPeriod(tx, tenant, input.periodId);
    const [locked] = await tx
      .select()
      .from(reportingPeriods)
      .where(eq(reportingPeriods.id, period.id))
      .for("update");
    if (!locked) throw new Error("period vanished");
    if (locked.version !== input.version)
      throw new AppError("conflict", "reportingPeriod.changedByOther", {}, [staleDetail(locked)]);
    const after = { state: input.state ?? locked.state, dueDate: input.dueDate ?? locked.dueDate };
    if (after.state !== locked.state && !periodTransitionAllowed(locked.state, after.state))
      throw new AppError("validation", "reportingPeriod.invalidTransition", {}, [
        { path: "/state", message: "Ugyldig overgang." },
      ]);
    if (after.dueDate < locked.asOf)
      throw new AppError("validation", "reportingPeriod.dueBeforeDate", {}, [
        { path: "/dueDate", message: "Fristen er for tidlig." },
      ]);
    const changes = diffFields(locked, after, ["state", "dueDate"]);
    if (Object.keys(changes).length === 0) return locked;
    const [updated] = await tx
      .update(reportingPeriods)
      .set({ ...after, version: locked.version + 1, updatedAt: new Date() })
      .where(eq(reportingPeriods.id, locked.id))
      .returning();
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "reporting_period",
        objectId: locked.id,
        objectLabel: `${locked.kind} ${period.budgetYear}`,
        action: "update_reporting_period",
        changes,
      },
      ctx.requestId,
    );
    return updated ?? locked;
  });
}
