import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { apiPaths, fieldError, useSend } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";

/** The first step for a new municipality: the strategic plan and its first action plan. */
export function CreatePlanForm({ municipalityNumber }: { municipalityNumber: string }) {
  const { t } = useLanguage();
  const year = new Date().getFullYear();
  const [form, setForm] = useState({
    title: "",
    startYear: String(year),
    endYear: String(year + 4),
    firstBudgetYear: String(year + 1),
  });
  const create = useSend((body: object) => ({
    method: "POST",
    path: apiPaths.plans(municipalityNumber),
    body,
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      title: form.title,
      startYear: Number(form.startYear),
      endYear: Number(form.endYear),
      firstBudgetYear: Number(form.firstBudgetYear),
    });
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
