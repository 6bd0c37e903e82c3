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
  Textfield,
} from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { phaseOnDate } from "../../domain/phases.ts";
import type { CycleResponse } from "../../http/routes/cycles.ts";
import {
  ApiError,
  browserFetchJson,
  fieldError,
  useCurrentMunicipality,
  usePlanTree,
  useSend,
} from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { Arshjul } from "../components/Arshjul.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { PhaseDatesEditor } from "../components/PhaseDatesEditor.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { type CycleMessageKey, formatDay, todayIso, useCycleMessages } from "../i18n/cycle-messages.ts";
import { useLanguage } from "../i18n/language.tsx";

/** The rolling's API paths; as everywhere, a query's key is its path. */
export const cyclePaths = {
  cycles: (municipalityNumber: string, planId: string) =>
    `/api/municipalities/${municipalityNumber}/plans/${planId}/cycles`,
  cycleAction: (
    municipalityNumber: string,
    cycleId: string,
    action: "advance" | "adopt" | "revisions" | "roll",
  ) => `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/${action}`,
  actionPlan: (
    municipalityNumber: string,
    planId: string,
    budgetYear: number | string,
    revision: number | string,
  ) => `/api/municipalities/${municipalityNumber}/plans/${planId}/action-plans/${budgetYear}/${revision}`,
  compare: (municipalityNumber: string, before: string, after: string, format: "json" | "csv" = "json") =>
    `/api/municipalities/${municipalityNumber}/compare${format === "csv" ? ".csv" : ""}?${new URLSearchParams({ before, after })}`,
};

/** The pages of the rolling. */
export const cyclePages = {
  actionPlan: (planId: string, budgetYear: number, revision: number) =>
    `/plan/${planId}/handlingsplan/${budgetYear}/${revision}`,
  compare: (before: string, after: string) => `/endringer?${new URLSearchParams({ before, after })}`,
};

/** The plan's cycles, newest budget year first. */
export function useCycles(municipalityNumber: string | undefined, planId: string | undefined) {
  const path = cyclePaths.cycles(municipalityNumber ?? "", planId ?? "");
  return useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<CycleResponse[]>,
    enabled: Boolean(municipalityNumber && planId),
  });
}

type RollResult = {
  cycleId: string;
  budgetYear: number;
  carried: number;
  left: { reference: string; why: string }[];
};

/** A refusal from the server: its list of problems when it gives one, otherwise its message. */
function Refusal({ error, heading }: { error: unknown; heading: string }) {
  if (!error) return null;
  const problems =
    error instanceof ApiError
      ? (error.body?.error.details as { problems?: unknown } | undefined)?.problems
      : undefined;
  if (!Array.isArray(problems) || problems.length === 0) {
    // Validation errors are shown at their fields.
    if (error instanceof ApiError && error.status === 400 && Array.isArray(error.body?.error.details))
      return null;
    return <ErrorMessage error={error} heading={heading} />;
  }
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={3} data-size="xs">
        {heading}
      </Heading>
      <List.Unordered>
        {problems.map((p) => (
          <List.Item key={String(p)}>{String(p)}</List.Item>
        ))}
      </List.Unordered>
    </Alert>
  );
}

