import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import type { FrameCheckResponse } from "../../../http/routes/budget.ts";
import type { CycleResponse } from "../../../http/routes/cycles.ts";
import type { PrioritisationSetupResponse } from "../../../http/routes/prioritisation.ts";
import { PlanYearSwitcher } from "../../components/PlanYearSwitcher.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { SharedFrameShares } from "../../components/SharedFrameShares.tsx";
import { usePlanCycles } from "../../cycle-api.ts";
import { useBudgetMessages } from "../../i18n/budget-messages.ts";
import { useLanguage } from "../../i18n/language.tsx";
import { chooseBudgetCycle, OtherYears, yearOptionOf } from "./BudgetYearSwitch.tsx";
import { FrameChart } from "./FrameChart.tsx";
import { FrameCheckSection } from "./FrameCheckSection.tsx";
import { PrioritisationSection } from "./PrioritisationSection.tsx";
import { budgetPaths, type Notice, useJson } from "./shared.ts";

/**
 * /budsjett: a cycle's frames against its measures, and prioritisation under them. The cycle is in
 * the address (`?aar=2028`); by default the plan in preparation (ADR 0009).
 */
export function BudgetPage() {
  const { b } = useBudgetMessages();
  const { t } = useLanguage();
  const { municipality, tree, planId, cycles } = usePlanCycles();
  const [params] = useSearchParams();
  const aar = params.get("aar");
  if (!tree.data || !municipality) return <QueryState isError={tree.isError} />;
  // Drafts and frames are internal: the municipality's own people only (not partners, not the public).
  if (!municipality.role || municipality.role === "partner")
    return <Paragraph>{b("budget.internalOnly")}</Paragraph>;
  if (!planId) return <Paragraph>{t("plan.none")}</Paragraph>;
  const cycle = cycles.data ? chooseBudgetCycle(cycles.data, aar) : undefined;
  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {b("budget.heading")}
        </Heading>
        <Paragraph>{b("budget.intro")}</Paragraph>
      </header>
      {cycles.data && (
        <PlanYearSwitcher
          options={cycles.data.map(yearOptionOf)}
          shown={cycle ? yearOptionOf(cycle) : null}
        />
      )}
      {!cycles.data ? (
        <QueryState isError={cycles.isError} />
      ) : !cycle ? (
        aar && cycles.data.length > 0 ? (
          <div className="pv-stack">
            <Paragraph>{b("budget.yearUnknown", { year: aar })}</Paragraph>
            <OtherYears cycles={cycles.data} />
          </div>
        ) : (
          <Paragraph>{b("budget.noCycle")}</Paragraph>
        )
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
