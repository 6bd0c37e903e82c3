import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { CSSProperties } from "react";
import type { FrameCheckResponse } from "../../../http/routes/budget.ts";
import { useBudgetMessages } from "../../i18n/budget-messages.ts";

// The chart: one line per year × area, the frame as a track, the sum as a bar, the overrun hatched.

export function FrameChart({ check }: { check: FrameCheckResponse }) {
  const { b, nok } = useBudgetMessages();
  const max = Math.max(1, ...check.rows.flatMap((r) => [r.frameNok ?? 0, r.sumNok]));
  const percent = (amount: number) => `${((amount / max) * 100).toFixed(2)}%`;
  const track: CSSProperties = { position: "relative", height: "1.5rem" };
  return (
    <section className="pv-stack" aria-labelledby="chart-heading">
      <Heading level={2} data-size="sm" id="chart-heading">
        {b("chart.heading")}
      </Heading>
      <figure className="pv-stack" style={{ margin: 0 }} data-testid="frame-chart">
        <figcaption>
          <Paragraph data-size="sm" className="pv-muted">
            {b("chart.caption")}
          </Paragraph>
        </figcaption>
        <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: "var(--ds-size-3)" }}>
          {check.rows.map((r) => {
            const within = r.frameNok === null ? r.sumNok : Math.min(r.sumNok, r.frameNok);
            return (
              <li
                key={`${r.year}|${r.frameAreaId}`}
                style={{
                  display: "grid",
                  gridTemplateColumns: "minmax(8rem, 18rem) minmax(8rem, 1fr)",
                  gap: "var(--ds-size-1) var(--ds-size-4)",
                  alignItems: "center",
                }}
              >
                <span style={{ fontWeight: 500 }}>
                  {r.year} {r.frameAreaName}
                </span>
                <span className="pv-stack" style={{ gap: "var(--ds-size-1)" }}>
                  <span style={track} aria-hidden="true">
                    {r.frameNok !== null && (
                      <span
                        style={{
                          position: "absolute",
                          inset: "0 auto 0 0",
                          width: percent(r.frameNok),
                          background: "var(--ds-color-neutral-surface-tinted)",
                          border: "1px solid var(--ds-color-neutral-border-default)",
                          borderRight: "3px solid var(--ds-color-neutral-border-strong)",
                          boxSizing: "border-box",
                        }}
                      />
                    )}
                    <span
                      style={{
                        position: "absolute",
                        top: "0.25rem",
                        bottom: "0.25rem",
                        left: 0,
                        width: percent(within),
                        background: "var(--ds-color-accent-base-default)",
                      }}
                    />
                    {r.overrunNok > 0 && r.frameNok !== null && (
                      <span
                        style={{
                          position: "absolute",
                          top: "0.25rem",
                          bottom: "0.25rem",
                          left: percent(r.frameNok),
                          width: percent(r.overrunNok),
                          background:
                            "repeating-linear-gradient(135deg, var(--ds-color-danger-base-default) 0 4px, var(--ds-color-danger-surface-tinted) 4px 8px)",
                          border: "1px solid var(--ds-color-danger-base-default)",
                          boxSizing: "border-box",
                        }}
                      />
                    )}
                  </span>
                  <span style={{ fontSize: "0.875rem" }}>
                    {r.frameNok === null
                      ? b("chart.valuesNoFrame", { sum: nok(r.sumNok) })
                      : b("chart.values", { sum: nok(r.sumNok), frame: nok(r.frameNok) })}
                    {r.overrunNok > 0 && (
                      <>
                        {" "}
                        <strong style={{ color: "var(--ds-color-danger-text-default)" }}>
                          {b("chart.over", { amount: nok(r.overrunNok) })}
                        </strong>
                      </>
                    )}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      </figure>
    </section>
  );
}
