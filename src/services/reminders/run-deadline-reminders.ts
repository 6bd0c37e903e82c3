import { norwegianDate } from "../../domain/reminders.ts";
import type { Mailer } from "../../infra/mailer.ts";
import type { ServiceContext } from "../context.ts";
import { sendDeadlineReminders } from "../status-reports/send-deadline-reminders.ts";
import { sendEvaluationReminders } from "./send-evaluation-reminders.ts";
import { sendPhaseEndReminders } from "./send-phase-end-reminders.ts";

/**
 * One run of the scheduled reminders (the `deadline-reminders` job, hourly): status report deadlines,
 * the end of the proposal phase and evaluation round deadlines that are three days or less ahead of
 * `now` (the app's clock), each once per deadline however many runs there are.
 */
export async function runDeadlineReminders({
  ctx,
  now,
  mailer,
  publicUrl,
}: {
  ctx: ServiceContext;
  now: Date;
  mailer: Mailer;
  publicUrl: string;
}) {
  const input = { now, today: norwegianDate(now) };
  const status = await sendDeadlineReminders({ ctx, input, mailer, publicUrl });
  const phases = await sendPhaseEndReminders({ ctx, input, mailer, publicUrl });
  const evaluations = await sendEvaluationReminders({ ctx, input, mailer, publicUrl });
  return {
    deadlines: status.periods + phases.deadlines + evaluations.deadlines,
    emailed: status.emailed + phases.emailed + evaluations.emailed,
  };
}
