import type { PlanTreeResponse } from "../../http/routes/plan.ts";
import { useLanguage } from "../i18n/language.tsx";

type RollUpValue = PlanTreeResponse["goals"][number]["rollUp"];

/** A roll-up number with its bar, and what it is made of; the rule itself is given by the page. */
export function RollUp({ value, describedBy }: { value: RollUpValue; describedBy?: string }) {
  const { t } = useLanguage();
  const parts = [t("rollup.counted", { counted: value.counted })];
  if (value.stopped > 0) parts.push(t("rollup.stopped", { stopped: value.stopped }));
  return (
    <div className="pv-rollup" aria-describedby={describedBy} data-testid="rollup">
      <span className="pv-rollup__value">
        {value.progress === null ? t("rollup.none") : t("rollup.value", { progress: value.progress })}
      </span>
      {value.progress !== null && (
        <span className="pv-rollup__bar" aria-hidden="true">
          <span style={{ width: `${value.progress}%` }} />
        </span>
      )}
      <span className="pv-rollup__parts">{parts.join(" · ")}</span>
    </div>
  );
}
