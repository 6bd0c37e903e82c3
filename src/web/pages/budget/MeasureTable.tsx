import { Button, Checkbox, Input, Paragraph, Table } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import type { PrioritisationSetupResponse } from "../../../http/routes/prioritisation.ts";
import { fieldError, useSend } from "../../api.ts";
import { useBudgetMessages } from "../../i18n/budget-messages.ts";
import { budgetPaths } from "./shared.ts";

/** The draft's measures with their cost, priority and whether they are mandatory; editable row by row. */
export function MeasureTable({
  municipalityNumber,
  setup,
  mayUpdate,
  onChanged,
}: {
  municipalityNumber: string;
  setup: PrioritisationSetupResponse;
  mayUpdate: boolean;
  onChanged: () => void;
}) {
  const { b } = useBudgetMessages();
  if (setup.measures.length === 0) return <Paragraph>{b("prio.none")}</Paragraph>;
  return (
    <div className="pv-table-scroll">
      <Table data-size="sm" zebra data-testid="priority-table">
        <caption className="pv-visually-hidden">
          {b("prio.measuresCaption", { year: setup.budgetYear })}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{b("prio.reference")}</Table.HeaderCell>
            <Table.HeaderCell>{b("prio.title")}</Table.HeaderCell>
            <Table.HeaderCell className="pv-num">
              {b("prio.cost", { start: setup.years[0] ?? "", end: setup.years.at(-1) ?? "" })}
            </Table.HeaderCell>
            <Table.HeaderCell>{b("prio.priority")}</Table.HeaderCell>
            <Table.HeaderCell>{b("prio.mandatory")}</Table.HeaderCell>
            {mayUpdate && (
              <Table.HeaderCell>
                <span className="pv-visually-hidden">{b("prio.save")}</span>
              </Table.HeaderCell>
            )}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {setup.measures.map((m) => (
            <MeasureRow
              key={m.reference}
              municipalityNumber={municipalityNumber}
              measure={m}
              mayUpdate={mayUpdate}
              onChanged={onChanged}
            />
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function MeasureRow({
  municipalityNumber,
  measure,
  mayUpdate,
  onChanged,
}: {
  municipalityNumber: string;
  measure: PrioritisationSetupResponse["measures"][number];
  mayUpdate: boolean;
  onChanged: () => void;
}) {
  const { b, nok } = useBudgetMessages();
  const stored = measure.priority === null ? "" : String(measure.priority);
  const [priority, setPriority] = useState(stored);
  const [mandatory, setMandatory] = useState(measure.mandatory);
  // When the server's values change (a save here, or someone else's), the row shows them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is what marks a new state
  useEffect(() => {
    setPriority(stored);
    setMandatory(measure.mandatory);
  }, [stored, measure.mandatory, measure.version]);
  const save = useSend<void>(() => ({
    method: "PATCH",
    path: budgetPaths.priority(municipalityNumber, measure.reference),
    body: {
      priority: priority.trim() === "" ? null : Number(priority),
      mandatory,
      version: measure.version,
    },
  }));
  const dirty = priority !== stored || mandatory !== measure.mandatory;
  const total = measure.costs.reduce((sum, c) => sum + c.amountNok, 0);
  const error = save.error ? (fieldError(save.error, "/priority") ?? save.error.message) : undefined;
  return (
    <Table.Row data-testid={`priority-${measure.reference}`}>
      <Table.HeaderCell scope="row" className="pv-nowrap">
        {measure.reference}
      </Table.HeaderCell>
      <Table.Cell>{measure.title}</Table.Cell>
      <Table.Cell className="pv-num">{nok(total)}</Table.Cell>
      <Table.Cell>
        {mayUpdate ? (
          <span className="pv-stack" style={{ gap: "var(--ds-size-1)" }}>
            <Input
              type="number"
              inputMode="numeric"
              min={0}
              max={1000}
              step={1}
              size={5}
              style={{ width: "6rem" }}
              aria-label={b("prio.priorityFor", { reference: measure.reference })}
              value={priority}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setPriority(e.target.value)}
            />
            {error && (
              <span className="pv-field-error" role="alert" style={{ fontSize: "0.875rem" }}>
                {error}
              </span>
            )}
          </span>
        ) : (
          (measure.priority ?? <span className="pv-muted">–</span>)
        )}
      </Table.Cell>
      <Table.Cell>
        {mayUpdate ? (
          <Checkbox
            aria-label={b("prio.mandatoryFor", { reference: measure.reference })}
            checked={mandatory}
            onChange={(e) => setMandatory(e.target.checked)}
          />
        ) : measure.mandatory ? (
          b("prio.yes")
        ) : (
          b("prio.no")
        )}
      </Table.Cell>
      {mayUpdate && (
        <Table.Cell>
          <Button
            variant="secondary"
            data-size="sm"
            disabled={!dirty}
            loading={save.isPending}
            aria-label={b("prio.saveFor", { reference: measure.reference })}
            onClick={() => save.mutate(undefined, { onSuccess: onChanged })}
          >
            {b("prio.save")}
          </Button>
        </Table.Cell>
      )}
    </Table.Row>
  );
}
