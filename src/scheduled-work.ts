import type { Logger } from "pino";
import type { Database } from "./db/client.ts";
import type { Clock } from "./infra/clock.ts";
import type { FetchLimits } from "./infra/fetch-statistics.ts";
import type { ScheduledWork } from "./infra/jobs.ts";
import type { Mailer } from "./infra/mailer.ts";
import { systemActor } from "./services/context.ts";
import { refreshDueIndicators } from "./services/indicators/refresh-indicators.ts";
import { runDeadlineReminders } from "./services/reminders/run-deadline-reminders.ts";

/** The queues of scheduled work (pg-boss queue names; the admin page names them in Norwegian). */
export const deadlineRemindersQueue = "deadline-reminders";
export const indicatorRefreshQueue = "indicator-refresh";

/** Queues of earlier versions whose cron schedule is removed at start. */
export const retiredSchedules = ["status-deadline-reminders"];

/**
 * The work Planverk does on a schedule, run by background jobs (`startJobs`): once per occurrence
 * for the whole installation, and each run idempotent, so a retried or doubled run does no harm.
 * «Now» comes from the app's clock, which tests set (PLANVERK_NOW).
 */
export function scheduledWork({
  db,
  mailer,
  clock,
  publicUrl,
  fetchLimits,
  log,
}: {
  db: Database;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
  fetchLimits?: FetchLimits;
  log: Pick<Logger, "info" | "warn">;
}): ScheduledWork[] {
  return [
    {
      // Every hour: a deadline three days ahead gets its reminder once (the record of it keeps count).
      name: deadlineRemindersQueue,
      cron: "15 * * * *",
      run: async () => {
        const result = await runDeadlineReminders({
          ctx: { db, actor: systemActor("Påminnelser") },
          now: clock(),
          mailer,
          publicUrl,
        });
        if (result.deadlines > 0) log.info(result, "deadline reminders queued");
      },
    },
    {
      // Every hour: indicators whose refresh schedule is due are fetched again from their address.
      name: indicatorRefreshQueue,
      cron: "40 * * * *",
      run: async () => {
        const outcomes = await refreshDueIndicators({
          ctx: { db, actor: systemActor("Oppdatering av indikatorer") },
          now: clock(),
          limits: fetchLimits,
        });
        const failed = outcomes.filter((o) => !o.ok).length;
        if (outcomes.length > 0) log.info({ fetched: outcomes.length, failed }, "indicators refreshed");
      },
    },
  ];
}
