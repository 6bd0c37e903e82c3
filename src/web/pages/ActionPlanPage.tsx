import { Alert, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useParams } from "react-router";
import { formatNok, sumNok } from "../../domain/money.ts";
import type { ActionPlanResponse } from "../../http/routes/cycles.ts";
import { useCurrentMunicipality } from "../api.ts";
import { ActionPlanDownloads } from "../components/ActionPlanDownloads.tsx";
import { AppLink } from "../components/AppLink.tsx";
import { decisionText } from "../components/cycle-texts.ts";
import { QueryState } from "../components/QueryState.tsx";
import { useActionPlan } from "../cycle-api.ts";
import { formatLocale, useCycleMessages } from "../i18n/cycle-messages.ts";
import { useLanguage } from "../i18n/language.tsx";

/**
 * /plan/:planId/handlingsplan/:budgetYear/:revision: one version of the action plan, as adopted (or
 * drafted, for those who may read drafts). The permanent, citable page of that version.
 */
export function ActionPlanPage() {
  const { t, language } = useLanguage();
  const { c } = useCycleMessages();
  const { planId = "", budgetYear = "", revision = "" } = useParams();
  const municipality = useCurrentMunicipality();
  const actionPlan = useActionPlan(
    municipality.data?.number ?? "",
    planId,
    budgetYear,
    revision,
    Boolean(municipality.data),
  );
  if (actionPlan.isError) {
    return (
      <article className="pv-stack">
        <Heading level={1} data-size="lg">
          {c("ap.notFoundHeading")}
        </Heading>
        <Paragraph>{c("ap.notFound")}</Paragraph>
      </article>
    );
  }
  if (!actionPlan.data) return <QueryState isError={municipality.isError} />;
  const ap = actionPlan.data;
  const nok = (amount: number) => formatNok(amount, formatLocale(language));
  const years = Array.from({ length: ap.endYear - ap.startYear + 1 }, (_, i) => ap.startYear + i);
  const costIn = (m: ActionPlanResponse["measures"][number], year: number) =>
    m.costByYear.find((x) => x.year === year)?.municipalNok ?? 0;
  const totalIn = (year: number) => ap.totals.find((x) => x.year === year)?.municipalNok ?? 0;
  const decision = decisionText(c, language, ap);
  const signedIn = municipality.data?.role != null;

  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        {signedIn && <AppLink to={`/arshjul?aar=${ap.budgetYear}`}>← {c("ap.toCycle")}</AppLink>}
        <Paragraph data-size="sm" className="pv-eyebrow">
          {ap.plan.title}
        </Paragraph>
        <Heading level={1} data-size="lg">
          {c("ap.heading", { year: ap.budgetYear, start: ap.startYear, end: ap.endYear })}
        </Heading>
        <div className="pv-actions">
          <Tag data-color={ap.status === "adopted" ? "success" : "warning"} data-size="md">
            {c(`status.${ap.status}`)}
          </Tag>
          <span>{ap.revision === 0 ? c("ap.original") : c("ap.revision", { revision: ap.revision })}</span>
        </div>
        {decision ? (
          <Paragraph data-testid="decision">
            <strong>{decision}</strong>
          </Paragraph>
        ) : (
          <Alert data-color="warning" data-testid="decision">
            {c("ap.draft")}
          </Alert>
        )}
        {ap.reason && <Paragraph>{c("ap.reason", { reason: ap.reason })}</Paragraph>}
        <Paragraph data-size="sm" className="pv-muted">
          {c("ap.permanent")}
        </Paragraph>
      </header>

      <section className="pv-stack" aria-labelledby="ap-measures-heading">
        <Heading level={2} data-size="md" id="ap-measures-heading">
          {c("ap.measures")}
        </Heading>
        {ap.measures.length === 0 ? (
          <Paragraph>{c("ap.empty")}</Paragraph>
        ) : (
          <>
            <Paragraph data-size="sm">
              {c("ap.count", { count: ap.measures.length })}. {c("ap.amounts")}
            </Paragraph>
            <div className="pv-table-scroll">
              <Table data-size="sm" zebra border data-testid="action-plan-table">
                <caption className="pv-visually-hidden">{c("ap.caption", { year: ap.budgetYear })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t("measure.reference")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("measure.title")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("measure.focusArea")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("measure.responsible")}</Table.HeaderCell>
                    {years.map((y) => (
                      <Table.HeaderCell key={y} className="pv-num">
                        {y}
                      </Table.HeaderCell>
                    ))}
                    <Table.HeaderCell className="pv-num">{c("ap.total")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {ap.measures.map((m) => (
                    <Table.Row key={m.reference}>
                      <Table.Cell className="pv-nowrap">{m.reference}</Table.Cell>
                      <Table.Cell>
                        {m.title}{" "}
                        {m.isExample && (
                          <Tag data-color="info" data-size="sm">
                            {t("measure.example")}
                          </Tag>
                        )}
                      </Table.Cell>
                      <Table.Cell>{m.focusAreaTitle}</Table.Cell>
                      <Table.Cell>{m.responsibleUnit || "–"}</Table.Cell>
                      {years.map((y) => (
                        <Table.Cell key={y} className="pv-num">
                          {nok(costIn(m, y))}
                        </Table.Cell>
                      ))}
                      <Table.Cell className="pv-num">
                        {nok(sumNok(years.map((y) => costIn(m, y))))}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
                <Table.Foot>
                  <Table.Row>
                    <Table.HeaderCell scope="row" colSpan={4}>
                      {c("ap.total")}
                    </Table.HeaderCell>
                    {years.map((y) => (
                      <Table.Cell key={y} className="pv-num">
                        <strong>{nok(totalIn(y))}</strong>
                      </Table.Cell>
                    ))}
                    <Table.Cell className="pv-num">
                      <strong>{nok(sumNok(years.map(totalIn)))}</strong>
                    </Table.Cell>
                  </Table.Row>
                </Table.Foot>
              </Table>
            </div>
          </>
        )}
      </section>
      <ActionPlanDownloads
        municipalityNumber={municipality.data?.number ?? ""}
        planId={planId}
        budgetYear={ap.budgetYear}
        revision={ap.revision}
        canImport={municipality.data?.role === "planner" && ap.status === "draft"}
      />
      {signedIn && (
        <Paragraph>
          <AppLink to={`/endringer?${new URLSearchParams({ before: ap.id })}`}>{c("ap.compare")}</AppLink>
        </Paragraph>
      )}
    </article>
  );
}
