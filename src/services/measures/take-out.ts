import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  fundingSources,
  goals,
  measureCosts,
  measures,
  measureVersionGoals,
  measureVersionObjectives,
  measureVersionPartners,
  measureVersions,
  objectives,
  partnerOrganisations,
  plans,
  type RemovedMeasureSnapshot,
  removedMeasureVersions,
  users,
} from "../../db/schema/index.ts";
import { can } from "../../domain/permissions.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import { type Actor, actorLabel, type ServiceContext } from "../context.ts";
import { planIdOfMeasure } from "../cycles/working-action-plan.ts";
import { measureByReference } from "./internal.ts";

/*
 * Taking a measure out of a draft action plan keeps it: its version there (content, goals,
 * objectives, partners and costs) is copied into `removed_measure_versions` before the version row
 * goes, so the draft's readers are unchanged, the measure is listed as «Tatt ut av forslaget», and
 * «Sett inn igjen» puts the same measure (same id and reference) back with the same content.
 */

export const DEFAULT_PRIORITISATION_REASON = "Tatt ut ved prioritering";

type Via = "manual" | "prioritisation";

/** The draft action plan of a plan: the given budget year's cycle, or the newest cycle; locked. */
export async function draftOfPlan(tx: DbOrTx, tenantId: string, planId: string, year?: number) {
  const [row] = await tx
    .select({ actionPlan: actionPlanVersions, budgetYear: cycles.budgetYear, cycleId: cycles.id })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(
      and(
        eq(cycles.municipalityId, tenantId),
        eq(cycles.planId, planId),
        year === undefined ? undefined : eq(cycles.budgetYear, year),
      ),
    )
    .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision))
    .limit(1);
  if (!row) throw new AppError("validation", "actionPlan.noneYet");
  if (row.actionPlan.status !== "draft")
    throw new AppError("conflict", "removal.adopted", { year: row.budgetYear });
  return { ...row.actionPlan, budgetYear: row.budgetYear };
}

/**
 * Copies each measure version (with its links and costs) into `removed_measure_versions` and then
 * deletes the version (goals, objectives, partners and costs go with it by ON DELETE CASCADE).
 */
export async function snapshotAndRemove(
  tx: DbOrTx,
  input: {
    municipalityId: string;
    versionIds: string[];
    via: Via;
    reasons: Record<string, string>;
    prioritisationId: string | null;
    actor: Actor;
  },
): Promise<void> {
  if (input.versionIds.length === 0) return;
  const ids = input.versionIds;
  const [versions, goalLinks, objectiveLinks, partnerLinks, costs] = [
    await tx.select().from(measureVersions).where(inArray(measureVersions.id, ids)),
    await tx.select().from(measureVersionGoals).where(inArray(measureVersionGoals.measureVersionId, ids)),
    await tx
      .select()
      .from(measureVersionObjectives)
      .where(inArray(measureVersionObjectives.measureVersionId, ids)),
    await tx
      .select()
      .from(measureVersionPartners)
      .where(inArray(measureVersionPartners.measureVersionId, ids)),
    await tx.select().from(measureCosts).where(inArray(measureCosts.measureVersionId, ids)),
  ];
  const userId = input.actor.kind === "user" ? input.actor.userId : null;
  for (const v of versions) {
    const snapshot: RemovedMeasureSnapshot = {
      version: { ...v } as Record<string, unknown>,
      goalIds: goalLinks.filter((l) => l.measureVersionId === v.id).map((l) => l.goalId),
      objectiveIds: objectiveLinks.filter((l) => l.measureVersionId === v.id).map((l) => l.objectiveId),
      partners: partnerLinks
        .filter((l) => l.measureVersionId === v.id)
        .map((l) => ({ organisationId: l.organisationId, role: l.role })),
      costs: costs
        .filter((c) => c.measureVersionId === v.id)
        .map((c) => ({
          year: c.year,
          fundingSourceId: c.fundingSourceId,
          amountNok: c.amountNok,
          externalStatus: c.externalStatus,
        })),
    };
    await tx.insert(removedMeasureVersions).values({
      municipalityId: input.municipalityId,
      measureId: v.measureId,
      actionPlanVersionId: v.actionPlanVersionId,
      snapshot,
      via: input.via,
      reason: input.reasons[v.measureId] ?? "",
      prioritisationId: input.prioritisationId,
      removedByUserId: userId,
      removedByLabel: input.actor.kind === "user" ? input.actor.name : actorLabel(input.actor),
    });
  }
  await tx.delete(measureVersions).where(inArray(measureVersions.id, ids));
}

type RemovedRow = typeof removedMeasureVersions.$inferSelect;

