import { useProposalMessages } from "../i18n/proposal-messages.ts";
import { AppLink } from "./AppLink.tsx";

/**
 * The measure a proposal became or joined: a link when the person may open it, otherwise the
 * reference as text with a short hint (a draft measure is internal until its plan is adopted).
 */
export function ProposalMeasure({ measure }: { measure: { reference: string; readable: boolean } }) {
  const { p } = useProposalMessages();
  if (measure.readable) return <AppLink to={`/tiltak/${measure.reference}`}>{measure.reference}</AppLink>;
  return (
    <span data-testid="proposal-measure-draft">
      {measure.reference} <span className="pv-muted">({p("proposals.measureDraft")})</span>
    </span>
  );
}
