import { Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { fieldError, type useSend } from "../../api.ts";
import { useCycleMessages } from "../../i18n/cycle-messages.ts";
import { type Decision, DecisionFields } from "./DecisionFields.tsx";
import { Refusal } from "./Refusal.tsx";

export type AdoptBody = Decision;

/** The decision that adopts the draft action plan: date, decision body and case reference. */
export function AdoptForm({
  adopt,
  onSubmit,
}: {
  adopt: ReturnType<typeof useSend<AdoptBody>>;
  onSubmit: (body: AdoptBody) => void;
}) {
  const { c } = useCycleMessages();
  const [form, setForm] = useState<AdoptBody>({ adoptedOn: "", decisionBody: "", caseReference: "" });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(form);
  };
  return (
    <form className="pv-form pv-panel" onSubmit={submit} noValidate aria-labelledby="adopt-heading">
      <Heading level={3} data-size="xs" id="adopt-heading">
        {c("cycle.adopt")}
      </Heading>
      <Paragraph>{c("cycle.adoptIntro")}</Paragraph>
      <Refusal error={adopt.error} heading={c("cycle.adoptRefused")} />
      <DecisionFields form={form} setForm={setForm} error={adopt.error} hints />
      <div className="pv-actions">
        <Button type="submit" loading={adopt.isPending}>
          {c("cycle.adopt")}
        </Button>
      </div>
    </form>
  );
}

/** A revision of the adopted action plan: a new draft, with the reason for it. */
export function ReviseForm({
  revise,
  onSubmit,
}: {
  revise: ReturnType<typeof useSend<{ reason: string }, { revision: number }>>;
  onSubmit: (reason: string) => void;
}) {
  const { c } = useCycleMessages();
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(reason);
  };
  return (
    <form className="pv-form pv-panel" onSubmit={submit} noValidate aria-labelledby="revise-heading">
      <Heading level={3} data-size="xs" id="revise-heading">
        {c("cycle.revise")}
      </Heading>
      <Paragraph>{c("cycle.reviseIntro")}</Paragraph>
      <Refusal error={revise.error} heading={c("cycle.reviseRefused")} />
      <Textfield
        label={c("cycle.reason")}
        multiline
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError(revise.error, "/reason")}
      />
      <div className="pv-actions">
        <Button type="submit" variant="secondary" loading={revise.isPending}>
          {c("cycle.revise")}
        </Button>
      </div>
    </form>
  );
}
