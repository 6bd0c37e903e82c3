import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEvaluationTasks } from "../evaluation-api.ts";
import { localeFor } from "../i18n/messages.ts";
import { useProposalMessages } from "../i18n/proposal-messages.ts";
import { translateStatus } from "../i18n/status-messages.ts";
import { useWaitingReports } from "../status-api.ts";
import { AppLink } from "./AppLink.tsx";

/** How many things wait for the signed-in person: status reports to write or review, evaluations to answer. */
export function useWaitingCount(signedIn: boolean): number {
  const reports = useWaitingReports(signedIn).data ?? [];
  const evaluations = useEvaluationTasks(signedIn).data ?? [];
  return reports.length + evaluations.filter((e) => e.answered < e.measureCount).length;
}

/** «Venter på deg»: the status reports and evaluation rounds that need the person, soonest first. */
export function WaitingTasks() {
  const { p, language } = useProposalMessages();
  const reports = useWaitingReports(true).data ?? [];
  const evaluations = (useEvaluationTasks(true).data ?? []).filter((e) => e.answered < e.measureCount);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(localeFor[language], { dateStyle: "medium" }).format(new Date(iso));
  const reportText = (r: (typeof reports)[number]) =>
    r.reason === "due"
      ? translateStatus(language, "status.waiting.due", {
          period: `${translateStatus(language, `status.kind.${r.kind}`)} ${r.budgetYear}`,
          due: date(r.dueDate),
        })
      : r.reason === "returned"
        ? translateStatus(language, "status.waiting.returned", { comment: r.reviewComment })
        : translateStatus(language, "status.waiting.review");
  return (
    <section className="pv-stack" aria-labelledby="tasks-heading">
      <Heading level={2} data-size="md" id="tasks-heading">
        {p("tasks.heading")}
      </Heading>
      {reports.length === 0 && evaluations.length === 0 ? (
        <Paragraph>{p("tasks.none")}</Paragraph>
      ) : (
        <ul className="pv-comments" data-testid="waiting-tasks">
          {evaluations.map((e) => (
            <li key={e.roundId} className="pv-comment">
              <AppLink to={`/evalueringer/${e.roundId}`}>
                {p("tasks.evaluation", {
                  title: e.title,
                  answered: e.answered,
                  count: e.measureCount,
                  deadline: date(e.deadline),
                })}
              </AppLink>
            </li>
          ))}
          {reports.map((r) => (
            <li key={`${r.periodId}-${r.reference}`} className="pv-comment">
              <AppLink to={`/status/${r.periodId}/${r.reference}`}>
                {p("tasks.report", { reference: r.reference, title: r.title, what: reportText(r) })}
              </AppLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
