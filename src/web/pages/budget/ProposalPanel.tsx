import { Alert, Heading, List, Paragraph, Table } from "@digdir/designsystemet-react";
import type { ProposalResponse } from "../../../http/routes/prioritisation.ts";
import { useBudgetMessages } from "../../i18n/budget-messages.ts";
import { ApplyProposal, type ApplyTarget } from "./ApplyProposal.tsx";
import type { Translate } from "./shared.ts";

function listIn(b: Translate, items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${b("prio.and")} ${items.at(-1)}`;
}

/** Why a measure falls out, in the interface language, from the proposal's structured reason. */
function whyText(b: Translate, nok: (n: number) => string, d: ProposalResponse["dropped"][number]): string {
  if (d.reason === "exceeds_frame_alone")
    return b("prio.whyAlone", {
      places: listIn(
        b,
        d.binding
          .filter((x) => x.costNok > x.frameNok)
          .map((x) =>
            b("prio.whyAlonePlace", {
              year: x.year,
              area: x.frameAreaName,
              cost: nok(x.costNok),
              frame: nok(x.frameNok),
            }),
          ),
      ),
    });
  return b("prio.whyUsedUp", {
    places: listIn(
      b,
      d.binding.map((x) =>
        b("prio.whyUsedUpPlace", {
          year: x.year,
          area: x.frameAreaName,
          cost: nok(x.costNok),
          left: nok(Math.max(0, x.remainingNok)),
        }),
      ),
    ),
  });
}

function formatGap(gap: number | null, language: string): string {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "nb-NO", {
    style: "percent",
    maximumFractionDigits: 2,
    minimumFractionDigits: 2,
  }).format(gap ?? 0);
}

/** One proposal: whether it fits, its value, the measures it drops and why, and the frames after it. */
export function ProposalPanel({
  title,
  testId,
  proposal,
  compareWith,
  budgetYear,
  measureCount,
  apply,
}: {
  title: string;
  testId: string;
  proposal: ProposalResponse;
  /** The proposal under today's frames, to say what the what-if changes. */
  compareWith?: ProposalResponse;
  budgetYear: number;
  measureCount: number;
  apply: ApplyTarget | null;
}) {
  const { b, nok, language } = useBudgetMessages();
  const changed = proposal.frames.filter((f) => f.changed);
  return (
    <div className="pv-panel pv-stack" data-testid={testId}>
      <Heading level={3} data-size="xs">
        {title}
      </Heading>
      {changed.length > 0 && (
        <Paragraph data-size="sm">
          {b("prio.changedFrames", {
            list: changed
              .map((f) =>
                b("prio.changedFrame", {
                  year: f.year,
                  area: f.frameAreaName,
                  before: f.originalNok === null ? "–" : nok(f.originalNok),
                  after: nok(f.amountNok),
                }),
              )
              .join("; "),
          })}
        </Paragraph>
      )}
      {proposal.status === "infeasible" ? (
        <Alert data-color="danger" data-testid="infeasible">
          <Heading level={4} data-size="2xs">
            {b("prio.infeasibleHeading")}
          </Heading>
          <List.Unordered>
            {proposal.shortfalls.map((s) => (
              <List.Item key={`${s.year}|${s.frameAreaId}`}>
                {b("prio.shortfall", {
                  references: s.references.join(", "),
                  sum: nok(s.mandatoryNok),
                  year: s.year,
                  area: s.frameAreaName,
                  frame: nok(s.frameNok),
                  excess: nok(s.excessNok),
                })}
              </List.Item>
            ))}
          </List.Unordered>
          <Paragraph>{b("prio.infeasibleHint")}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph data-size="sm">
            {proposal.status === "optimal"
              ? b("prio.optimal")
              : b("prio.feasible", { gap: formatGap(proposal.gap, language) })}{" "}
            <span className="pv-muted">{b("prio.gap", { gap: formatGap(proposal.gap, language) })}</span>
          </Paragraph>
          <Paragraph>
            <strong>
              {b("prio.value", { total: proposal.totalValue, possible: proposal.possibleValue })}
            </strong>
          </Paragraph>
          {compareWith && compareWith.status !== "infeasible" && (
            <Difference from={compareWith} to={proposal} />
          )}
          {proposal.dropped.length === 0 ? (
            <Alert data-color="success">{b("prio.keepAll", { count: measureCount })}</Alert>
          ) : (
            <>
              <Heading level={4} data-size="2xs">
                {b("prio.drop", { count: proposal.dropped.length })}
              </Heading>
              <div className="pv-table-scroll">
                <Table data-size="sm" data-testid="dropped">
                  <caption className="pv-visually-hidden">{b("prio.dropCaption")}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{b("prio.reference")}</Table.HeaderCell>
                      <Table.HeaderCell className="pv-num">{b("prio.valueColumn")}</Table.HeaderCell>
                      <Table.HeaderCell>{b("prio.why")}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {proposal.dropped.map((d) => (
                      <Table.Row key={d.reference}>
                        <Table.HeaderCell scope="row">
                          <span className="pv-nowrap">{d.reference}</span> {d.title}
                        </Table.HeaderCell>
                        <Table.Cell className="pv-num">{d.value}</Table.Cell>
                        <Table.Cell>{whyText(b, nok, d)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              <Paragraph data-size="sm">
                <strong>{b("prio.keep", { count: proposal.selected.length })}:</strong>{" "}
                {proposal.selected
                  .map((m) => (m.mandatory ? `${m.reference} (${b("prio.mandatoryTag")})` : m.reference))
                  .join(", ")}
              </Paragraph>
            </>
          )}
          <details>
            <summary>{b("prio.after")}</summary>
            <div className="pv-table-scroll">
              <Table data-size="sm">
                <caption className="pv-visually-hidden">{b("prio.afterCaption")}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{b("frames.year")}</Table.HeaderCell>
                    <Table.HeaderCell>{b("frames.area")}</Table.HeaderCell>
                    <Table.HeaderCell className="pv-num">{b("frames.frame")}</Table.HeaderCell>
                    <Table.HeaderCell className="pv-num">{b("frames.sum")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {proposal.usage.map((u) => (
                    <Table.Row key={`${u.year}|${u.frameAreaId}`}>
                      <Table.HeaderCell scope="row">{u.year}</Table.HeaderCell>
                      <Table.Cell>{u.frameAreaName}</Table.Cell>
                      <Table.Cell className="pv-num">{nok(u.frameNok)}</Table.Cell>
                      <Table.Cell className="pv-num">{nok(u.sumNok)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </details>
          {proposal.unframed.length > 0 && (
            <Paragraph data-size="sm" className="pv-muted">
              {b("prio.unframed", {
                places: proposal.unframed
                  .map((u) => `${u.year} ${u.frameAreaName} (${nok(u.sumNok)})`)
                  .join(", "),
              })}
            </Paragraph>
          )}
          {proposal.dropped.length > 0 &&
            (apply ? (
              <ApplyProposal
                target={apply}
                dropped={proposal.dropped.map((d) => d.reference)}
                reasons={Object.fromEntries(
                  proposal.dropped.map((d) => [d.reference, whyText(b, nok, d).slice(0, 500)]),
                )}
                budgetYear={budgetYear}
              />
            ) : (
              changed.length > 0 && (
                <Paragraph data-size="sm" className="pv-muted">
                  {b("prio.whatIfApplyHint")}
                </Paragraph>
              )
            ))}
        </>
      )}
    </div>
  );
}

/** What a what-if proposal takes out or keeps compared with the proposal under today's frames. */
function Difference({ from, to }: { from: ProposalResponse; to: ProposalResponse }) {
  const { b } = useBudgetMessages();
  const before = new Set(from.dropped.map((d) => d.reference));
  const after = new Set(to.dropped.map((d) => d.reference));
  const also = [...after].filter((r) => !before.has(r));
  const kept = [...before].filter((r) => !after.has(r));
  return (
    <Paragraph data-size="sm" data-testid="difference">
      {also.length === 0 && kept.length === 0
        ? b("prio.sameAsCurrent")
        : [
            also.length > 0 ? b("prio.alsoDropped", { list: also.join(", ") }) : "",
            kept.length > 0 ? b("prio.keptInstead", { list: kept.join(", ") }) : "",
          ]
            .filter(Boolean)
            .join(" ")}
    </Paragraph>
  );
}
