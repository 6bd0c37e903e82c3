import type { MeasureStatus } from "../../../domain/measures.ts";
import type { PublicRegion } from "../../../services/public/public-region.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import { Document, nok, type PageEnv, StatusBadge } from "./layout.tsx";
import { RegionIndicators } from "./region-indicators.tsx";
import { Caption, ScrollTable } from "./scroll-table.tsx";
import { actionPlanPath, measurePath, municipalityPath, regionPath } from "./urls.ts";

/**
 * The region in public: the members with their adopted action plan and money of the year, each
 * member's measures by focus area, the shared measures with their split, and the published
 * indicators compared across the members.
 */
export function RegionPage({ env, data }: { env: PageEnv; data: PublicRegion }) {
  const t = publicTranslator(env.language);
  const { region, year } = data;
  const yearTotal = data.totalByYear.find((y) => y.year === year)?.amountNok ?? 0;
  const active = data.municipalities.filter((m) => m.active);
  return (
    <Document
      env={env}
      municipality={null}
      head={{ title: region.name, description: t("region.description", { name: region.name }) }}
    >
      <p className="eyebrow">{t("region.eyebrow")}</p>
      <h1>{region.name}</h1>
      <p className="lead">{t("region.lead", { name: region.name, year })}</p>
      {data.adoptedYears.length > 1 && (
        <nav aria-label={t("region.years")} className="year-nav">
          <ul className="inline-list">
            {data.adoptedYears.map((y) => (
              <li key={y}>
                <a href={regionPath(region.slug, y)} aria-current={y === year ? "page" : undefined}>
                  {t("region.yearLink", { year: y })}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <section aria-labelledby="kommunene">
        <h2 id="kommunene">{t("region.members")}</h2>
        <ScrollTable t={t} label={t("region.membersCaption", { name: region.name, year })}>
          <table>
            <Caption>{t("region.membersCaption", { name: region.name, year })}</Caption>
            <thead>
              <tr>
                <th scope="col">{t("region.municipality")}</th>
                <th scope="col">{t("region.actionPlan")}</th>
                <th scope="col" className="num">
                  {t("region.measureCount")}
                </th>
                <th scope="col" className="num">
                  {t("region.budget", { year })}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.municipalities.map((m) => (
                <tr key={m.number}>
                  <th scope="row">{m.active ? <a href={municipalityPath(m.number)}>{m.name}</a> : m.name}</th>
                  <td>
                    {!m.active
                      ? t("region.notInPlanverk")
                      : m.actionPlans.length === 0
                        ? t("region.noActionPlan", { year })
                        : m.actionPlans.map((p) => (
                            <a
                              key={p.planId}
                              className="block-link"
                              href={actionPlanPath(m.number, { planId: p.planId, budgetYear: p.budgetYear })}
                            >
                              {p.planTitle}
                            </a>
                          ))}
                  </td>
                  <td className="num">{m.active ? m.measureCount : "–"}</td>
                  <td className="num">
                    {m.active
                      ? nok(env.language, m.budgetByYear.find((b) => b.year === year)?.amountNok ?? 0)
                      : "–"}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("region.total")}</th>
                <td />
                <td className="num">{active.reduce((a, m) => a + m.measureCount, 0)}</td>
                <td className="num" data-testid="region-total">
                  {nok(env.language, yearTotal)}
                </td>
              </tr>
            </tfoot>
          </table>
        </ScrollTable>
        <p className="muted" data-testid="region-money-note">
          {t("region.moneyNote")}
        </p>
      </section>

      <section aria-labelledby="felles-tiltak" data-testid="shared-measures">
        <h2 id="felles-tiltak">{t("region.shared")}</h2>
        {data.sharedMeasures.length === 0 ? (
          <p>{t("region.noShared", { year })}</p>
        ) : (
          <p>{t("region.sharedIntro")}</p>
        )}
        {data.sharedMeasures.map((s) => {
          const caption = t("region.sharedCaption", { reference: s.reference });
          return (
            <article key={`${s.owner.number}-${s.reference}`} className="card">
              <h3>
                <a href={measurePath(s.owner.number, s.reference)}>
                  {s.reference} {s.title}
                </a>{" "}
                <StatusBadge t={t} status={s.status as MeasureStatus} />
              </h3>
              <p>{t("region.ownedBy", { name: s.owner.name })}</p>
              <ScrollTable t={t} label={caption}>
                <table>
                  <Caption>{caption}</Caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("region.municipality")}</th>
                      <th scope="col" className="num">
                        {t("region.share")}
                      </th>
                      {s.years.map((y) => (
                        <th scope="col" className="num" key={y}>
                          {y}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {s.parties.map((p) => (
                      <tr key={p.number}>
                        <th scope="row">
                          {p.name} ({t(`region.role.${p.role === "owner" ? "owner" : "participant"}`)})
                        </th>
                        <td className="num">{p.percent} %</td>
                        {s.years.map((y) => (
                          <td className="num" key={y}>
                            {nok(env.language, p.byYear.find((b) => b.year === y)?.amountNok ?? 0)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t("region.sum")}</th>
                      <td className="num">100 %</td>
                      {s.years.map((y) => (
                        <td className="num" key={y}>
                          {nok(env.language, s.totalByYear.find((b) => b.year === y)?.amountNok ?? 0)}
                        </td>
                      ))}
                    </tr>
                  </tfoot>
                </table>
              </ScrollTable>
            </article>
          );
        })}
      </section>

      <section aria-labelledby="tiltak-per-kommune">
        <h2 id="tiltak-per-kommune">{t("region.byMunicipality")}</h2>
        {active.map((m) => (
          <section key={m.number} aria-labelledby={`kommune-${m.number}`}>
            <h3 id={`kommune-${m.number}`}>{m.name}</h3>
            {m.focusAreas.length === 0 && <p>{t("region.noMeasures", { name: m.name, year })}</p>}
            {m.focusAreas.map((area) => {
              const caption = t("region.measuresCaption", { name: m.name, area: area.title });
              return (
                <ScrollTable key={area.title} t={t} label={caption}>
                  <table>
                    <Caption>{caption}</Caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("measures.reference")}</th>
                        <th scope="col">{t("measures.title")}</th>
                        <th scope="col">{t("measures.status")}</th>
                        <th scope="col" className="num">
                          {t("region.measureMoney")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {area.measures.map((measure) => (
                        <tr key={measure.reference}>
                          <td className="ref">{measure.reference}</td>
                          <th scope="row">
                            <a href={measurePath(m.number, measure.reference)}>{measure.title}</a>
                            {measure.shared && <span className="tag"> ({t("region.sharedTag")})</span>}
                          </th>
                          <td>
                            <StatusBadge t={t} status={measure.status} />
                          </td>
                          <td className="num">{nok(env.language, measure.municipalNok)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollTable>
              );
            })}
          </section>
        ))}
      </section>

      <RegionIndicators env={env} data={data} />
    </Document>
  );
}
