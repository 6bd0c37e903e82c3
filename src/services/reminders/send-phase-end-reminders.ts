import { and, eq, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  cycles,
  memberships,
  municipalities,
  partnerOrganisations,
  proposals,
  users,
} from "../../db/schema/index.ts";
import { defaultPhaseDates, type PhaseDates } from "../../domain/phases.ts";
import { reminderDay, reminderDue } from "../../domain/reminders.ts";
import type { Mailer, MailMessage } from "../../infra/mailer.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { queueReminders, sendRemindersNow } from "../status-reports/send-status-reminders.ts";
import { claimReminder, norwegianDateText, setReminderRecipients } from "./internal.ts";

/** The proposal phase's end of a cycle: its planned date, or the usual one when none is set. */
export const proposalPhaseEnd = (cycle: { budgetYear: number; phaseDates: unknown }) =>
  ({ ...defaultPhaseDates(cycle.budgetYear), ...(cycle.phaseDates as Partial<PhaseDates>) }).innspill.end;

/** The reminder to a partner who has not sent a proposal to the cycle yet. */
export function proposalReminderText(input: {
  name: string;
  budgetYear: number;
  endDate: string;
  organisation: string | null;
  link: string;
}): Omit<MailMessage, "to"> {
  return {
    subject: `Innspill til handlingsplanen for ${input.budgetYear}: frist ${norwegianDateText(input.endDate)}`,
    text: [
      `Hei ${input.name},`,
      "",
      `Innspillsfasen for handlingsplanen for ${input.budgetYear} slutter ${norwegianDateText(input.endDate)}.`,
      `${input.organisation ? `${input.organisation} har` : "Du har"} ikke sendt noe innspill ennå.`,
      "",
      `Send innspill her: ${input.link}`,
      "",
      "Hilsen Planverk",
    ].join("\n"),
  };
}

/** Partners of the municipality who (or whose organisation) have no proposal in the cycle. */
async function partnersWithoutProposal(tx: DbOrTx, municipalityId: string, cycleId: string) {
  const partners = await tx
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      organisationId: memberships.organisationId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.municipalityId, municipalityId),
        eq(memberships.role, "partner"),
        eq(users.active, true),
      ),
    );
  if (partners.length === 0) return [];
  const organisationIds = partners.flatMap((p) => (p.organisationId ? [p.organisationId] : []));
  const sent = await tx
    .select({ organisationId: proposals.organisationId, userId: proposals.submittedByUserId })
    .from(proposals)
    .where(
      and(
        eq(proposals.cycleId, cycleId),
        or(
          inArray(
            proposals.submittedByUserId,
            partners.map((p) => p.userId),
          ),
          organisationIds.length > 0 ? inArray(proposals.organisationId, organisationIds) : undefined,
        ),
      ),
    );
  const organisationsDone = new Set(sent.flatMap((s) => (s.organisationId ? [s.organisationId] : [])));
  const usersDone = new Set(sent.map((s) => s.userId));
  return partners.filter(
    (p) => !usersDone.has(p.userId) && !(p.organisationId && organisationsDone.has(p.organisationId)),
  );
}

/**
 * The scheduled reminder before the proposal phase closes: for every cycle still taking proposals
 * whose phase ends within three days, each partner who (or whose organisation) has not proposed
 * gets an e-mail, once per end date (the record in `reminders_sent`, claimed in the transaction that
 * queues the e-mails). Partners who have proposed, and other roles, get nothing.
 */
export async function sendPhaseEndReminders({
  ctx,
  input,
  mailer,
  publicUrl,
}: {
  ctx: ServiceContext;
  input: { now: Date; today: string };
  mailer: Mailer;
  publicUrl: string;
}): Promise<{ deadlines: number; emailed: number }> {
  const open = await ctx.db
    .select({
      id: cycles.id,
      municipalityId: cycles.municipalityId,
      budgetYear: cycles.budgetYear,
      phaseDates: cycles.phaseDates,
    })
    .from(cycles)
    .innerJoin(municipalities, eq(municipalities.id, cycles.municipalityId))
    .where(and(eq(cycles.phase, "innspill"), eq(municipalities.active, true)));
  let deadlines = 0;
  let emailed = 0;
  for (const cycle of open) {
    const endDate = proposalPhaseEnd(cycle);
    if (!reminderDue(endDate, input.today)) continue;
    const result = await ctx.db.transaction(async (tx) => {
      const claimed = await claimReminder(tx, {
        kind: "phase_end",
        objectId: cycle.id,
        dueDate: endDate,
        municipalityId: cycle.municipalityId,
        sentAt: input.now,
      });
      if (!claimed) return null;
      const partners = await partnersWithoutProposal(tx, cycle.municipalityId, cycle.id);
      const organisations = await organisationNames(tx, partners);
      const messages = partners.map((p) => ({
        to: p.email,
        ...proposalReminderText({
          name: p.name,
          budgetYear: cycle.budgetYear,
          endDate,
          organisation: (p.organisationId && organisations.get(p.organisationId)) || null,
          link: `${publicUrl.replace(/\/$/, "")}/innspill`,
        }),
      }));
      await setReminderRecipients(tx, claimed, messages.length);
      await recordAudit(tx, ctx.actor, {
        municipalityId: cycle.municipalityId,
        objectType: "cycle",
        objectId: cycle.id,
        objectLabel: `Handlingsplan ${cycle.budgetYear}`,
        action: "send_phase_end_reminders",
        changes: {
          phaseEnd: { before: null, after: endDate },
          reminderDay: { before: null, after: reminderDay(endDate) },
          reminded: { before: null, after: messages.map((m) => m.to).join(", ") },
        },
      });
      return { messages, queued: await queueReminders(tx, mailer, messages) };
    });
    if (!result) continue;
    deadlines += 1;
    emailed += result.queued + (await sendRemindersNow(mailer, result.messages));
  }
  return { deadlines, emailed };
}

async function organisationNames(tx: DbOrTx, partners: { organisationId: string | null }[]) {
  const ids = [...new Set(partners.flatMap((p) => (p.organisationId ? [p.organisationId] : [])))];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
    .from(partnerOrganisations)
    .where(inArray(partnerOrganisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
