import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  List,
  Paragraph,
  Radio,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import { trafficLights } from "../../domain/status-report.ts";
import type { ReportContentBody, StatusReportResponse } from "../../http/routes/status-reports.ts";
import { fieldError, useCurrentMunicipality, useSend } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import {
  anyUnreadable,
  focusFirstInvalid,
  kronerOf,
  MoneyField,
  typedKroner,
} from "../components/MoneyField.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { StatusProgressFields } from "../components/StatusProgressFields.tsx";
import { TrafficLightTag } from "../components/TrafficLightTag.tsx";
import { formatKroner } from "../i18n/budget-messages.ts";
import { useLanguage } from "../i18n/language.tsx";
import { useStatusMessages } from "../i18n/status-messages.ts";
import { statusPaths, useStatusReport } from "../status-api.ts";

/** /status/:periodId/:reference: a measure's report for a period: the owner's form, the planner's review, the history. */
export function StatusReportPage() {
  const { s, date } = useStatusMessages();
  const { periodId = "", reference = "" } = useParams();
  const municipality = useCurrentMunicipality().data;
  const report = useStatusReport(municipality?.number, periodId, reference);
  if (!municipality || !report.data) return <QueryState isError={report.isError} />;
  const r = report.data;
  const periodName = s(`status.kind.${r.period.kind}`);
  const mayEdit = r.allowedActions.includes("submit");
  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <AppLink to={`/status?periode=${periodId}`}>← {s("report.back")}</AppLink>
        <Paragraph data-size="sm" className="pv-eyebrow">
          {s("report.eyebrow", {
            reference: r.measure.reference,
            period: periodName,
            year: r.period.budgetYear,
            asOf: date(r.period.asOf),
          })}
        </Paragraph>
        <Heading level={1} data-size="lg">
          {r.measure.title}
        </Heading>
        <div className="pv-actions">
          <Tag data-size="sm" data-color="neutral" data-testid="report-state">
            {s(`status.reportState.${r.report?.state ?? "missing"}`)}
          </Tag>
          {r.report && <TrafficLightTag light={r.report.trafficLight} />}
        </div>
        {r.report?.state === "draft" && (
          <Alert data-color="info" data-testid="draft-note">
            {s("report.draftNote")}
          </Alert>
        )}
        {r.report?.state === "returned" && (
          <Alert data-color="warning" data-testid="returned-comment">
            {s("report.returnedComment", { comment: r.report.reviewComment })}
          </Alert>
        )}
      </header>
      {mayEdit ? (
        <ReportForm municipalityNumber={municipality.number} data={r} />
      ) : (
        <>
          {r.canEdit && r.period.state !== "open" && <Paragraph>{s("report.closed")}</Paragraph>}
          <ReportSummary data={r} />
        </>
      )}
      {r.allowedActions.includes("review") && r.report && (
        <Review municipalityNumber={municipality.number} data={r} />
      )}
      <History data={r} />
    </article>
  );
}

