import { Paragraph } from "@digdir/designsystemet-react";
import type { PrioritisationResponse } from "../../../http/routes/prioritisation.ts";
import { useRemovalMessages } from "../../i18n/removal-messages.ts";

/** The sentence that says what a measure was worth in the proposal, and which evaluation rounds counted. */
export function ValueRule({ rule, count }: { rule: PrioritisationResponse["valueRule"]; count: number }) {
  const { r } = useRemovalMessages();
  const params = { rounds: rule.roundTitles.join("», «"), evaluated: rule.evaluated, count };
  const text =
    rule.source === "priority"
      ? r("value.rulePriority")
      : rule.source === "evaluation"
        ? r("value.ruleEvaluation", params)
        : rule.evaluated > 0
          ? r("value.ruleDefault", params)
          : r("value.ruleDefaultNone");
  return (
    <Paragraph data-size="sm" data-testid="value-rule">
      {text}
    </Paragraph>
  );
}