/**
 * Puts removed rows back into their draft: a new version row with the same measure, content, links
 * and costs. Refused with a clear message when the plan no longer has the focus area, goal or
 * objective, or the municipality no longer has the partner or funding source, the snapshot names.
 */
export async function restoreRemoved(
  tx: DbOrTx,
  ctx: ServiceContext,
  tenant: Tenant,
  rows: (RemovedRow & { reference: string })[],
): Promise<void> {
  const all = <T>(f: (s: RemovedMeasureSnapshot) => T[]) => [...new Set(rows.flatMap((r) => f(r.snapshot)))];
  const focusIds = all((s) => [String(s.version.focusAreaId)]);
  const goalIds = all((s) => s.goalIds);
  const objectiveIds = all((s) => s.objectiveIds);
  const orgIds = all((s) => s.partners.map((p) => p.organisationId));
  const sourceIds = all((s) => s.costs.map((c) => c.fundingSourceId));
  const ownerIds = all((s) => (s.version.ownerUserId ? [String(s.version.ownerUserId)] : []));
  const existing = async (table: "focus" | "goal" | "objective" | "org" | "source" | "owner") => {
    const found = new Set<string>();
    const add = (list: { id: string }[]) => {
      for (const x of list) found.add(x.id);
    };
    if (table === "focus" && focusIds.length)
      add(await tx.select({ id: focusAreas.id }).from(focusAreas).where(inArray(focusAreas.id, focusIds)));
    if (table === "goal" && goalIds.length)
      add(await tx.select({ id: goals.id }).from(goals).where(inArray(goals.id, goalIds)));
    if (table === "objective" && objectiveIds.length)
      add(
        await tx.select({ id: objectives.id }).from(objectives).where(inArray(objectives.id, objectiveIds)),
      );
    if (table === "org" && orgIds.length)
      add(
        await tx
          .select({ id: partnerOrganisations.id })
          .from(partnerOrganisations)
          .where(inArray(partnerOrganisations.id, orgIds)),
      );
    if (table === "source" && sourceIds.length)
      add(
        await tx
          .select({ id: fundingSources.id })
          .from(fundingSources)
          .where(inArray(fundingSources.id, sourceIds)),
      );
    if (table === "owner" && ownerIds.length)
      add(await tx.select({ id: users.id }).from(users).where(inArray(users.id, ownerIds)));
    return found;
  };
  const [focus, goal, objective, org, source, owner] = [
    await existing("focus"),
    await existing("goal"),
    await existing("objective"),
    await existing("org"),
    await existing("source"),
    await existing("owner"),
  ];
  for (const r of rows) {
    const s = r.snapshot;
    const title = String(s.version.title ?? "");
    const params = { reference: r.reference, title };
    if (!focus.has(String(s.version.focusAreaId)))
      throw new AppError("validation", "removal.focusAreaGone", params);
    if (s.goalIds.some((id) => !goal.has(id)) || s.objectiveIds.some((id) => !objective.has(id)))
      throw new AppError("validation", "removal.goalGone", params);
    if (s.partners.some((p) => !org.has(p.organisationId)))
      throw new AppError("validation", "removal.partnerGone", params);
    if (s.costs.some((c) => !source.has(c.fundingSourceId)))
      throw new AppError("validation", "removal.fundingSourceGone", params);
  }
  const userId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  for (const r of rows) {
    const s = r.snapshot;
    const v = s.version as Record<string, unknown> & typeof measureVersions.$inferSelect;
    const [inDraft] = await tx
      .select({ id: measureVersions.id })
      .from(measureVersions)
      .where(
        and(
          eq(measureVersions.measureId, r.measureId),
          eq(measureVersions.actionPlanVersionId, r.actionPlanVersionId),
        ),
      );
    if (inDraft) throw new AppError("conflict", "removal.alreadyInDraft", { reference: r.reference });
    const [inserted] = await tx
      .insert(measureVersions)
      .values({
        municipalityId: r.municipalityId,
        measureId: r.measureId,
        actionPlanVersionId: r.actionPlanVersionId,
        focusAreaId: v.focusAreaId,
        title: v.title,
        description: v.description,
        responsibleUnit: v.responsibleUnit,
        contactPerson: v.contactPerson,
        ownerUserId: v.ownerUserId && owner.has(v.ownerUserId) ? v.ownerUserId : null,
        tags: v.tags,
        links: v.links,
        needsReview: v.needsReview,
        priority: v.priority,
        mandatory: v.mandatory,
        reviewNote: v.reviewNote,
        startYear: v.startYear,
        endYear: v.endYear,
        // A client that read the version before it left must not overwrite it unseen.
        version: Number(v.version ?? 0) + 1,
      })
      .returning({ id: measureVersions.id });
    if (!inserted) throw new Error("measure version not inserted");
    const base = { municipalityId: r.municipalityId, measureVersionId: inserted.id };
    if (s.goalIds.length)
      await tx.insert(measureVersionGoals).values(s.goalIds.map((goalId) => ({ ...base, goalId })));
    if (s.objectiveIds.length)
      await tx
        .insert(measureVersionObjectives)
        .values(s.objectiveIds.map((objectiveId) => ({ ...base, objectiveId })));
    if (s.partners.length)
      await tx.insert(measureVersionPartners).values(
        s.partners.map((p) => ({
          ...base,
          organisationId: p.organisationId,
          role: p.role as (typeof measureVersionPartners.$inferInsert)["role"],
        })),
      );
    if (s.costs.length) await tx.insert(measureCosts).values(s.costs.map((c) => ({ ...base, ...c })));
    await tx
      .update(removedMeasureVersions)
      .set({ restoredAt: new Date(), restoredByUserId: userId, version: r.version + 1 })
      .where(eq(removedMeasureVersions.id, r.id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: r.measureId,
        objectLabel: `${r.reference} ${v.title}`,
        action: "put_back",
        changes: { actionPlan: { before: null, after: "utkast" } },
      },
      ctx.requestId,
    );
  }
}

