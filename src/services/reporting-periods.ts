import { and, asc, eq } from "drizzle-orm";
import { type ReportingPeriodState, reportingPeriods } from "../db/schema/index.ts";
import { diffFields } from "../domain/audit.ts";
import { allowedActions } from "../domain/permissions.ts";
import {
  completeness,
  defaultReportingPeriods,
  periodOrder,
  periodTransitionAllowed,
} from "../domain/status-report.ts";
import { AppError } from "../errors.ts";
import { authorize, resolveTenant } from "./access.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";
import { lockCycle } from "./cycles.ts";
import { loadPeriod, periodMeasures } from "./status-report-scope.ts";

/** A cycle's reporting periods with how far each has come (internal roles). */
export async function listReportingPeriods({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "read", "reporting_period", {}, "cycle");
  const rows = await ctx.db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.municipalityId, tenant.id), eq(reportingPeriods.cycleId, input.cycleId)))
    .orderBy(asc(reportingPeriods.asOf));
  const periods = await Promise.all(
    rows.map(async (row) => {
      const period = await loadPeriod(ctx.db, tenant, row.id);
      const list = await periodMeasures(ctx.db, tenant, period);
      return {
        id: row.id,
        kind: row.kind,
        asOf: row.asOf,
        dueDate: row.dueDate,
        state: row.state,
        version: row.version,
        completeness: completeness(list.map((m) => m.report?.state ?? "missing")),
      };
    }),
  );
  periods.sort((a, b) => periodOrder[a.kind] - periodOrder[b.kind]);
  return { periods, allowedActions: allowedActions(tenant.subject, "reporting_period") };
}

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
      throw new AppError("conflict", "reportingPeriod.changedByOther", {}, { current: locked });
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
