import { Card, Details, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Sector } from "../../../domain/evaluation.ts";
import { recommendations } from "../../../domain/evaluation.ts";
import { useEvaluationMessages } from "../../i18n/evaluation-messages.ts";
import { SelfAssessment } from "./SelfAssessment.tsx";
import type { Round } from "./types.ts";

/** How far the panel has come, for the planner. */
export function PanelProgress({ round }: { round: Round }) {
  const { e } = useEvaluationMessages();
  if (!round.panel) return null;
  return (
    <section className="pv-ev-section" aria-labelledby="panel-heading">
      <Heading level={2} data-size="md" id="panel-heading">
        {e("ev.progressHeading")}
      </Heading>
      <ul data-testid="panel-progress">
        {round.panel.map((p) => (
          <li key={p.userId}>
            {p.name} – {e(`ev.sector.${p.sector}`)}
            {p.organisation ? ` (${p.organisation})` : ""}:{" "}
            {e("ev.panelist.completed", { done: p.completed, count: round.measures.length })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The results per measure: scores, recommendations and, folded away, the individual answers. */
export function Results({ round, number }: { round: Round; number: string }) {
  const { e, score } = useEvaluationMessages();
  if (!round.results) return null;
  return (
    <section className="pv-ev-section" aria-labelledby="results-heading">
      <Heading level={2} data-size="md" id="results-heading">
        {e("ev.resultsHeading")}
      </Heading>
      <Paragraph data-size="sm">{e("ev.resultsRule")}</Paragraph>
      {round.results.map((m) => {
        const result = m.result;
        const sectorsPresent = result.sectors.map((s) => s.sector as Sector);
        const self = round.selfAssessments.find((s) => s.reference === m.reference);
        return (
          <Card key={m.reference} className="pv-score-card" data-testid={`result-${m.reference}`}>
            <Card.Block>
              <Heading level={3} data-size="sm">
                {m.reference} {m.title}
              </Heading>
              <Paragraph>
                <strong>
                  {result.overallMean === null
                    ? e("ev.overallNone")
                    : e("ev.overall", { mean: score(result.overallMean) })}
                </strong>{" "}
                · {e("ev.answers", { count: result.answers })}
              </Paragraph>
              <div className="pv-table-scroll">
                <Table data-size="sm">
                  <caption className="pv-visually-hidden">{`${m.reference} ${m.title}`}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{e("ev.col.criterion")}</Table.HeaderCell>
                      <Table.HeaderCell>{e("ev.col.mean")}</Table.HeaderCell>
                      <Table.HeaderCell>{e("ev.col.spread")}</Table.HeaderCell>
                      <Table.HeaderCell>{e("ev.col.count")}</Table.HeaderCell>
                      <Table.HeaderCell>{e("ev.col.cannotAssess")}</Table.HeaderCell>
                      {sectorsPresent.map((s) => (
                        <Table.HeaderCell key={s}>{e(`ev.sector.${s}`)}</Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {result.criteria.map((c) => (
                      <Table.Row key={c.key}>
                        <Table.HeaderCell scope="row">{c.title}</Table.HeaderCell>
                        <Table.Cell>{score(c.mean)}</Table.Cell>
                        <Table.Cell>
                          {c.standardDeviation === null
                            ? "–"
                            : `${score(c.standardDeviation)}; ${c.min}–${c.max}`}
                        </Table.Cell>
                        <Table.Cell>{c.count}</Table.Cell>
                        <Table.Cell>{c.cannotAssess}</Table.Cell>
                        {sectorsPresent.map((s) => {
                          const stats = c.bySector[s];
                          return (
                            <Table.Cell key={s} data-testid={`split-${m.reference}-${c.key}-${s}`}>
                              {stats
                                ? e("ev.splitCell", { mean: score(stats.mean), count: stats.count })
                                : "–"}
                            </Table.Cell>
                          );
                        })}
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              <Paragraph data-size="sm">
                {e("ev.recommendationsHeading")}:{" "}
                {recommendations
                  .map((rec) => `${e(`ev.rec.${rec}`)} ${result.recommendations[rec]}`)
                  .join(" · ")}
              </Paragraph>
              {self && <SelfAssessment round={round} number={number} entry={self} label={m.reference} />}
            </Card.Block>
            {m.individual.length > 0 && (
              <Details>
                <Details.Summary>{e("ev.individualHeading")}</Details.Summary>
                <Details.Content>
                  <ul>
                    {m.individual.map((a) => (
                      <li key={a.name}>
                        <strong>{a.name}</strong> ({e(`ev.sector.${a.sector}`)}
                        {a.organisation ? `, ${a.organisation}` : ""}):{" "}
                        {round.criteria
                          .map((c) => {
                            const v = a.scores[c.key];
                            return `${c.title} ${v === undefined ? "–" : v === null ? e("ev.cannotAssess").toLowerCase() : v}`;
                          })
                          .join(", ")}
                        . {a.recommendation ? `${e(`ev.rec.${a.recommendation}`)}.` : ""}
                        {a.comment && <span className="pv-prewrap"> «{a.comment}»</span>}
                      </li>
                    ))}
                  </ul>
                </Details.Content>
              </Details>
            )}
          </Card>
        );
      })}
    </section>
  );
}
