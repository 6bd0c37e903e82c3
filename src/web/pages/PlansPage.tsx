import { Button, Card, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useCurrentMunicipality, usePlanList, usePlanParam } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { CreatePlanForm } from "../components/CreatePlanForm.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useLanguage } from "../i18n/language.tsx";

/**
 * /planer: the municipality's plans (a næringsplan, a klima- og energiplan, …), each with its own
 * goals, focus areas, cycles and action plans; planners start a new one here.
 */
export function PlansPage() {
  const { t } = useLanguage();
  const municipality = useCurrentMunicipality().data;
  const list = usePlanList(municipality?.number);
  const current = usePlanParam();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  if (!municipality || !list.data) return <QueryState isError={list.isError} />;
  const { plans } = list.data;
  const shownId = current ?? list.data.defaultPlanId;
  const mayCreate = list.data.allowedActions.includes("create");
  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {t("plans.heading")}
        </Heading>
        <Paragraph>{t("plans.intro")}</Paragraph>
      </header>
      {plans.length === 0 && <Paragraph>{t("plan.none")}</Paragraph>}
      <ul className="pv-plan-list" data-testid="plan-list">
        {plans.map((p) => (
          <li key={p.id}>
            <Card data-color={p.id === shownId ? "accent" : "neutral"}>
              <Heading level={2} data-size="sm">
                <AppLink to={`/?plan=${p.id}`}>{p.title}</AppLink>
              </Heading>
              <Paragraph data-size="sm">
                {t("plans.period", { start: p.startYear, end: p.endYear })}
                {p.basis && ` · ${t("plans.basedOn", { basis: p.basis })}`}
              </Paragraph>
              <Paragraph data-size="sm" className="pv-muted">
                {t("plans.counts", { goals: p.goalCount, measures: p.measureCount })}
                {p.budgetYears.length > 0 && ` · ${t("plans.years", { years: p.budgetYears.join(", ") })}`}
              </Paragraph>
              <div className="pv-actions">
                <Tag data-size="sm" data-color={p.published ? "success" : "warning"}>
                  {p.published ? t("plans.published") : t("plan.publishedNo")}
                </Tag>
                {p.id === shownId && (
                  <Tag data-size="sm" data-color="info">
                    {t("plans.youAreHere")}
                  </Tag>
                )}
              </div>
            </Card>
          </li>
        ))}
      </ul>
      {mayCreate && (
        <section className="pv-stack" aria-labelledby="new-plan">
          <Heading level={2} data-size="sm" id="new-plan">
            {t("plans.new")}
          </Heading>
          {creating ? (
            <CreatePlanForm
              municipalityNumber={municipality.number}
              onCreated={(id) => void navigate(`/plan/struktur?plan=${id}`)}
            />
          ) : (
            <>
              <Paragraph>{t("plans.newIntro")}</Paragraph>
              <div>
                <Button variant="secondary" onClick={() => setCreating(true)}>
                  {t("plans.new")}
                </Button>
              </div>
            </>
          )}
        </section>
      )}
    </article>
  );
}
