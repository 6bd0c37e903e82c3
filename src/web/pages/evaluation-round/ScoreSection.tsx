import { Button, Card, Fieldset, Heading, Paragraph, Radio, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import { recommendations } from "../../../domain/evaluation.ts";
import { useSend } from "../../api.ts";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { evaluationPaths } from "../../evaluation-api.ts";
import { useEvaluationMessages } from "../../i18n/evaluation-messages.ts";
import type { Answer, Measure, Round } from "./types.ts";

/** A panelist's own scoring, one form per measure. */
export function ScoreSection({ round, number }: { round: Round; number: string }) {
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
        {/* The owner is a person, the responsible unit a part of the organisation: named apart. */}
        {measure.ownerName
          ? e("ev.measureMeta", {
              focusArea: measure.focusAreaTitle,
              period: `${measure.startYear}–${measure.endYear}`,
              responsible: measure.ownerName,
            })
          : e("ev.measureMetaUnit", {
              focusArea: measure.focusAreaTitle,
              period: `${measure.startYear}–${measure.endYear}`,
              unit: measure.responsibleUnit || "–",
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
