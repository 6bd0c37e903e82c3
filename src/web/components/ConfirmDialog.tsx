import { Alert, Button, Dialog, Heading, List, Spinner, Textfield } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { ConsequencesResponse } from "../../http/routes/consequence-schema.ts";
import { ApiError } from "../api.ts";
import { useCycleMessages } from "../i18n/cycle-messages.ts";

/**
 * A confirmation before an irreversible or weighty step: it loads from the server what the step
 * will do and what to be warned about (in the person's language), lists them, and asks «Bekreft» /
 * «Avbryt». Focus goes to the heading when it opens; closing returns it to the button that opened it.
 */
export function ConfirmDialog({
  open,
  onClose,
  heading,
  consequencesPath,
  onConfirm,
  pending,
  error,
  reason,
  children,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  heading: string;
  /** Where the consequences are read from; null shows none. */
  consequencesPath: string | null;
  onConfirm: (reason: string) => void;
  pending: boolean;
  /** The refusal of the step itself, if it was refused. */
  error?: ReactNode;
  /** Asks for a reason (kept in the audit trail); required when given. */
  reason?: { label?: string };
  /** More to choose in the dialog (e.g. to extend the plan period first). */
  children?: ReactNode;
  testId?: string;
}) {
  const { c, language } = useCycleMessages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [why, setWhy] = useState("");
  const [missingReason, setMissingReason] = useState(false);
  const consequences = useQuery({
    queryKey: [consequencesPath, "consequences"],
    // In the language of the page (the language cookie wins on the server when set; without one,
    // the browser's own Accept-Language could differ from the interface).
    queryFn: async () => {
      const response = await fetch(consequencesPath ?? "", {
        headers: { accept: "application/json", "accept-language": language },
        credentials: "same-origin",
      });
      const body = await response.json().catch(() => undefined);
      if (!response.ok) throw new ApiError(response.status, body);
      return body as ConsequencesResponse;
    },
    enabled: open && consequencesPath !== null,
    staleTime: 0,
    gcTime: 0,
  });
  useEffect(() => {
    if (open) {
      setWhy("");
      setMissingReason(false);
      // After the dialog has opened (showModal moves focus to its first control).
      requestAnimationFrame(() => headingRef.current?.focus());
    }
  }, [open]);
  const headingId = `${testId ?? "confirm"}-heading`;
  const data = consequences.data;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      closeButton={c("confirm.close")}
      aria-labelledby={headingId}
      data-testid={testId ?? "confirm-dialog"}
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId} ref={headingRef} tabIndex={-1}>
          {heading}
        </Heading>
      </Dialog.Block>
      <Dialog.Block className="pv-stack">
        {consequences.isLoading && <Spinner aria-label={c("confirm.loading")} data-size="sm" />}
        {data && data.consequences.length > 0 && (
          <div>
            <Heading level={3} data-size="2xs">
              {c("confirm.happens")}
            </Heading>
            <List.Unordered data-testid="consequences">
              {data.consequences.map((m) => (
                <List.Item key={m.key}>{m.text}</List.Item>
              ))}
            </List.Unordered>
          </div>
        )}
        {data && data.warnings.length > 0 && (
          <Alert data-color="warning" data-testid="warnings">
            <Heading level={3} data-size="2xs">
              {c("confirm.warnings")}
            </Heading>
            <List.Unordered>
              {data.warnings.map((m) => (
                <List.Item key={m.key}>{m.text}</List.Item>
              ))}
            </List.Unordered>
          </Alert>
        )}
        {children}
        {reason && (
          <Textfield
            label={reason.label ?? c("confirm.reason")}
            description={c("confirm.reasonHint")}
            multiline
            rows={2}
            value={why}
            onChange={(e) => {
              setWhy(e.target.value);
              setMissingReason(false);
            }}
            error={missingReason ? c("confirm.reason") : undefined}
          />
        )}
        {error}
        <div className="pv-actions">
          <Button
            loading={pending}
            onClick={() => {
              if (reason && !why.trim()) {
                setMissingReason(true);
                return;
              }
              onConfirm(why.trim());
            }}
          >
            {c("confirm.confirm")}
          </Button>
          <Button variant="tertiary" onClick={onClose}>
            {c("confirm.cancel")}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
