import { useJobMessages } from "../i18n/job-messages.ts";

/**
 * Beside a deadline: «Påminnelse sendes 3 dager før fristen», or once it went «Påminnelse sendt
 * 4. des.». `planned` names who gets it, when the page says so.
 */
export function ReminderNote({
  sentAt,
  planned = "reminder.planned",
}: {
  sentAt: string | null;
  planned?: "reminder.planned" | "reminder.proposals" | "reminder.panel";
}) {
  const { j, day } = useJobMessages();
  return (
    <span className="pv-muted" data-testid="reminder-note" style={{ display: "block", fontSize: "0.875em" }}>
      {sentAt ? j("reminder.sent", { date: day(sentAt) }) : j(planned)}
    </span>
  );
}
