import { and, eq } from "drizzle-orm";
import {
  evaluationAnswers,
  evaluationPanelists,
  evaluationRoundMeasures,
  evaluationRounds,
  municipalities,
  users,
} from "../../db/schema/index.ts";
import { completedMeasures } from "../../domain/evaluation.ts";
import { reminderDay } from "../../domain/reminders.ts";
import type { Mailer, MailMessage } from "../../infra/mailer.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { queueReminders, sendRemindersNow } from "../status-reports/send-status-reminders.ts";
import { claimReminder, norwegianDateText, setReminderRecipients, withinReminderWindow } from "./internal.ts";

/** The reminder to a panelist who has not scored every measure of the round yet. */
export function evaluationReminderText(input: {
  name: string;
  title: string;
  deadline: string;
  answered: number;
  measureCount: number;
  link: string;
}): Omit<MailMessage, "to"> {
  return {
    subject: `Evaluering «${input.title}»: frist ${norwegianDateText(input.deadline)}`,
    text: [
      `Hei ${input.name},`,
      "",
      `Du har vurdert ${input.answered} av ${input.measureCount} tiltak i evalueringen «${input.title}».`,
      `Fristen er ${norwegianDateText(input.deadline)}.`,
      "",
      `Fortsett her: ${input.link}`,
      "",
      "Hilsen Planverk",
    ].join("\n"),
  };
}

/**
 * The scheduled reminder before an evaluation round's deadline: for every open round whose deadline
 * is within three days, each panelist who has not scored every measure gets an e-mail saying how far
 * they have come, once per deadline (the record in `reminders_sent`, claimed with the queued e-mails).
 */
export async function sendEvaluationReminders({
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
  const due = await ctx.db
    .select({
      id: evaluationRounds.id,
      municipalityId: evaluationRounds.municipalityId,
      title: evaluationRounds.title,
      deadline: evaluationRounds.deadline,
      criteria: evaluationRounds.criteria,
    })
    .from(evaluationRounds)
    .innerJoin(municipalities, eq(municipalities.id, evaluationRounds.municipalityId))
    .where(
      and(
        eq(evaluationRounds.status, "open"),
        eq(municipalities.active, true),
        withinReminderWindow(evaluationRounds.deadline, input.today),
      ),
    );
  let deadlines = 0;
  let emailed = 0;
  for (const round of due) {
    const result = await ctx.db.transaction(async (tx) => {
      const claimed = await claimReminder(tx, {
        kind: "evaluation_deadline",
        objectId: round.id,
        dueDate: round.deadline,
        municipalityId: round.municipalityId,
        sentAt: input.now,
      });
      if (!claimed) return null;
      // One after another: a transaction is one connection.
      const panel = await tx
        .select({ userId: users.id, name: users.name, email: users.email })
        .from(evaluationPanelists)
        .innerJoin(users, eq(users.id, evaluationPanelists.userId))
        .where(and(eq(evaluationPanelists.roundId, round.id), eq(users.active, true)));
      const links = await tx
        .select({ measureId: evaluationRoundMeasures.measureId })
        .from(evaluationRoundMeasures)
        .where(eq(evaluationRoundMeasures.roundId, round.id));
      const answers = await tx
        .select({
          userId: evaluationAnswers.userId,
          measureId: evaluationAnswers.measureId,
          scores: evaluationAnswers.scores,
        })
        .from(evaluationAnswers)
        .where(eq(evaluationAnswers.roundId, round.id));
      const inRound = new Set(links.map((l) => l.measureId));
      const messages = panel.flatMap((p) => {
        const answered = completedMeasures(
          round.criteria,
          answers.filter((a) => a.userId === p.userId && inRound.has(a.measureId)),
        );
        if (answered >= inRound.size) return [];
        return [
          {
            to: p.email,
            ...evaluationReminderText({
              name: p.name,
              title: round.title,
              deadline: round.deadline,
              answered,
              measureCount: inRound.size,
              link: `${publicUrl.replace(/\/$/, "")}/evalueringer/${round.id}`,
            }),
          },
        ];
      });
      await setReminderRecipients(tx, claimed, messages.length);
      await recordAudit(tx, ctx.actor, {
        municipalityId: round.municipalityId,
        objectType: "evaluation_round",
        objectId: round.id,
        objectLabel: round.title,
        action: "send_deadline_reminders",
        changes: {
          deadline: { before: null, after: round.deadline },
          reminderDay: { before: null, after: reminderDay(round.deadline) },
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
