import { and, desc, eq, gte, ilike, lte, type SQL } from "drizzle-orm";
import { auditEvents, plans } from "../../db/schema/index.ts";
import { type FieldChanges, toCsv } from "../../domain/audit.ts";
import { notFound } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { findVisibleMeasure } from "../measures/get-measure.ts";
import { newestFirst, type Page, type PageInput, timestampKey } from "../paging.ts";

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

/** A page of events, newest first (ties by id), in the cursor list of `list`. */
async function pageEvents(
  ctx: ServiceContext,
  municipalityId: string,
  filter: AuditFilter,
  list: string,
  input: PageInput,
): Promise<Page<AuditEventView>> {
  const paging = newestFirst<number>(
    list,
    { at: auditEvents.occurredAt, id: auditEvents.id },
    "number",
    input,
  );
  const rows = await ctx.db
    .select({ event: auditEvents, at: timestampKey(auditEvents.occurredAt) })
    .from(auditEvents)
    .where(and(...filterConditions(municipalityId, filter), paging.after))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(paging.fetch);
  const page = paging.page(rows, (r) => [r.at, r.event.id]);
  return { items: page.items.map((r) => present(r.event)), nextCursor: page.nextCursor };
}

function filterConditions(municipalityId: string, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [eq(auditEvents.municipalityId, municipalityId)];
  if (filter.person) {
    const pattern = `%${filter.person.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(ilike(auditEvents.actorLabel, pattern));
  }
  if (filter.objectType) conditions.push(eq(auditEvents.objectType, filter.objectType));
  if (filter.objectId) conditions.push(eq(auditEvents.objectId, filter.objectId));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditEvents.occurredAt, new Date(filter.to)));
  return conditions;
}

async function queryEvents(ctx: ServiceContext, municipalityId: string, filter: AuditFilter) {
  const conditions = filterConditions(municipalityId, filter);
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(filter.limit ?? 500);
  return rows.map(present);
}

/** The whole trail of a municipality, filtered by person, object and time (admins), a page at a time. */
export async function listAuditTrail({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string } & Omit<AuditFilter, "limit"> & PageInput;
}): Promise<Page<AuditEventView>> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "read_audit", "audit_trail", {}, "municipality");
  return pageEvents(ctx, tenant.id, input, "audit", input);
}

/** The same, as CSV (semicolon-separated, as Norwegian Excel expects). */
export async function exportAuditTrailCsv(args: {
  ctx: ServiceContext;
  input: { municipalityNumber: string } & AuditFilter;
}): Promise<string> {
  const tenant = await resolveTenant(args.ctx, args.input.municipalityNumber);
  authorize(args.ctx, tenant, "read_audit", "audit_trail", {}, "municipality");
  const events = await queryEvents(args.ctx, tenant.id, {
    ...args.input,
    limit: args.input.limit ?? 100_000,
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
  input: { municipalityNumber: string; planId: string } & PageInput;
}): Promise<Page<AuditEventView>> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const [plan] = await ctx.db
    .select({ published: plans.published })
    .from(plans)
    .where(and(eq(plans.id, input.planId), eq(plans.municipalityId, tenant.id)));
  if (!plan) throw notFound("plan");
  authorize(ctx, tenant, "read_history", "plan", { published: plan.published }, "plan");
  return pageEvents(ctx, tenant.id, { objectType: "plan", objectId: input.planId }, "plan-history", input);
}

/** "Historikk" of a measure: content changes, status updates and milestones, newest first. */
export async function getMeasureHistory({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string } & PageInput;
}): Promise<Page<AuditEventView>> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const { measure } = await findVisibleMeasure(ctx.db, tenant, input.reference);
  authorize(ctx, tenant, "read_history", "measure", {}, "measure");
  return pageEvents(
    ctx,
    tenant.id,
    { objectType: "measure", objectId: measure.id },
    "measure-history",
    input,
  );
}
