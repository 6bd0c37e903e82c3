import { and, eq, gte, lte, sql } from "drizzle-orm";
import { auditEvents, reportingPeriods } from "../../db/schema/index.ts";
import { reminderDay, reminderDue } from "../../domain/reminders.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { claimReminder, setReminderRecipients } from "../reminders/internal.ts";
import { queueReminders, reminderMessages, sendRemindersNow } from "./send-status-reminders.ts";
import { loadPeriod } from "./status-report-scope.ts";

const action = "send_deadline_reminders";

/**
 * The scheduled reminder before status report deadlines (run by a background job every hour, on one
 * instance): for every open period whose deadline is at most three days ahead, the owners with
 * reports due or returned get the same e-mail as from the planner's button, once per deadline. The
 * audit entry is the mark that it went: written with the queued e-mails in one transaction, under a
 * lock per period, so two runs at once (or a run after a restart) send nothing twice. A deadline
 * that is moved gets a reminder of its own.
 */
export async function sendDeadlineReminders({
  ctx,
  input,
  mailer,
  publicUrl,
}: {
  ctx: ServiceContext;
  /** Today's date (ISO) in the municipality's time: the job passes the app's clock. */
  input: { today: string; now?: Date };
  mailer: Mailer;
  publicUrl: string;
}): Promise<{ periods: number; emailed: number }> {
  const due = await ctx.db
    .select({ id: reportingPeriods.id, municipalityId: reportingPeriods.municipalityId })
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.state, "open"),
        gte(reportingPeriods.dueDate, input.today),
        lte(reportingPeriods.dueDate, sql`${input.today}::date + 3`),
      ),
    );
  let periods = 0;
  let emailed = 0;
  for (const { id, municipalityId } of due) {
    const result = await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`planverk-deadline-reminder:${id}`}))`);
      const period = await loadPeriod(tx, { id: municipalityId } as Parameters<typeof loadPeriod>[1], id);
      if (period.state !== "open" || !reminderDue(period.dueDate, input.today)) return null;
      const [sent] = await tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.objectType, "reporting_period"),
            eq(auditEvents.objectId, id),
            eq(auditEvents.action, action),
            sql`${auditEvents.changes} -> 'dueDate' ->> 'after' = ${period.dueDate}`,
          ),
        )
        .limit(1);
      if (sent) return null;
      const claimed = await claimReminder(tx, {
        kind: "status_deadline",
        objectId: id,
        dueDate: period.dueDate,
        municipalityId,
        sentAt: input.now ?? new Date(),
      });
      if (!claimed) return null;
      const messages = await reminderMessages(tx, { id: municipalityId }, period, publicUrl);
      await setReminderRecipients(tx, claimed, messages.length);
      await recordAudit(tx, ctx.actor, {
        municipalityId,
        objectType: "reporting_period",
        objectId: id,
        objectLabel: `${period.kind} ${period.budgetYear}`,
        action,
        changes: {
          dueDate: { before: null, after: period.dueDate },
          reminderDay: { before: null, after: reminderDay(period.dueDate) },
          reminded: { before: null, after: messages.map((m) => m.to).join(", ") },
        },
      });
      return { messages, queued: await queueReminders(tx, mailer, messages) };
    });
    if (!result) continue;
    periods += 1;
    emailed += result.queued + (await sendRemindersNow(mailer, result.messages));
  }
  return { periods, emailed };
}
