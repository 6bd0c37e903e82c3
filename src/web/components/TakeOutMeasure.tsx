import { Button, Dialog, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useSend } from "../api.ts";
import { useRemovalMessages } from "../i18n/removal-messages.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { removalPaths } from "./RemovedMeasures.tsx";

/**
 * «Ta ut av forslaget» on the measure page: a dialog asking why; the measure leaves the draft but
 * keeps its number and content, and is listed under «Tatt ut av forslaget» to be put back.
 */
export function TakeOutMeasure({
  municipalityNumber,
  reference,
  version,
  budgetYear,
  onDone,
}: {
  municipalityNumber: string;
  reference: string;
  version: number;
  budgetYear: number;
  onDone: () => void;
}) {
  const { r } = useRemovalMessages();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const takeOut = useSend<string, { reference: string }>((text) => ({
    method: "POST",
    path: `${removalPaths.takeOut(municipalityNumber, reference)}?year=${budgetYear}`,
    body: { reason: text, version },
  }));
  const confirm = () => {
    if (reason.trim() === "") {
      setMissing(true);
      return;
    }
    setMissing(false);
    takeOut.mutate(reason.trim(), {
      onSuccess: () => {
        setOpen(false);
        onDone();
      },
    });
  };
  return (
    <>
      <Button
        variant="tertiary"
        data-size="sm"
        data-color="danger"
        onClick={() => {
          takeOut.reset();
          setOpen(true);
        }}
      >
        {r("takeOut.button")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={r("takeOut.close")}
        aria-labelledby="take-out-heading"
        data-testid="take-out-dialog"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="take-out-heading">
            {r("takeOut.heading", { reference })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="pv-stack">
          <Paragraph>{r("takeOut.body", { year: budgetYear })}</Paragraph>
          <Textfield
            multiline
            rows={3}
            maxLength={500}
            label={r("takeOut.reason")}
            description={r("takeOut.reasonHint")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={missing ? r("takeOut.reasonMissing") : undefined}
          />
          <ErrorMessage error={takeOut.error} heading={r("takeOut.refused")} />
          <div className="pv-actions">
            <Button data-color="danger" loading={takeOut.isPending} onClick={confirm}>
              {r("takeOut.confirm")}
            </Button>
            <Button variant="tertiary" onClick={() => setOpen(false)}>
              {r("takeOut.cancel")}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
