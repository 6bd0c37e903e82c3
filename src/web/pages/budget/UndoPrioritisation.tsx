import { Alert, Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useState } from "react";
import type { PrioritisationSetupResponse } from "../../../http/routes/prioritisation.ts";
import { useSend } from "../../api.ts";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { useRemovalMessages } from "../../i18n/removal-messages.ts";

/**
 * «Angre prioriteringen fra 12.11. (T-004, T-009)»: after a confirmation, every measure the newest
 * applied proposal took out of the draft returns in one step.
 */
export function UndoPrioritisation({
  municipalityNumber,
  setup,
}: {
  municipalityNumber: string;
  setup: PrioritisationSetupResponse;
}) {
  const { r, date } = useRemovalMessages();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const undo = useSend<void, { restored: string[] }>(() => ({
    method: "POST",
    path: `/api/municipalities/${municipalityNumber}/cycles/${setup.cycleId}/prioritisation/undo`,
  }));
  const last = setup.lastApplied;
  const references = last?.dropped.map((d) => d.reference).join(", ") ?? "";
  return (
    <div className="pv-stack" aria-live="polite">
      {done && <Alert data-color="success">{done}</Alert>}
      {last && (
        <>
          <div className="pv-actions">
            <Button
              variant="secondary"
              onClick={() => {
                undo.reset();
                setOpen(true);
              }}
            >
              {r("undo.button", { date: date(last.appliedAt), references })}
            </Button>
          </div>
          <Dialog
            open={open}
            onClose={() => setOpen(false)}
            closeButton={r("takeOut.close")}
            aria-labelledby="undo-heading"
            data-testid="undo-dialog"
          >
            <Dialog.Block>
              <Heading level={2} data-size="xs" id="undo-heading">
                {r("undo.heading")}
              </Heading>
            </Dialog.Block>
            <Dialog.Block className="pv-stack">
              <Paragraph>{r("undo.body", { date: date(last.appliedAt), references })}</Paragraph>
              <ErrorMessage error={undo.error} heading={r("undo.refused")} />
              <div className="pv-actions">
                <Button
                  loading={undo.isPending}
                  onClick={() =>
                    undo.mutate(undefined, {
                      onSuccess: (result) => {
                        setOpen(false);
                        setDone(r("undo.done", { references: result.restored.join(", ") }));
                      },
                    })
                  }
                >
                  {r("undo.confirm")}
                </Button>
                <Button variant="tertiary" onClick={() => setOpen(false)}>
                  {r("undo.cancel")}
                </Button>
              </div>
            </Dialog.Block>
          </Dialog>
        </>
      )}
    </div>
  );
}
