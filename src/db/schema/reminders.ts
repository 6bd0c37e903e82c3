import { date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { reminderKinds } from "../../domain/reminders.ts";
import { id, municipalityRef } from "./columns.ts";

/**
 * The record of a reminder that went out before a deadline: one row per deadline (what it is, which
 * object, which date), unique, so however many instances run the schedule, and however often, the
 * reminder is queued once. Written in the same transaction as the queued e-mails. A moved deadline
 * is a new date and gets a reminder of its own.
 */
export const remindersSent = pgTable(
  "reminders_sent",
  {
    id: id(),
    municipalityId: municipalityRef(),
    kind: text("kind", { enum: reminderKinds }).notNull(),
    /** The reporting period, cycle or evaluation round. */
    objectId: uuid("object_id").notNull(),
    dueDate: date("due_date").notNull(),
    recipients: integer("recipients").notNull().default(0),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reminders_sent_deadline_uq").on(t.kind, t.objectId, t.dueDate),
    index("reminders_sent_municipality_idx").on(t.municipalityId),
  ],
);
