import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { focusAreas, goals, indicatorFocusAreas, indicatorGoals, indicators } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import type { IndicatorChartKind, IndicatorDirection } from "../../domain/indicators.ts";
import { AppError, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { indicatorById } from "./internal.ts";

export type IndicatorContent = {
  name: string;
  description: string;
  unit: string;
  decimals: number;
  direction: IndicatorDirection;
  chartKind: IndicatorChartKind;
  sourceName: string;
  sourceUrl: string;
  licence: string;
  creditLine: string;
  isExample: boolean;
  published: boolean;
  goalIds: string[];
  focusAreaIds: string[];
};

const fields = [
  "name",
  "description",
  "unit",
  "decimals",
  "direction",
  "chartKind",
  "sourceName",
  "sourceUrl",
  "licence",
  "creditLine",
  "isExample",
  "published",
  "goalIds",
  "focusAreaIds",
] as const;

/** The goals and focus areas must be the municipality's own. */
async function checkLinks(tx: DbOrTx, tenant: Tenant, content: IndicatorContent) {
  const problems: { path: string; message: string }[] = [];
  if (content.goalIds.length > 0) {
    const found = await tx
      .select({ id: goals.id })
      .from(goals)
      .where(and(inArray(goals.id, content.goalIds), eq(goals.municipalityId, tenant.id)));
    if (found.length !== new Set(content.goalIds).size)
      problems.push({ path: "/goalIds", message: "Velg mål fra kommunens egen plan." });
  }
  if (content.focusAreaIds.length > 0) {
    const found = await tx
      .select({ id: focusAreas.id })
      .from(focusAreas)
      .where(and(inArray(focusAreas.id, content.focusAreaIds), eq(focusAreas.municipalityId, tenant.id)));
    if (found.length !== new Set(content.focusAreaIds).size)
      problems.push({ path: "/focusAreaIds", message: "Velg satsingsområder fra kommunens egen plan." });
  }
  if (problems.length > 0)
    throw new AppError(
      "validation",
      "common.untranslated",
      { text: problems.map((p) => p.message).join(" ") },
      problems,
    );
}

async function writeLinks(tx: DbOrTx, tenantId: string, indicatorId: string, content: IndicatorContent) {
  await tx.delete(indicatorGoals).where(eq(indicatorGoals.indicatorId, indicatorId));
  await tx.delete(indicatorFocusAreas).where(eq(indicatorFocusAreas.indicatorId, indicatorId));
  const goalIds = [...new Set(content.goalIds)];
  const focusAreaIds = [...new Set(content.focusAreaIds)];
  if (goalIds.length)
    await tx
      .insert(indicatorGoals)
      .values(goalIds.map((goalId) => ({ municipalityId: tenantId, indicatorId, goalId })));
  if (focusAreaIds.length)
    await tx
      .insert(indicatorFocusAreas)
      .values(focusAreaIds.map((focusAreaId) => ({ municipalityId: tenantId, indicatorId, focusAreaId })));
}

const columns = (c: IndicatorContent) => ({
  name: c.name.trim(),
  description: c.description.trim(),
  unit: c.unit.trim(),
  decimals: c.decimals,
  direction: c.direction,
  chartKind: c.chartKind,
  sourceName: c.sourceName.trim(),
  sourceUrl: c.sourceUrl.trim(),
  licence: c.licence.trim(),
  creditLine: c.creditLine.trim(),
  isExample: c.isExample,
  published: c.published,
});

/** A new indicator in the municipality's knowledge base (planners). */
export async function createIndicator({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; content: IndicatorContent };
}): Promise<{ id: string; version: number }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "create", "indicator", {}, "municipality");
  return ctx.db.transaction(async (tx) => {
    await checkLinks(tx, tenant, input.content);
    const [indicator] = await tx
      .insert(indicators)
      .values({ municipalityId: tenant.id, ...columns(input.content) })
      .returning();
    if (!indicator) throw new Error("indicator not inserted");
    await writeLinks(tx, tenant.id, indicator.id, input.content);
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "indicator",
        objectId: indicator.id,
        objectLabel: indicator.name,
        action: "create",
        changes: diffFields(null, input.content, fields),
      },
      ctx.requestId,
    );
    return { id: indicator.id, version: indicator.version };
  });
}

/** Changes an indicator; `version` is the one the planner read (a stale one is refused). */
export async function updateIndicator({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; indicatorId: string; version: number; content: IndicatorContent };
}): Promise<{ id: string; version: number }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const current = await indicatorById(tx, tenant, input.indicatorId, { lock: true });
    authorize(ctx, tenant, "update", "indicator", { published: current.published }, "indicator");
    if (current.version !== input.version)
      throw new AppError("conflict", "indicator.changedByOther", {}, [staleDetail(current)]);
    await checkLinks(tx, tenant, input.content);
    const [goalRows, focusRows] = await Promise.all([
      tx.select().from(indicatorGoals).where(eq(indicatorGoals.indicatorId, current.id)),
      tx.select().from(indicatorFocusAreas).where(eq(indicatorFocusAreas.indicatorId, current.id)),
    ]);
    const before = {
      ...current,
      goalIds: goalRows.map((g) => g.goalId).sort(),
      focusAreaIds: focusRows.map((f) => f.focusAreaId).sort(),
    };
    const after = {
      ...columns(input.content),
      goalIds: [...new Set(input.content.goalIds)].sort(),
      focusAreaIds: [...new Set(input.content.focusAreaIds)].sort(),
    };
    const changes = diffFields(before, after, fields);
    if (Object.keys(changes).length === 0) return { id: current.id, version: current.version };
    const [saved] = await tx
      .update(indicators)
      .set({ ...columns(input.content), version: current.version + 1, updatedAt: new Date() })
      .where(eq(indicators.id, current.id))
      .returning();
    await writeLinks(tx, tenant.id, current.id, input.content);
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "indicator",
        objectId: current.id,
        objectLabel: after.name,
        action: "update",
        changes,
      },
      ctx.requestId,
    );
    return { id: current.id, version: saved?.version ?? current.version + 1 };
  });
}
