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
      {check.overBudget.length > 0 && (
        <Alert data-color="danger" data-testid="overruns">
          <Heading level={3} data-size="xs">
            {b("frames.overrunsHeading")}
          </Heading>
          <List.Unordered>
            {check.overBudget.map((o) => (
              <List.Item key={`${o.year}|${o.frameAreaId}`}>
                {b("frames.overrun", {
                  year: o.year,
                  area: o.frameAreaName,
                  frame: nok(o.frameNok),
                  sum: nok(o.sumNok),
                  excess: nok(o.sumNok - o.frameNok),
                })}
              </List.Item>
            ))}
          </List.Unordered>
          <Paragraph>{b("frames.overrunHint")}</Paragraph>
        </Alert>
      )}
      {check.unframed.length > 0 && (
        // Money without a frame yet (say the new last year after a rolling): a warning, not an overrun.
        <Alert data-color="warning" data-testid="unframed">
          <Heading level={3} data-size="xs">
            {b("frames.unframedHeading")}
          </Heading>
          <List.Unordered>
            {check.unframed.map((u) => (
              <List.Item key={`${u.year}|${u.frameAreaId}`}>
                {b("frames.unframed", { year: u.year, area: u.frameAreaName, sum: nok(u.sumNok) })}
              </List.Item>
            ))}
          </List.Unordered>
          <Paragraph>{b("frames.unframedHint")}</Paragraph>
        </Alert>
      )}
      {check.overBudget.length === 0 && check.unframed.length === 0 && (
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
                    r.state === "unframed" ? (
                      <Tag data-size="sm" data-color="warning">
                        {b("frames.noFrame")}
                      </Tag>
                    ) : (
                      <span className="pv-muted">{b("frames.noFrame")}</span>
                    )
                  ) : (
                    <>
                      <span
                        className="pv-nowrap"
                        style={{ display: "inline-flex", gap: "var(--ds-size-2)", alignItems: "center" }}
                      >
                        {nok(r.frameNok)}
                        <Tag data-size="sm" data-color={r.frameStatus === "adopted" ? "success" : "warning"}>
                          {b(r.frameStatus === "adopted" ? "frames.adopted" : "frames.proposed")}
                        </Tag>
                      </span>
                      {r.origin && <FrameOrigin origin={r.origin} frameNok={r.frameNok} />}
                    </>
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

/** Where a carried frame came from: «fra vedtatt økonomiplan 2027–2030, sak 150/26» (and «endret»). */
function FrameOrigin({ origin, frameNok }: { origin: NonNullable<FrameRow["origin"]>; frameNok: number }) {
  const { b } = useBudgetMessages();
  const period = { start: origin.period.startYear, end: origin.period.endYear };
  const text = origin.caseReference
    ? b("frames.originCase", { ...period, case: origin.caseReference.replace(/^(sak|case)\s+/i, "") })
    : b("frames.origin", period);
  return (
    <span className="pv-muted" data-testid="frame-origin" style={{ display: "block", fontSize: "0.875em" }}>
      {text}
      {origin.amountNok !== frameNok ? ` (${b("frames.originChanged")})` : ""}
    </span>
  );
}
