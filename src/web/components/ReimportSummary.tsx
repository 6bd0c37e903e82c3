import { Fieldset, Heading, Paragraph, Radio, Table, useRadioGroup } from "@digdir/designsystemet-react";
import type { ReimportMode } from "../../domain/statistics/reimport.ts";
import type { ImportPreviewResponse } from "../../http/routes/indicators.ts";
import { useIndicatorMessages } from "../i18n/indicator-messages.ts";

type Reimport = NonNullable<ImportPreviewResponse["reimport"]>;

/**
 * What a re-import does to the current series — added, changed, removed — and the planner's choice
 * between replacing the series and merging by period.
 */
export function ReimportSummary({
  reimport,
  decimals,
  onModeChange,
}: {
  reimport: Reimport;
  decimals: number | null;
  onModeChange: (mode: ReimportMode) => void;
}) {
  const { m, num } = useIndicatorMessages();
  const { getRadioProps } = useRadioGroup({
    name: "reimport-mode",
    value: reimport.mode,
    onChange: (value) => onModeChange(value as ReimportMode),
  });
  const value = (v: number | null) => (v === null ? "–" : num(v, decimals ?? 2));
  return (
    <section className="pv-stack" aria-labelledby="reimport-heading" data-testid="reimport">
      <Heading level={3} data-size="xs" id="reimport-heading">
        {m("reimport.heading")}
      </Heading>
      <Fieldset data-size="sm">
        <Fieldset.Legend>{m("reimport.mode")}</Fieldset.Legend>
        <Radio label={m("reimport.replace")} {...getRadioProps("replace")} />
        <Radio label={m("reimport.merge")} {...getRadioProps("merge")} />
      </Fieldset>
      <Paragraph data-testid="reimport-counts">
        {m("reimport.counts", {
          added: reimport.added,
          changed: reimport.changed,
          removed: reimport.removed,
          unchanged: reimport.unchanged,
        })}
        {reimport.mode === "merge" && reimport.kept > 0
          ? ` ${m("reimport.kept", { kept: reimport.kept })}`
          : ""}
      </Paragraph>
      {reimport.missingPeriods.length > 0 && (
        <Paragraph data-testid="reimport-periods">
          {m(reimport.mode === "merge" ? "reimport.periodsKept" : "reimport.periodsRemoved", {
            periods: reimport.missingPeriods.join(", "),
          })}
        </Paragraph>
      )}
      {reimport.examples.length > 0 && (
        <div className="pv-table-scroll">
          <Table data-size="sm" zebra>
            <caption>{m("reimport.examples", { shown: reimport.examples.length })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{m("reimport.change")}</Table.HeaderCell>
                <Table.HeaderCell>{m("chart.region")}</Table.HeaderCell>
                <Table.HeaderCell>{m("chart.period")}</Table.HeaderCell>
                <Table.HeaderCell>{m("import.category")}</Table.HeaderCell>
                <Table.HeaderCell>{m("reimport.before")}</Table.HeaderCell>
                <Table.HeaderCell>{m("reimport.after")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {reimport.examples.map((c) => (
                <Table.Row key={`${c.kind}|${c.regionNumber}|${c.period}|${c.category}`}>
                  <Table.Cell>{m(`reimport.${c.kind}`)}</Table.Cell>
                  <Table.Cell>
                    {c.regionNumber} {c.regionLabel}
                  </Table.Cell>
                  <Table.Cell>{c.period}</Table.Cell>
                  <Table.Cell>{c.categoryLabel}</Table.Cell>
                  <Table.Cell>{value(c.before)}</Table.Cell>
                  <Table.Cell>{value(c.after)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
