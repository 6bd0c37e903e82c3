import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type {
  FrameOverrideBody,
  PrioritisationResponse,
  PrioritisationSetupResponse,
} from "../../../http/routes/prioritisation.ts";
import { type ApiError, fieldError, sendJson } from "../../api.ts";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { RemovedMeasures } from "../../components/RemovedMeasures.tsx";
import { useBudgetMessages } from "../../i18n/budget-messages.ts";
import { useEvaluationMessages } from "../../i18n/evaluation-messages.ts";
import { useRemovalMessages } from "../../i18n/removal-messages.ts";
import { MeasureTable } from "./MeasureTable.tsx";
import { ProposalPanel } from "./ProposalPanel.tsx";
import { budgetPaths, type Notice } from "./shared.ts";
import { UndoPrioritisation } from "./UndoPrioritisation.tsx";
import { ValueRule } from "./ValueRule.tsx";

/** Prioritisation: a proposal of which measures to keep within the frames, and what-if runs on changed frames. */
export function PrioritisationSection({
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
  // The value of a measure: by default its priority, with the latest closed evaluation round's
  // score breaking ties; or the priority alone; or the score alone.
  const { e: ev, score } = useEvaluationMessages();
  const { r } = useRemovalMessages();
  const [valueSource, setValueSource] = useState<"default" | "priority" | "evaluation">("default");
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
          {mayUpdate && <UndoPrioritisation municipalityNumber={municipalityNumber} setup={setup} />}
          <RemovedMeasures
            municipalityNumber={municipalityNumber}
            planId={setup.planId}
            year={setup.budgetYear}
            headingLevel={3}
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
                    label={r("value.default")}
                    value="default"
                    checked={valueSource === "default"}
                    onChange={() => setValueSource("default")}
                  />
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
            {result && <ValueRule rule={result.valueRule} count={setup.measures.length} />}
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
