import { Tag } from "@digdir/designsystemet-react";
import { type EvaluationMessageKey, useEvaluationMessages } from "../i18n/evaluation-messages.ts";

/** A date (YYYY-MM-DD) the Norwegian way, 30.06.2027. */
export function formatDay(day: string, language: string) {
  return new Date(`${day}T12:00:00`).toLocaleDateString(language === "en" ? "en-GB" : "nb-NO");
}

export function RoundStatusTag({
  status,
  publishedAt,
}: {
  status: "open" | "closed";
  publishedAt: string | null;
}) {
  const { e } = useEvaluationMessages();
  const key: EvaluationMessageKey = publishedAt ? "ev.status.published" : `ev.status.${status}`;
  return (
    <Tag data-size="sm" data-color={publishedAt ? "success" : status === "open" ? "info" : "neutral"}>
      {e(key)}
    </Tag>
  );
}
