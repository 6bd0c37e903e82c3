import { Button, Field, Heading, Label, Select, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { fieldError, useSend } from "../../api.ts";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { focusFirstInvalid, kronerOf, MoneyField, typedKroner } from "../../components/MoneyField.tsx";
import { useBudgetMessages } from "../../i18n/budget-messages.ts";
import { useLanguage } from "../../i18n/language.tsx";
import { budgetPaths, type FrameRow, type StoredFrame } from "./shared.ts";

/** The form for one frame (year × frame area): amount, adopted or proposed, and the decision. */
export function FrameForm({
  municipalityNumber,
  cycleId,
  row,
  stored,
  onClose,
  onSaved,
}: {
  municipalityNumber: string;
  cycleId: string;
  row: FrameRow;
  stored: StoredFrame | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { b } = useBudgetMessages();
  const { t } = useLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const [form, setForm] = useState({
    amount: typedKroner(row.frameNok),
    status: row.frameStatus ?? "adopted",
    decisionDate: stored?.decisionDate ?? "",
    caseReference: stored?.caseReference ?? "",
  });
  const save = useSend<typeof form>((f) => ({
    method: "PUT",
    path: budgetPaths.frames(municipalityNumber, cycleId),
    body: {
      frameAreaId: row.frameAreaId,
      year: row.year,
      amountNok: kronerOf(f.amount) ?? 0,
      status: f.status,
      decisionDate: f.status === "adopted" ? f.decisionDate || null : null,
      caseReference: f.status === "adopted" ? f.caseReference || null : null,
      version: row.frameVersion ?? 0,
    },
  }));
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kronerOf(form.amount) === undefined) {
      setTried(true);
      focusFirstInvalid(formRef.current);
      return;
    }
    save.mutate(form, { onSuccess: onSaved });
  };
  const validationShown = save.error?.status === 400;
  return (
    <form
      className="pv-form pv-panel"
      onSubmit={submit}
      noValidate
      aria-labelledby="frame-form-heading"
      ref={formRef}
    >
      <Heading level={3} data-size="xs" id="frame-form-heading" ref={headingRef} tabIndex={-1}>
        {b("frames.editHeading", { year: row.year, area: row.frameAreaName })}
      </Heading>
      {!validationShown && <ErrorMessage error={save.error} heading={b("frames.refused")} />}
      <MoneyField
        label={b("frames.amount")}
        description={b("frames.amountHint")}
        value={form.amount}
        onChange={(amount) => setForm({ ...form, amount })}
        showProblem={tried}
        error={fieldError(save.error, "/amountNok")}
        style={{ maxWidth: "20rem" }}
      />
      <Field style={{ maxWidth: "16rem" }}>
        <Label>{b("frames.status")}</Label>
        <Select
          value={form.status}
          onChange={(e) => setForm({ ...form, status: e.target.value as "adopted" | "proposed" })}
        >
          <Select.Option value="adopted">{b("frames.adopted")}</Select.Option>
          <Select.Option value="proposed">{b("frames.proposed")}</Select.Option>
        </Select>
      </Field>
      {form.status === "adopted" && (
        <>
          <Textfield
            label={b("frames.decisionDate")}
            type="date"
            value={form.decisionDate}
            onChange={(e) => setForm({ ...form, decisionDate: e.target.value })}
            error={fieldError(save.error, "/decisionDate")}
            style={{ maxWidth: "14rem" }}
          />
          <Textfield
            label={b("frames.caseReference")}
            description={b("frames.caseReferenceHint")}
            value={form.caseReference}
            onChange={(e) => setForm({ ...form, caseReference: e.target.value })}
            error={fieldError(save.error, "/caseReference")}
          />
        </>
      )}
      {validationShown &&
        !fieldError(save.error, "/amountNok") &&
        !fieldError(save.error, "/caseReference") && (
          <ErrorMessage error={save.error} heading={b("frames.refused")} />
        )}
      <div className="pv-actions">
        <Button type="submit" loading={save.isPending}>
          {b("frames.save")}
        </Button>
        <Button type="button" variant="tertiary" onClick={onClose}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
