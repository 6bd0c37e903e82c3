import { Field, Label, Select, Textfield } from "@digdir/designsystemet-react";
import { type MeasureStatus, measureStatuses } from "../../domain/measures.ts";
import { fieldError } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";

/** A measure's status and progress (0–100 %), side by side, as the status form and the status report ask them. */
export function StatusProgressFields({
  statusLabel,
  progressLabel,
  status,
  progress,
  onStatus,
  onProgress,
  error,
}: {
  statusLabel: string;
  progressLabel: string;
  status: MeasureStatus;
  progress: string;
  onStatus: (status: MeasureStatus) => void;
  onProgress: (progress: string) => void;
  error: unknown;
}) {
  const { t } = useLanguage();
  return (
    <div className="pv-grid-2">
      <Field>
        <Label>{statusLabel}</Label>
        <Select value={status} onChange={(e) => onStatus(e.target.value as MeasureStatus)}>
          {measureStatuses.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`status.${s}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        label={progressLabel}
        type="number"
        min={0}
        max={100}
        value={progress}
        onChange={(e) => onProgress(e.target.value)}
        error={fieldError(error, "/progress")}
      />
    </div>
  );
}
