import { Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import type { SharedMeasureResponse } from "../../http/routes/shared-measure-schema.ts";
import { useRegionMessages } from "../i18n/region-messages.ts";
import { AppLink } from "./AppLink.tsx";
import { AmountCells, YearHeaderCells } from "./ByYearCells.tsx";

/** One shared measure («Felles tiltak») and how its municipal cost is split, per party and year. */
export function SharedSplit({
  measure,
  headingLevel = 3,
  tableOnly = false,
}: {
  measure: SharedMeasureResponse;
  headingLevel?: 2 | 3 | 4;
  /** Only the table (the measure page has its own heading and introduction). */
  tableOnly?: boolean;
}) {
  const { r } = useRegionMessages();
  const id = `shared-${measure.measureId}`;
  const table = (
    <div className="pv-table-scroll">
      <Table data-size="sm" zebra border data-testid="shared-split">
        <caption className="pv-visually-hidden">
          {r("shared.splitCaption", { reference: measure.reference, title: measure.title })}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{r("shared.party")}</Table.HeaderCell>
            <Table.HeaderCell className="pv-num">{r("shared.share")}</Table.HeaderCell>
            <YearHeaderCells years={measure.years} />
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {measure.parties.map((p) => (
            <Table.Row key={p.number}>
              <Table.HeaderCell scope="row">
                {p.name} <span className="pv-muted">({r(`shared.role.${p.role}`)})</span>
              </Table.HeaderCell>
              <Table.Cell className="pv-num">{p.role === "invited" ? "–" : `${p.percent} %`}</Table.Cell>
              <AmountCells byYear={p.byYear} />
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row">{r("shared.total")}</Table.HeaderCell>
            <Table.Cell className="pv-num">100 %</Table.Cell>
            <AmountCells byYear={measure.totalByYear} strong />
          </Table.Row>
        </Table.Body>
      </Table>
    </div>
  );
  if (tableOnly) return table;
  return (
    <section className="pv-stack" aria-labelledby={id} data-testid="shared-measure">
      <Heading level={headingLevel} data-size="xs" id={id}>
        {measure.reference} {measure.title}{" "}
        <Tag data-color="info" data-size="sm">
          {r("region.sharedTag")}
        </Tag>
      </Heading>
      <Paragraph data-size="sm" className="pv-muted">
        {r("shared.ownedBy", { name: measure.owner.name })}
      </Paragraph>
      {table}
    </section>
  );
}

/** «Felles tiltak» in a municipality's measure list or action plan, with the split and the rule. */
export function SharedMeasuresSection({
  measures,
  manageLink,
}: {
  measures: SharedMeasureResponse[];
  manageLink?: React.ReactNode;
}) {
  const { r } = useRegionMessages();
  if (measures.length === 0 && !manageLink) return null;
  return (
    <section className="pv-stack" aria-labelledby="shared-measures-heading" data-testid="shared-measures">
      <Heading level={2} data-size="sm" id="shared-measures-heading">
        {r("shared.heading")}
      </Heading>
      <Paragraph data-size="sm">{r("shared.intro")}</Paragraph>
      {measures.length === 0 ? (
        <Paragraph data-size="sm">{r("shared.none")}</Paragraph>
      ) : (
        measures.map((m) => <SharedSplit key={m.measureId} measure={m} />)
      )}
      {measures.length > 0 && (
        <Paragraph data-size="sm" className="pv-muted">
          {r("shared.rule")}
        </Paragraph>
      )}
      {manageLink}
    </section>
  );
}

/** The way to the page where the municipality's planners handle shared measures. */
export function SharedMeasuresLink() {
  const { r } = useRegionMessages();
  return (
    <Paragraph>
      <AppLink to="/felles-tiltak">{r("shared.manage")}</AppLink>
    </Paragraph>
  );
}
