import { Alert, Button, Card, Details, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { formatNok } from "../../domain/money.ts";
import type { PlanTreeResponse } from "../../http/routes/plan.ts";
import { useCurrentMunicipality, usePlanHistory, usePlanTree } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { AuditList } from "../components/AuditList.tsx";
import { CreatePlanForm } from "../components/CreatePlanForm.tsx";
import { capitalise } from "../components/capitalise.ts";
import { LoadMore } from "../components/LoadMore.tsx";
import { PlanEditor } from "../components/PlanEditor.tsx";
import { PlanYearSwitcher, useYearParam } from "../components/PlanYearSwitcher.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { RollUp } from "../components/RollUp.tsx";
import { StatusTag } from "../components/StatusTag.tsx";
import { useLanguage } from "../i18n/language.tsx";
import { localeFor } from "../i18n/messages.ts";
import { useYearMessages } from "../i18n/year-messages.ts";

export function PlanTreePage() {
  const { t, language } = useLanguage();
  const municipality = useCurrentMunicipality();
  const year = useYearParam();
  const tree = usePlanTree(municipality.data?.number, year);
  const { y } = useYearMessages();
  const [editing, setEditing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const mayReadHistory = tree.data?.plan?.allowedActions.includes("read_history") ?? false;
  const history = usePlanHistory(
    tree.data?.municipality.number ?? "",
    tree.data?.plan?.id ?? "",
    historyOpen && mayReadHistory,
  );
  if (!tree.data) return <QueryState isError={municipality.isError || tree.isError} />;
  const { plan, cycle, goals, withoutGoal, yearChoice } = tree.data;
  if (!plan) {
    return (
      <article className="pv-stack">
        <Heading level={1} data-size="lg">
          {t("empty.heading")}
        </Heading>
        {municipality.data?.role === "planner" ? (
          <>
            <Paragraph>{t("empty.planner")}</Paragraph>
            <CreatePlanForm municipalityNumber={tree.data.municipality.number} />
          </>
        ) : (
          <Paragraph>{t("empty.other")}</Paragraph>
        )}
      </article>
    );
  }
  const hasExamples = [
    ...goals.flatMap((g) => g.focusAreas.flatMap((fa) => fa.measures)),
    ...withoutGoal.measures,
  ].some((m) => m.isExample);
  const measureLink = (reference: string) =>
    `/tiltak/${reference}${yearChoice.shown?.chosenBy === "address" ? `?aar=${yearChoice.shown.budgetYear}` : ""}`;
  const mayEdit = plan.allowedActions.includes("update");

  return (
    <article className="pv-stack">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {plan.title}
        </Heading>
        {plan.basis && (
          <Paragraph data-size="sm" className="pv-muted" data-testid="plan-basis">
            {capitalise(t("plans.basedOn", { basis: plan.basis }))}
          </Paragraph>
        )}
        {plan.vision && <Paragraph data-size="lg">{plan.vision}</Paragraph>}
        {mayEdit && !editing && (
          <div className="pv-actions">
            <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
              {t("plan.edit")}
            </Button>
            <AppLink to="/plan/struktur">{t("structure.link")}</AppLink>
            {!plan.published && (
              <Tag data-color="warning" data-size="sm">
                {t("plan.publishedNo")}
              </Tag>
            )}
          </div>
        )}
        {editing && (
          <PlanEditor
            municipalityNumber={tree.data.municipality.number}
            plan={plan}
            onDone={() => setEditing(false)}
          />
        )}
        <dl className="pv-facts">
          <div>
            <dt>{t("plan.period")}</dt>
            <dd>
              {plan.startYear}–{plan.endYear}
            </dd>
          </div>
          {plan.adoptedOn && (
            <div>
              <dt>{t("plan.adoptedOn")}</dt>
              <dd>
                {new Intl.DateTimeFormat(localeFor[language], { dateStyle: "long" }).format(
                  new Date(plan.adoptedOn),
                )}
                {plan.caseReference && `, ${plan.caseReference}`}
              </dd>
            </div>
          )}
        </dl>
        <PlanYearSwitcher options={yearChoice.alive} shown={yearChoice.shown} />
        {cycle && (
          <dl className="pv-facts">
            <div>
              <dt>{t("plan.actionPlan", { year: cycle.budgetYear })}</dt>
              <dd>
                {t("plan.hop", { start: cycle.startYear, end: cycle.endYear })}
                {cycle.actionPlan && (
                  <Tag
                    data-color={cycle.actionPlan.status === "adopted" ? "success" : "warning"}
                    data-size="sm"
                  >
                    {t(`plan.status.${cycle.actionPlan.status}`)}
                  </Tag>
                )}
              </dd>
            </div>
            <div>
              <dt>{t("plan.phase")}</dt>
              <dd>{t(`phase.${cycle.phase}`)}</dd>
            </div>
          </dl>
        )}
        {hasExamples && (
          <Alert data-color="info" data-size="sm">
            {t("demo.notice")}
          </Alert>
        )}
      </header>

      {mayReadHistory && (
        <Details onToggle={(e) => setHistoryOpen((e.target as HTMLDetailsElement).open)}>
          <Details.Summary>{t("history.heading")}</Details.Summary>
          <Details.Content>
            {history.data ? (
              <>
                <AuditList events={history.data} />
                <LoadMore list={history} />
              </>
            ) : (
              <QueryState isError={history.isError} />
            )}
          </Details.Content>
        </Details>
      )}

      <section aria-labelledby="tree-heading" className="pv-stack">
        <Heading level={2} data-size="md" id="tree-heading">
          {t("plan.tree.heading")}
        </Heading>
        <Paragraph>{t("plan.tree.intro")}</Paragraph>
        {goals.length === 0 && (
          <Alert data-color="info" data-size="sm">
            {y("year.noGoals")} {mayEdit && <AppLink to="/plan/struktur">{y("year.addGoals")}</AppLink>}
          </Alert>
        )}
        <Paragraph className="pv-rule" id="rollup-rule">
          {t("rollup.rule")}
        </Paragraph>
        <ul className="pv-tree" data-testid="plan-tree">
          {goals.map((goal) => (
            <li key={goal.id}>
              <Card data-color="neutral" className="pv-goal">
                <Paragraph data-size="xs" className="pv-eyebrow">
                  {t("plan.goal")}
                </Paragraph>
                <Heading level={3} data-size="sm">
                  {goal.title}
                </Heading>
                <RollUp value={goal.rollUp} describedBy="rollup-rule" />
                {goal.description && <Paragraph data-size="sm">{goal.description}</Paragraph>}
                <ul className="pv-tree__focus-areas">
                  {goal.focusAreas.map((focusArea) => (
                    <li key={focusArea.id} className="pv-focus-area">
                      <Heading level={4} data-size="xs">
                        <span className="pv-eyebrow">{t("plan.focusArea")}: </span>
                        {focusArea.title}
                      </Heading>
                      {focusArea.measures.length === 0 ? (
                        <Paragraph data-size="sm" className="pv-muted">
                          {t("plan.noMeasures")}
                        </Paragraph>
                      ) : (
                        <>
                          <RollUp value={focusArea.rollUp} describedBy="rollup-rule" />
                          <MeasureList measures={focusArea.measures} linkTo={measureLink} />
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </Card>
            </li>
          ))}
          {withoutGoal.measures.length > 0 && (
            <li>
              <Card data-color="neutral" className="pv-goal" data-testid="without-goal">
                <Heading level={3} data-size="sm">
                  {y("year.withoutGoal")}
                </Heading>
                <RollUp value={withoutGoal.rollUp} describedBy="rollup-rule" />
                <Paragraph data-size="sm">{y("year.withoutGoalIntro")}</Paragraph>
                <MeasureList measures={withoutGoal.measures} linkTo={measureLink} />
              </Card>
            </li>
          )}
        </ul>
      </section>
    </article>
  );
}

type TreeMeasureSummary = PlanTreeResponse["withoutGoal"]["measures"][number];

function MeasureList({
  measures,
  linkTo,
}: {
  measures: TreeMeasureSummary[];
  linkTo: (reference: string) => string;
}) {
  const { t, language } = useLanguage();
  return (
    <ul className="pv-tree__measures">
      {measures.map((measure) => (
        <li key={measure.reference} className="pv-measure">
          <span className="pv-measure__ref">{measure.reference}</span>
          <span className="pv-measure__title">
            <AppLink to={linkTo(measure.reference)}>{measure.title}</AppLink>
          </span>
          {measure.isExample && (
            <Tag data-color="info" data-size="sm">
              {t("measure.example")}
            </Tag>
          )}
          <StatusTag status={measure.status} />
          <span className="pv-measure__progress">
            <span className="pv-visually-hidden">{t("measure.progress")}: </span>
            {measure.progress === null ? "–" : `${measure.progress} %`}
          </span>
          <span className="pv-measure__cost">
            <span className="pv-visually-hidden">{t("measure.municipalCostPeriod")}: </span>
            {formatNok(measure.totalMunicipalNok, localeFor[language])}
          </span>
        </li>
      ))}
    </ul>
  );
}
