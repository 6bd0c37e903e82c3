import { Tag } from "@digdir/designsystemet-react";
import type { IndicatorSummaryResponse } from "../../http/routes/indicators.ts";
import { type IndicatorMessageKey, useIndicatorMessages } from "../i18n/indicator-messages.ts";

const statusColour = {
  on_track: "success",
  off_track: "danger",
  no_target: "neutral",
  no_data: "neutral",
} as const;

/** The status of an indicator as a tag: on track, off track, no target, no figures. */
export function IndicatorStatusTag({ status }: { status: IndicatorSummaryResponse["status"] }) {
  const { m } = useIndicatorMessages();
  return (
    <Tag data-color={statusColour[status.kind]} data-testid="indicator-status">
      {m(`status.${status.kind}` as IndicatorMessageKey)}
    </Tag>
  );
}
