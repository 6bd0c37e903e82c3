import type { ReactNode } from "react";
import { sanitizeRichText } from "../../../domain/rich-text.ts";
import type { PublicMeasure } from "../../../services/public/internal.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import {
  BudgetByYearTable,
  Document,
  ExampleBadge,
  formatDate,
  MoneyNote,
  nok,
  OpenData,
  type PageEnv,
  Progress,
  StatusBadge,
} from "./layout.tsx";
import { Caption, ScrollTable } from "./scroll-table.tsx";
import { actionPlanPath, focusAreaPath, openMeasurePath, type VersionPath } from "./urls.ts";

export function MeasurePage({
  env,
  data,
  evaluations = null,
}: {
  env: PageEnv;
  data: PublicMeasure;
  evaluations?: ReactNode;
}) {
  const t = publicTranslator(env.language);
  const nr = data.municipality.number;
  const version: VersionPath = { planId: data.plan.id, budgetYear: data.actionPlan.budgetYear };
  const years = data.costByYear;
  return (
    <Document
      env={env}
      municipality={data.municipality}
      head={{
        title: `${data.reference} ${data.title}`,
        description: t("measure.description", {
          title: data.title,
          reference: data.reference,
          plan: data.plan.title,
          status: t(`status.${data.status}`),
        }),
        type: "article",
      }}
    >
      <nav aria-label={t("measure.chain")} className="crumbs">
        <ol>
          <li>
            <a href={actionPlanPath(nr, version)}>
              {data.plan.title}, {t("plan.actionPlan", { year: data.actionPlan.budgetYear })}
            </a>
          </li>
          <li>
            <a href={focusAreaPath(nr, version, data.focusAreaId)}>{data.focusAreaTitle}</a>
          </li>
          <li aria-current="page">{data.reference}</li>
        </ol>
      </nav>
      <p className="eyebrow">
        {data.reference} · {t("measure.fromPlan", { year: data.actionPlan.budgetYear })}{" "}
        <ExampleBadge t={t} show={data.isExample} />
      </p>
      <h1>{data.title}</h1>
      {data.change && (
        <section className="notice change" aria-labelledby="endring" data-testid="measure-change">
          <h2 id="endring">{t("change.heading")}</h2>
          <p>
            <strong>
              {t(`change.${data.change.kind}`, { year: data.change.year ?? "" }).replace(" .", ".")}
            </strong>
          </p>
          {data.change.reason ? (
            <p>{t("change.reason", { reason: data.change.reason })}</p>
          ) : data.change.via === "prioritisation" ? (
            <p>{t("change.byPrioritisation")}</p>
          ) : (
            data.change.kind !== "completed" && <p>{t("change.noReason")}</p>
          )}
        </section>
      )}
      <dl className="chain" aria-label={t("plan.chain")}>
        {data.goals.length > 0 && (
          <div>
            <dt>{t("measure.goal")}</dt>
            <dd>{data.goals.map((g) => g.title).join("; ")}</dd>
          </div>
        )}
        <div>
          <dt>{t("measure.focusArea")}</dt>
          <dd>
            <a href={focusAreaPath(nr, version, data.focusAreaId)}>{data.focusAreaTitle}</a>
          </dd>
        </div>
        <div>
          <dt>{t("money.municipal")}</dt>
          <dd data-testid="municipal-money">{nok(env.language, data.totalMunicipalNok)}</dd>
        </div>
        {data.totalExternalNok > 0 && (
          <div>
            <dt>{t("money.external")}</dt>
            <dd data-testid="external-money">{nok(env.language, data.totalExternalNok)}</dd>
          </div>
        )}
        <div>
          <dt>{t("measure.status")}</dt>
          <dd>
            {data.change?.kind === "removed" && (
              <>
                <span className="status status-stopped">{t("change.badgeRemoved")}</span>{" "}
              </>
            )}
            <StatusBadge t={t} status={data.status} /> <Progress t={t} value={data.progress} />
          </dd>
        </div>
      </dl>
      {data.description && (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save and again here (src/domain/rich-text.ts)
        <div className="richtext" dangerouslySetInnerHTML={{ __html: sanitizeRichText(data.description) }} />
      )}

      <h2>{t("measure.facts")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("measure.responsible")}</dt>
          <dd>{data.responsibleUnit || "–"}</dd>
        </div>
        <div>
          <dt>{t("measure.partners")}</dt>
          <dd>
            {data.partners.length === 0
              ? t("measure.noPartners")
              : data.partners.map((p) => `${p.name} (${t(`partnerRole.${p.role}`)})`).join(", ")}
          </dd>
        </div>
        <div>
          <dt>{t("measure.period")}</dt>
          <dd>
            {data.startYear}–{data.endYear}
          </dd>
        </div>
      </dl>

      <h2>{t("money.heading")}</h2>
      {years.length === 0 ? (
        <p>{t("measure.noBudget")}</p>
      ) : (
        <BudgetByYearTable
          t={t}
          env={env}
          caption={t("money.caption", { reference: data.reference })}
          rows={years}
          sum={{ municipalNok: data.totalMunicipalNok, externalNok: data.totalExternalNok }}
        />
      )}
      {years.length > 0 && (
        <MoneyNote
          t={t}
          env={env}
          municipalNok={data.totalMunicipalNok}
          externalNok={data.totalExternalNok}
          external={data.externalByStatus}
        />
      )}

      {data.milestones.length > 0 && (
        <>
          <h2>{t("measure.milestones")}</h2>
          <ul className="milestones">
            {data.milestones.map((m) => (
              <li key={`${m.dueDate}-${m.title}`}>
                {formatDate(env.language, m.dueDate)}: {m.title} (
                {m.done ? t("measure.milestoneDone") : t("measure.milestoneOpen")})
              </li>
            ))}
          </ul>
        </>
      )}

      <section aria-labelledby="statushistorikk" data-testid="status-history">
        <h2 id="statushistorikk">{t("measure.statusHistory")}</h2>
        {data.statusHistory.length === 0 ? (
          <p>{t("measure.statusHistoryNone")}</p>
        ) : (
          <ScrollTable t={t} label={t("measure.statusHistoryCaption", { reference: data.reference })}>
            <table>
              <Caption>{t("measure.statusHistoryCaption", { reference: data.reference })}</Caption>
              <thead>
                <tr>
                  <th scope="col">{t("measure.reportPeriod")}</th>
                  <th scope="col">{t("measure.approvedOn")}</th>
                  <th scope="col">{t("measure.status")}</th>
                  <th scope="col">{t("measure.progress")}</th>
                  <th scope="col">{t("measure.summary")}</th>
                </tr>
              </thead>
              <tbody>
                {data.statusHistory.map((s) => (
                  <tr key={`${s.period}-${s.approvedOn}`}>
                    <th scope="row">{s.period}</th>
                    <td>{formatDate(env.language, s.approvedOn)}</td>
                    <td>
                      <StatusBadge t={t} status={s.status} />
                    </td>
                    <td>{s.progress === null ? "–" : `${s.progress} %`}</td>
                    <td>{s.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
      {data.proposals.length > 0 && (
        <section aria-labelledby="innspill">
          <h2 id="innspill">{t("measure.proposals")}</h2>
          <p>{t("measure.proposalsIntro")}</p>
          <ul>
            {data.proposals.map((proposal) => (
              <li key={proposal.number}>
                {t("measure.proposal", { number: proposal.number, title: proposal.title })}
                {proposal.organisation && ` (${proposal.organisation})`}: {t(`proposal.${proposal.status}`)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {data.links.length > 0 && (
        <>
          <h2>{t("measure.links")}</h2>
          <ul>
            {data.links.map((l) => (
              <li key={l.url}>
                <a href={l.url}>{l.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}

      {evaluations}

      <h2>{t("measure.inPlans")}</h2>
      <ul className="inline-list">
        {data.appearsIn.map((v) => (
          <li key={`${v.budgetYear}-${v.revision}`}>
            <a
              href={actionPlanPath(nr, {
                planId: data.plan.id,
                budgetYear: v.budgetYear,
                revision: v.revision,
              })}
            >
              {t("plan.actionPlan", { year: v.budgetYear })}
              {v.revision > 0 && `, ${t("plan.revision", { revision: v.revision })}`}
            </a>
          </li>
        ))}
      </ul>
      <OpenData
        t={t}
        municipality={data.municipality}
        links={[{ href: openMeasurePath(nr, data.reference), label: `${data.reference} (JSON)` }]}
      />
    </Document>
  );
}
