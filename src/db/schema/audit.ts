import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { FieldChanges } from "../../domain/audit.ts";
import { users } from "./accounts.ts";
import { municipalities } from "./tenancy.ts";

// Re-exported until every importer takes the type from the domain.

/**
 * The audit trail: who changed what, when, field by field. Written in the same transaction as the
 * change; a trigger (migration 0002) refuses every UPDATE and DELETE, so the trail cannot be edited.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Null for installation-level events (e.g. activating a municipality). */
    municipalityId: uuid("municipality_id").references(() => municipalities.id),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    /** Name and e-mail at the time, so the trail reads the same after the account changes. */
    actorLabel: text("actor_label").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id").notNull(),
    objectLabel: text("object_label").notNull().default(""),
    action: text("action").notNull(),
    changes: jsonb("changes").$type<FieldChanges>().notNull().default({}),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_events_object_idx").on(t.objectType, t.objectId),
    index("audit_events_municipality_time_idx").on(t.municipalityId, t.occurredAt),
    index("audit_events_actor_idx").on(t.actorUserId),
  ],
);
