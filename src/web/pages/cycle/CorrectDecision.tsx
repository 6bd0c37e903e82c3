import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useRef, useState } from "react";
import type { CycleResponse } from "../../../http/routes/cycles.ts";
import { fieldError, useSend } from "../../api.ts";
import { versionName } from "../../components/cycle-texts.ts";
import { cyclePaths } from "../../cycle-api.ts";
import { useCycleMessages } from "../../i18n/cycle-messages.ts";
import { DecisionFields } from "./DecisionFields.tsx";
import { Refusal } from "./Refusal.tsx";

type Version = CycleResponse["actionPlans"][number];

/**
 * «Rett vedtaket»: corrects the recorded decision of an adopted version (date, body, case number)
 * with a reason; the plan's content stays as adopted, and the audit trail keeps before and after.
 */
export function CorrectDecision({
  municipalityNumber,
  cycle,
  version,
}: {
  municipalityNumber: string;
  cycle: CycleResponse;
  version: Version;
}) {
  const { c } = useCycleMessages();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const initial = {
    adoptedOn: version.adoptedOn ?? "",
    decisionBody: version.decisionBody ?? "",
    caseReference: version.caseReference ?? "",
    reason: "",
  };
  const [form, setForm] = useState(initial);
  const correct = useSend<typeof form>((body) => ({
    method: "PATCH",
    path: cyclePaths.decision(municipalityNumber, cycle.id, version.revision),
    body: {
      reason: body.reason,
      ...(body.adoptedOn !== initial.adoptedOn ? { adoptedOn: body.adoptedOn } : {}),
      ...(body.decisionBody !== initial.decisionBody ? { decisionBody: body.decisionBody } : {}),
      ...(body.caseReference !== initial.caseReference ? { caseReference: body.caseReference } : {}),
    },
  }));
  const name = versionName(c, cycle.budgetYear, version.revision);
  const headingId = `correct-${version.id}-heading`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    correct.mutate(form, {
      onSuccess: () => {
        setOpen(false);
        setDone(true);
      },
    });
  };
  return (
    <>
      <Button
        variant="tertiary"
        data-size="sm"
        onClick={() => {
          correct.reset();
          setDone(false);
          setForm(initial);
          setOpen(true);
          requestAnimationFrame(() => headingRef.current?.focus());
        }}
      >
        {c("correct.open")}
        <span className="pv-visually-hidden"> ({name})</span>
      </Button>
      {done && (
        <Alert data-color="success" data-size="sm" role="status">
          {c("correct.done")}
        </Alert>
      )}
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={c("confirm.close")}
        aria-labelledby={headingId}
        data-testid="correct-dialog"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id={headingId} ref={headingRef} tabIndex={-1}>
            {c("correct.heading", { version: name })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <form className="pv-form" onSubmit={submit} noValidate>
            <Paragraph data-size="sm">{c("correct.intro")}</Paragraph>
            <Refusal error={correct.error} heading={c("correct.refused")} />
            <DecisionFields form={form} setForm={setForm} error={correct.error} />
            <Textfield
              label={c("confirm.reason")}
              description={c("confirm.reasonHint")}
              multiline
              rows={2}
              value={form.reason}
              onChange={(e) => setForm({ ...form, reason: e.target.value })}
              error={fieldError(correct.error, "/reason")}
            />
            <div className="pv-actions">
              <Button type="submit" loading={correct.isPending}>
                {c("correct.save")}
              </Button>
              <Button variant="tertiary" type="button" onClick={() => setOpen(false)}>
                {c("confirm.cancel")}
              </Button>
            </div>
          </form>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
