import {
  Alert,
  Button,
  Card,
  Details,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { useParams } from "react-router";
import type { Sector } from "../../domain/evaluation.ts";
import { recommendations } from "../../domain/evaluation.ts";
import type { EvaluationRoundResponse } from "../../http/routes/evaluations.ts";
import { useCurrentMunicipality, useSend } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { EvaluationSetupForm, type RoundSetupDraft } from "../components/EvaluationSetupForm.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { evaluationPaths, useEvaluationOptions, useEvaluationRound } from "../evaluation-api.ts";
import { useEvaluationMessages } from "../i18n/evaluation-messages.ts";
import { formatDay, RoundStatusTag } from "./EvaluationsPage.tsx";

type Round = EvaluationRoundResponse;
type Measure = Round["measures"][number];
type Answer = Round["myAnswers"][number];

export function EvaluationRoundPage() {
  const { roundId = "" } = useParams();
  const { e, language } = useEvaluationMessages();
  const municipality = useCurrentMunicipality();
  const number = municipality.data?.number ?? "";
  const round = useEvaluationRound(municipality.data?.role ? number : undefined, roundId);
  if (!round.data) {
    return (
      <>
        <AppLink to="/evalueringer">{e("ev.back")}</AppLink>
        {round.isError ? <ErrorMessage error={round.error} /> : <QueryState isError={false} />}
      </>
    );
  }
  const r = round.data;
  const mayUpdate = r.allowedActions.includes("update");
  const ownSelfAssessments = r.selfAssessments.filter((s) => s.mayEdit || !r.results);
  return (
    <>
      <AppLink to="/evalueringer">{e("ev.back")}</AppLink>
      <Heading level={1} data-size="lg">
        {r.title}
      </Heading>
      <Paragraph>
        {e("ev.meta", { year: r.cycle.budgetYear, deadline: formatDay(r.deadline, language) })}{" "}
        <RoundStatusTag status={r.status} publishedAt={r.publishedAt} />
      </Paragraph>
      {!r.acceptsAnswers && (
        <Alert data-color="warning">
          {r.status === "closed" ? e("ev.closedNote") : e("ev.deadlinePassed")}
        </Alert>
      )}
      {mayUpdate && <PlannerControls round={r} number={number} />}
      {r.isPanelist && <ScoreSection round={r} number={number} />}
      {ownSelfAssessments.length > 0 && !r.results && (
        <section className="pv-ev-section" aria-labelledby="self-assessments">
          <Heading level={2} data-size="md" id="self-assessments">
            {e("ev.yourSelfAssessments")}
          </Heading>
          {ownSelfAssessments.map((s) => {
            const measure = r.measures.find((m) => m.reference === s.reference);
            return (
              <SelfAssessment
                key={s.reference}
                round={r}
                number={number}
                entry={s}
                label={`${s.reference} ${measure?.title ?? ""}`}
              />
            );
          })}
        </section>
      )}
      {r.panel && <PanelProgress round={r} />}
      {r.results && <Results round={r} number={number} />}
    </>
  );
}

function PlannerControls({ round, number }: { round: Round; number: string }) {
  const { e, language } = useEvaluationMessages();
  const [editing, setEditing] = useState(false);
  const options = useEvaluationOptions(number, editing);
  const change = useSend<"close" | "reopen" | "publish" | "unpublish">((c) => ({
    method: "POST",
    path: evaluationPaths.state(number, round.id),
    body: { version: round.version, change: c },
  }));
  const update = useSend<RoundSetupDraft>((draft) => ({
    method: "PUT",
    path: evaluationPaths.round(number, round.id),
    body: {
      version: round.version,
      title: draft.title,
      deadline: draft.deadline,
      measures: draft.measures,
      criteria: draft.criteria,
      panelistUserIds: draft.panelistUserIds,
    },
  }));
  return (
    <section aria-label={e("ev.setupHeading")}>
      {round.publishedAt && (
        <Paragraph>
          {e("ev.publishedNote", { date: formatDay(round.publishedAt.slice(0, 10), language) })}
        </Paragraph>
      )}
      <div className="pv-actions">
        {round.status === "open" ? (
          <>
            <Button variant="secondary" onClick={() => setEditing(!editing)}>
              {e("ev.edit")}
            </Button>
            <Button loading={change.isPending} onClick={() => change.mutate("close")}>
              {e("ev.close")}
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" loading={change.isPending} onClick={() => change.mutate("reopen")}>
              {e("ev.reopen")}
            </Button>
            {round.publishedAt ? (
              <Button
                variant="secondary"
                loading={change.isPending}
                onClick={() => change.mutate("unpublish")}
              >
                {e("ev.unpublish")}
              </Button>
            ) : (
              <Button loading={change.isPending} onClick={() => change.mutate("publish")}>
                {e("ev.publish")}
              </Button>
            )}
          </>
        )}
      </div>
      <ErrorMessage error={change.error} />
      {editing &&
        (options.data ? (
          <EvaluationSetupForm
            options={options.data}
            cycleFixed
            initial={{
              cycleId: round.cycle.id,
              title: round.title,
              deadline: round.deadline,
              measures: round.measures.map((m) => m.reference),
              criteria: round.criteria.map((c) => ({ key: c.key, title: c.title })),
              panelistUserIds: round.panel?.map((p) => p.userId) ?? [],
            }}
            submitLabel={e("ev.form.save")}
            pending={update.isPending}
            error={update.error}
            onSubmit={(draft) => update.mutate(draft, { onSuccess: () => setEditing(false) })}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <QueryState isError={options.isError} />
        ))}
    </section>
  );
}

function ScoreSection({ round, number }: { round: Round; number: string }) {
  const { e } = useEvaluationMessages();
  return (
    <section className="pv-ev-section" aria-labelledby="score-heading">
      <Heading level={2} data-size="md" id="score-heading">
        {e("ev.scoreHeading")}
      </Heading>
      <Paragraph>{e("ev.scoreIntro")}</Paragraph>
      {round.measures.map((m) => (
        <ScoreForm
          key={m.reference}
          round={round}
          number={number}
          measure={m}
          answer={round.myAnswers.find((a) => a.reference === m.reference)}
        />
      ))}
    </section>
  );
}

/** One measure's score form: a radio group per criterion (arrow keys move within it), comment, recommendation. */
function ScoreForm({
  round,
  number,
  measure,
  answer,
}: {
  round: Round;
  number: string;
  measure: Measure;
  answer: Answer | undefined;
}) {
  const { e, language } = useEvaluationMessages();
  const [scores, setScores] = useState<Record<string, number | null>>(answer?.scores ?? {});
  const [comment, setComment] = useState(answer?.comment ?? "");
  const [recommendation, setRecommendation] = useState<Answer["recommendation"]>(
    answer?.recommendation ?? null,
  );
  const [version, setVersion] = useState<number | null>(answer?.version ?? null);
  const [savedAt, setSavedAt] = useState<string | null>(answer?.updatedAt ?? null);
  const save = useSend<void, Answer>(() => ({
    method: "PUT",
    path: evaluationPaths.answer(number, round.id, measure.reference),
    body: { version, scores, comment, recommendation },
  }));
  const disabled = !round.acceptsAnswers;
  const done = round.criteria.every((c) => c.key in scores);
  const id = `m-${measure.reference}`;
  return (
    <Card className="pv-score-card" data-testid={`score-${measure.reference}`}>
      <Heading level={3} data-size="sm" id={`${id}-heading`}>
        {measure.reference} {measure.title}
      </Heading>
      <Paragraph data-size="sm" className="pv-muted">
        {e("ev.measureMeta", {
          focusArea: measure.focusAreaTitle,
          period: `${measure.startYear}–${measure.endYear}`,
          responsible: measure.ownerName ?? (measure.responsibleUnit || "–"),
        })}{" "}
        · {done ? e("ev.measureDone") : e("ev.measureTodo")}
      </Paragraph>
      {/* Descriptions are sanitised on the server (src/domain/rich-text.ts) before they are stored. */}
      {measure.description && (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised allowlist HTML
        <div className="pv-richtext" dangerouslySetInnerHTML={{ __html: measure.description }} />
      )}
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          save.mutate(undefined, {
            onSuccess: (saved) => {
              setVersion(saved.version);
              setSavedAt(saved.updatedAt);
            },
          });
        }}
      >
        {round.criteria.map((c) => {
          const value = scores[c.key];
          const name = `${id}-${c.key}`;
          return (
            <Fieldset key={c.key} className="pv-score" disabled={disabled}>
              <Fieldset.Legend>{c.title}</Fieldset.Legend>
              <div className="pv-radio-row">
                {[1, 2, 3, 4, 5].map((n) => (
                  <Radio
                    key={n}
                    name={name}
                    label={String(n)}
                    value={String(n)}
                    checked={value === n}
                    onChange={() => setScores({ ...scores, [c.key]: n })}
                  />
                ))}
                <Radio
                  name={name}
                  label={e("ev.cannotAssess")}
                  value="null"
                  checked={c.key in scores && value === null}
                  onChange={() => setScores({ ...scores, [c.key]: null })}
                />
              </div>
            </Fieldset>
          );
        })}
        <Fieldset className="pv-score" disabled={disabled}>
          <Fieldset.Legend>{e("ev.recommendation")}</Fieldset.Legend>
          <div className="pv-radio-row">
            {recommendations.map((rec) => (
              <Radio
                key={rec}
                name={`${id}-recommendation`}
                label={e(`ev.rec.${rec}`)}
                value={rec}
                checked={recommendation === rec}
                onChange={() => setRecommendation(rec)}
              />
            ))}
          </div>
        </Fieldset>
        <Textfield
          label={e("ev.comment")}
          multiline
          rows={3}
          value={comment}
          disabled={disabled}
          onChange={(ev) => setComment(ev.target.value)}
        />
        <ErrorMessage error={save.error} />
        <div className="pv-actions">
          {!disabled && (
            <Button type="submit" loading={save.isPending}>
              {e("ev.save", { reference: measure.reference })}
            </Button>
          )}
          <Paragraph data-size="sm" role="status" data-testid={`saved-${measure.reference}`}>
            {savedAt
              ? e("ev.saved", {
                  time: new Date(savedAt).toLocaleString(language === "en" ? "en-GB" : "nb-NO", {
                    dateStyle: "short",
                    timeStyle: "short",
                  }),
                })
              : e("ev.unsaved")}
          </Paragraph>
        </div>
      </form>
    </Card>
  );
}

