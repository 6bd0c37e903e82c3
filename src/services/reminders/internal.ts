import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { remindersSent } from "../../db/schema/index.ts";
import type { ReminderKind } from "../../domain/reminders.ts";

/**
 * Claims a deadline's reminder: inserts its record, or answers false when it is already there.
 * Inside the transaction that queues the e-mails: a second run at the same moment (another instance)
 * waits on the unique constraint until the first commits, then finds the record and sends nothing;
 * if the first rolls back, the second claims it.
 */
export async function claimReminder(
  tx: DbOrTx,
  reminder: { kind: ReminderKind; objectId: string; dueDate: string; municipalityId: string; sentAt: Date },
): Promise<string | null> {
  const [row] = await tx
    .insert(remindersSent)
    .values(reminder)
    .onConflictDoNothing({ target: [remindersSent.kind, remindersSent.objectId, remindersSent.dueDate] })
    .returning({ id: remindersSent.id });
  return row?.id ?? null;
}

/** Writes how many people the claimed reminder went to. */
export async function setReminderRecipients(tx: DbOrTx, id: string, recipients: number) {
  await tx.update(remindersSent).set({ recipients }).where(eq(remindersSent.id, id));
}

/**
 * When each deadline's reminder went, for the objects a page shows (key: object id and due date, so
 * a moved deadline shows as not reminded yet). For «Påminnelse sendt 4. des.».
 */
export async function remindersSentFor(
  db: DbOrTx,
  kind: ReminderKind,
  objectIds: string[],
): Promise<Map<string, Date>> {
  if (objectIds.length === 0) return new Map();
  const rows = await db
    .select({
      objectId: remindersSent.objectId,
      dueDate: remindersSent.dueDate,
      sentAt: remindersSent.sentAt,
    })
    .from(remindersSent)
    .where(and(eq(remindersSent.kind, kind), inArray(remindersSent.objectId, objectIds)));
  return new Map(rows.map((r) => [reminderKey(r.objectId, r.dueDate), r.sentAt]));
}

export const reminderKey = (objectId: string, dueDate: string) => `${objectId}/${dueDate}`;

/** `due <= date <= due + 3`, written once for the queries that find deadlines in the reminder window. */
export const withinReminderWindow = (column: unknown, today: string) =>
  sql`${column} between ${today}::date and ${today}::date + 3`;

/** «15.03.2027» */
export const norwegianDateText = (iso: string) => iso.split("-").reverse().join(".");
