import { and, desc, eq, gte, ilike, lte, type SQL } from "drizzle-orm";
import { auditEvents, plans } from "../../db/schema/index.ts";
import { type FieldChanges, toCsv } from "../../domain/audit.ts";
import { notFound } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { findVisibleMeasure } from "../measures/get-measure.ts";

export type AuditEventView = {
  id: number;
  occurredAt: string;
  actor: string;
  objectType: string;
  objectId: string;
  objectLabel: string;
  action: string;
  changes: FieldChanges;
};

export type AuditFilter = {
  person?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  limit?: number;
};

const present = (e: typeof auditEvents.$inferSelect): AuditEventView => ({
  id: e.id,
  occurredAt: e.occurredAt.toISOString(),
  actor: e.actorLabel,
  objectType: e.objectType,
  objectId: e.objectId,
  objectLabel: e.objectLabel,
  action: e.action,
  changes: e.changes,
});

async function queryEvents(ctx: ServiceContext, municipalityId: string, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [eq(auditEvents.municipalityId, municipalityId)];
  if (filter.person) {
    const pattern = `%${filter.person.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(ilike(auditEvents.actorLabel, pattern));
  }
  if (filter.objectType) conditions.push(eq(auditEvents.objectType, filter.objectType));
  if (filter.objectId) conditions.push(eq(auditEvents.objectId, filter.objectId));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditEvents.occurredAt, new Date(filter.to)));
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(filter.limit ?? 500);
  return rows.map(present);
}

/** The whole trail of a municipality, filtered by person, object and time (admins). */
export async function listAuditTrail({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string } & AuditFilter;
}): Promise<AuditEventView[]> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "read_audit", "audit_trail", {}, "municipality");
  return queryEvents(ctx, tenant.id, input);
}

/** The same, as CSV (semicolon-separated, as Norwegian Excel expects). */
export async function exportAuditTrailCsv(args: {
  ctx: ServiceContext;
  input: { municipalityNumber: string } & AuditFilter;
}): Promise<string> {
  const events = await listAuditTrail({
    ...args,
    input: { ...args.input, limit: args.input.limit ?? 100_000 },
  });
  return toCsv(
    ["tidspunkt", "hvem", "objekttype", "objekt-id", "objekt", "handling", "endringer"],
    events.map((e) => [e.occurredAt, e.actor, e.objectType, e.objectId, e.objectLabel, e.action, e.changes]),
  );
}

/** "Historikk" of a plan: what changed, by whom, when. */
export async function getPlanHistory({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string };
}): Promise<AuditEventView[]> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const [plan] = await ctx.db
    .select({ published: plans.published })
    .from(plans)
    .where(and(eq(plans.id, input.planId), eq(plans.municipalityId, tenant.id)));
  if (!plan) throw notFound("plan");
  authorize(ctx, tenant, "read_history", "plan", { published: plan.published }, "plan");
  return queryEvents(ctx, tenant.id, { objectType: "plan", objectId: input.planId });
}

/** "Historikk" of a measure: content changes, status updates and milestones, newest first. */
export async function getMeasureHistory({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string };
}): Promise<AuditEventView[]> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const { measure } = await findVisibleMeasure(ctx.db, tenant, input.reference);
  authorize(ctx, tenant, "read_history", "measure", {}, "measure");
  return queryEvents(ctx, tenant.id, { objectType: "measure", objectId: measure.id });
}
