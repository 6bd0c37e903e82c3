import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { CSSProperties } from "react";
import { type CyclePhase, cyclePhases } from "../../domain/cycle.ts";
import { isOverdue } from "../../domain/deadlines.ts";
import type { CycleResponse } from "../../http/routes/cycles.ts";
import {
  dayToDate,
  formatDay,
  formatDayRange,
  formatLocale,
  useCycleMessages,
} from "../i18n/cycle-messages.ts";
import { useLanguage } from "../i18n/language.tsx";

const dayMs = 86_400_000;
const labelColumn = "13rem";

/** The months the timeline covers: from the first month of the earliest phase to the last month of the latest. */
function monthsOf(dates: CycleResponse["phaseDates"]) {
  const starts = Object.values(dates).map((d) => d.start);
  const ends = Object.values(dates).map((d) => d.end);
  const first = dayToDate(starts.sort()[0] ?? "2000-01-01");
  const last = dayToDate(ends.sort().at(-1) ?? "2000-12-31");
  const months: Date[] = [];
  for (
    let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
    m <= last;
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
  ) {
    months.push(m);
  }
  const start = months[0] ?? first;
  const lastMonth = months.at(-1) ?? first;
  const end = new Date(Date.UTC(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth() + 1, 1));
  return { months, start: start.getTime(), end: end.getTime() };
}

/**
 * The årshjul as a horizontal timeline: one row per phase, a bar from its planned start to its planned
 * end, the phase the cycle is in highlighted, and a line at today. Each row also says its dates and
 * state in words, so the picture is never the only way to read it.
 */
