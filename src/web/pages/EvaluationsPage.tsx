import { Alert, Button, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useCurrentMunicipality, useSend } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { EvaluationSetupForm, type RoundSetupDraft } from "../components/EvaluationSetupForm.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { ReminderNote } from "../components/ReminderNote.tsx";
import { formatDay, RoundStatusTag } from "../components/RoundStatusTag.tsx";
import {
  evaluationPaths,
  useEvaluationOptions,
  useEvaluationRounds,
  useEvaluationTasks,
} from "../evaluation-api.ts";
import { useEvaluationMessages } from "../i18n/evaluation-messages.ts";

/** What waits for the signed-in person: open rounds they are on the panel of. */
export function EvaluationTasks() {
  const { e, language } = useEvaluationMessages();
  const tasks = useEvaluationTasks(true);
  if (!tasks.data || tasks.data.length === 0) return null;
  return (
    <Alert data-color="info" data-testid="evaluation-tasks">
      <Heading level={2} data-size="xs">
        {e("ev.tasksHeading")}
      </Heading>
      <ul>
        {tasks.data.map((task) => (
          <li key={task.roundId}>
            <AppLink to={`/evalueringer/${task.roundId}`}>
              {e("ev.task", {
                title: task.title,
                answered: task.answered,
                count: task.measureCount,
                deadline: formatDay(task.deadline, language),
              })}
            </AppLink>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

export function EvaluationsPage() {
  const { e, language } = useEvaluationMessages();
  const municipality = useCurrentMunicipality();
  const number = municipality.data?.number;
  const signedIn = Boolean(municipality.data?.role);
  const rounds = useEvaluationRounds(signedIn ? number : undefined);
  const mayCreate = rounds.data?.allowedActions.includes("create") ?? false;
  const [creating, setCreating] = useState(false);
  const options = useEvaluationOptions(number, mayCreate && creating);
  const navigate = useNavigate();
  const create = useSend<RoundSetupDraft, { id: string }>((draft) => ({
    method: "POST",
    path: evaluationPaths.list(number ?? ""),
    body: draft,
  }));
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  return (
    <>
      <Heading level={1} data-size="lg">
        {e("ev.heading")}
      </Heading>
      <Paragraph>{e("ev.intro")}</Paragraph>
      {municipality.isPending ? (
        <QueryState isError={false} />
      ) : !signedIn ? (
        <Alert data-color="info">{e("ev.signIn")}</Alert>
      ) : (
        <>
          <EvaluationTasks />
          {mayCreate && !creating && (
            <div className="pv-actions">
              <Button onClick={() => setCreating(true)}>{e("ev.new")}</Button>
            </div>
          )}
          {creating && (
            <section className="pv-ev-section" aria-labelledby="new-round">
              <Heading level={2} data-size="md" id="new-round">
                {e("ev.new")}
              </Heading>
              {!options.data ? (
                <QueryState isError={options.isError} />
              ) : (
                <EvaluationSetupForm
                  options={options.data}
                  cycleFixed={false}
                  initial={{
                    cycleId: options.data.cycles[0]?.id ?? "",
                    title: "",
                    deadline: inAMonth,
                    measures: [],
                    criteria: options.data.defaultCriteria,
                    panelistUserIds: [],
                  }}
                  submitLabel={e("ev.form.create")}
                  pending={create.isPending}
                  error={create.error}
                  onSubmit={(draft) =>
                    create.mutate(draft, { onSuccess: (created) => navigate(`/evalueringer/${created.id}`) })
                  }
                  onCancel={() => setCreating(false)}
                />
              )}
            </section>
          )}
          <Heading level={2} data-size="md" className="pv-ev-section">
            {e("ev.roundsHeading")}
          </Heading>
          {!rounds.data ? (
            <QueryState isError={rounds.isError} />
          ) : rounds.data.rounds.length === 0 ? (
            <Paragraph>{mayCreate ? e("ev.none") : e("ev.noneForYou")}</Paragraph>
          ) : (
            <div className="pv-table-scroll">
              <Table data-testid="evaluation-rounds">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{e("ev.col.title")}</Table.HeaderCell>
                    <Table.HeaderCell>{e("ev.col.year")}</Table.HeaderCell>
                    <Table.HeaderCell>{e("ev.col.deadline")}</Table.HeaderCell>
                    <Table.HeaderCell>{e("ev.col.status")}</Table.HeaderCell>
                    <Table.HeaderCell>{e("ev.col.progress")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {rounds.data.rounds.map((r) => (
                    <Table.Row key={r.id}>
                      <Table.Cell>
                        <AppLink to={`/evalueringer/${r.id}`}>{r.title}</AppLink>
                      </Table.Cell>
                      <Table.Cell>{r.budgetYear}</Table.Cell>
                      <Table.Cell>
                        {formatDay(r.deadline, language)}
                        {r.status === "open" && (!r.overdue || r.reminderSentAt) && (
                          <ReminderNote sentAt={r.reminderSentAt} />
                        )}
                        {r.overdue && (
                          <>
                            {" "}
                            <Tag data-size="sm" data-color="warning" data-testid="overdue">
                              {e("ev.overdue")}
                            </Tag>
                          </>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <RoundStatusTag status={r.status} publishedAt={r.publishedAt} />
                      </Table.Cell>
                      <Table.Cell>
                        {r.myCompleted !== null
                          ? e("ev.myProgress", { done: r.myCompleted, count: r.measureCount })
                          : e("ev.panelProgress", { done: r.panelDone, count: r.panelCount })}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
    </>
  );
}
