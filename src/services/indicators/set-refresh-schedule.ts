import { and, eq, isNull } from "drizzle-orm";
import { indicatorImports, indicators } from "../../db/schema/index.ts";
import type { IndicatorRefreshSchedule } from "../../domain/indicators.ts";
import { AppError, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { indicatorById } from "./internal.ts";

/**
 * Sets how often the indicator's address is fetched again (planners). Only an indicator whose
 * current import came from an address can have a schedule; «never» is always allowed. The next
 * run of the refresh job fetches it when the schedule is due (at once for one never fetched).
 */
export async function setIndicatorRefreshSchedule({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    indicatorId: string;
    schedule: IndicatorRefreshSchedule;
    version: number;
  };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const indicator = await indicatorById(tx, tenant, input.indicatorId, { lock: true });
    authorize(ctx, tenant, "update", "indicator", { published: indicator.published }, "indicator");
    if (indicator.version !== input.version)
      throw new AppError("conflict", "indicator.changedByOther", {}, [
        staleDetail({ version: indicator.version }),
      ]);
    if (input.schedule !== "never") {
      const [current] = await tx
        .select({ sourceUrl: indicatorImports.sourceUrl })
        .from(indicatorImports)
        .where(and(eq(indicatorImports.indicatorId, indicator.id), isNull(indicatorImports.replacedAt)));
      if (!current?.sourceUrl)
        throw new AppError("validation", "indicator.refreshNeedsAddress", {}, [
          { path: "/schedule", message: "Bare indikatorer importert fra en adresse kan hentes på nytt." },
        ]);
    }
    if (indicator.refreshSchedule === input.schedule)
      return { refreshSchedule: indicator.refreshSchedule, version: indicator.version };
    const [saved] = await tx
      .update(indicators)
      .set({ refreshSchedule: input.schedule, version: indicator.version + 1, updatedAt: new Date() })
      .where(eq(indicators.id, indicator.id))
      .returning({ refreshSchedule: indicators.refreshSchedule, version: indicators.version });
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "indicator",
        objectId: indicator.id,
        objectLabel: indicator.name,
        action: "set_refresh_schedule",
        changes: { refreshSchedule: { before: indicator.refreshSchedule, after: input.schedule } },
      },
      ctx.requestId,
    );
    return saved as { refreshSchedule: IndicatorRefreshSchedule; version: number };
  });
}