function SelfAssessment({
  round,
  number,
  entry,
  label,
}: {
  round: Round;
  number: string;
  entry: Round["selfAssessments"][number];
  label: string;
}) {
  const { e } = useEvaluationMessages();
  const [text, setText] = useState(entry.text);
  const [version, setVersion] = useState<number | null>(entry.version || null);
  const save = useSend<void, { version: number }>(() => ({
    method: "PUT",
    path: evaluationPaths.selfAssessment(number, round.id, entry.reference),
    body: { version, text },
  }));
  if (!entry.mayEdit)
    return (
      <div>
        <Heading level={4} data-size="2xs">
          {e("ev.selfAssessment")}
        </Heading>
        <Paragraph className="pv-prewrap">{entry.text || e("ev.selfAssessmentNone")}</Paragraph>
      </div>
    );
  return (
    <form
      className="pv-form pv-form--wide"
      onSubmit={(ev) => {
        ev.preventDefault();
        save.mutate(undefined, { onSuccess: (saved) => setVersion(saved.version) });
      }}
    >
      <Textfield
        label={`${e("ev.selfAssessment")}: ${label}`}
        multiline
        rows={4}
        value={text}
        onChange={(ev) => setText(ev.target.value)}
      />
      <ErrorMessage error={save.error} />
      <div className="pv-actions">
        <Button type="submit" variant="secondary" loading={save.isPending}>
          {e("ev.selfAssessmentSave")}
        </Button>
        {save.isSuccess && (
          <Paragraph data-size="sm" role="status">
            {e("ev.selfAssessmentSaved")}
          </Paragraph>
        )}
      </div>
    </form>
  );
}

