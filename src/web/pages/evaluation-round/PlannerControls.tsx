import { Button, Paragraph } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useSend } from "../../api.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { EvaluationSetupForm, type RoundSetupDraft } from "../../components/EvaluationSetupForm.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDay } from "../../components/RoundStatusTag.tsx";
import { evaluationPaths, useEvaluationOptions } from "../../evaluation-api.ts";
import { useEvaluationMessages } from "../../i18n/evaluation-messages.ts";
import type { Round } from "./types.ts";

/** The planner's controls: edit the setup, close or reopen the round, publish or unpublish the summary. */
export function PlannerControls({ round, number }: { round: Round; number: string }) {
  const { e, language } = useEvaluationMessages();
  const [editing, setEditing] = useState(false);
  const options = useEvaluationOptions(number, editing);
  type Change = "close" | "reopen" | "publish" | "unpublish";
  const [confirming, setConfirming] = useState<Change | null>(null);
  const ask = (c: Change) => {
    change.reset();
    setConfirming(c);
  };
  const change = useSend<Change>((c) => ({
    method: "POST",
    path: evaluationPaths.state(number, round.id),
    body: { version: round.version, change: c },
  }));
  const update = useSend<RoundSetupDraft>((draft) => ({
    method: "PUT",
    path: evaluationPaths.round(number, round.id),
    body: {
      version: round.version,
      title: draft.title,
      deadline: draft.deadline,
      measures: draft.measures,
      criteria: draft.criteria,
      panelistUserIds: draft.panelistUserIds,
    },
  }));
  return (
    <section aria-label={e("ev.setupHeading")}>
      {round.publishedAt && (
        <Paragraph>
          {e("ev.publishedNote", { date: formatDay(round.publishedAt.slice(0, 10), language) })}
        </Paragraph>
      )}
      <div className="pv-actions">
        {round.status === "open" ? (
          <>
            <Button variant="secondary" onClick={() => setEditing(!editing)}>
              {e("ev.edit")}
            </Button>
            <Button loading={change.isPending} onClick={() => ask("close")}>
              {e("ev.close")}
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" loading={change.isPending} onClick={() => ask("reopen")}>
              {e("ev.reopen")}
            </Button>
            {round.publishedAt ? (
              <Button variant="secondary" loading={change.isPending} onClick={() => ask("unpublish")}>
                {e("ev.unpublish")}
              </Button>
            ) : (
              <Button loading={change.isPending} onClick={() => ask("publish")}>
                {e("ev.publish")}
              </Button>
            )}
          </>
        )}
      </div>
      <Paragraph data-size="sm" data-testid="anonymity-rule">
        {e("ev.anonymityRule")}
      </Paragraph>
      <ErrorMessage error={change.error} />
      {confirming && (
        <ConfirmDialog
          testId="round-dialog"
          open
          onClose={() => setConfirming(null)}
          heading={e(`ev.confirmHeading.${confirming}`)}
          consequencesPath={evaluationPaths.consequences(number, round.id, confirming)}
          pending={change.isPending}
          onConfirm={() => change.mutate(confirming, { onSettled: () => setConfirming(null) })}
        />
      )}
      {editing &&
        (options.data ? (
          <EvaluationSetupForm
            options={options.data}
            cycleFixed
            initial={{
              cycleId: round.cycle.id,
              title: round.title,
              deadline: round.deadline,
              measures: round.measures.map((m) => m.reference),
              criteria: round.criteria.map((c) => ({ key: c.key, title: c.title })),
              panelistUserIds: round.panel?.map((p) => p.userId) ?? [],
            }}
            submitLabel={e("ev.form.save")}
            pending={update.isPending}
            error={update.error}
            onSubmit={(draft) => update.mutate(draft, { onSuccess: () => setEditing(false) })}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <QueryState isError={options.isError} />
        ))}
    </section>
  );
}
