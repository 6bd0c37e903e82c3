import { Button, Details, Field, Label, Select, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { type CyclePhase, cyclePhases } from "../../domain/cycle.ts";
import type { CycleResponse } from "../../http/routes/cycles.ts";
import { fieldError, useSend } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";

/** Planners move a phase's planned dates; the årshjul redraws from the saved cycle. */
export function PhaseDatesEditor({
  municipalityNumber,
  cycle,
}: {
  municipalityNumber: string;
  cycle: CycleResponse;
}) {
  const { t } = useLanguage();
  const [phase, setPhase] = useState<CyclePhase>(cycle.phase);
  const current = cycle.phaseDates[phase] ?? { start: "", end: "" };
  const [dates, setDates] = useState<Record<string, { start: string; end: string }>>({});
  const value = dates[phase] ?? current;
  const save = useSend((body: object) => ({
    method: "PATCH",
    path: `/api/municipalities/${municipalityNumber}/cycles/${cycle.id}/phase-dates`,
    body,
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ version: cycle.version, phase, ...value });
  };
  return (
    <Details>
      <Details.Summary>{t("cycle.editDates")}</Details.Summary>
      <Details.Content>
        <form className="pv-row-edit" onSubmit={submit} noValidate>
          <ErrorMessage error={save.error} />
          <Field>
            <Label>{t("plan.phase")}</Label>
            <Select value={phase} onChange={(e) => setPhase(e.target.value as CyclePhase)}>
              {cyclePhases.map((p) => (
                <Select.Option key={p} value={p}>
                  {t(`phase.${p}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield
            label={t("cycle.start")}
            type="date"
            value={value.start}
            onChange={(e) => setDates({ ...dates, [phase]: { ...value, start: e.target.value } })}
          />
          <Textfield
            label={t("cycle.end")}
            type="date"
            value={value.end}
            error={fieldError(save.error, "/end")}
            onChange={(e) => setDates({ ...dates, [phase]: { ...value, end: e.target.value } })}
          />
          <Button type="submit" variant="secondary" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </form>
      </Details.Content>
    </Details>
  );
}
