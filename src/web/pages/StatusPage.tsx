import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  List,
  Paragraph,
  Select,
  Table,
  Tag,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { defaultBudgetYear } from "../../domain/year-model.ts";
import type {
  ReportingPeriodListResponse,
  WaitingReportsResponse,
} from "../../http/routes/status-reports.ts";
import { useSend } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { ReminderNote } from "../components/ReminderNote.tsx";
import { TrafficLightTag } from "../components/TrafficLightTag.tsx";
import { usePlanCycles } from "../cycle-api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { useStatusMessages } from "../i18n/status-messages.ts";
import { statusPaths, useReportingPeriod, useReportingPeriods, useWaitingReports } from "../status-api.ts";

type Period = ReportingPeriodListResponse["periods"][number];
const stateColors = {
  missing: "danger",
  draft: "neutral",
  submitted: "info",
  returned: "warning",
  approved: "success",
} as const;

/** /status: what waits for the signed-in person, the cycle's reporting periods, and who has reported. */
export function StatusPage() {
  const { s } = useStatusMessages();
  const { t } = useLanguage();
  const { municipality, tree, planId, cycles } = usePlanCycles();
  const [params, setParams] = useSearchParams();
  if (!tree.data || !municipality) return <QueryState isError={tree.isError} />;
  if (!municipality.role || municipality.role === "partner")
    return <Paragraph>{s("status.internalOnly")}</Paragraph>;
  if (!planId) return <Paragraph>{t("plan.none")}</Paragraph>;
  if (!cycles.data) return <QueryState isError={cycles.isError} />;
  const adopted = cycles.data.filter((c) => c.actionPlans.some((a) => a.status === "adopted"));
  // Status reporting is execution work: without `?aar=` it is about the plan in execution (ADR 0009).
  const chosenYear = Number(params.get("aar")) || defaultBudgetYear(adopted, "execution");
  const cycle = adopted.find((c) => c.budgetYear === chosenYear) ?? adopted[0];
  return (
    <div className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {s("status.heading")}
        </Heading>
        <Paragraph>{s("status.intro")}</Paragraph>
      </header>
      <Waiting />
      {adopted.length > 1 && cycle && (
        <Field className="pv-filters">
          <Label>{s("status.cycle")}</Label>
          <Select value={String(cycle.budgetYear)} onChange={(e) => setParams({ aar: e.target.value })}>
            {adopted.map((c) => (
              <Select.Option key={c.id} value={String(c.budgetYear)}>
                {s("status.cycleOption", { year: c.budgetYear })}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      {cycle ? (
        <Periods
          municipalityNumber={municipality.number}
          cycleId={cycle.id}
          year={cycle.budgetYear}
          chosenPeriodId={params.get("periode")}
          choose={(periodId) => setParams({ aar: String(cycle.budgetYear), periode: periodId })}
        />
      ) : (
        <Paragraph>{s("status.noAdopted", { year: cycles.data[0]?.budgetYear ?? "" })}</Paragraph>
      )}
    </div>
  );
}

function Waiting() {
  const { s, date } = useStatusMessages();
  const waiting = useWaitingReports(true);
  const describe = (w: WaitingReportsResponse[number]) =>
    w.reason === "due"
      ? s("status.waiting.due", { period: s(`status.kind.${w.kind}`), due: date(w.dueDate) })
      : w.reason === "returned"
        ? s("status.waiting.returned", { comment: w.reviewComment })
        : s("status.waiting.review");
  return (
    <section className="pv-panel pv-stack" aria-labelledby="waiting-heading" data-testid="waiting">
      <Heading level={2} data-size="sm" id="waiting-heading">
        {s("status.waitingHeading")}
        {waiting.data && waiting.data.length > 0 && ` (${waiting.data.length})`}
      </Heading>
      {!waiting.data ? (
        <QueryState isError={waiting.isError} />
      ) : waiting.data.length === 0 ? (
        <Paragraph>{s("status.waitingNone")}</Paragraph>
      ) : (
        <List.Unordered>
          {waiting.data.map((w) => (
            <List.Item key={`${w.periodId}-${w.reference}`}>
              <AppLink to={`/status/${w.periodId}/${encodeURIComponent(w.reference)}`}>
                {w.reference} {w.title}
              </AppLink>{" "}
              – {describe(w)}
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
}

function Periods({
  municipalityNumber,
  cycleId,
  year,
  chosenPeriodId,
  choose,
}: {
  municipalityNumber: string;
  cycleId: string;
  year: number;
  chosenPeriodId: string | null;
  choose: (periodId: string) => void;
}) {
  const { s, date } = useStatusMessages();
  const periods = useReportingPeriods(municipalityNumber, cycleId);
  const create = useSend(() => ({ method: "POST", path: statusPaths.periods(municipalityNumber, cycleId) }));
  const update = useSend((p: { period: Period; state: "open" | "closed" }) => ({
    method: "PATCH",
    path: statusPaths.period(municipalityNumber, p.period.id),
    body: { version: p.period.version, state: p.state },
  }));
  if (!periods.data) return <QueryState isError={periods.isError} />;
  const mayManage = periods.data.allowedActions.includes("update");
  const list = periods.data.periods;
  const chosen = list.find((p) => p.id === chosenPeriodId) ?? list.find((p) => p.state === "open") ?? list[0];
  return (
    <>
      <section className="pv-stack" aria-labelledby="periods-heading">
        <Heading level={2} data-size="md" id="periods-heading">
          {s("status.periodsHeading", { year })}
        </Heading>
        <ErrorMessage error={create.error ?? update.error} />
        {list.length === 0 ? (
          <>
            <Paragraph>{s("status.noPeriods", { year })}</Paragraph>
            {mayManage && (
              <div className="pv-actions">
                <Button onClick={() => create.mutate(undefined)} loading={create.isPending}>
                  {s("status.createPeriods")}
                </Button>
              </div>
            )}
          </>
        ) : (
          <div className="pv-table-scroll">
            <Table data-testid="periods">
              <caption className="pv-visually-hidden">{s("status.periodsCaption", { year })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{s("status.period")}</Table.HeaderCell>
                  <Table.HeaderCell>{s("status.asOf")}</Table.HeaderCell>
                  <Table.HeaderCell>{s("status.due")}</Table.HeaderCell>
                  <Table.HeaderCell>{s("status.state")}</Table.HeaderCell>
                  <Table.HeaderCell>{s("status.progressCol")}</Table.HeaderCell>
                  <Table.HeaderCell>
                    <span className="pv-visually-hidden">{s("status.period")}</span>
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.map((p) => {
                  const name = s(`status.kind.${p.kind}`);
                  // «Åpne årsrapport»: the period's name inside a sentence.
                  const inSentence = name.charAt(0).toLowerCase() + name.slice(1);
                  return (
                    <Table.Row key={p.id} data-testid={`period-${p.kind}`}>
                      <Table.Cell>{p.id === chosen?.id ? <strong>{name}</strong> : name}</Table.Cell>
                      <Table.Cell>{date(p.asOf)}</Table.Cell>
                      <Table.Cell>
                        {date(p.dueDate)}
                        {p.overdue && (
                          <>
                            {" "}
                            <Tag data-size="sm" data-color="warning" data-testid="overdue">
                              {s("status.overdue")}
                            </Tag>
                          </>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <Tag data-size="sm" data-color={p.state === "open" ? "success" : "neutral"}>
                          {s(`status.periodState.${p.state}`)}
                        </Tag>
                      </Table.Cell>
                      <Table.Cell>
                        {s("status.approvedOf", {
                          approved: p.completeness.approved,
                          total: p.completeness.total,
                        })}
                      </Table.Cell>
                      <Table.Cell>
                        <div className="pv-actions">
                          {p.id !== chosen?.id && (
                            <Button variant="tertiary" data-size="sm" onClick={() => choose(p.id)}>
                              {s("status.show", { period: inSentence })}
                            </Button>
                          )}
                          {mayManage && p.state !== "open" && (
                            <Button
                              variant="secondary"
                              data-size="sm"
                              onClick={() => {
                                choose(p.id);
                                update.mutate({ period: p, state: "open" });
                              }}
                            >
                              {s(p.state === "planned" ? "status.open" : "status.reopen", {
                                period: inSentence,
                              })}
                            </Button>
                          )}
                          {mayManage && p.state === "open" && (
                            <Button
                              variant="secondary"
                              data-size="sm"
                              onClick={() => update.mutate({ period: p, state: "closed" })}
                            >
                              {s("status.close", { period: inSentence })}
                            </Button>
                          )}
                        </div>
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>
      {chosen && (
        <PeriodMeasures municipalityNumber={municipalityNumber} periodId={chosen.id} mayManage={mayManage} />
      )}
    </>
  );
}

function PeriodMeasures({
  municipalityNumber,
  periodId,
  mayManage,
}: {
  municipalityNumber: string;
  periodId: string;
  mayManage: boolean;
}) {
  const { s } = useStatusMessages();
  const period = useReportingPeriod(municipalityNumber, periodId);
  const [reminded, setReminded] = useState<{ owners: number; emailed: number } | null>(null);
  const remind = useSend(() => ({
    method: "POST",
    path: `${statusPaths.period(municipalityNumber, periodId)}/reminders`,
  }));
  if (!period.data) return <QueryState isError={period.isError} />;
  const { completeness: c, measures } = period.data;
  const name = s(`status.kind.${period.data.period.kind}`);
  return (
    <section className="pv-stack" aria-labelledby="completeness-heading" data-testid="completeness">
      <Heading level={2} data-size="md" id="completeness-heading">
        {s("status.completenessHeading", { period: name, year: period.data.period.budgetYear })}
      </Heading>
      <Paragraph data-testid="completeness-summary">{s("status.completenessSummary", c)}</Paragraph>
      <div className="pv-actions">
        <AppLink to={`/status/${periodId}/rapport`}>{s("status.compiledLink", { period: name })}</AppLink>
        {mayManage && period.data.period.state === "open" && c.missing + c.returned > 0 && (
          <Button
            variant="secondary"
            data-size="sm"
            loading={remind.isPending}
            onClick={() =>
              remind.mutate(undefined, {
                onSuccess: (result) => setReminded(result as { owners: number; emailed: number }),
              })
            }
          >
            {s("status.remind")}
          </Button>
        )}
      </div>
      {period.data.period.state === "open" && (
        <Paragraph data-size="sm" data-testid="auto-reminder">
          {period.data.reminderSentAt ? (
            <ReminderNote sentAt={period.data.reminderSentAt} />
          ) : (
            s("status.autoReminder")
          )}
        </Paragraph>
      )}
      <ErrorMessage error={remind.error} />
      {reminded && (
        <Alert data-color={reminded.emailed > 0 ? "success" : "info"}>
          {reminded.emailed > 0 ? s("status.reminded", reminded) : s("status.remindedNoMail", reminded)}
        </Alert>
      )}
      <div className="pv-table-scroll">
        <Table data-testid="period-measures">
          <caption className="pv-visually-hidden">{s("status.measuresCaption", { period: name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{s("status.measure")}</Table.HeaderCell>
              <Table.HeaderCell>{s("status.owner")}</Table.HeaderCell>
              <Table.HeaderCell>{s("status.reportState")}</Table.HeaderCell>
              <Table.HeaderCell>{s("status.light")}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="pv-visually-hidden">{s("status.reportState")}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {measures.map((m) => {
              const mayReport = m.allowedActions.includes("submit") && period.data.period.state === "open";
              const action =
                m.state === "submitted" && m.allowedActions.includes("review")
                  ? "status.action.review"
                  : mayReport && m.state === "missing"
                    ? "status.action.report"
                    : mayReport && m.state === "returned"
                      ? "status.action.correct"
                      : m.state !== "missing"
                        ? "status.action.view"
                        : null;
              return (
                <Table.Row key={m.reference} data-testid={`status-${m.reference}`}>
                  <Table.Cell>
                    {m.reference} {m.title}
                  </Table.Cell>
                  <Table.Cell>
                    {m.ownerName ?? <span className="pv-muted">{s("status.noOwner")}</span>}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={stateColors[m.state]}>
                      {s(`status.reportState.${m.state}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>{m.trafficLight ? <TrafficLightTag light={m.trafficLight} /> : "–"}</Table.Cell>
                  <Table.Cell>
                    {action && (
                      <AppLink to={`/status/${periodId}/${encodeURIComponent(m.reference)}`}>
                        {s(action, { reference: m.reference })}
                      </AppLink>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
