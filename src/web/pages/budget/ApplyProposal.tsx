import { Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useSend } from "../../api.ts";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { useBudgetMessages } from "../../i18n/budget-messages.ts";
import { budgetPaths } from "./shared.ts";

export type ApplyTarget = {
  municipalityNumber: string;
  cycleId: string;
  onApplied: (dropped: string[], withinFrames: boolean) => void;
};

/** Applies a proposal after a confirmation: the measures it drops leave the draft action plan. */
export function ApplyProposal({
  target,
  dropped,
  reasons,
  budgetYear,
}: {
  target: ApplyTarget;
  dropped: string[];
  /** Why each measure goes, kept with it under «Tatt ut av forslaget». */
  reasons: Record<string, string>;
  budgetYear: number;
}) {
  const { b } = useBudgetMessages();
  const [open, setOpen] = useState(false);
  const apply = useSend<void, { dropped: string[]; frameCheck: { overruns: unknown[] } }>(() => ({
    method: "POST",
    path: budgetPaths.apply(target.municipalityNumber, target.cycleId),
    body: { drop: dropped, reasons },
  }));
  return (
    <>
      <div className="pv-actions">
        <Button
          onClick={() => {
            apply.reset();
            setOpen(true);
          }}
        >
          {b("prio.apply")}
        </Button>
      </div>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={b("prio.closeDialog")}
        aria-labelledby="apply-heading"
        data-testid="apply-dialog"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="apply-heading">
            {b("prio.applyHeading", { count: dropped.length })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="pv-stack">
          <Paragraph>{b("prio.applyBody", { year: budgetYear, references: dropped.join(", ") })}</Paragraph>
          <ErrorMessage error={apply.error} heading={b("prio.applyRefused")} />
          <div className="pv-actions">
            <Button
              loading={apply.isPending}
              onClick={() =>
                apply.mutate(undefined, {
                  onSuccess: (result) => {
                    setOpen(false);
                    target.onApplied(result.dropped, result.frameCheck.overruns.length === 0);
                  },
                })
              }
            >
              {b("prio.applyConfirm")}
            </Button>
            <Button variant="tertiary" onClick={() => setOpen(false)}>
              {b("prio.cancel")}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
