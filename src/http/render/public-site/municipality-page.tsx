import type { PublicMunicipality, PublicPlanSummary } from "../../../services/public/internal.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import { Document, OpenData, type PageEnv } from "./layout.tsx";
import { actionPlanPath, openPlansPath, regionPath } from "./urls.ts";

export function MunicipalityPage({
  env,
  data,
  regions = [],
}: {
  env: PageEnv;
  data: { municipality: PublicMunicipality; plans: PublicPlanSummary[] };
  /** The regions the municipality is a member of. */
  regions?: { slug: string; name: string }[];
}) {
  const t = publicTranslator(env.language);
  const { municipality } = data;
  const title = t("home.title", { name: municipality.name });
  return (
    <Document
      env={env}
      municipality={municipality}
      head={{ title, description: t("home.description", { name: municipality.name }) }}
    >
      <h1>{title}</h1>
      {data.plans.length === 0 && <p>{t("home.none")}</p>}
      {data.plans.map((plan) => {
        const newest = plan.versions[0];
        return (
          <section key={plan.id} className="card" aria-labelledby={`plan-${plan.id}`}>
            <h2 id={`plan-${plan.id}`}>
              {newest ? (
                <a
                  href={actionPlanPath(municipality.number, {
                    planId: plan.id,
                    budgetYear: newest.budgetYear,
                  })}
                >
                  {plan.title}
                </a>
              ) : (
                plan.title
              )}
            </h2>
            <p className="muted">
              {t("home.planPeriod", { start: plan.startYear, end: plan.endYear })}
              {plan.basis && `, ${t("home.basedOn", { basis: plan.basis })}`}
            </p>
            {plan.vision && <p>{plan.vision}</p>}
            {newest && <p className="lead">{t("home.newest", { year: newest.budgetYear })}</p>}
            {plan.versions.length > 0 && (
              <>
                <h3>{t("home.versions")}</h3>
                <ul className="inline-list">
                  {plan.versions.map((v) => (
                    <li key={`${v.budgetYear}-${v.revision}`}>
                      <a
                        href={actionPlanPath(municipality.number, {
                          planId: plan.id,
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
              </>
            )}
          </section>
        );
      })}
      {regions.map((r) => (
        <p key={r.slug} className="region-link">
          {t("region.memberOf", { name: municipality.name, region: r.name })}{" "}
          <a href={regionPath(r.slug)}>{t("region.link", { region: r.name })}</a>
        </p>
      ))}
      <OpenData
        t={t}
        municipality={municipality}
        links={[
          {
            href: openPlansPath(municipality.number),
            label: `${t("home.title", { name: municipality.name })} (JSON)`,
          },
        ]}
      />
    </Document>
  );
}
