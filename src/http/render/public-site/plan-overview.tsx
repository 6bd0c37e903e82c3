import type { PublicActionPlan } from "../../../services/public/internal.ts";
import type { PublicIndicatorSummary } from "../../../services/public/public-indicators.ts";
import type { PublicTranslate } from "../../../web/i18n/public-messages.ts";

/** The indicators that follow a goal or focus area of this plan. */
export function indicatorsOfPlan(data: PublicActionPlan, indicators: PublicIndicatorSummary[]) {
  const goalIds = new Set(data.goals.map((g) => g.id));
  const focusAreaIds = new Set(data.focusAreas.map((f) => f.id));
  return indicators.filter(
    (i) => i.goalIds.some((id) => goalIds.has(id)) || i.focusAreaIds.some((id) => focusAreaIds.has(id)),
  );
}

/**
 * What the plan page opens with: how many goals, how many of the plan's indicators are on track,
 * and how many measures are running, completed and stopped.
 */
export function PlanOverview({
  t,
  data,
  indicators,
}: {
  t: PublicTranslate;
  data: PublicActionPlan;
  indicators: PublicIndicatorSummary[];
}) {
  const own = indicatorsOfPlan(data, indicators);
  const measures = data.focusAreas.flatMap((f) => f.measures);
  const count = (...statuses: string[]) => measures.filter((m) => statuses.includes(m.status)).length;
  return (
    <section className="overview card" aria-labelledby="oversikt" data-testid="plan-overview">
      <h2 id="oversikt">{t("overview.heading")}</h2>
      <ul>
        <li>{t("overview.goals", { count: data.goals.length })}</li>
        <li>
          {own.length === 0
            ? t("overview.noIndicators")
            : t("overview.indicators", {
                onTrack: own.filter((i) => i.status.kind === "on_track").length,
                count: own.length,
              })}
        </li>
        <li>
          {t("overview.measures", {
            count: measures.length,
            running: count("in_progress", "delayed"),
            finished: count("completed"),
            stopped: count("stopped"),
          })}
        </li>
      </ul>
    </section>
  );
}
