import { Alert, Button, Checkbox, Heading, List, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { cyclePhases } from "../../../domain/cycle.ts";
import { phaseOnDate } from "../../../domain/phases.ts";
import type { CycleResponse } from "../../../http/routes/cycles.ts";
import { browserFetchJson, useSend } from "../../api.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { Arshjul } from "../../components/Arshjul.tsx";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { PhaseDatesEditor } from "../../components/PhaseDatesEditor.tsx";
import { ReminderNote } from "../../components/ReminderNote.tsx";
import { cyclePaths } from "../../cycle-api.ts";
import { formatDay, todayIso, useCycleMessages } from "../../i18n/cycle-messages.ts";
import { useLanguage } from "../../i18n/language.tsx";
import { type AdoptBody, AdoptForm, ReviseForm } from "./CycleForms.tsx";
import { Refusal } from "./Refusal.tsx";
import { VersionsSection } from "./VersionsSection.tsx";

export type RollResult = {
  cycleId: string;
  budgetYear: number;
  carried: number;
  left: { reference: string; why: string }[];
};

/** One cycle: where it stands, what may be done next, its year wheel and its action plan versions. */
export function CycleView({
  municipalityNumber,
  planId,
  cycle,
  all,
  rolled,
  roll,
}: {
  municipalityNumber: string;
  planId: string;
  cycle: CycleResponse;
  all: CycleResponse[];
  rolled: RollResult | null;
  roll: ReturnType<typeof useSend<string, RollResult>>;
}) {
  const { t, language } = useLanguage();
  const { c } = useCycleMessages();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice || rolled) noticeRef.current?.focus();
  }, [notice, rolled]);
  // The server's today (its clock decides the roles and deadlines), the browser's as a fallback.
  const [browserToday] = useState(() => todayIso());
  const today = cycle.today || browserToday;
  const may = (action: CycleResponse["allowedActions"][number]) => cycle.allowedActions.includes(action);
  const newest = cycle.actionPlans.at(-1);
  const adopted = cycle.actionPlans.filter((v) => v.status === "adopted");
  const phaseName = (phase: CycleResponse["phase"]) => t(`phase.${phase}`);

  const advance = useSend<void, { phase: CycleResponse["phase"] }>(() => ({
    method: "POST",
    path: cyclePaths.cycleAction(municipalityNumber, cycle.id, "advance"),
    body: { version: cycle.version, to: cycle.nextPhase },
  }));
  // The forms' writes live here, not in the forms: a form goes away when its write succeeds.
  const adopt = useSend((body: AdoptBody) => ({
    method: "POST",
    path: cyclePaths.cycleAction(municipalityNumber, cycle.id, "adopt"),
    body,
  }));
  const revise = useSend<{ reason: string }, { revision: number }>((body) => ({
    method: "POST",
    path: cyclePaths.cycleAction(municipalityNumber, cycle.id, "revisions"),
    body,
  }));
  const stepBack = useSend<string, { phase: CycleResponse["phase"] }>((reason) => ({
    method: "POST",
    path: cyclePaths.stepBack(municipalityNumber, cycle.id),
    body: { version: cycle.version, reason },
  }));
  const extendPlan = useSend<{ version: number; endYear: number }>((body) => ({
    method: "PATCH",
    path: cyclePaths.plan(municipalityNumber, planId),
    body,
  }));
  /** One action at a time: a new one clears what the last one said. */
  const start = () => {
    setNotice(null);
    for (const m of [advance, adopt, revise, roll, stepBack, extendPlan]) m.reset();
  };
  /** The step waiting for confirmation, and the decision typed in the adopt form. */
  const [confirming, setConfirming] = useState<"advance" | "step_back" | "adopt" | "roll" | null>(null);
  const [decision, setDecision] = useState<AdoptBody | null>(null);
  const [extend, setExtend] = useState(false);
  const rollFacts = useQuery({
    queryKey: [cyclePaths.consequences(municipalityNumber, cycle.id, "roll"), "extend-plan"],
    queryFn: () =>
      browserFetchJson(cyclePaths.consequences(municipalityNumber, cycle.id, "roll")) as Promise<{
        extendPlan: { planId: string; version: number; endYear: number } | null;
      }>,
    enabled: confirming === "roll",
    staleTime: 0,
    gcTime: 0,
  });
  const confirm = (step: NonNullable<typeof confirming>) => {
    start();
    setExtend(false);
    setConfirming(step);
  };
  const close = () => setConfirming(null);

  const showAdopt =
    may("adopt") && newest?.status === "draft" && (cycle.phase === "vedtak" || newest.revision > 0);
  const showRevise = may("update") && newest?.status === "adopted";
  const showRoll = may("update") && adopted.length > 0 && !cycle.rolled;
  const showAdvance = may("update") && cycle.nextPhase !== null;
  const phaseIndex = cyclePhases.indexOf(cycle.phase);
  const previousPhase = phaseIndex > 0 ? (cyclePhases[phaseIndex - 1] ?? null) : null;
  const showStepBack =
    may("update") &&
    previousPhase !== null &&
    adopted.length === 0 &&
    phaseIndex <= cyclePhases.indexOf("vedtak");

  const dates = cycle.phaseDates[cycle.phase];
  const calendarPhase = phaseOnDate(cycle.phaseDates as Parameters<typeof phaseOnDate>[0], today);
  const needsReview = newest?.needsReview ?? 0;

  return (
    <div className="pv-stack pv-stack--loose">
      <section className="pv-stack" aria-labelledby="cycle-heading">
        <Heading level={2} data-size="md" id="cycle-heading">
          {c("cycle.title", { year: cycle.budgetYear, start: cycle.startYear, end: cycle.endYear })}
        </Heading>
        {cycle.rolledFromBudgetYear !== null && (
          <Paragraph data-size="sm" className="pv-muted">
            {c("cycle.rolledFrom", { year: cycle.rolledFromBudgetYear })}
          </Paragraph>
        )}
        <div ref={noticeRef} tabIndex={-1} role="status" className="pv-stack">
          {notice && <Alert data-color="success">{notice}</Alert>}
          {rolled && (
            <Alert data-color="success">
              <Paragraph>{c("cycle.rolled", { year: rolled.budgetYear, carried: rolled.carried })}</Paragraph>
              {rolled.left.length > 0 && (
                <Paragraph data-size="sm">
                  {c("cycle.left")} {rolled.left.map((l) => `${l.reference} (${l.why})`).join(", ")}
                </Paragraph>
              )}
            </Alert>
          )}
        </div>

        <div className="pv-panel pv-stack" data-testid="cycle-now">
          <Heading level={3} data-size="sm">
            {c("cycle.now")}
          </Heading>
          <Paragraph>
            {dates
              ? c("cycle.nowPhase", { phase: phaseName(cycle.phase), date: formatDay(dates.end, language) })
              : c("cycle.nowPhaseOpen", { phase: phaseName(cycle.phase) })}{" "}
            {dates && dates.end < today && cycle.phase !== "avsluttet" && (
              <strong style={{ color: "var(--ds-color-warning-text-default)" }}>{c("cycle.overdue")}</strong>
            )}
            {cycle.phase === "innspill" && dates && (dates.end >= today || cycle.proposalReminderSentAt) && (
              <ReminderNote sentAt={cycle.proposalReminderSentAt} planned="reminder.proposals" />
            )}
          </Paragraph>
          {calendarPhase && calendarPhase !== cycle.phase && cycle.phase !== "avsluttet" && (
            <Paragraph data-size="sm" className="pv-muted">
              {c("cycle.calendarPhase", { phase: phaseName(calendarPhase) })}
            </Paragraph>
          )}
          {cycle.nextPhase === null ? (
            <Paragraph>{c("cycle.finished")}</Paragraph>
          ) : cycle.blockers.length === 0 ? (
            <Paragraph>{c("cycle.noBlockers", { phase: phaseName(cycle.nextPhase) })}</Paragraph>
          ) : (
            <div data-testid="blockers">
              <Heading level={4} data-size="2xs">
                {c("cycle.blockersHeading", { phase: phaseName(cycle.nextPhase) })}
              </Heading>
              <List.Unordered>
                {cycle.blockers.map((b) => (
                  <List.Item key={b}>{b}</List.Item>
                ))}
              </List.Unordered>
            </div>
          )}
          {needsReview > 0 && (
            <Alert data-color="warning" data-testid="needs-review">
              <Heading level={4} data-size="2xs">
                {needsReview === 1
                  ? c("cycle.needsReviewOne")
                  : c("cycle.needsReview", { count: needsReview })}
              </Heading>
              <Paragraph>{c("cycle.needsReviewHint")}</Paragraph>
              <Paragraph>
                <AppLink to="/tiltak">{c("cycle.toMeasures")}</AppLink>
              </Paragraph>
            </Alert>
          )}
          {showAdvance && cycle.nextPhase && (
            <div className="pv-actions">
              <Button
                variant={cycle.blockers.length > 0 ? "secondary" : "primary"}
                loading={advance.isPending}
                onClick={() => confirm("advance")}
              >
                {c("cycle.advance", { phase: phaseName(cycle.nextPhase) })}
              </Button>
              {showStepBack && previousPhase && (
                <Button variant="tertiary" loading={stepBack.isPending} onClick={() => confirm("step_back")}>
                  {c("cycle.stepBack", { phase: phaseName(previousPhase) })}
                </Button>
              )}
            </div>
          )}
          <Refusal error={advance.error} heading={c("cycle.advanceRefused")} />
          <Refusal error={stepBack.error} heading={c("cycle.stepBackRefused")} />
          {cycle.nextPhase && (
            <ConfirmDialog
              testId="advance-dialog"
              open={confirming === "advance"}
              onClose={close}
              heading={c("confirm.advanceHeading", { phase: phaseName(cycle.nextPhase) })}
              consequencesPath={cyclePaths.consequences(municipalityNumber, cycle.id, "advance")}
              pending={advance.isPending}
              onConfirm={() =>
                advance.mutate(undefined, {
                  onSettled: close,
                  onSuccess: (result) => setNotice(c("cycle.advanced", { phase: phaseName(result.phase) })),
                })
              }
            />
          )}
          {previousPhase && (
            <ConfirmDialog
              testId="step-back-dialog"
              open={confirming === "step_back"}
              onClose={close}
              heading={c("confirm.stepBackHeading", { phase: phaseName(previousPhase) })}
              consequencesPath={cyclePaths.consequences(municipalityNumber, cycle.id, "step_back")}
              pending={stepBack.isPending}
              reason={{}}
              onConfirm={(reason) =>
                stepBack.mutate(reason, {
                  onSettled: close,
                  onSuccess: (result) =>
                    setNotice(c("cycle.steppedBack", { phase: phaseName(result.phase) })),
                })
              }
            />
          )}
        </div>
      </section>

      {(showAdopt || showRevise || showRoll) && (
        <section className="pv-stack" aria-labelledby="actions-heading">
          <Heading level={2} data-size="sm" id="actions-heading">
            {c("cycle.actions")}
          </Heading>
          {showAdopt && (
            <AdoptForm
              adopt={adopt}
              onSubmit={(body) => {
                setDecision(body);
                confirm("adopt");
              }}
            />
          )}
          <ConfirmDialog
            testId="adopt-dialog"
            open={confirming === "adopt"}
            onClose={close}
            heading={c("confirm.adoptHeading", { year: cycle.budgetYear })}
            consequencesPath={cyclePaths.consequences(municipalityNumber, cycle.id, "adopt")}
            pending={adopt.isPending}
            onConfirm={() =>
              decision &&
              adopt.mutate(decision, {
                onSettled: close,
                onSuccess: () => setNotice(c("cycle.adopted", { year: cycle.budgetYear })),
              })
            }
          />
          {showRevise && (
            <ReviseForm
              revise={revise}
              onSubmit={(reason) => {
                start();
                revise.mutate(
                  { reason },
                  { onSuccess: (result) => setNotice(c("cycle.revised", { revision: result.revision })) },
                );
              }}
            />
          )}
          {showRoll && (
            <div className="pv-panel pv-stack">
              <Heading level={3} data-size="xs">
                {c("cycle.roll", { year: cycle.budgetYear + 1 })}
              </Heading>
              <Paragraph>{c("cycle.rollIntro", { year: cycle.budgetYear + 1 })}</Paragraph>
              <div className="pv-actions">
                <Button variant="secondary" loading={roll.isPending} onClick={() => confirm("roll")}>
                  {c("cycle.roll", { year: cycle.budgetYear + 1 })}
                </Button>
              </div>
              <ConfirmDialog
                testId="roll-dialog"
                open={confirming === "roll"}
                onClose={close}
                heading={c("confirm.rollHeading", { year: cycle.budgetYear + 1 })}
                consequencesPath={cyclePaths.consequences(municipalityNumber, cycle.id, "roll")}
                pending={roll.isPending || extendPlan.isPending}
                error={<Refusal error={extendPlan.error} heading={c("cycle.rollRefused")} />}
                onConfirm={() => {
                  const offer = rollFacts.data?.extendPlan;
                  const rollNow = () => roll.mutate(cycle.id, { onSettled: close });
                  if (extend && offer)
                    extendPlan.mutate(
                      { version: offer.version, endYear: offer.endYear },
                      { onSuccess: rollNow },
                    );
                  else rollNow();
                }}
              >
                {rollFacts.data?.extendPlan && (
                  <div>
                    <Checkbox
                      label={c("confirm.extendPlan", { year: rollFacts.data.extendPlan.endYear })}
                      checked={extend}
                      onChange={(e) => setExtend(e.target.checked)}
                    />
                    <Paragraph data-size="sm">
                      <AppLink to="/plan/struktur">{c("confirm.revisePlan")}</AppLink>
                    </Paragraph>
                  </div>
                )}
              </ConfirmDialog>
              <Refusal error={roll.error} heading={c("cycle.rollRefused")} />
            </div>
          )}
        </section>
      )}

      <Arshjul cycle={cycle} today={today} />
      {may("update") && <PhaseDatesEditor municipalityNumber={municipalityNumber} cycle={cycle} />}

      <VersionsSection municipalityNumber={municipalityNumber} planId={planId} cycle={cycle} all={all} />
    </div>
  );
}