function ReportForm({
  municipalityNumber,
  data,
}: {
  municipalityNumber: string;
  data: StatusReportResponse;
}) {
  const { s, date, language } = useStatusMessages();
  const r = data.report;
  const [form, setForm] = useState({
    trafficLight: r?.trafficLight ?? "on_track",
    explanation: r?.explanation ?? "",
    measureStatus: r?.measureStatus ?? "in_progress",
    progress: r?.progress === null || r?.progress === undefined ? "" : String(r.progress),
    spending: Object.fromEntries(
      data.fundingSources.map((f) => [
        f.id,
        typedKroner(r?.spending.find((x) => x.fundingSourceId === f.id)?.amountNok ?? (f.spentNok || null)),
      ]),
    ) as Record<string, string>,
    milestonesReached: r?.milestonesReached ?? data.milestones.filter((m) => m.done).map((m) => m.id),
    achieved: r?.achieved ?? "",
    nextSteps: r?.nextSteps ?? "",
    risks: r?.risks ?? "",
  });
  // The version moves on with each draft saved on this page.
  const [version, setVersion] = useState(r?.version);
  const save = useSend<ReportContentBody & { version?: number; draft?: boolean }, { version: number }>(
    (body) => {
      const { draft, ...content } = body;
      const path = statusPaths.report(municipalityNumber, data.period.id, data.measure.reference);
      return { method: "PUT", path: draft ? `${path}/draft` : path, body: content };
    },
  );
  const body = () => ({
    version,
    trafficLight: form.trafficLight,
    explanation: form.explanation,
    measureStatus: form.measureStatus,
    progress: form.progress === "" ? null : Number(form.progress),
    spending: Object.entries(form.spending)
      .filter(([, v]) => v.trim() !== "")
      .map(([fundingSourceId, v]) => ({ fundingSourceId, amountNok: kronerOf(v) ?? 0 })),
    milestonesReached: form.milestonesReached,
    achieved: form.achieved,
    nextSteps: form.nextSteps,
    risks: form.risks,
  });
  const [tried, setTried] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (anyUnreadable(Object.values(form.spending))) {
      setTried(true);
      focusFirstInvalid(event.currentTarget as HTMLFormElement);
      return;
    }
    save.mutate(body(), { onSuccess: (saved) => setVersion(saved.version) });
  };
  // A draft too is refused while an amount cannot be read, rather than saved as 0.
  const saveDraft = () => {
    if (anyUnreadable(Object.values(form.spending))) return setTried(true);
    save.mutate({ ...body(), draft: true }, { onSuccess: (saved) => setVersion(saved.version) });
  };
  const savedDraft = save.isSuccess && save.variables?.draft;
  const deviation =
    form.trafficLight !== "on_track" || form.measureStatus === "delayed" || form.measureStatus === "stopped";
  return (
    <form
      className="pv-form pv-form--wide pv-panel"
      onSubmit={submit}
      noValidate
      aria-labelledby="report-heading"
    >
      <Heading level={2} data-size="sm" id="report-heading">
        {s("report.formHeading", { asOf: date(data.period.asOf) })}
      </Heading>
      {save.isSuccess && (
        <Alert data-color="success" role="status">
          {savedDraft ? s("report.draftSaved") : s("report.submitted")}
        </Alert>
      )}
      <ErrorMessage error={save.error} />
      <Fieldset>
        <Fieldset.Legend>{s("report.trafficLight")}</Fieldset.Legend>
        {trafficLights.map((light) => (
          <Radio
            key={light}
            name="trafficLight"
            value={light}
            label={s(`light.${light}`)}
            checked={form.trafficLight === light}
            onChange={() => setForm({ ...form, trafficLight: light })}
          />
        ))}
      </Fieldset>
      {deviation && (
        <Textfield
          label={s("report.explanation")}
          description={s("report.explanationHint")}
          multiline
          rows={3}
          value={form.explanation}
          onChange={(e) => setForm({ ...form, explanation: e.target.value })}
          error={fieldError(save.error, "/explanation")}
        />
      )}
      <StatusProgressFields
        statusLabel={s("report.measureStatus")}
        progressLabel={s("report.progress")}
        status={form.measureStatus}
        progress={form.progress}
        onStatus={(measureStatus) => setForm({ ...form, measureStatus })}
        onProgress={(progress) => setForm({ ...form, progress })}
        error={save.error}
      />
      <Fieldset>
        <Fieldset.Legend>{s("report.spendingHeading", { year: data.period.budgetYear })}</Fieldset.Legend>
        <Fieldset.Description>
          {s("report.spendingHint", { asOf: date(data.period.asOf) })}
        </Fieldset.Description>
        {data.fundingSources.length === 0 && (
          <Paragraph>{s("report.noSources", { year: data.period.budgetYear })}</Paragraph>
        )}
        {data.fundingSources.map((f, i) => (
          <MoneyField
            key={f.id}
            label={s("report.spendingLabel", {
              source: f.name,
              planned: formatKroner(f.plannedNok, language),
            })}
            value={form.spending[f.id] ?? ""}
            onChange={(typed) => setForm({ ...form, spending: { ...form.spending, [f.id]: typed } })}
            showProblem={tried}
            error={fieldError(save.error, `/spending/${i}`)}
          />
        ))}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{s("report.milestonesHeading")}</Fieldset.Legend>
        {data.milestones.length === 0 && <Paragraph>{s("report.noMilestones")}</Paragraph>}
        {data.milestones.map((m) => (
          <Checkbox
            key={m.id}
            label={`${m.title} (${date(m.dueDate)})`}
            checked={form.milestonesReached.includes(m.id)}
            onChange={(e) =>
              setForm({
                ...form,
                milestonesReached: e.target.checked
                  ? [...form.milestonesReached, m.id]
                  : form.milestonesReached.filter((id) => id !== m.id),
              })
            }
          />
        ))}
      </Fieldset>
      <Textfield
        label={s("report.achieved")}
        multiline
        rows={3}
        value={form.achieved}
        onChange={(e) => setForm({ ...form, achieved: e.target.value })}
        error={fieldError(save.error, "/achieved")}
      />
      <Textfield
        label={s("report.nextSteps")}
        multiline
        rows={2}
        value={form.nextSteps}
        onChange={(e) => setForm({ ...form, nextSteps: e.target.value })}
      />
      <Textfield
        label={s("report.risks")}
        multiline
        rows={2}
        value={form.risks}
        onChange={(e) => setForm({ ...form, risks: e.target.value })}
      />
      <div className="pv-actions">
        <Button type="submit" loading={save.isPending && !save.variables?.draft}>
          {!r ? s("report.submit") : r.state === "draft" ? s("report.submitDraft") : s("report.resubmit")}
        </Button>
        {data.canSaveDraft && !(save.isSuccess && !savedDraft) && (
          <Button
            type="button"
            variant="secondary"
            onClick={saveDraft}
            loading={save.isPending && save.variables?.draft}
          >
            {s("report.saveDraft")}
          </Button>
        )}
      </div>
    </form>
  );
}

