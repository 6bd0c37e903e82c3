import { Button, Checkbox, Field, Fieldset, Label, Select, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type { EvaluationOptionsResponse } from "../../http/routes/evaluations.ts";
import { fieldError } from "../api.ts";
import { useEvaluationMessages } from "../i18n/evaluation-messages.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

export type RoundSetupDraft = {
  cycleId: string;
  title: string;
  deadline: string;
  measures: string[];
  criteria: { key: string | null; title: string }[];
  panelistUserIds: string[];
};

/**
 * The setup of an evaluation round: rolling, title, deadline, measures, criteria (add and remove),
 * panel. The server validates; its message is shown above the form.
 */
export function EvaluationSetupForm({
  options,
  initial,
  cycleFixed,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  options: EvaluationOptionsResponse;
  initial: RoundSetupDraft;
  cycleFixed: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: RoundSetupDraft) => void;
  onCancel: () => void;
}) {
  const { e } = useEvaluationMessages();
  const [draft, setDraft] = useState<RoundSetupDraft>(initial);
  const [newCriterion, setNewCriterion] = useState("");
  const cycle = options.cycles.find((c) => c.id === draft.cycleId);
  const set = <K extends keyof RoundSetupDraft>(key: K, value: RoundSetupDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const toggle = (key: "measures" | "panelistUserIds", value: string, on: boolean) =>
    setDraft((d) => ({ ...d, [key]: on ? [...d[key], value] : d[key].filter((v) => v !== value) }));
  const addCriterion = () => {
    const title = newCriterion.trim();
    if (!title) return;
    set("criteria", [...draft.criteria, { key: null, title }]);
    setNewCriterion("");
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  return (
    <form className="pv-form pv-form--wide" onSubmit={submit} noValidate data-testid="evaluation-setup">
      <ErrorMessage error={error} />
      <Textfield
        label={e("ev.form.title")}
        description={e("ev.form.titleHint")}
        value={draft.title}
        onChange={(ev) => set("title", ev.target.value)}
        error={fieldError(error, "/title")}
      />
      {!cycleFixed && (
        <Field>
          <Label>{e("ev.form.cycle")}</Label>
          <Select
            value={draft.cycleId}
            onChange={(ev) => setDraft((d) => ({ ...d, cycleId: ev.target.value, measures: [] }))}
          >
            {options.cycles.map((c) => (
              <Select.Option key={c.id} value={c.id}>
                {e("ev.form.cycleOption", { year: c.budgetYear, plan: c.planTitle })}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      <Textfield
        label={e("ev.form.deadline")}
        type="date"
        value={draft.deadline}
        onChange={(ev) => set("deadline", ev.target.value)}
        error={fieldError(error, "/deadline")}
      />
      <Fieldset>
        <Fieldset.Legend>{e("ev.form.measures")}</Fieldset.Legend>
        {cycle && cycle.measures.length > 0 ? (
          <>
            <Checkbox
              label={e("ev.form.allMeasures")}
              checked={cycle.measures.every((m) => draft.measures.includes(m.reference))}
              onChange={(ev) =>
                set("measures", ev.target.checked ? cycle.measures.map((m) => m.reference) : [])
              }
            />
            {cycle.measures.map((m) => (
              <Checkbox
                key={m.reference}
                label={`${m.reference} ${m.title}`}
                checked={draft.measures.includes(m.reference)}
                onChange={(ev) => toggle("measures", m.reference, ev.target.checked)}
              />
            ))}
          </>
        ) : (
          <Fieldset.Description>{e("ev.form.noMeasures")}</Fieldset.Description>
        )}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{e("ev.form.criteria")}</Fieldset.Legend>
        <Fieldset.Description>{e("ev.form.criteriaHint")}</Fieldset.Description>
        <ol className="pv-criteria">
          {draft.criteria.map((c, i) => (
            <li key={c.key ?? `new-${i}`} className="pv-criteria__item">
              <Textfield
                label={e("ev.form.criterion", { n: i + 1 })}
                value={c.title}
                data-size="sm"
                onChange={(ev) =>
                  set(
                    "criteria",
                    draft.criteria.map((x, j) => (j === i ? { ...x, title: ev.target.value } : x)),
                  )
                }
              />
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() =>
                  set(
                    "criteria",
                    draft.criteria.filter((_, j) => j !== i),
                  )
                }
              >
                {e("ev.form.removeCriterion", { title: c.title })}
              </Button>
            </li>
          ))}
        </ol>
        <div className="pv-inline-add">
          <Textfield
            label={e("ev.form.newCriterion")}
            value={newCriterion}
            data-size="sm"
            onChange={(ev) => setNewCriterion(ev.target.value)}
            onKeyDown={(ev) => {
              if (ev.key === "Enter") {
                ev.preventDefault();
                addCriterion();
              }
            }}
          />
          <Button type="button" variant="secondary" data-size="sm" onClick={addCriterion}>
            {e("ev.form.addCriterion")}
          </Button>
        </div>
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{e("ev.form.panel")}</Fieldset.Legend>
        <Fieldset.Description>{e("ev.form.panelHint")}</Fieldset.Description>
        {options.people.map((p) => (
          <Checkbox
            key={p.userId}
            label={`${p.name} – ${e(`ev.sector.${p.sector}`)}${p.organisation ? ` (${p.organisation})` : ""}`}
            checked={draft.panelistUserIds.includes(p.userId)}
            onChange={(ev) => toggle("panelistUserIds", p.userId, ev.target.checked)}
          />
        ))}
      </Fieldset>
      <div className="pv-actions">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {e("ev.form.cancel")}
        </Button>
      </div>
    </form>
  );
}
