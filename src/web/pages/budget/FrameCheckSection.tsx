import { Alert, Button, Heading, List, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import type { FrameCheckResponse } from "../../../http/routes/budget.ts";
import { useBudgetMessages } from "../../i18n/budget-messages.ts";
import { FrameForm } from "./FrameForm.tsx";
import type { FrameRow, Notice, StoredFrame } from "./shared.ts";

/** The frame check: each year and frame area, its frame against the sum of its measures, and any overruns. */
export function FrameCheckSection({
  municipalityNumber,
  check,
  frames,
  mayUpdate,
  onSaved,
}: {
  municipalityNumber: string;
  check: FrameCheckResponse;
  frames: StoredFrame[];
  mayUpdate: boolean;
  onSaved: (notice: Notice) => void;
}) {
  const { b, nok } = useBudgetMessages();
  const [editing, setEditing] = useState<{ year: number; frameAreaId: string } | null>(null);
  const editedRow = editing
    ? check.rows.find((r) => r.year === editing.year && r.frameAreaId === editing.frameAreaId)
    : undefined;
  return (
    <section className="pv-stack" aria-labelledby="frames-heading">
      <Heading level={2} data-size="sm" id="frames-heading">
        {b("frames.heading")}
      </Heading>
      <Paragraph data-size="sm" className="pv-muted">
        {b("frames.rule")}
      </Paragraph>
      {check.overruns.length > 0 ? (
        <Alert data-color="danger" data-testid="overruns">
          <Heading level={3} data-size="xs">
            {b("frames.overrunsHeading")}
          </Heading>
          <List.Unordered>
            {check.overruns.map((o) => (
              <List.Item key={`${o.year}|${o.frameAreaId}`}>
                {o.frameNok === null
                  ? b("frames.overrunNoFrame", { year: o.year, area: o.frameAreaName, sum: nok(o.sumNok) })
                  : b("frames.overrun", {
                      year: o.year,
                      area: o.frameAreaName,
                      frame: nok(o.frameNok),
                      sum: nok(o.sumNok),
                      excess: nok(o.excessNok),
                    })}
              </List.Item>
            ))}
          </List.Unordered>
          <Paragraph>{b("frames.overrunHint")}</Paragraph>
        </Alert>
      ) : (
        <Alert data-color="success" data-testid="within-frames">
          {b("frames.allWithin")}
        </Alert>
      )}
      <div className="pv-table-scroll">
        <Table data-size="sm" zebra data-testid="frame-check">
          <caption className="pv-visually-hidden">{b("frames.caption", { year: check.budgetYear })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{b("frames.year")}</Table.HeaderCell>
              <Table.HeaderCell>{b("frames.area")}</Table.HeaderCell>
              <Table.HeaderCell className="pv-num">{b("frames.frame")}</Table.HeaderCell>
              <Table.HeaderCell className="pv-num">{b("frames.sum")}</Table.HeaderCell>
              <Table.HeaderCell>{b("frames.remaining")}</Table.HeaderCell>
              {mayUpdate && (
                <Table.HeaderCell>
                  <span className="pv-visually-hidden">{b("frames.edit")}</span>
                </Table.HeaderCell>
              )}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {check.rows.map((r) => (
              <Table.Row key={`${r.year}|${r.frameAreaId}`} data-testid={`frame-${r.year}`}>
                <Table.HeaderCell scope="row">{r.year}</Table.HeaderCell>
                <Table.Cell>{r.frameAreaName}</Table.Cell>
                <Table.Cell className="pv-num">
                  {r.frameNok === null ? (
                    <span className="pv-muted">{b("frames.noFrame")}</span>
                  ) : (
                    <span
                      className="pv-nowrap"
                      style={{ display: "inline-flex", gap: "var(--ds-size-2)", alignItems: "center" }}
                    >
                      {nok(r.frameNok)}
                      <Tag data-size="sm" data-color={r.frameStatus === "adopted" ? "success" : "warning"}>
                        {b(r.frameStatus === "adopted" ? "frames.adopted" : "frames.proposed")}
                      </Tag>
                    </span>
                  )}
                </Table.Cell>
                <Table.Cell className="pv-num">{nok(r.sumNok)}</Table.Cell>
                <Table.Cell>
                  <Remaining row={r} />
                </Table.Cell>
                {mayUpdate && (
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={b("frames.editLabel", { year: r.year, area: r.frameAreaName })}
                      onClick={() => setEditing({ year: r.year, frameAreaId: r.frameAreaId })}
                    >
                      {b("frames.edit")}
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {editing && editedRow && (
        <FrameForm
          // Not keyed by the frame's version: a save must not remount the form before it closes.
          key={`${editing.year}|${editing.frameAreaId}`}
          municipalityNumber={municipalityNumber}
          cycleId={check.cycleId}
          row={editedRow}
          stored={frames.find((f) => f.year === editing.year && f.frameAreaId === editing.frameAreaId)}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onSaved([["frames.saved", { year: editedRow.year, area: editedRow.frameAreaName }]]);
          }}
        />
      )}
    </section>
  );
}

/** What is left of a frame, or by how much it is exceeded: in words and with a tag, never colour alone. */
function Remaining({ row }: { row: FrameRow }) {
  const { b, nok } = useBudgetMessages();
  if (row.overrunNok > 0)
    return (
      <Tag data-color="danger" data-size="sm" data-testid="overrun-tag">
        {b("frames.over", { amount: nok(row.overrunNok) })}
      </Tag>
    );
  if (row.remainingNok === null) return <span className="pv-muted">–</span>;
  return <span className="pv-nowrap">{b("frames.left", { amount: nok(row.remainingNok) })}</span>;
}
