import { and, desc, eq, gte, ilike, inArray, lte, or, type SQL } from "drizzle-orm";
import { auditEvents, plans, users } from "../../db/schema/index.ts";
import { type FieldChanges, toCsv } from "../../domain/audit.ts";
import { notFound } from "../../errors.ts";
import {
  type AuditLanguage,
  auditActionName,
  auditCodesMatching,
  auditFieldName,
  auditObjectName,
} from "../../i18n/audit-terms.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { findVisibleMeasure } from "../measures/get-measure.ts";
import { newestFirst, type Page, type PageInput, timestampKey } from "../paging.ts";
import { auditLinks, idsIn, namesOfIds } from "./audit-names.ts";

export type AuditEventView = {
  id: number;
  occurredAt: string;
  /** Name and e-mail at the time (as written). */
  actor: string;
  /** The person's name: the account's name now, else the name at the time. */
  actorName: string;
  objectType: string;
  objectId: string;
  objectLabel: string;
  action: string;
  changes: FieldChanges;
  /** The names of ids in the changes (a measure owner's id → the person's name, …). */
  valueNames: Record<string, string>;
  /** The object's page in the app, when it has one. */
  link: string | null;
};

export type AuditFilter = {
  person?: string;
  objectType?: string;
  objectId?: string;
  /** Free text: an action or object type by its name in any language («tiltak»), or the object's label. */
  what?: string;
  from?: string;
  to?: string;
  limit?: number;
};

const escapeLike = (text: string) => `%${text.replace(/[%_\\]/g, "\\$&")}%`;
const nameOfLabel = (label: string) => label.replace(/\s*<[^>]*>\s*$/, "");

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
    .select({ event: auditEvents, userName: users.name, at: timestampKey(auditEvents.occurredAt) })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...filterConditions(municipalityId, filter), paging.after))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(paging.fetch);
  const page = paging.page(rows, (r) => [r.at, r.event.id]);
  return { items: await present(ctx, municipalityId, page.items), nextCursor: page.nextCursor };
}

function filterConditions(municipalityId: string, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [eq(auditEvents.municipalityId, municipalityId)];
  if (filter.person) {
    const pattern = escapeLike(filter.person);
    conditions.push(or(ilike(auditEvents.actorLabel, pattern), ilike(users.name, pattern)));
  }
  if (filter.objectType) conditions.push(eq(auditEvents.objectType, filter.objectType));
  if (filter.objectId) conditions.push(eq(auditEvents.objectId, filter.objectId));
  if (filter.what?.trim()) {
    const { objectTypes, actions } = auditCodesMatching(filter.what);
    conditions.push(
      or(
        objectTypes.length ? inArray(auditEvents.objectType, objectTypes) : undefined,
        actions.length ? inArray(auditEvents.action, actions) : undefined,
        ilike(auditEvents.objectLabel, escapeLike(filter.what.trim())),
      ),
    );
  }
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditEvents.occurredAt, new Date(filter.to)));
  return conditions;
}

async function queryEvents(ctx: ServiceContext, municipalityId: string, filter: AuditFilter) {
  const conditions = filterConditions(municipalityId, filter);
  const rows = await ctx.db
    .select({ event: auditEvents, userName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(filter.limit ?? 500);
  return present(ctx, municipalityId, rows);
}

/** Events as shown: the person by name, ids in the changes by name, and the object's page. */
async function present(
  ctx: ServiceContext,
  municipalityId: string,
  rows: { event: typeof auditEvents.$inferSelect; userName: string | null }[],
): Promise<AuditEventView[]> {
  const events = rows.map((r) => r.event);
  const [names, links] = await Promise.all([
    namesOfIds(ctx.db, municipalityId, events),
    auditLinks(ctx.db, municipalityId, events),
  ]);
  return rows.map(({ event: e, userName }): AuditEventView => {
    const valueNames: Record<string, string> = {};
    for (const id of idsIn(e.changes)) {
      const name = names.get(id);
      if (name) valueNames[id] = name;
    }
    return {
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      actor: e.actorLabel,
      actorName: userName ?? nameOfLabel(e.actorLabel),
      objectType: e.objectType,
      objectId: e.objectId,
      objectLabel: e.objectLabel,
      action: e.action,
      changes: e.changes,
      valueNames,
      link: links.get(e.id) ?? null,
    };
  });
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

/**
 * The same, as CSV (semicolon-separated, as Norwegian Excel expects): the codes for machines, and
 * beside them the names in the asker's language and the person's name.
 */
export async function exportAuditTrailCsv(args: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; language?: AuditLanguage } & AuditFilter;
}): Promise<string> {
  const language = args.input.language ?? "nb";
  const tenant = await resolveTenant(args.ctx, args.input.municipalityNumber);
  authorize(args.ctx, tenant, "read_audit", "audit_trail", {}, "municipality");
  const events = await queryEvents(args.ctx, tenant.id, {
    ...args.input,
    limit: args.input.limit ?? 100_000,
  });
  return toCsv(
    [
      "tidspunkt",
      "hvem",
      "objekttype",
      "objekt-id",
      "objekt",
      "handling",
      "endringer",
      "navn",
      "objekttype (navn)",
      "handling (navn)",
      "endringer (lesbart)",
    ],
    events.map((e) => [
      e.occurredAt,
      e.actor,
      e.objectType,
      e.objectId,
      e.objectLabel,
      e.action,
      e.changes,
      e.actorName,
      auditObjectName(language, e.objectType),
      auditActionName(language, e.action),
      Object.entries(e.changes)
        .map(
          ([field, c]) =>
            `${auditFieldName(language, field)}: ${readable(c.before, e.valueNames)} → ${readable(c.after, e.valueNames)}`,
        )
        .join("; "),
    ]),
  );
}

function readable(value: unknown, names: Record<string, string>): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "string") return names[value] ?? value;
  if (Array.isArray(value)) return value.map((v) => readable(v, names)).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
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