function PanelProgress({ round }: { round: Round }) {
  const { e } = useEvaluationMessages();
  if (!round.panel) return null;
  return (
    <section className="pv-ev-section" aria-labelledby="panel-heading">
      <Heading level={2} data-size="md" id="panel-heading">
        {e("ev.progressHeading")}
      </Heading>
      <ul data-testid="panel-progress">
        {round.panel.map((p) => (
          <li key={p.userId}>
            {p.name} – {e(`ev.sector.${p.sector}`)}
            {p.organisation ? ` (${p.organisation})` : ""}:{" "}
            {e("ev.panelist.completed", { done: p.completed, count: round.measures.length })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Results({ round, number }: { round: Round; number: string }) {
  const { e, score } = useEvaluationMessages();
  if (!round.results) return null;
  return (
    <section className="pv-ev-section" aria-labelledby="results-heading">
      <Heading level={2} data-size="md" id="results-heading">
        {e("ev.resultsHeading")}
      </Heading>
      <Paragraph data-size="sm">{e("ev.resultsRule")}</Paragraph>
      {round.results.map((m) => {
        const result = m.result;
        const sectorsPresent = result.sectors.map((s) => s.sector as Sector);
        const self = round.selfAssessments.find((s) => s.reference === m.reference);
        return (
          <Card key={m.reference} className="pv-score-card" data-testid={`result-${m.reference}`}>
            <Card.Block>
              <Heading level={3} data-size="sm">
                {m.reference} {m.title}
              </Heading>
              <Paragraph>
                <strong>
                  {result.overallMean === null
                    ? e("ev.overallNone")
                    : e("ev.overall", { mean: score(result.overallMean) })}
                </strong>{" "}
                · {e("ev.answers", { count: result.answers })}
              </Paragraph>
              <div className="pv-table-scroll">
                <Table data-size="sm">
                  <caption className="pv-visually-hidden">{`${m.reference} ${m.title}`}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{e("ev.col.criterion")}</Table.HeaderCell>
                      <Table.HeaderCell>{e("ev.col.mean")}</Table.HeaderCell>
                      <Table.HeaderCell>{e("ev.col.spread")}</Table.HeaderCell>
                      <Table.HeaderCell>{e("ev.col.count")}</Table.HeaderCell>
                      <Table.HeaderCell>{e("ev.col.cannotAssess")}</Table.HeaderCell>
                      {sectorsPresent.map((s) => (
                        <Table.HeaderCell key={s}>{e(`ev.sector.${s}`)}</Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {result.criteria.map((c) => (
                      <Table.Row key={c.key}>
                        <Table.HeaderCell scope="row">{c.title}</Table.HeaderCell>
                        <Table.Cell>{score(c.mean)}</Table.Cell>
                        <Table.Cell>
                          {c.standardDeviation === null
                            ? "–"
                            : `${score(c.standardDeviation)}; ${c.min}–${c.max}`}
                        </Table.Cell>
                        <Table.Cell>{c.count}</Table.Cell>
                        <Table.Cell>{c.cannotAssess}</Table.Cell>
                        {sectorsPresent.map((s) => {
                          const stats = c.bySector[s];
                          return (
                            <Table.Cell key={s} data-testid={`split-${m.reference}-${c.key}-${s}`}>
                              {stats
                                ? e("ev.splitCell", { mean: score(stats.mean), count: stats.count })
                                : "–"}
                            </Table.Cell>
                          );
                        })}
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              <Paragraph data-size="sm">
                {e("ev.recommendationsHeading")}:{" "}
                {recommendations
                  .map((rec) => `${e(`ev.rec.${rec}`)} ${result.recommendations[rec]}`)
                  .join(" · ")}
              </Paragraph>
              {self && <SelfAssessment round={round} number={number} entry={self} label={m.reference} />}
            </Card.Block>
            {m.individual.length > 0 && (
              <Details>
                <Details.Summary>{e("ev.individualHeading")}</Details.Summary>
                <Details.Content>
                  <ul>
                    {m.individual.map((a) => (
                      <li key={a.name}>
                        <strong>{a.name}</strong> ({e(`ev.sector.${a.sector}`)}
                        {a.organisation ? `, ${a.organisation}` : ""}):{" "}
                        {round.criteria
                          .map((c) => {
                            const v = a.scores[c.key];
                            return `${c.title} ${v === undefined ? "–" : v === null ? e("ev.cannotAssess").toLowerCase() : v}`;
                          })
                          .join(", ")}
                        . {a.recommendation ? `${e(`ev.rec.${a.recommendation}`)}.` : ""}
                        {a.comment && <span className="pv-prewrap"> «{a.comment}»</span>}
                      </li>
                    ))}
                  </ul>
                </Details.Content>
              </Details>
            )}
          </Card>
        );
      })}
    </section>
  );
}