/** /arshjul: the yearly rolling of the plan, one cycle (budget year) at a time. */
export function CyclePage() {
  const { t } = useLanguage();
  const { c } = useCycleMessages();
  const municipality = useCurrentMunicipality().data;
  const tree = usePlanTree(municipality?.number);
  const planId = tree.data?.plan?.id;
  const cycles = useCycles(municipality?.number, planId);
  const [params, setParams] = useSearchParams();
  // Rolling makes a new cycle and shows it; the page keeps the result, since the old cycle's view goes.
  const roll = useSend<string, RollResult>((cycleId) => ({
    method: "POST",
    path: cyclePaths.cycleAction(municipality?.number ?? "", cycleId, "roll"),
  }));
  const rolledYear = roll.data?.budgetYear;
  useEffect(() => {
    if (rolledYear) setParams({ aar: String(rolledYear) }, { replace: true });
  }, [rolledYear, setParams]);
  if (!tree.data || !municipality) return <QueryState isError={tree.isError} />;
  if (!planId) return <Paragraph>{t("plan.none")}</Paragraph>;

  const list = cycles.data ?? [];
  const wanted = Number(params.get("aar"));
  const selected = list.find((x) => x.budgetYear === wanted) ?? list[0];
  const choose = (year: string) => {
    roll.reset();
    setParams(year ? { aar: year } : {}, { replace: true });
  };

  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {c("cycle.heading")}
        </Heading>
        <Paragraph>{c("cycle.intro")}</Paragraph>
        {list.length > 1 && selected && (
          <Field style={{ maxWidth: "30rem" }}>
            <Label>{c("cycle.select")}</Label>
            <Select value={String(selected.budgetYear)} onChange={(e) => choose(e.target.value)}>
              {list.map((x) => (
                <Select.Option key={x.id} value={String(x.budgetYear)}>
                  {c("cycle.option", { year: x.budgetYear, start: x.startYear, end: x.endYear })}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
      </header>
      {!cycles.data ? (
        <QueryState isError={cycles.isError} />
      ) : !selected ? (
        <Paragraph>{c("cycle.none")}</Paragraph>
      ) : (
        <CycleView
          key={selected.id}
          municipalityNumber={municipality.number}
          planId={planId}
          cycle={selected}
          all={list}
          rolled={roll.data?.cycleId === selected.id ? roll.data : null}
          roll={roll}
        />
      )}
    </article>
  );
}

function CycleView({
  municipalityNumber,
  planId,
  cycle,
  all,
  rolled,
  roll,
}: {
  municipalityNumber: string;
  planId: string;
  cycle: CycleResponse;
  all: CycleResponse[];
  rolled: RollResult | null;
  roll: ReturnType<typeof useSend<string, RollResult>>;
}) {
  const { t, language } = useLanguage();
  const { c } = useCycleMessages();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice || rolled) noticeRef.current?.focus();
  }, [notice, rolled]);
  const [today] = useState(() => todayIso());
  const may = (action: CycleResponse["allowedActions"][number]) => cycle.allowedActions.includes(action);
  const newest = cycle.actionPlans.at(-1);
  const adopted = cycle.actionPlans.filter((v) => v.status === "adopted");
  const phaseName = (phase: CycleResponse["phase"]) => t(`phase.${phase}`);

  const advance = useSend<void, { phase: CycleResponse["phase"] }>(() => ({
    method: "POST",
    path: cyclePaths.cycleAction(municipalityNumber, cycle.id, "advance"),
    body: { version: cycle.version, to: cycle.nextPhase },
  }));
  // The forms' writes live here, not in the forms: a form goes away when its write succeeds.
  const adopt = useSend((body: AdoptBody) => ({
    method: "POST",
    path: cyclePaths.cycleAction(municipalityNumber, cycle.id, "adopt"),
    body,
  }));
  const revise = useSend<{ reason: string }, { revision: number }>((body) => ({
    method: "POST",
    path: cyclePaths.cycleAction(municipalityNumber, cycle.id, "revisions"),
    body,
  }));
  /** One action at a time: a new one clears what the last one said. */
  const start = () => {
    setNotice(null);
    for (const m of [advance, adopt, revise, roll]) m.reset();
  };

  const showAdopt =
    may("adopt") && newest?.status === "draft" && (cycle.phase === "vedtak" || newest.revision > 0);
  const showRevise = may("update") && newest?.status === "adopted";
  const showRoll = may("update") && adopted.length > 0 && !cycle.rolled;
  const showAdvance = may("update") && cycle.nextPhase !== null;

  const dates = cycle.phaseDates[cycle.phase];
  const calendarPhase = phaseOnDate(cycle.phaseDates as Parameters<typeof phaseOnDate>[0], today);
  const previous = all.find((x) => x.budgetYear === cycle.budgetYear - 1);
  const previousAdopted = previous?.actionPlans.filter((v) => v.status === "adopted").at(-1);
  const beforeNewest = cycle.actionPlans.at(-2);
  const needsReview = newest?.needsReview ?? 0;

  return (
    <div className="pv-stack pv-stack--loose">
      <section className="pv-stack" aria-labelledby="cycle-heading">
        <Heading level={2} data-size="md" id="cycle-heading">
          {c("cycle.title", { year: cycle.budgetYear, start: cycle.startYear, end: cycle.endYear })}
        </Heading>
        {cycle.rolledFromBudgetYear !== null && (
          <Paragraph data-size="sm" className="pv-muted">
            {c("cycle.rolledFrom", { year: cycle.rolledFromBudgetYear })}
          </Paragraph>
        )}
        <div ref={noticeRef} tabIndex={-1} role="status" className="pv-stack">
          {notice && <Alert data-color="success">{notice}</Alert>}
          {rolled && (
            <Alert data-color="success">
              <Paragraph>{c("cycle.rolled", { year: rolled.budgetYear, carried: rolled.carried })}</Paragraph>
              {rolled.left.length > 0 && (
                <Paragraph data-size="sm">
                  {c("cycle.left")} {rolled.left.map((l) => `${l.reference} (${l.why})`).join(", ")}
                </Paragraph>
              )}
            </Alert>
          )}
        </div>

        <div className="pv-panel pv-stack" data-testid="cycle-now">
          <Heading level={3} data-size="sm">
            {c("cycle.now")}
          </Heading>
          <Paragraph>
            {dates
              ? c("cycle.nowPhase", { phase: phaseName(cycle.phase), date: formatDay(dates.end, language) })
              : c("cycle.nowPhaseOpen", { phase: phaseName(cycle.phase) })}{" "}
            {dates && dates.end < today && cycle.phase !== "avsluttet" && (
              <strong style={{ color: "var(--ds-color-warning-text-default)" }}>{c("cycle.overdue")}</strong>
            )}
          </Paragraph>
          {calendarPhase && calendarPhase !== cycle.phase && cycle.phase !== "avsluttet" && (
            <Paragraph data-size="sm" className="pv-muted">
              {c("cycle.calendarPhase", { phase: phaseName(calendarPhase) })}
            </Paragraph>
          )}
          {cycle.nextPhase === null ? (
            <Paragraph>{c("cycle.finished")}</Paragraph>
          ) : cycle.blockers.length === 0 ? (
            <Paragraph>{c("cycle.noBlockers", { phase: phaseName(cycle.nextPhase) })}</Paragraph>
          ) : (
            <div data-testid="blockers">
              <Heading level={4} data-size="2xs">
                {c("cycle.blockersHeading", { phase: phaseName(cycle.nextPhase) })}
              </Heading>
              <List.Unordered>
                {cycle.blockers.map((b) => (
                  <List.Item key={b}>{b}</List.Item>
                ))}
              </List.Unordered>
            </div>
          )}
          {needsReview > 0 && (
            <Alert data-color="warning" data-testid="needs-review">
              <Heading level={4} data-size="2xs">
                {needsReview === 1
                  ? c("cycle.needsReviewOne")
                  : c("cycle.needsReview", { count: needsReview })}
              </Heading>
              <Paragraph>{c("cycle.needsReviewHint")}</Paragraph>
              <Paragraph>
                <AppLink to="/tiltak">{c("cycle.toMeasures")}</AppLink>
              </Paragraph>
            </Alert>
          )}
          {showAdvance && cycle.nextPhase && (
            <div className="pv-actions">
              <Button
                variant={cycle.blockers.length > 0 ? "secondary" : "primary"}
                loading={advance.isPending}
                onClick={() => {
                  start();
                  advance.mutate(undefined, {
                    onSuccess: (result) => setNotice(c("cycle.advanced", { phase: phaseName(result.phase) })),
                  });
                }}
              >
                {c("cycle.advance", { phase: phaseName(cycle.nextPhase) })}
              </Button>
            </div>
          )}
          <Refusal error={advance.error} heading={c("cycle.advanceRefused")} />
        </div>
      </section>

      {(showAdopt || showRevise || showRoll) && (
        <section className="pv-stack" aria-labelledby="actions-heading">
          <Heading level={2} data-size="sm" id="actions-heading">
            {c("cycle.actions")}
          </Heading>
          {showAdopt && (
            <AdoptForm
              adopt={adopt}
              onSubmit={(body) => {
                start();
                adopt.mutate(body, {
                  onSuccess: () => setNotice(c("cycle.adopted", { year: cycle.budgetYear })),
                });
              }}
            />
          )}
          {showRevise && (
            <ReviseForm
              revise={revise}
              onSubmit={(reason) => {
                start();
                revise.mutate(
                  { reason },
                  { onSuccess: (result) => setNotice(c("cycle.revised", { revision: result.revision })) },
                );
              }}
            />
          )}
          {showRoll && (
            <div className="pv-panel pv-stack">
              <Heading level={3} data-size="xs">
                {c("cycle.roll", { year: cycle.budgetYear + 1 })}
              </Heading>
              <Paragraph>{c("cycle.rollIntro", { year: cycle.budgetYear + 1 })}</Paragraph>
              <div className="pv-actions">
                <Button
                  variant="secondary"
                  loading={roll.isPending}
                  onClick={() => {
                    start();
                    roll.mutate(cycle.id);
                  }}
                >
                  {c("cycle.roll", { year: cycle.budgetYear + 1 })}
                </Button>
              </div>
              <Refusal error={roll.error} heading={c("cycle.rollRefused")} />
            </div>
          )}
        </section>
      )}

      <Arshjul cycle={cycle} today={today} />
      {may("update") && <PhaseDatesEditor municipalityNumber={municipalityNumber} cycle={cycle} />}

      <section className="pv-stack" aria-labelledby="versions-heading">
        <Heading level={2} data-size="sm" id="versions-heading">
          {c("cycle.versions")}
        </Heading>
        {cycle.actionPlans.length === 0 ? (
          <Paragraph>{c("cycle.noVersions")}</Paragraph>
        ) : (
          <div className="pv-table-scroll">
            <Table data-size="sm" zebra data-testid="versions-table">
              <caption className="pv-visually-hidden">
                {c("cycle.versionsCaption", { year: cycle.budgetYear })}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{c("cycle.version")}</Table.HeaderCell>
                  <Table.HeaderCell>{c("cycle.status")}</Table.HeaderCell>
                  <Table.HeaderCell>{c("cycle.decision")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{c("cycle.measures")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{c("cycle.needsReviewColumn")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {cycle.actionPlans.map((v) => (
                  <Table.Row key={v.id}>
                    <Table.Cell>
                      <AppLink to={cyclePages.actionPlan(planId, cycle.budgetYear, v.revision)}>
                        {versionName(c, cycle.budgetYear, v.revision)}
                      </AppLink>
                      {v.reason && (
                        <>
                          <br />
                          <span className="pv-muted" style={{ fontSize: "0.875rem" }}>
                            {v.reason}
                          </span>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={v.status === "adopted" ? "success" : "warning"} data-size="sm">
                        {c(`status.${v.status}`)}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>{decisionText(c, language, v) ?? "–"}</Table.Cell>
                    <Table.Cell className="pv-num">{v.measureCount}</Table.Cell>
                    <Table.Cell className="pv-num">{v.needsReview}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
        <Heading level={3} data-size="xs">
          {c("cycle.compare")}
        </Heading>
        <List.Unordered data-testid="compare-links">
          {newest && beforeNewest && (
            <List.Item>
              <AppLink to={cyclePages.compare(beforeNewest.id, newest.id)}>
                {c("cycle.compareRevision", { before: beforeNewest.revision, after: newest.revision })}
              </AppLink>
            </List.Item>
          )}
          {newest && previousAdopted && previous && (
            <List.Item>
              <AppLink to={cyclePages.compare(previousAdopted.id, newest.id)}>
                {c("cycle.compareLastYear", { before: previous.budgetYear, after: cycle.budgetYear })}
              </AppLink>
            </List.Item>
          )}
          <List.Item>
            <AppLink to="/endringer">{c("cycle.compareChoose")}</AppLink>
          </List.Item>
        </List.Unordered>
      </section>
    </div>
  );
}

type Translate = (key: CycleMessageKey, params?: Record<string, string | number>) => string;

/** "Handlingsplan 2027" or "Handlingsplan 2027, revisjon 1". */
export function versionName(c: Translate, budgetYear: number, revision: number): string {
  return revision === 0
    ? c("cycle.versionLink", { year: budgetYear })
    : c("cycle.versionLinkRevision", { year: budgetYear, revision });
}

/** "Vedtatt av Bystyret 15.12.2026, sak 123/26", or null while a draft. */
export function decisionText(
  c: Translate,
  language: Parameters<typeof formatDay>[1],
  v: { status: string; adoptedOn: string | null; decisionBody: string | null; caseReference: string | null },
): string | null {
  if (v.status !== "adopted" || !v.adoptedOn) return null;
  return c("decision", {
    body: v.decisionBody ?? "",
    date: formatDay(v.adoptedOn, language, "numeric"),
    caseReference: v.caseReference ?? "",
  });
}

type AdoptBody = { adoptedOn: string; decisionBody: string; caseReference: string };

function AdoptForm({
  adopt,
  onSubmit,
}: {
  adopt: ReturnType<typeof useSend<AdoptBody>>;
  onSubmit: (body: AdoptBody) => void;
}) {
  const { c } = useCycleMessages();
  const [form, setForm] = useState<AdoptBody>({ adoptedOn: "", decisionBody: "", caseReference: "" });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(form);
  };
  return (
    <form className="pv-form pv-panel" onSubmit={submit} noValidate aria-labelledby="adopt-heading">
      <Heading level={3} data-size="xs" id="adopt-heading">
        {c("cycle.adopt")}
      </Heading>
      <Paragraph>{c("cycle.adoptIntro")}</Paragraph>
      <Refusal error={adopt.error} heading={c("cycle.adoptRefused")} />
      <Textfield
        label={c("cycle.adoptedOn")}
        type="date"
        value={form.adoptedOn}
        onChange={(e) => setForm({ ...form, adoptedOn: e.target.value })}
        error={fieldError(adopt.error, "/adoptedOn")}
        style={{ maxWidth: "14rem" }}
      />
      <Textfield
        label={c("cycle.decisionBody")}
        description={c("cycle.decisionBodyHint")}
        value={form.decisionBody}
        onChange={(e) => setForm({ ...form, decisionBody: e.target.value })}
        error={fieldError(adopt.error, "/decisionBody")}
      />
      <Textfield
        label={c("cycle.caseReference")}
        description={c("cycle.caseReferenceHint")}
        value={form.caseReference}
        onChange={(e) => setForm({ ...form, caseReference: e.target.value })}
        error={fieldError(adopt.error, "/caseReference")}
      />
      <div className="pv-actions">
        <Button type="submit" loading={adopt.isPending}>
          {c("cycle.adopt")}
        </Button>
      </div>
    </form>
  );
}

function ReviseForm({
  revise,
  onSubmit,
}: {
  revise: ReturnType<typeof useSend<{ reason: string }, { revision: number }>>;
  onSubmit: (reason: string) => void;
}) {
  const { c } = useCycleMessages();
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(reason);
  };
  return (
    <form className="pv-form pv-panel" onSubmit={submit} noValidate aria-labelledby="revise-heading">
      <Heading level={3} data-size="xs" id="revise-heading">
        {c("cycle.revise")}
      </Heading>
      <Paragraph>{c("cycle.reviseIntro")}</Paragraph>
      <Refusal error={revise.error} heading={c("cycle.reviseRefused")} />
      <Textfield
        label={c("cycle.reason")}
        multiline
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError(revise.error, "/reason")}
      />
      <div className="pv-actions">
        <Button type="submit" variant="secondary" loading={revise.isPending}>
          {c("cycle.revise")}
        </Button>
      </div>
    </form>
  );
}
