import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { measureStatuses } from "../../domain/measures.ts";
import { formatNok } from "../../domain/money.ts";
import { openDataLicence } from "../../domain/public-site.ts";
import { sanitizeRichText } from "../../domain/rich-text.ts";
import type {
  PublicActionPlan,
  PublicFocusArea,
  PublicMeasure,
  PublicMeasureSummary,
  PublicMunicipality,
  PublicPlanSummary,
} from "../../services/public/internal.ts";
import type { PublicSearchResult } from "../../services/public/search-public.ts";
import { type Language, languages, localeFor } from "../i18n/messages.ts";
import { type PublicTranslate, publicTranslator } from "../i18n/public-messages.ts";
import {
  actionPlanPath,
  focusAreaPath,
  measurePath,
  municipalityPath,
  openActionPlanPath,
  openMeasurePath,
  openMeasuresCsvPath,
  openPlansPath,
  searchPath,
  type VersionPath,
} from "./urls.ts";

/**
 * The public pages: small server-rendered React components turned into plain HTML, with no script
 * at all, so they read the same with and without JavaScript, print cleanly and cost nothing to
 * load. Rendered by src/http/routes/public-site.ts.
 */
export type PageEnv = {
  language: Language;
  /** Absolute address of the page (for canonical and Open Graph). */
  url: string;
  /** The address of the page without query, to build language links. */
  path: string;
  stylesheet: string;
};

type Head = { title: string; description: string; type?: "website" | "article" };

const languageNames: Record<Language, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

