import { Tag } from "@digdir/designsystemet-react";
import { useStatusMessages } from "../i18n/status-messages.ts";

/** The colour of each traffic light of a status report. */
export const lightColors = {
  on_track: "success",
  deviation: "warning",
  serious_deviation: "danger",
  not_reported: "neutral",
} as const;

export type TrafficLight = keyof typeof lightColors;

/** A traffic light as a tag: its colour and, never colour alone, its name. */
export function TrafficLightTag({ light }: { light: TrafficLight }) {
  const { s } = useStatusMessages();
  return (
    <Tag data-size="sm" data-color={lightColors[light]}>
      {s(`light.${light}`)}
    </Tag>
  );
}