export function Arshjul({ cycle, today }: { cycle: CycleResponse; today: string }) {
  const { t, language } = useLanguage();
  const { c } = useCycleMessages();
  const { months, start, end } = monthsOf(cycle.phaseDates);
  const span = end - start;
  const at = (ms: number) => `${(((ms - start) / span) * 100).toFixed(3)}%`;
  const todayMs = dayToDate(today).getTime() + dayMs / 2;
  const showToday = todayMs >= start && todayMs <= end;
  const currentIndex = cyclePhases.indexOf(cycle.phase);
  const monthName = new Intl.DateTimeFormat(formatLocale(language), { month: "narrow", timeZone: "UTC" });
  const monthLong = new Intl.DateTimeFormat(formatLocale(language), { month: "long", timeZone: "UTC" });
  const years = [...new Set(months.map((m) => m.getUTCFullYear()))];

  const row: CSSProperties = {
    display: "grid",
    gridTemplateColumns: `${labelColumn} 1fr`,
    alignItems: "stretch",
  };
  const track: CSSProperties = { position: "relative", minHeight: "3rem" };
  const monthLines = months.map((m) => (
    <span
      key={m.getTime()}
      aria-hidden="true"
      style={{
        position: "absolute",
        top: 0,
        bottom: 0,
        left: at(m.getTime()),
        borderLeft:
          m.getUTCMonth() === 0
            ? "1px solid var(--ds-color-neutral-border-default)"
            : "1px solid var(--ds-color-neutral-surface-active)",
      }}
    />
  ));
  const todayLine = showToday && (
    <span
      aria-hidden="true"
      style={{
        position: "absolute",
        top: 0,
        bottom: 0,
        left: at(todayMs),
        borderLeft: "2px solid var(--ds-color-danger-base-default)",
        zIndex: 1,
      }}
    />
  );

  return (
    <section className="pv-stack" aria-labelledby="timeline-heading">
      <Heading level={2} data-size="sm" id="timeline-heading">
        {c("cycle.timeline")}
      </Heading>
      <Paragraph data-size="sm" className="pv-muted">
        {c("cycle.timelineNote")} {showToday && c("cycle.todayNote", { date: formatDay(today, language) })}
      </Paragraph>
      <section
        aria-label={c("cycle.timelineLabel", { year: cycle.budgetYear })}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: on narrow screens the timeline scrolls sideways, and keyboard users must be able to scroll it
        tabIndex={0}
        style={{ overflowX: "auto" }}
        data-testid="arshjul"
      >
        <div style={{ minWidth: "52rem" }}>
          <div style={row} aria-hidden="true">
            <span />
            <div style={{ position: "relative", height: "3.25rem", fontSize: "0.8125rem" }}>
              {years.map((y) => {
                const from = Math.max(start, Date.UTC(y, 0, 1));
                const to = Math.min(end, Date.UTC(y + 1, 0, 1));
                return (
                  <span
                    key={y}
                    style={{
                      position: "absolute",
                      top: 0,
                      left: at(from),
                      width: `${((to - from) / span) * 100}%`,
                      paddingLeft: "0.25rem",
                      fontWeight: 600,
                      borderLeft: "1px solid var(--ds-color-neutral-border-default)",
                      boxSizing: "border-box",
                    }}
                  >
                    {y}
                  </span>
                );
              })}
              {months.map((m) => (
                <span
                  key={m.getTime()}
                  title={monthLong.format(m)}
                  style={{
                    position: "absolute",
                    top: "1.5rem",
                    left: at(m.getTime()),
                    width: `${(1 / months.length) * 100}%`,
                    textAlign: "center",
                    color: "var(--ds-color-neutral-text-subtle)",
                  }}
                >
                  {monthName.format(m)}
                </span>
              ))}
            </div>
          </div>
          <ol style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {cyclePhases.map((phase: CyclePhase, index) => {
              const dates = cycle.phaseDates[phase];
              if (!dates) return null;
              const state = index < currentIndex ? "done" : index === currentIndex ? "current" : "coming";
              const from = dayToDate(dates.start).getTime();
              const to = dayToDate(dates.end).getTime() + dayMs;
              const bar: CSSProperties = {
                position: "absolute",
                top: "0.75rem",
                bottom: "0.75rem",
                left: at(from),
                width: `max(0.375rem, ${(((to - from) / span) * 100).toFixed(3)}%)`,
                borderRadius: "var(--ds-border-radius-md, 4px)",
                boxSizing: "border-box",
                ...(state === "current"
                  ? { background: "var(--ds-color-accent-base-default)" }
                  : state === "done"
                    ? {
                        background: "var(--ds-color-accent-surface-active)",
                        border: "1px solid var(--ds-color-accent-border-subtle)",
                      }
                    : {
                        background: "var(--ds-color-neutral-background-default)",
                        border: "1px dashed var(--ds-color-neutral-border-strong)",
                      }),
              };
              return (
                <li
                  key={phase}
                  data-phase={phase}
                  data-state={state}
                  aria-current={state === "current" ? "step" : undefined}
                  style={{
                    ...row,
                    borderTop: "1px solid var(--ds-color-neutral-border-subtle)",
                    background: state === "current" ? "var(--ds-color-accent-background-tinted)" : undefined,
                  }}
                >
                  <div style={{ padding: "0.375rem 0.75rem 0.375rem 0.5rem", lineHeight: 1.3 }}>
                    <span style={{ fontWeight: state === "current" ? 700 : 500 }}>{t(`phase.${phase}`)}</span>
                    {state === "current" && (
                      <>
                        {" "}
                        <Tag data-color="accent" data-size="sm">
                          {c("cycle.current")}
                        </Tag>
                      </>
                    )}
                    {isOverdue(dates.end, today, state === "done" || phase === "avsluttet") && (
                      <>
                        {" "}
                        <Tag data-color="warning" data-size="sm" data-testid={`overdue-${phase}`}>
                          {c("cycle.overdueTag")}
                        </Tag>
                      </>
                    )}
                    <br />
                    <span style={{ fontSize: "0.8125rem", color: "var(--ds-color-neutral-text-subtle)" }}>
                      {formatDayRange(dates.start, dates.end, language)}
                      <span className="pv-visually-hidden">
                        {", "}
                        {state === "done"
                          ? c("cycle.phaseDone")
                          : state === "current"
                            ? c("cycle.phaseCurrent")
                            : c("cycle.phaseComing")}
                      </span>
                    </span>
                  </div>
                  <div style={track} aria-hidden="true">
                    {monthLines}
                    <span style={bar} />
                    {todayLine}
                  </div>
                </li>
              );
            })}
          </ol>
          {showToday && (
            <div style={row} aria-hidden="true">
              <span />
              <div
                style={{
                  position: "relative",
                  height: "1.75rem",
                  borderTop: "1px solid var(--ds-color-neutral-border-subtle)",
                }}
              >
                <span
                  style={{
                    position: "absolute",
                    top: 0,
                    left: at(todayMs),
                    transform: "translateX(-50%)",
                    whiteSpace: "nowrap",
                    fontSize: "0.8125rem",
                    fontWeight: 600,
                    color: "var(--ds-color-danger-text-default)",
                    borderTop: "2px solid var(--ds-color-danger-base-default)",
                    paddingTop: "0.125rem",
                  }}
                >
                  {c("cycle.today")}
                </span>
              </div>
            </div>
          )}
        </div>
      </section>
    </section>
  );
}