/** Takes one measure out of the draft by hand, with a reason, keeping it to be put back. */
export async function takeOutMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string; reason: string; version: number; year?: number };
}): Promise<{ reference: string }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const reason = input.reason.trim();
  if (reason === "") throw new AppError("validation", "removal.reasonRequired");
  return ctx.db.transaction(async (tx) => {
    const measure = await measureByReference(tx, tenant, input.reference, { lock: true });
    authorize(ctx, tenant, "update", "measure", {}, "measure");
    const planId = await planIdOfMeasure(tx, measure.id);
    if (!planId) throw new AppError("conflict", "removal.notInDraft", { reference: measure.reference });
    const draft = await draftOfPlan(tx, tenant.id, planId, input.year);
    await tx.select().from(actionPlanVersions).where(eq(actionPlanVersions.id, draft.id)).for("update");
    const [version] = await tx
      .select()
      .from(measureVersions)
      .where(
        and(eq(measureVersions.measureId, measure.id), eq(measureVersions.actionPlanVersionId, draft.id)),
      )
      .for("update");
    if (!version) throw new AppError("conflict", "removal.notInDraft", { reference: measure.reference });
    if (version.version !== input.version) throw new AppError("conflict", "measure.changedByOther");
    if (version.mandatory)
      throw new AppError("conflict", "actionPlan.mandatoryCannotBeLeftOut", {
        references: measure.reference,
      });
    await snapshotAndRemove(tx, {
      municipalityId: tenant.id,
      versionIds: [version.id],
      via: "manual",
      reasons: { [measure.id]: reason },
      prioritisationId: null,
      actor: ctx.actor,
    });
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: `${measure.reference} ${version.title}`,
        action: "take_out",
        changes: {
          actionPlan: { before: `Handlingsplan ${draft.budgetYear} (utkast)`, after: null },
          reason: { before: null, after: reason },
        },
      },
      ctx.requestId,
    );
    return { reference: measure.reference };
  });
}

/** The open removal of a measure from its plan's draft (the given year's, or the newest). */
async function openRemoval(tx: DbOrTx, tenantId: string, measureId: string, year?: number) {
  const rows = await tx
    .select({ removed: removedMeasureVersions, planId: cycles.planId, budgetYear: cycles.budgetYear })
    .from(removedMeasureVersions)
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, removedMeasureVersions.actionPlanVersionId))
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(
      and(
        eq(removedMeasureVersions.municipalityId, tenantId),
        eq(removedMeasureVersions.measureId, measureId),
        isNull(removedMeasureVersions.restoredAt),
        year === undefined ? undefined : eq(cycles.budgetYear, year),
      ),
    )
    .orderBy(desc(cycles.budgetYear), desc(removedMeasureVersions.removedAt))
    .for("update", { of: removedMeasureVersions });
  return rows[0] ?? null;
}

/** Puts a taken-out measure back into the draft it left, with its reference and last content. */
export async function putBackMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string; year?: number };
}): Promise<{ reference: string }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const measure = await measureByReference(tx, tenant, input.reference, { lock: true });
    authorize(ctx, tenant, "update", "measure", {}, "measure");
    await putBackInTransaction(tx, ctx, tenant, measure, input.year);
    return { reference: measure.reference };
  });
}

