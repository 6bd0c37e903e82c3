import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  List,
  Paragraph,
  Radio,
  Select,
  Table,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type CSSProperties, type FormEvent, useEffect, useRef, useState } from "react";
import type { FrameCheckResponse } from "../../http/routes/budget.ts";
import type { CycleResponse } from "../../http/routes/cycles.ts";
import type {
  FrameOverrideBody,
  PrioritisationResponse,
  PrioritisationSetupResponse,
  ProposalResponse,
} from "../../http/routes/prioritisation.ts";
import {
  type ApiError,
  browserFetchJson,
  fieldError,
  sendJson,
  useCurrentMunicipality,
  usePlanTree,
  useSend,
} from "../api.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { SharedFrameShares } from "../components/SharedFrameShares.tsx";
import { type BudgetMessageKey, useBudgetMessages } from "../i18n/budget-messages.ts";
import { useEvaluationMessages } from "../i18n/evaluation-messages.ts";
import { useLanguage } from "../i18n/language.tsx";
import { useCycles } from "./CyclePage.tsx";

/** The budget page's API paths; a query's key is its path. */
export const budgetPaths = {
  frameCheck: (municipalityNumber: string, cycleId: string) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/frame-check`,
  frames: (municipalityNumber: string, cycleId: string) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/frames`,
  prioritisation: (municipalityNumber: string, cycleId: string) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/prioritisation`,
  apply: (municipalityNumber: string, cycleId: string) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/prioritisation/apply`,
  priority: (municipalityNumber: string, reference: string) =>
    `/api/municipalities/${municipalityNumber}/measures/${encodeURIComponent(reference)}/priority`,
};

type Translate = (key: BudgetMessageKey, params?: Record<string, string | number>) => string;
/** A confirmation, kept as message keys so it follows a change of language. */
type Notice = [BudgetMessageKey, Record<string, string | number>][];
type FrameRow = FrameCheckResponse["rows"][number];
type StoredFrame = PrioritisationSetupResponse["frames"][number];

function useJson<T>(path: string, enabled = true) {
  return useQuery({ queryKey: [path], queryFn: () => browserFetchJson(path) as Promise<T>, enabled });
}

/** /budsjett: the newest cycle's frames against its measures, and prioritisation under them. */
export function BudgetPage() {
  const { b } = useBudgetMessages();
  const { t } = useLanguage();
  const municipality = useCurrentMunicipality().data;
  const tree = usePlanTree(municipality?.number);
  const planId = tree.data?.plan?.id;
  const cycles = useCycles(municipality?.number, planId);
  if (!tree.data || !municipality) return <QueryState isError={tree.isError} />;
  // Drafts and frames are internal: the municipality's own people only (not partners, not the public).
  if (!municipality.role || municipality.role === "partner")
    return <Paragraph>{b("budget.internalOnly")}</Paragraph>;
  if (!planId) return <Paragraph>{t("plan.none")}</Paragraph>;
  const cycle = cycles.data?.[0];
  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {b("budget.heading")}
        </Heading>
        <Paragraph>{b("budget.intro")}</Paragraph>
      </header>
      {!cycles.data ? (
        <QueryState isError={cycles.isError} />
      ) : !cycle ? (
        <Paragraph>{b("budget.noCycle")}</Paragraph>
      ) : (
        <BudgetView key={cycle.id} municipalityNumber={municipality.number} cycle={cycle} />
      )}
    </article>
  );
}

