import { Alert, Button, Heading, List, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useRef, useState } from "react";
import { phaseOnDate } from "../../../domain/phases.ts";
import type { CycleResponse } from "../../../http/routes/cycles.ts";
import { useSend } from "../../api.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { Arshjul } from "../../components/Arshjul.tsx";
import { PhaseDatesEditor } from "../../components/PhaseDatesEditor.tsx";
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
  const [today] = useState(() => todayIso());
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
  /** One action at a time: a new one clears what the last one said. */
  const start = () => {
    setNotice(null);
    for (const m of [advance, adopt, revise, roll]) m.reset();
  };

  const showAdopt =
    may("adopt") && newest?.status === "draft" && (cycle.phase === "vedtak" || newest.revision > 0);
  const showRevise = may("update") && newest?.status === "adopted";
  const showRoll = may("update") && adopted.length > 0 && !cycle.rolled;
  const showAdvance = may("update") && cycle.nextPhase !== null;

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
                onClick={() => {
                  start();
                  advance.mutate(undefined, {
                    onSuccess: (result) => setNotice(c("cycle.advanced", { phase: phaseName(result.phase) })),
                  });
                }}
              >
                {c("cycle.advance", { phase: phaseName(cycle.nextPhase) })}
              </Button>
            </div>
          )}
          <Refusal error={advance.error} heading={c("cycle.advanceRefused")} />
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
                start();
                adopt.mutate(body, {
                  onSuccess: () => setNotice(c("cycle.adopted", { year: cycle.budgetYear })),
                });
              }}
            />
          )}
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
                <Button
                  variant="secondary"
                  loading={roll.isPending}
                  onClick={() => {
                    start();
                    roll.mutate(cycle.id);
                  }}
                >
                  {c("cycle.roll", { year: cycle.budgetYear + 1 })}
                </Button>
              </div>
              <Refusal error={roll.error} heading={c("cycle.rollRefused")} />
            </div>
          )}
        </section>
      )}

      <Arshjul cycle={cycle} today={today} />
      {may("update") && <PhaseDatesEditor municipalityNumber={municipalityNumber} cycle={cycle} />}

      <VersionsSection planId={planId} cycle={cycle} all={all} />
    </div>
  );
}
