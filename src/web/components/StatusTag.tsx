import { Tag } from "@digdir/designsystemet-react";
import type { MeasureStatus } from "../../domain/measures.ts";
import { useLanguage } from "../i18n/language.tsx";

const colors: Record<MeasureStatus, "neutral" | "info" | "warning" | "success" | "danger"> = {
  planned: "neutral",
  in_progress: "info",
  delayed: "warning",
  completed: "success",
  stopped: "danger",
};

export function StatusTag({ status }: { status: MeasureStatus }) {
  const { t } = useLanguage();
  return (
    <Tag data-color={colors[status]} data-size="sm">
      {t(`status.${status}`)}
    </Tag>
  );
}
