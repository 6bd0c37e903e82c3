import { type DbOrTx, sqlExecutorOf } from "../../db/client.ts";
import { periodTitles } from "../../domain/status-report.ts";
import type { Mailer, MailMessage } from "../../infra/mailer.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { type LoadedPeriod, loadPeriod, periodMeasures, requireOpen } from "./status-report-scope.ts";

/** The reminder one owner gets: every measure they still have to report (or correct) in the period. */
export function reminderText(input: {
  ownerName: string;
  periodTitle: string;
  asOf: string;
  dueDate: string;
  items: { reference: string; title: string; returned: boolean }[];
  link: string;
}) {
  const date = (iso: string) => iso.split("-").reverse().join(".");
  const lines = input.items.map(
    (i) => `- ${i.reference} ${i.title}${i.returned ? " (sendt tilbake til retting)" : ""}`,
  );
  return {
    subject: `Statusrapport ${input.periodTitle}: frist ${date(input.dueDate)}`,
    text: [
      `Hei ${input.ownerName},`,
      "",
      `Planverk venter på statusrapport per ${date(input.asOf)} for disse tiltakene, med frist ${date(input.dueDate)}:`,
      ...lines,
      "",
      `Rapporter her: ${input.link}`,
      "",
      "Hilsen Planverk",
    ].join("\n"),
  };
}

/**
 * The reminder e-mails of a period: one per owner with reports due or returned in it, listing those
 * measures. Used by the planner's button and by the scheduled reminder before the deadline.
 */
export async function reminderMessages(
  db: DbOrTx,
  tenant: Pick<Tenant, "id">,
  period: LoadedPeriod,
  publicUrl: string,
) {
  const list = await periodMeasures(db, tenant, period);
  const byOwner = new Map<
    string,
    { name: string; email: string; items: { reference: string; title: string; returned: boolean }[] }
  >();
  for (const m of list) {
    const state = m.report?.state ?? "missing";
    if (!m.ownerUserId || !m.ownerEmail || (state !== "missing" && state !== "returned")) continue;
    const entry = byOwner.get(m.ownerUserId) ?? { name: m.ownerName ?? "", email: m.ownerEmail, items: [] };
    entry.items.push({ reference: m.reference, title: m.title, returned: state === "returned" });
    byOwner.set(m.ownerUserId, entry);
  }
  return [...byOwner.values()].map((owner) => ({
    to: owner.email,
    ...reminderText({
      ownerName: owner.name,
      periodTitle: `${periodTitles[period.kind]} ${period.budgetYear}`,
      asOf: period.asOf,
      dueDate: period.dueDate,
      items: owner.items,
      link: `${publicUrl.replace(/\/$/, "")}/status`,
    }),
  }));
}

/** Queues the messages in `tx` when the mailer has a queue; answers how many were queued. */
export async function queueReminders(
  tx: DbOrTx,
  mailer: Mailer,
  messages: MailMessage[],
  requestId?: string,
) {
  const queue = mailer.queue;
  if (!queue) return 0;
  for (const message of messages) await queue(sqlExecutorOf(tx), message, { requestId });
  return messages.length;
}

/** Without a queue: sends after the commit; answers how many the SMTP server took. */
export async function sendRemindersNow(mailer: Mailer, messages: MailMessage[], requestId?: string) {
  if (mailer.queue) return 0;
  let sent = 0;
  for (const message of messages) if (await mailer.send(message, { requestId })) sent += 1;
  return sent;
}

/**
 * Reminds every owner with reports due or returned in an open period: one e-mail each through the
 * mailer (when SMTP is configured; queued in the audit entry's transaction when background jobs
 * run), and an audit entry. In the app they see the same under «Venter på deg».
 */
export async function sendStatusReminders({
  ctx,
  input,
  mailer,
  publicUrl,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; periodId: string };
  mailer: Mailer;
  publicUrl: string;
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "reporting_period");
  const period = await loadPeriod(ctx.db, tenant, input.periodId);
  requireOpen(period);
  const messages = await reminderMessages(ctx.db, tenant, period, publicUrl);
  const queued = await ctx.db.transaction(async (tx) => {
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "reporting_period",
        objectId: period.id,
        objectLabel: `${period.kind} ${period.budgetYear}`,
        action: "send_status_reminders",
        changes: { reminded: { before: null, after: messages.map((m) => m.to).join(", ") } },
      },
      ctx.requestId,
    );
    // The outbox: queued with the audit entry, sent with retries once it commits.
    return queueReminders(tx, mailer, messages, ctx.requestId);
  });
  const emailed = queued + (await sendRemindersNow(mailer, messages, ctx.requestId));
  return { owners: messages.length, emailed };
}
