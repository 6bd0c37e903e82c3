import { Textfield } from "@digdir/designsystemet-react";
import { fieldError } from "../../api.ts";
import { useCycleMessages } from "../../i18n/cycle-messages.ts";

export type Decision = { adoptedOn: string; decisionBody: string; caseReference: string };

/**
 * The three fields that record a council decision (date, decision body, case reference), shared by
 * adopting a draft and correcting an adopted version so both ask the same way and mark the same
 * fields on refusal. `hints` adds the help texts shown when the decision is first recorded.
 */
export function DecisionFields<T extends Decision>({
  form,
  setForm,
  error,
  hints = false,
}: {
  form: T;
  setForm: (next: T) => void;
  error: unknown;
  hints?: boolean;
}) {
  const { c } = useCycleMessages();
  return (
    <>
      <Textfield
        label={c("cycle.adoptedOn")}
        type="date"
        value={form.adoptedOn}
        onChange={(e) => setForm({ ...form, adoptedOn: e.target.value })}
        error={fieldError(error, "/adoptedOn")}
        style={{ maxWidth: "14rem" }}
      />
      <Textfield
        label={c("cycle.decisionBody")}
        description={hints ? c("cycle.decisionBodyHint") : undefined}
        value={form.decisionBody}
        onChange={(e) => setForm({ ...form, decisionBody: e.target.value })}
        error={fieldError(error, "/decisionBody")}
      />
      <Textfield
        label={c("cycle.caseReference")}
        description={hints ? c("cycle.caseReferenceHint") : undefined}
        value={form.caseReference}
        onChange={(e) => setForm({ ...form, caseReference: e.target.value })}
        error={fieldError(error, "/caseReference")}
      />
    </>
  );
}
