import { Alert, Button, Heading, Paragraph, Switch, Table, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type { PlanTreeResponse } from "../../http/routes/plan.ts";
import { apiPaths, fieldError, useSend } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { conflictCurrent } from "./conflict.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

type Plan = NonNullable<PlanTreeResponse["plan"]>;
type Draft = {
  title: string;
  vision: string;
  basis: string;
  published: boolean;
  startYear: number;
  endYear: number;
  adoptedOn: string;
  caseReference: string;
};
const fields: { key: keyof Draft; label: MessageKey }[] = [
  { key: "title", label: "plan.title" },
  { key: "vision", label: "plan.vision" },
  { key: "basis", label: "plans.basis" },
  { key: "published", label: "plan.published" },
  { key: "startYear", label: "plan.startYear" },
  { key: "endYear", label: "plan.endYear" },
  { key: "adoptedOn", label: "plan.adoptedOn" },
  { key: "caseReference", label: "plan.caseReference" },
];

const draftOf = (plan: Plan): Draft => ({
  title: plan.title,
  vision: plan.vision,
  basis: plan.basis,
  published: plan.published,
  startYear: plan.startYear,
  endYear: plan.endYear,
  adoptedOn: plan.adoptedOn ?? "",
  caseReference: plan.caseReference ?? "",
});

/**
 * Edits the plan. The save names the version the form was opened from; when someone else saved in
 * between, the server refuses with 409 and the current state, and this shows what differs.
 */
export function PlanEditor({
  municipalityNumber,
  plan,
  onDone,
}: {
  municipalityNumber: string;
  plan: Plan;
  onDone: () => void;
}) {
  const { t } = useLanguage();
  const [base, setBase] = useState<Plan>(plan);
  const [draft, setDraft] = useState<Draft>(draftOf(plan));
  const save = useSend((body: object) => ({
    method: "PATCH",
    path: apiPaths.plan(municipalityNumber, plan.id),
    body,
  }));
  const conflict = conflictCurrent<Plan>(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        ...draft,
        adoptedOn: draft.adoptedOn || null,
        caseReference: draft.caseReference || null,
        version: base.version,
      },
      { onSuccess: onDone },
    );
  };
  const show = (value: string | number | boolean | null) =>
    typeof value === "boolean"
      ? value
        ? t("plan.publishedYes")
        : t("plan.publishedNo")
      : String(value ?? "–");

  return (
    <form
      className="pv-form pv-form--wide pv-panel"
      onSubmit={submit}
      noValidate
      aria-labelledby="edit-plan-heading"
    >
      <Heading level={2} data-size="sm" id="edit-plan-heading">
        {t("plan.edit")}
      </Heading>
      {conflict ? (
        <Alert data-color="warning" role="alert" data-testid="conflict">
          <Heading level={3} data-size="xs">
            {t("conflict.heading")}
          </Heading>
          <Paragraph>{t("conflict.body")}</Paragraph>
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("conflict.field")}</Table.HeaderCell>
                <Table.HeaderCell>{t("conflict.theirs")}</Table.HeaderCell>
                <Table.HeaderCell>{t("conflict.yours")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {fields
                .filter((f) => conflict[f.key] !== base[f.key])
                .map((f) => (
                  <Table.Row key={f.key}>
                    <Table.Cell>{t(f.label)}</Table.Cell>
                    <Table.Cell>{show(conflict[f.key])}</Table.Cell>
                    <Table.Cell>{show(draft[f.key])}</Table.Cell>
                  </Table.Row>
                ))}
            </Table.Body>
          </Table>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => {
              setBase(conflict);
              setDraft(draftOf(conflict));
              save.reset();
            }}
          >
            {t("conflict.retry")}
          </Button>
        </Alert>
      ) : (
        <ErrorMessage error={save.error} />
      )}
      <Textfield
        label={t("plan.title")}
        value={draft.title}
        onChange={(e) => setDraft({ ...draft, title: e.target.value })}
      />
      <Textfield
        label={t("plan.vision")}
        multiline
        rows={5}
        value={draft.vision}
        onChange={(e) => setDraft({ ...draft, vision: e.target.value })}
      />
      <Textfield
        label={t("plans.basis")}
        description={t("plans.basisHelp")}
        value={draft.basis}
        onChange={(e) => setDraft({ ...draft, basis: e.target.value })}
      />
      <div className="pv-grid-2">
        <Textfield
          label={t("plan.startYear")}
          type="number"
          value={String(draft.startYear)}
          onChange={(e) => setDraft({ ...draft, startYear: Number(e.target.value) })}
          error={fieldError(save.error, "/startYear")}
        />
        <Textfield
          label={t("plan.endYear")}
          type="number"
          value={String(draft.endYear)}
          onChange={(e) => setDraft({ ...draft, endYear: Number(e.target.value) })}
          error={fieldError(save.error, "/endYear")}
        />
        <Textfield
          label={t("plan.adoptedOn")}
          type="date"
          value={draft.adoptedOn}
          onChange={(e) => setDraft({ ...draft, adoptedOn: e.target.value })}
          error={fieldError(save.error, "/adoptedOn")}
        />
        <Textfield
          label={t("plan.caseReference")}
          value={draft.caseReference}
          onChange={(e) => setDraft({ ...draft, caseReference: e.target.value })}
        />
      </div>
      <Switch
        label={t("plan.published")}
        checked={draft.published}
        onChange={(e) => setDraft({ ...draft, published: e.target.checked })}
      />
      <div className="pv-actions">
        <Button type="submit" loading={save.isPending}>
          {t("common.save")}
        </Button>
        <Button type="button" variant="tertiary" onClick={onDone}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