function Document({
  env,
  head,
  municipality,
  query,
  children,
}: {
  env: PageEnv;
  head: Head;
  municipality: PublicMunicipality | null;
  query?: string;
  children: ReactNode;
}) {
  const t = publicTranslator(env.language);
  const fullTitle = municipality
    ? `${head.title} – ${t("site.municipality", { name: municipality.name })}`
    : head.title;
  return (
    <html lang={env.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={head.description} />
        <link rel="canonical" href={env.url} />
        <meta property="og:title" content={fullTitle} />
        <meta property="og:description" content={head.description} />
        <meta property="og:type" content={head.type ?? "website"} />
        <meta property="og:url" content={env.url} />
        <meta
          property="og:site_name"
          content={municipality ? t("site.municipality", { name: municipality.name }) : "Planverk"}
        />
        <meta property="og:locale" content={localeFor[env.language].replace("-", "_")} />
        <meta name="twitter:card" content="summary" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={env.stylesheet} />
      </head>
      <body>
        <a className="skip" href="#innhold">
          {t("site.skip")}
        </a>
        <header className="site-header">
          <div className="wrap header-row">
            {municipality ? (
              <a className="brand" href={municipalityPath(municipality.number)}>
                {t("site.municipality", { name: municipality.name })}
              </a>
            ) : (
              <span className="brand">Planverk</span>
            )}
            {municipality && (
              <search>
                <form className="search-form" action={searchPath(municipality.number)} method="get">
                  <label htmlFor="sok">{t("site.searchLabel")}</label>
                  <input id="sok" name="q" type="search" defaultValue={query ?? ""} />
                  <button type="submit">{t("site.search")}</button>
                </form>
              </search>
            )}
            <nav className="languages" aria-label={t("site.language")}>
              <ul>
                {languages.map((l) => (
                  <li key={l}>
                    <a
                      href={`${env.path}?lang=${l}${query ? `&q=${encodeURIComponent(query)}` : ""}`}
                      lang={l}
                      hrefLang={l}
                      aria-current={l === env.language ? "true" : undefined}
                    >
                      {languageNames[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="innhold" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              {municipality
                ? t("site.footer", { name: municipality.name, licence: openDataLicence.name })
                : "Planverk"}{" "}
              <a href={openDataLicence.url} rel="license">
                {openDataLicence.name}
              </a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function renderDocument(element: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}

const formatDate = (language: Language, iso: string) =>
  new Intl.DateTimeFormat(localeFor[language], { day: "numeric", month: "long", year: "numeric" }).format(
    new Date(`${iso}T12:00:00Z`),
  );

const nok = (language: Language, amount: number) => formatNok(amount, localeFor[language]);

function Progress({ t, value }: { t: PublicTranslate; value: number | null }) {
  if (value === null) return <span className="muted">{t("plan.noProgress")}</span>;
  return (
    <span className="progress">
      <span className="bar" aria-hidden="true">
        <span style={{ width: `${value}%` }} />
      </span>
      <span>{value} %</span>
    </span>
  );
}

function StatusBadge({ t, status }: { t: PublicTranslate; status: PublicMeasureSummary["status"] }) {
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>;
}

/** How many measures have each status, e.g. «Pågår: 12 · Forsinket: 3». */
function StatusCounts({ t, measures }: { t: PublicTranslate; measures: PublicMeasureSummary[] }) {
  const counts = measureStatuses
    .map((status) => ({ status, count: measures.filter((m) => m.status === status).length }))
    .filter((c) => c.count > 0);
  if (counts.length === 0) return null;
  return <p>{counts.map((c) => `${t(`status.${c.status}`)}: ${c.count}`).join(" · ")}</p>;
}

function ExampleBadge({ t, show }: { t: PublicTranslate; show: boolean }) {
  return show ? (
    <span className="example" title={t("site.exampleNote")}>
      {t("site.example")}
    </span>
  ) : null;
}

function OpenData({
  t,
  municipality,
  links,
}: {
  t: PublicTranslate;
  municipality: PublicMunicipality;
  links: { href: string; label: string }[];
}) {
  return (
    <section className="open-data" aria-labelledby="apne-data">
      <h2 id="apne-data">{t("site.openData")}</h2>
      <p>{t("site.openDataIntro", { licence: openDataLicence.name, name: municipality.name })}</p>
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function VersionLine({ t, env, v }: { t: PublicTranslate; env: PageEnv; v: PublicActionPlan }) {
  const adopted = v.adoptedOn
    ? v.decisionBody
      ? t("plan.adoptedBy", { body: v.decisionBody, date: formatDate(env.language, v.adoptedOn) })
      : t("plan.adopted", { date: formatDate(env.language, v.adoptedOn) })
    : "";
  return (
    <p className="lead">
      {t("plan.period", { start: v.startYear, end: v.endYear })}
      {v.revision > 0 && `, ${t("plan.revision", { revision: v.revision })}`}
      {adopted && `. ${adopted}`}
      {v.caseReference && ` (${t("plan.caseReference", { reference: v.caseReference })})`}.
    </p>
  );
}

function NewestNotice({ t, v }: { t: PublicTranslate; v: PublicActionPlan }) {
  if (v.isNewest) return null;
  const newest: VersionPath = { planId: v.plan.id, budgetYear: v.newest.budgetYear };
  return (
    <div className="notice">
      <p>
        {t("plan.notNewest")}{" "}
        <a href={actionPlanPath(v.municipality.number, newest)}>
          {t("plan.toNewest", { year: v.newest.budgetYear })}
        </a>
      </p>
    </div>
  );
}

function versionPathOf(v: PublicActionPlan, pinned: boolean): VersionPath {
  return { planId: v.plan.id, budgetYear: v.budgetYear, revision: pinned ? v.revision : undefined };
}

type BudgetYearRow = { year: number; municipalNok: number; externalNok: number };

/**
 * Municipal and external money per year, as on the action plan page (the plan's totals) and the
 * measure page (that measure's costs, with a sum row).
 */
function BudgetByYearTable({
  t,
  env,
  caption,
  rows,
  sum,
}: {
  t: PublicTranslate;
  env: PageEnv;
  caption: string;
  rows: BudgetYearRow[];
  sum?: Omit<BudgetYearRow, "year">;
}) {
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("plan.year")}</th>
            <th scope="col" className="num">
              {t("plan.municipal")}
            </th>
            <th scope="col" className="num">
              {t("plan.external")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.year}>
              <th scope="row">{row.year}</th>
              <td className="num">{nok(env.language, row.municipalNok)}</td>
              <td className="num">{nok(env.language, row.externalNok)}</td>
            </tr>
          ))}
        </tbody>
        {sum && (
          <tfoot>
            <tr>
              <th scope="row">{t("measure.sum")}</th>
              <td className="num">{nok(env.language, sum.municipalNok)}</td>
              <td className="num">{nok(env.language, sum.externalNok)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function MeasureTable({
  t,
  env,
  caption,
  budgetYear,
  nr,
  measures,
}: {
  t: PublicTranslate;
  env: PageEnv;
  caption: string;
  budgetYear: number;
  nr: string;
  measures: PublicMeasureSummary[];
}) {
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("measures.reference")}</th>
            <th scope="col">{t("measures.title")}</th>
            <th scope="col">{t("measures.status")}</th>
            <th scope="col">{t("measures.progress")}</th>
            <th scope="col" className="num">
              {t("measures.budgetYear", { year: budgetYear })}
            </th>
            <th scope="col" className="num">
              {t("measures.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.reference}>
              <td className="ref">{m.reference}</td>
              <th scope="row">
                <a href={measurePath(nr, m.reference)}>{m.title}</a> <ExampleBadge t={t} show={m.isExample} />
              </th>
              <td>
                <StatusBadge t={t} status={m.status} />
              </td>
              <td>
                <Progress t={t} value={m.progress} />
              </td>
              <td className="num">
                {nok(env.language, m.costByYear.find((c) => c.year === budgetYear)?.municipalNok ?? 0)}
              </td>
              <td className="num">{nok(env.language, m.totalMunicipalNok)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MunicipalityPage({
  env,
  data,
}: {
  env: PageEnv;
  data: { municipality: PublicMunicipality; plans: PublicPlanSummary[] };
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

export function ActionPlanPage({
  env,
  data,
  pinned,
}: {
  env: PageEnv;
  data: PublicActionPlan;
  pinned: boolean;
}) {
  const t = publicTranslator(env.language);
  const nr = data.municipality.number;
  const path = versionPathOf(data, pinned);
  const count = data.focusAreas.reduce((n, f) => n + f.measures.length, 0);
  const focusById = new Map(data.focusAreas.map((f) => [f.id, f]));
  const title = `${data.plan.title}: ${t("plan.actionPlan", { year: data.budgetYear })}`;
  return (
    <Document
      env={env}
      municipality={data.municipality}
      head={{
        title,
        description: t("plan.description", { year: data.budgetYear, plan: data.plan.title, count }),
      }}
    >
      <p className="eyebrow">{data.plan.title}</p>
      <h1>{t("plan.actionPlan", { year: data.budgetYear })}</h1>
      <VersionLine t={t} env={env} v={data} />
      {data.reason && <p>{t("plan.revisionReason", { reason: data.reason })}</p>}
      <NewestNotice t={t} v={data} />
      {data.plan.vision && <p>{data.plan.vision}</p>}
      <p>{t("plan.chain")}</p>

      <section aria-labelledby="mal">
        <h2 id="mal">{t("plan.goals")}</h2>
        <p className="muted">{t("plan.progressRule")}</p>
        <ol className="goals">
          {data.goals.map((g) => (
            <li key={g.id} className="card">
              <h3>{g.title}</h3>
              {g.description && <p>{g.description}</p>}
              <p>
                <Progress t={t} value={g.rollUp.progress} />
              </p>
              {g.focusAreaIds.length > 0 && (
                <>
                  <h4>{t("plan.focusAreasOfGoal")}</h4>
                  <ul>
                    {g.focusAreaIds.map((id) => {
                      const fa = focusById.get(id);
                      return fa ? (
                        <li key={id}>
                          <a href={focusAreaPath(nr, path, id)}>{fa.title}</a>
                        </li>
                      ) : null;
                    })}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="satsingsomrader">
        <h2 id="satsingsomrader">{t("plan.focusAreas")}</h2>
        {data.focusAreas.map((fa) => (
          <section key={fa.id} className="focus-area" aria-labelledby={`fa-${fa.id}`}>
            <h3 id={`fa-${fa.id}`}>
              <a href={focusAreaPath(nr, path, fa.id)}>{fa.title}</a>
            </h3>
            <p className="muted">
              {t("plan.measureCount", { count: fa.measures.length })} ·{" "}
              {fa.rollUp.progress === null
                ? t("plan.noProgress")
                : t("plan.progressOf", { progress: `${fa.rollUp.progress} %` })}
            </p>
            {fa.description && <p>{fa.description}</p>}
            <StatusCounts t={t} measures={fa.measures} />
          </section>
        ))}
      </section>

      <section aria-labelledby="budsjett">
        <h2 id="budsjett">{t("plan.budget")}</h2>
        <BudgetByYearTable
          t={t}
          env={env}
          caption={t("plan.budgetCaption", { year: data.budgetYear })}
          rows={data.totals}
        />
      </section>

      <section aria-labelledby="versjoner">
        <h2 id="versjoner">{t("plan.otherVersions")}</h2>
        <p className="muted">{t("plan.permanent")}</p>
        <ul className="inline-list">
          {data.versions.map((v) => {
            const current = v.budgetYear === data.budgetYear && v.revision === data.revision;
            return (
              <li key={`${v.budgetYear}-${v.revision}`}>
                <a
                  href={actionPlanPath(nr, {
                    planId: data.plan.id,
                    budgetYear: v.budgetYear,
                    revision: v.revision,
                  })}
                  aria-current={current ? "page" : undefined}
                >
                  {t("plan.actionPlan", { year: v.budgetYear })}
                  {v.revision > 0 && `, ${t("plan.revision", { revision: v.revision })}`}
                </a>
              </li>
            );
          })}
        </ul>
      </section>

      <OpenData
        t={t}
        municipality={data.municipality}
        links={[
          {
            href: openActionPlanPath(nr, path),
            label: `${t("plan.actionPlan", { year: data.budgetYear })} (JSON)`,
          },
          { href: openMeasuresCsvPath(nr, path), label: `${t("plan.measures")} (CSV)` },
        ]}
      />
    </Document>
  );
}

export function FocusAreaPage({
  env,
  data,
  focusArea,
  pinned,
}: {
  env: PageEnv;
  data: PublicActionPlan;
  focusArea: PublicFocusArea;
  pinned: boolean;
}) {
  const t = publicTranslator(env.language);
  const nr = data.municipality.number;
  const path = versionPathOf(data, pinned);
  const goals = data.goals.filter((g) => focusArea.goalIds.includes(g.id));
  return (
    <Document
      env={env}
      municipality={data.municipality}
      head={{
        title: `${focusArea.title}: ${t("plan.actionPlan", { year: data.budgetYear })}`,
        description: t("focus.description", { title: focusArea.title, year: data.budgetYear }),
      }}
    >
      <nav aria-label={t("measure.chain")} className="crumbs">
        <ol>
          <li>
            <a href={actionPlanPath(nr, path)}>
              {data.plan.title}, {t("plan.actionPlan", { year: data.budgetYear })}
            </a>
          </li>
          <li aria-current="page">{focusArea.title}</li>
        </ol>
      </nav>
      <p className="eyebrow">{t("measure.focusArea")}</p>
      <h1>{focusArea.title}</h1>
      <NewestNotice t={t} v={data} />
      {focusArea.description && <p className="lead">{focusArea.description}</p>}
      {goals.length > 0 && (
        <>
          <h2>{t("focus.serves")}</h2>
          <ul>
            {goals.map((g) => (
              <li key={g.id}>{g.title}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t("plan.measures")}</h2>
      <p className="muted">
        {focusArea.rollUp.progress === null
          ? t("plan.noProgress")
          : t("plan.progressOf", { progress: `${focusArea.rollUp.progress} %` })}
        . {t("plan.progressRule")}
      </p>
      {focusArea.measures.length === 0 ? (
        <p>{t("focus.noMeasures", { year: data.budgetYear })}</p>
      ) : (
        <MeasureTable
          t={t}
          env={env}
          nr={nr}
          caption={t("measures.caption", { title: focusArea.title, year: data.budgetYear })}
          budgetYear={data.budgetYear}
          measures={focusArea.measures}
        />
      )}
    </Document>
  );
}

export function MeasurePage({ env, data }: { env: PageEnv; data: PublicMeasure }) {
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
          <dt>{t("measure.budget")}</dt>
          <dd>{nok(env.language, data.totalMunicipalNok + data.totalExternalNok)}</dd>
        </div>
        <div>
          <dt>{t("measure.status")}</dt>
          <dd>
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

      <h2>{t("measure.budget")}</h2>
      {years.length === 0 ? (
        <p>{t("measure.noBudget")}</p>
      ) : (
        <BudgetByYearTable
          t={t}
          env={env}
          caption={t("measure.budgetCaption", { reference: data.reference })}
          rows={years}
          sum={{ municipalNok: data.totalMunicipalNok, externalNok: data.totalExternalNok }}
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
          <div className="table-scroll">
            <table>
              <caption>{t("measure.statusHistoryCaption", { reference: data.reference })}</caption>
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
          </div>
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

export function SearchPage({ env, data }: { env: PageEnv; data: PublicSearchResult }) {
  const t = publicTranslator(env.language);
  const nr = data.municipality.number;
  const q = data.query.trim();
  const hrefOf = (r: PublicSearchResult["results"][number]) =>
    r.kind === "measure"
      ? measurePath(nr, r.id)
      : r.kind === "focus_area"
        ? focusAreaPath(nr, { planId: r.planId, budgetYear: r.budgetYear }, r.id)
        : `${actionPlanPath(nr, { planId: r.planId, budgetYear: r.budgetYear })}#mal`;
  return (
    <Document
      env={env}
      municipality={data.municipality}
      query={q}
      head={{
        title: q ? `${t("search.title")}: ${q}` : t("search.title"),
        description: t("search.description", { name: data.municipality.name }),
      }}
    >
      <h1>{t("search.title")}</h1>
      {q === "" ? (
        <p>{t("search.hint")}</p>
      ) : (
        <>
          <p role="status">
            {data.results.length === 0
              ? t("search.none", { q })
              : t("search.results", { count: data.results.length, q })}
          </p>
          <ol className="results">
            {data.results.map((r) => (
              <li key={`${r.kind}-${r.planId}-${r.id}`}>
                <span className="kind">{t(`search.kind.${r.kind}`)}</span> <a href={hrefOf(r)}>{r.title}</a>
                {r.snippet && <p>{r.snippet}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </Document>
  );
}

export function NotFoundPage({
  env,
  municipality,
}: {
  env: PageEnv;
  municipality: PublicMunicipality | null;
}) {
  const t = publicTranslator(env.language);
  return (
    <Document
      env={env}
      municipality={municipality}
      head={{ title: t("notFound.title"), description: t("notFound.text") }}
    >
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      {municipality && (
        <p>
          <a href={municipalityPath(municipality.number)}>{t("notFound.home")}</a>
        </p>
      )}
    </Document>
  );
}
