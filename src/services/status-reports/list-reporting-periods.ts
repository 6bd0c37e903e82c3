import { and, asc, eq } from "drizzle-orm";
import { reportingPeriods } from "../../db/schema/index.ts";
import { isOverdue } from "../../domain/deadlines.ts";
import { allowedActions } from "../../domain/permissions.ts";
import { completeness, periodOrder } from "../../domain/status-report.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { todayInNorway } from "../evaluations/evaluation-data.ts";
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
  const today = todayInNorway();
  const periods = await Promise.all(
    rows.map(async (row) => {
      const period = await loadPeriod(ctx.db, tenant, row.id);
      const list = await periodMeasures(ctx.db, tenant, period);
      const counts = completeness(
        list.map((m) => (!m.report || m.report.state === "draft" ? "missing" : m.report.state)),
      );
      return {
        id: row.id,
        kind: row.kind,
        asOf: row.asOf,
        dueDate: row.dueDate,
        state: row.state,
        version: row.version,
        completeness: counts,
        /** The due date has passed with reports still missing or sent back, and the period not closed. */
        overdue: isOverdue(
          row.dueDate,
          today,
          row.state === "closed" || counts.missing + counts.returned === 0,
        ),
      };
    }),
  );
  periods.sort((a, b) => periodOrder[a.kind] - periodOrder[b.kind]);
  return { periods, allowedActions: allowedActions(tenant.subject, "reporting_period") };
}
