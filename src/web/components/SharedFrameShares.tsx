import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { FrameCheckResponse } from "../../http/routes/budget.ts";
import { useRegionMessages } from "../i18n/region-messages.ts";
import { AmountCells, YearHeaderCells } from "./ByYearCells.tsx";

/** Which shared measures the frame check counts, and how much of each: the municipality's own share. */
export function SharedFrameShares({ check }: { check: FrameCheckResponse }) {
  const { r } = useRegionMessages();
  if (check.sharedMeasures.length === 0) return null;
  return (
    <section className="pv-stack" aria-labelledby="shared-frame-heading" data-testid="shared-frame-shares">
      <Heading level={2} data-size="sm" id="shared-frame-heading">
        {r("shared.frameHeading")}
      </Heading>
      <Paragraph data-size="sm" className="pv-muted">
        {r("shared.frameRule")}
      </Paragraph>
      <div className="pv-table-scroll">
        <Table data-size="sm" zebra border>
          <caption className="pv-visually-hidden">{r("shared.frameCaption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{r("shared.measure")}</Table.HeaderCell>
              <Table.HeaderCell className="pv-num">{r("shared.ourShare")}</Table.HeaderCell>
              <YearHeaderCells years={check.years} />
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {check.sharedMeasures.map((m) => (
              <Table.Row key={m.measureId}>
                <Table.HeaderCell scope="row">
                  {m.reference} {m.title}{" "}
                  <span className="pv-muted">
                    (
                    {m.role === "owner" ? r("shared.role.owner") : r("shared.ownedBy", { name: m.ownerName })}
                    )
                  </span>
                </Table.HeaderCell>
                <Table.Cell className="pv-num">{m.sharePercent} %</Table.Cell>
                <AmountCells byYear={m.byYear} />
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
