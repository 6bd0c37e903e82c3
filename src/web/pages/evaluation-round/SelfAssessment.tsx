import { Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useSend } from "../../api.ts";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { evaluationPaths } from "../../evaluation-api.ts";
import { useEvaluationMessages } from "../../i18n/evaluation-messages.ts";
import type { Round } from "./types.ts";

/** A measure owner's self-assessment: a form while it may be edited, otherwise the text. */
export function SelfAssessment({
  round,
  number,
  entry,
  label,
}: {
  round: Round;
  number: string;
  entry: Round["selfAssessments"][number];
  label: string;
}) {
  const { e } = useEvaluationMessages();
  const [text, setText] = useState(entry.text);
  const [version, setVersion] = useState<number | null>(entry.version || null);
  const save = useSend<void, { version: number }>(() => ({
    method: "PUT",
    path: evaluationPaths.selfAssessment(number, round.id, entry.reference),
    body: { version, text },
  }));
  if (!entry.mayEdit)
    return (
      <div>
        <Heading level={4} data-size="2xs">
          {e("ev.selfAssessment")}
        </Heading>
        <Paragraph className="pv-prewrap">{entry.text || e("ev.selfAssessmentNone")}</Paragraph>
      </div>
    );
  return (
    <form
      className="pv-form pv-form--wide"
      onSubmit={(ev) => {
        ev.preventDefault();
        save.mutate(undefined, { onSuccess: (saved) => setVersion(saved.version) });
      }}
    >
      <Textfield
        label={`${e("ev.selfAssessment")}: ${label}`}
        multiline
        rows={4}
        value={text}
        onChange={(ev) => setText(ev.target.value)}
      />
      <ErrorMessage error={save.error} />
      <div className="pv-actions">
        <Button type="submit" variant="secondary" loading={save.isPending}>
          {e("ev.selfAssessmentSave")}
        </Button>
        {save.isSuccess && (
          <Paragraph data-size="sm" role="status">
            {e("ev.selfAssessmentSaved")}
          </Paragraph>
        )}
      </div>
    </form>
  );
}