/** The put-back inside a caller's transaction (the Excel import uses it too). */
export async function putBackInTransaction(
  tx: DbOrTx,
  ctx: ServiceContext,
  tenant: Tenant,
  measure: { id: string; reference: string },
  year?: number,
) {
  const open = await openRemoval(tx, tenant.id, measure.id, year);
  if (!open) throw new AppError("conflict", "removal.notTakenOut", { reference: measure.reference });
  const draft = await draftOfPlan(tx, tenant.id, open.planId, open.budgetYear);
  if (draft.id !== open.removed.actionPlanVersionId)
    throw new AppError("conflict", "removal.adopted", { year: open.budgetYear });
  await tx.select().from(actionPlanVersions).where(eq(actionPlanVersions.id, draft.id)).for("update");
  await restoreRemoved(tx, ctx, tenant, [{ ...open.removed, reference: measure.reference }]);
}

export type RemovedMeasureView = {
  reference: string;
  title: string;
  via: Via;
  reason: string;
  removedBy: string;
  removedAt: string;
  prioritisationId: string | null;
  municipalByYear: { year: number; amountNok: number }[];
  mayPutBack: boolean;
};

/**
 * The measures taken out of a plan's action plan for a budget year (default: the newest cycle) and
 * not put back, newest first. After adoption the list stays as history, without «Sett inn igjen».
 */
export async function listRemovedMeasures({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string; year?: number };
}): Promise<{ budgetYear: number | null; draft: boolean; removed: RemovedMeasureView[] }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  if (!can(tenant.subject, "read_drafts", "action_plan")) throw notFound("plan");
  const db = ctx.db;
  const [plan] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.id, input.planId), eq(plans.municipalityId, tenant.id)));
  if (!plan) throw notFound("plan");
  const [cycle] = await db
    .select({ id: cycles.id, budgetYear: cycles.budgetYear })
    .from(cycles)
    .where(
      and(
        eq(cycles.planId, plan.id),
        eq(cycles.municipalityId, tenant.id),
        input.year === undefined ? undefined : eq(cycles.budgetYear, input.year),
      ),
    )
    .orderBy(desc(cycles.budgetYear))
    .limit(1);
  if (!cycle) return { budgetYear: input.year ?? null, draft: false, removed: [] };
  const [newest] = await db
    .select({ id: actionPlanVersions.id, status: actionPlanVersions.status })
    .from(actionPlanVersions)
    .where(eq(actionPlanVersions.cycleId, cycle.id))
    .orderBy(desc(actionPlanVersions.revision))
    .limit(1);
  const draft = newest?.status === "draft";
  const rows = await db
    .select({ removed: removedMeasureVersions, reference: measures.reference })
    .from(removedMeasureVersions)
    .innerJoin(measures, eq(measures.id, removedMeasureVersions.measureId))
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, removedMeasureVersions.actionPlanVersionId))
    .where(
      and(
        eq(removedMeasureVersions.municipalityId, tenant.id),
        eq(actionPlanVersions.cycleId, cycle.id),
        isNull(removedMeasureVersions.restoredAt),
      ),
    )
    .orderBy(desc(removedMeasureVersions.removedAt), measures.reference);
  const sourceIds = [...new Set(rows.flatMap((r) => r.removed.snapshot.costs.map((c) => c.fundingSourceId)))];
  const municipal = new Set(
    sourceIds.length
      ? (
          await db
            .select({ id: fundingSources.id })
            .from(fundingSources)
            .where(and(inArray(fundingSources.id, sourceIds), eq(fundingSources.kind, "municipal")))
        ).map((s) => s.id)
      : [],
  );
  const mayUpdate = can(tenant.subject, "update", "measure");
  return {
    budgetYear: cycle.budgetYear,
    draft,
    removed: rows.map(({ removed: r, reference }) => {
      const byYear = new Map<number, number>();
      for (const c of r.snapshot.costs)
        if (municipal.has(c.fundingSourceId)) byYear.set(c.year, (byYear.get(c.year) ?? 0) + c.amountNok);
      return {
        reference,
        title: String(r.snapshot.version.title ?? ""),
        via: r.via,
        reason: r.reason,
        removedBy: r.removedByLabel,
        removedAt: r.removedAt.toISOString(),
        prioritisationId: r.prioritisationId,
        municipalByYear: [...byYear]
          .sort(([a], [b]) => a - b)
          .map(([year, amountNok]) => ({ year, amountNok })),
        mayPutBack: mayUpdate && draft && r.actionPlanVersionId === newest?.id,
      };
    }),
  };
}

/** A fresh id for one applied proposal: the unit «Angre prioriteringen» undoes. */
export const newPrioritisationId = () => randomUUID();