function BudgetView({ municipalityNumber, cycle }: { municipalityNumber: string; cycle: CycleResponse }) {
  const { b } = useBudgetMessages();
  const check = useJson<FrameCheckResponse>(budgetPaths.frameCheck(municipalityNumber, cycle.id));
  const setup = useJson<PrioritisationSetupResponse>(
    budgetPaths.prioritisation(municipalityNumber, cycle.id),
  );
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  if (!check.data || !setup.data) return <QueryState isError={check.isError || setup.isError} />;
  const mayUpdate = setup.data.allowedActions.includes("update");
  return (
    <div className="pv-stack pv-stack--loose">
      <div className="pv-stack">
        <Heading level={2} data-size="md">
          {b("budget.cycleTitle", { year: cycle.budgetYear, start: cycle.startYear, end: cycle.endYear })}
        </Heading>
        <div ref={noticeRef} tabIndex={-1} role="status" data-testid="budget-notice">
          {notice && (
            <Alert data-color="success">{notice.map(([key, params]) => b(key, params)).join(" ")}</Alert>
          )}
        </div>
      </div>
      <FrameCheckSection
        municipalityNumber={municipalityNumber}
        check={check.data}
        frames={setup.data.frames}
        mayUpdate={mayUpdate}
        onSaved={setNotice}
      />
      <SharedFrameShares check={check.data} />
      <FrameChart check={check.data} />
      <PrioritisationSection
        municipalityNumber={municipalityNumber}
        setup={setup.data}
        mayUpdate={mayUpdate}
        onApplied={setNotice}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The frame check

function FrameCheckSection({
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

function FrameForm({
  municipalityNumber,
  cycleId,
  row,
  stored,
  onClose,
  onSaved,
}: {
  municipalityNumber: string;
  cycleId: string;
  row: FrameRow;
  stored: StoredFrame | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { b } = useBudgetMessages();
  const { t } = useLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const [form, setForm] = useState({
    amount: row.frameNok === null ? "" : String(row.frameNok),
    status: row.frameStatus ?? "adopted",
    decisionDate: stored?.decisionDate ?? "",
    caseReference: stored?.caseReference ?? "",
  });
  const save = useSend<typeof form>((f) => ({
    method: "PUT",
    path: budgetPaths.frames(municipalityNumber, cycleId),
    body: {
      frameAreaId: row.frameAreaId,
      year: row.year,
      amountNok: Number(f.amount.replace(/[\s\u00a0]/g, "")),
      status: f.status,
      decisionDate: f.status === "adopted" ? f.decisionDate || null : null,
      caseReference: f.status === "adopted" ? f.caseReference || null : null,
      version: row.frameVersion ?? 0,
    },
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(form, { onSuccess: onSaved });
  };
  const validationShown = save.error?.status === 400;
  return (
    <form className="pv-form pv-panel" onSubmit={submit} noValidate aria-labelledby="frame-form-heading">
      <Heading level={3} data-size="xs" id="frame-form-heading" ref={headingRef} tabIndex={-1}>
        {b("frames.editHeading", { year: row.year, area: row.frameAreaName })}
      </Heading>
      {!validationShown && <ErrorMessage error={save.error} heading={b("frames.refused")} />}
      <Textfield
        label={b("frames.amount")}
        description={b("frames.amountHint")}
        inputMode="numeric"
        value={form.amount}
        onChange={(e) => setForm({ ...form, amount: e.target.value })}
        error={fieldError(save.error, "/amountNok")}
        style={{ maxWidth: "16rem" }}
      />
      <Field style={{ maxWidth: "16rem" }}>
        <Label>{b("frames.status")}</Label>
        <Select
          value={form.status}
          onChange={(e) => setForm({ ...form, status: e.target.value as "adopted" | "proposed" })}
        >
          <Select.Option value="adopted">{b("frames.adopted")}</Select.Option>
          <Select.Option value="proposed">{b("frames.proposed")}</Select.Option>
        </Select>
      </Field>
      {form.status === "adopted" && (
        <>
          <Textfield
            label={b("frames.decisionDate")}
            type="date"
            value={form.decisionDate}
            onChange={(e) => setForm({ ...form, decisionDate: e.target.value })}
            error={fieldError(save.error, "/decisionDate")}
            style={{ maxWidth: "14rem" }}
          />
          <Textfield
            label={b("frames.caseReference")}
            description={b("frames.caseReferenceHint")}
            value={form.caseReference}
            onChange={(e) => setForm({ ...form, caseReference: e.target.value })}
            error={fieldError(save.error, "/caseReference")}
          />
        </>
      )}
      {validationShown &&
        !fieldError(save.error, "/amountNok") &&
        !fieldError(save.error, "/caseReference") && (
          <ErrorMessage error={save.error} heading={b("frames.refused")} />
        )}
      <div className="pv-actions">
        <Button type="submit" loading={save.isPending}>
          {b("frames.save")}
        </Button>
        <Button type="button" variant="tertiary" onClick={onClose}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// The chart: one line per year × area, the frame as a track, the sum as a bar, the overrun hatched.

function FrameChart({ check }: { check: FrameCheckResponse }) {
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

// ---------------------------------------------------------------------------------------------
// Prioritisation

function PrioritisationSection({
  municipalityNumber,
  setup,
  mayUpdate,
  onApplied,
}: {
  municipalityNumber: string;
  setup: PrioritisationSetupResponse;
  mayUpdate: boolean;
  onApplied: (notice: Notice) => void;
}) {
  const { b, nok } = useBudgetMessages();
  const [result, setResult] = useState<PrioritisationResponse | null>(null);
  const [whatIf, setWhatIf] = useState({ percent: "", year: "", frameAreaId: "" });
  const [percentError, setPercentError] = useState<string | undefined>();
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  // A proposal saves nothing, so unlike useSend it leaves the page's queries alone.
  const queryClient = useQueryClient();
  // The value of a measure: its priority, or its score in the latest closed evaluation round.
  const { e: ev, score } = useEvaluationMessages();
  const [valueSource, setValueSource] = useState<"priority" | "evaluation">("priority");
  const evaluated = setup.measures.filter((m) => m.evaluationScore !== null).length;
  const propose = useMutation<PrioritisationResponse, ApiError, FrameOverrideBody[]>({
    mutationFn: (overrides) =>
      sendJson(queryClient, "POST", budgetPaths.prioritisation(municipalityNumber, setup.cycleId), {
        overrides,
        valueSource,
      }),
  });
  const run = (overrides: FrameOverrideBody[]) => propose.mutate(overrides, { onSuccess: setResult });
  const submitWhatIf = (event: FormEvent) => {
    event.preventDefault();
    const percent = Number(whatIf.percent.replace(",", ".").replace("−", "-").trim());
    if (whatIf.percent.trim() === "" || !Number.isFinite(percent)) {
      setPercentError(b("prio.percentInvalid"));
      return;
    }
    setPercentError(undefined);
    run([
      {
        percent,
        ...(whatIf.year ? { year: Number(whatIf.year) } : {}),
        ...(whatIf.frameAreaId ? { frameAreaId: whatIf.frameAreaId } : {}),
      },
    ]);
  };
  const areaName = (id: string) => setup.areas.find((a) => a.id === id)?.name ?? "";
  const changeText = (o: FrameOverrideBody) => {
    if (!("percent" in o)) return `${o.year} ${areaName(o.frameAreaId)} ${nok(o.amountNok)}`;
    const percent = o.percent > 0 ? `+${o.percent}` : String(o.percent).replace("-", "−");
    if (o.year !== undefined && o.frameAreaId !== undefined)
      return b("prio.changeYearArea", { percent, year: o.year, area: areaName(o.frameAreaId) });
    if (o.year !== undefined) return b("prio.changeYear", { percent, year: o.year });
    if (o.frameAreaId !== undefined) return b("prio.changeArea", { percent, area: areaName(o.frameAreaId) });
    return b("prio.changeAll", { percent });
  };

  return (
    <section className="pv-stack" aria-labelledby="prio-heading">
      <Heading level={2} data-size="sm" id="prio-heading">
        {b("prio.heading")}
      </Heading>
      <Paragraph>{b("prio.intro")}</Paragraph>
      <Paragraph data-size="sm" className="pv-muted">
        {b("prio.rules")}
      </Paragraph>
      {!setup.draft ? (
        <Alert data-color="info">{b("budget.adoptedNote", { year: setup.budgetYear })}</Alert>
      ) : (
        <>
          {!mayUpdate && <Paragraph className="pv-muted">{b("prio.readOnly")}</Paragraph>}
          <MeasureTable
            municipalityNumber={municipalityNumber}
            setup={setup}
            mayUpdate={mayUpdate}
            onChanged={() => setResult(null)}
          />
          {mayUpdate && setup.measures.length > 0 && (
            <div className="pv-stack">
              {evaluated > 0 && (
                <Fieldset data-testid="value-source">
                  <Fieldset.Legend>{ev("ev.valueSource")}</Fieldset.Legend>
                  <Fieldset.Description>
                    {ev("ev.valueSourceHint", {
                      count: evaluated,
                      list: setup.measures
                        .filter((m) => m.evaluationScore !== null)
                        .map((m) => `${m.reference} ${score(m.evaluationScore)}`)
                        .join(", "),
                    })}
                  </Fieldset.Description>
                  <Radio
                    name="value-source"
                    label={ev("ev.valuePriority")}
                    value="priority"
                    checked={valueSource === "priority"}
                    onChange={() => setValueSource("priority")}
                  />
                  <Radio
                    name="value-source"
                    label={ev("ev.scoreOption")}
                    value="evaluation"
                    checked={valueSource === "evaluation"}
                    onChange={() => setValueSource("evaluation")}
                  />
                </Fieldset>
              )}
              <div className="pv-actions">
                <Button
                  onClick={() => run([])}
                  loading={propose.isPending && propose.variables?.length === 0}
                >
                  {b("prio.run")}
                </Button>
              </div>
              <form
                className="pv-panel pv-stack"
                onSubmit={submitWhatIf}
                noValidate
                aria-labelledby="whatif-heading"
              >
                <Heading level={3} data-size="xs" id="whatif-heading">
                  {b("prio.whatIfHeading")}
                </Heading>
                <Paragraph data-size="sm">{b("prio.whatIfIntro")}</Paragraph>
                <div className="pv-filters">
                  <Textfield
                    label={b("prio.percent")}
                    description={b("prio.percentHint")}
                    inputMode="decimal"
                    value={whatIf.percent}
                    onChange={(e) => setWhatIf({ ...whatIf, percent: e.target.value })}
                    error={percentError ?? fieldError(propose.error, "/overrides/0/percent")}
                  />
                  <Field>
                    <Label>{b("prio.year")}</Label>
                    <Select
                      value={whatIf.year}
                      onChange={(e) => setWhatIf({ ...whatIf, year: e.target.value })}
                    >
                      <Select.Option value="">{b("prio.allYears")}</Select.Option>
                      {setup.years.map((y) => (
                        <Select.Option key={y} value={String(y)}>
                          {y}
                        </Select.Option>
                      ))}
                    </Select>
                  </Field>
                  {setup.areas.length > 1 && (
                    <Field>
                      <Label>{b("prio.area")}</Label>
                      <Select
                        value={whatIf.frameAreaId}
                        onChange={(e) => setWhatIf({ ...whatIf, frameAreaId: e.target.value })}
                      >
                        <Select.Option value="">{b("prio.allAreas")}</Select.Option>
                        {setup.areas.map((a) => (
                          <Select.Option key={a.id} value={a.id}>
                            {a.name}
                          </Select.Option>
                        ))}
                      </Select>
                    </Field>
                  )}
                </div>
                <div className="pv-actions">
                  <Button
                    type="submit"
                    variant="secondary"
                    loading={propose.isPending && (propose.variables?.length ?? 0) > 0}
                  >
                    {b("prio.runWhatIf")}
                  </Button>
                </div>
              </form>
            </div>
          )}
          {propose.error && propose.error.status !== 400 && (
            <ErrorMessage error={propose.error} heading={b("prio.refused")} />
          )}
          <div ref={resultRef} tabIndex={-1} aria-live="polite" data-testid="proposals">
            {result && (
              <div className={result.whatIf ? "pv-grid-2" : "pv-stack"} style={{ alignItems: "start" }}>
                <ProposalPanel
                  title={b("prio.current")}
                  testId="proposal-current"
                  proposal={result.current}
                  budgetYear={result.budgetYear}
                  measureCount={setup.measures.length}
                  apply={
                    mayUpdate
                      ? {
                          municipalityNumber,
                          cycleId: result.cycleId,
                          onApplied: (dropped, within) => {
                            setResult(null);
                            onApplied([
                              ["prio.applied", { count: dropped.length, references: dropped.join(", ") }],
                              [within ? "prio.appliedWithin" : "prio.appliedStillOver", {}],
                            ]);
                          },
                        }
                      : null
                  }
                />
                {result.whatIf && (
                  <ProposalPanel
                    title={b("prio.whatIf", { change: result.overrides.map(changeText).join(", ") })}
                    testId="proposal-what-if"
                    proposal={result.whatIf}
                    compareWith={result.current}
                    budgetYear={result.budgetYear}
                    measureCount={setup.measures.length}
                    apply={null}
                  />
                )}
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function MeasureTable({
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

type ApplyTarget = {
  municipalityNumber: string;
  cycleId: string;
  onApplied: (dropped: string[], withinFrames: boolean) => void;
};

function ProposalPanel({
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

function ApplyProposal({
  target,
  dropped,
  budgetYear,
}: {
  target: ApplyTarget;
  dropped: string[];
  budgetYear: number;
}) {
  const { b } = useBudgetMessages();
  const [open, setOpen] = useState(false);
  const apply = useSend<void, { dropped: string[]; frameCheck: { overruns: unknown[] } }>(() => ({
    method: "POST",
    path: budgetPaths.apply(target.municipalityNumber, target.cycleId),
    body: { drop: dropped },
  }));
  return (
    <>
      <div className="pv-actions">
        <Button
          onClick={() => {
            apply.reset();
            setOpen(true);
          }}
        >
          {b("prio.apply")}
        </Button>
      </div>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={b("prio.closeDialog")}
        aria-labelledby="apply-heading"
        data-testid="apply-dialog"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="apply-heading">
            {b("prio.applyHeading", { count: dropped.length })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="pv-stack">
          <Paragraph>{b("prio.applyBody", { year: budgetYear, references: dropped.join(", ") })}</Paragraph>
          <ErrorMessage error={apply.error} heading={b("prio.applyRefused")} />
          <div className="pv-actions">
            <Button
              loading={apply.isPending}
              onClick={() =>
                apply.mutate(undefined, {
                  onSuccess: (result) => {
                    setOpen(false);
                    target.onApplied(result.dropped, result.frameCheck.overruns.length === 0);
                  },
                })
              }
            >
              {b("prio.applyConfirm")}
            </Button>
            <Button variant="tertiary" onClick={() => setOpen(false)}>
              {b("prio.cancel")}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
