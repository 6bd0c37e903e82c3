import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { apiPaths, fieldError, useSend } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";

/**
 * A new plan and its first action plan: the first step for a new municipality, and how a further
 * plan (a klima- og energiplan beside the næringsplan) starts. `onCreated` gets the new plan's id.
 */
export function CreatePlanForm({
  municipalityNumber,
  onCreated,
}: {
  municipalityNumber: string;
  onCreated?: (planId: string) => void;
}) {
  const { t } = useLanguage();
  const year = new Date().getFullYear();
  const [form, setForm] = useState({
    title: "",
    basis: "",
    startYear: String(year),
    endYear: String(year + 4),
    firstBudgetYear: String(year + 1),
  });
  const create = useSend<object, { id: string }>((body: object) => ({
    method: "POST",
    path: apiPaths.plans(municipalityNumber),
    body,
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        title: form.title,
        basis: form.basis,
        startYear: Number(form.startYear),
        endYear: Number(form.endYear),
        firstBudgetYear: Number(form.firstBudgetYear),
      },
      { onSuccess: (plan) => onCreated?.(plan.id) },
    );
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <form className="pv-form pv-panel" onSubmit={submit} noValidate>
      <ErrorMessage error={create.error} />
      <Textfield
        label={t("plan.title")}
        value={form.title}
        onChange={set("title")}
        error={fieldError(create.error, "/title")}
      />
      <Textfield
        label={t("plans.basis")}
        description={t("plans.basisHelp")}
        value={form.basis}
        onChange={set("basis")}
        error={fieldError(create.error, "/basis")}
      />
      <div className="pv-grid-2">
        <Textfield
          label={t("plan.startYear")}
          type="number"
          value={form.startYear}
          onChange={set("startYear")}
          error={fieldError(create.error, "/startYear")}
        />
        <Textfield
          label={t("plan.endYear")}
          type="number"
          value={form.endYear}
          onChange={set("endYear")}
          error={fieldError(create.error, "/endYear")}
        />
      </div>
      <Textfield
        label={t("plan.firstBudgetYear")}
        type="number"
        value={form.firstBudgetYear}
        onChange={set("firstBudgetYear")}
        error={fieldError(create.error, "/firstBudgetYear")}
      />
      <div className="pv-actions">
        <Button type="submit" loading={create.isPending}>
          {t("empty.createPlan")}
        </Button>
      </div>
    </form>
  );
}
