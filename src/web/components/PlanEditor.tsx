import { Alert, Button, Heading, Paragraph, Switch, Table, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type { PlanTreeResponse } from "../../http/routes/plan.ts";
import { ApiError, apiPaths, useSend } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

type Plan = NonNullable<PlanTreeResponse["plan"]>;
type Draft = { title: string; vision: string; published: boolean };
const fields: { key: keyof Draft; label: MessageKey }[] = [
  { key: "title", label: "plan.title" },
  { key: "vision", label: "plan.vision" },
  { key: "published", label: "plan.published" },
];

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
  const [draft, setDraft] = useState<Draft>({
    title: plan.title,
    vision: plan.vision,
    published: plan.published,
  });
  const save = useSend((body: Draft & { version: number }) => ({
    method: "PATCH",
    path: apiPaths.plan(municipalityNumber, plan.id),
    body,
  }));
  const conflict =
    save.error instanceof ApiError && save.error.status === 409
      ? ((save.error.body?.error.details as { current?: Plan } | undefined)?.current ?? null)
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ ...draft, version: base.version }, { onSuccess: onDone });
  };
  const show = (value: string | boolean) =>
    typeof value === "boolean" ? (value ? t("plan.publishedYes") : t("plan.publishedNo")) : value;

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
              setDraft({ title: conflict.title, vision: conflict.vision, published: conflict.published });
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