function ReportSummary({ data }: { data: StatusReportResponse }) {
  const { s, language } = useStatusMessages();
  const { t } = useLanguage();
  const r = data.report;
  if (!r) return <Paragraph>{s("report.none")}</Paragraph>;
  const source = (id: string) => data.fundingSources.find((f) => f.id === id)?.name ?? id;
  return (
    <section className="pv-stack" aria-labelledby="summary-heading" data-testid="report-summary">
      <Heading level={2} data-size="sm" id="summary-heading">
        {s("report.summaryHeading")}
      </Heading>
      <dl className="pv-dl">
        <dt>{s("report.trafficLight")}</dt>
        <dd>{s(`light.${r.trafficLight}`)}</dd>
        {r.explanation && (
          <>
            <dt>{s("report.explanation")}</dt>
            <dd>{r.explanation}</dd>
          </>
        )}
        <dt>{s("report.measureStatus")}</dt>
        <dd>
          {t(`status.${r.measureStatus}`)}, {r.progress === null ? "–" : `${r.progress} %`}
        </dd>
        <dt>{s("report.spendingHeading", { year: data.period.budgetYear })}</dt>
        <dd>
          {r.spending.length === 0
            ? "–"
            : r.spending
                .map((x) => `${source(x.fundingSourceId)}: ${formatKroner(x.amountNok, language)}`)
                .join(", ")}
        </dd>
        <dt>{s("report.milestonesHeading")}</dt>
        <dd>
          {data.milestones
            .filter((m) => r.milestonesReached.includes(m.id))
            .map((m) => m.title)
            .join(", ") || "–"}
        </dd>
        <dt>{s("report.achieved")}</dt>
        <dd>{r.achieved}</dd>
        {r.nextSteps && (
          <>
            <dt>{s("report.nextSteps")}</dt>
            <dd>{r.nextSteps}</dd>
          </>
        )}
        {r.risks && (
          <>
            <dt>{s("report.risks")}</dt>
            <dd>{r.risks}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Review({ municipalityNumber, data }: { municipalityNumber: string; data: StatusReportResponse }) {
  const { s } = useStatusMessages();
  const [comment, setComment] = useState("");
  const review = useSend((decision: "approve" | "return") => ({
    method: "POST",
    path: `${statusPaths.report(municipalityNumber, data.period.id, data.measure.reference)}/review`,
    body: { version: data.report?.version, decision, comment },
  }));
  return (
    <section className="pv-form pv-panel" aria-labelledby="review-heading">
      <Heading level={2} data-size="sm" id="review-heading">
        {s("report.reviewHeading")}
      </Heading>
      <ErrorMessage error={review.error} />
      <Textfield
        label={s("report.comment")}
        description={s("report.commentHint")}
        multiline
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={fieldError(review.error, "/comment")}
      />
      <div className="pv-actions">
        <Button
          onClick={() => review.mutate("approve")}
          loading={review.isPending && review.variables === "approve"}
        >
          {s("report.approve")}
        </Button>
        <Button
          variant="secondary"
          onClick={() => review.mutate("return")}
          loading={review.isPending && review.variables === "return"}
        >
          {s("report.return")}
        </Button>
      </div>
    </section>
  );
}

function History({ data }: { data: StatusReportResponse }) {
  const { s, language } = useStatusMessages();
  const approvedOrReturned = data.history.at(-1);
  const time = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nb-NO", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  });
  if (data.history.length === 0) return null;
  return (
    <section className="pv-stack" aria-labelledby="history-heading" data-testid="report-history">
      <Heading level={2} data-size="sm" id="history-heading">
        {s("report.historyHeading")}
      </Heading>
      {approvedOrReturned?.action === "approved" && (
        <Alert data-color="success" role="status">
          {s("report.approved")}
        </Alert>
      )}
      <List.Ordered>
        {data.history.map((h) => (
          <List.Item key={`${h.at}-${h.action}`}>
            {time.format(new Date(h.at))}: {s(`report.history.${h.action}`)} –{" "}
            {h.actorLabel.replace(/ <.*>$/, "")}
            {h.comment && ` – «${h.comment}»`}
          </List.Item>
        ))}
      </List.Ordered>
    </section>
  );
}
