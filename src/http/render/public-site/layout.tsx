import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { namesItsKind } from "../../../domain/case-reference.ts";
import { measureStatuses } from "../../../domain/measures.ts";
import { formatNok } from "../../../domain/money.ts";
import { openDataLicence } from "../../../domain/public-site.ts";
import type {
  ExternalByStatus,
  PublicActionPlan,
  PublicMeasureSummary,
  PublicMunicipality,
} from "../../../services/public/internal.ts";
import { type Language, languages, localeFor } from "../../../web/i18n/messages.ts";
import { type PublicTranslate, publicTranslator } from "../../../web/i18n/public-messages.ts";
import { Caption, ScrollTable } from "./scroll-table.tsx";
import {
  actionPlanPath,
  measurePath,
  municipalityPath,
  openDataDocsPath,
  searchPath,
  type VersionPath,
} from "./urls.ts";

/**
 * The public pages: small server-rendered React components turned into plain HTML, with no script
 * at all, so they read the same with and without JavaScript, print cleanly and cost nothing to
 * load. Rendered by src/http/routes/public-site.tsx. This file holds the page frame and the parts the
 * pages share; each page has its own file beside it.
 */
export type PageEnv = {
  language: Language;
  /** Absolute address of the page (for canonical and Open Graph). */
  url: string;
  /** The address of the page without query, to build language links. */
  path: string;
  stylesheet: string;
  /** The accessibility statements of the municipalities the page is about, for the footer. */
  accessibilityStatements?: { number: string; name: string; url: string }[];
};

export type Head = { title: string; description: string; type?: "website" | "article" };

export const languageNames: Record<Language, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

export function Document({
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
            <ul className="footer-links">
              {(env.accessibilityStatements ?? []).map((s) => (
                <li key={s.number}>
                  <a href={s.url} data-testid="accessibility-statement">
                    {t("site.accessibility")}
                    {(municipality === null || municipality.number !== s.number) && ` (${s.name})`}
                  </a>
                </li>
              ))}
              <li>
                <a href={openDataDocsPath}>{t("site.apiDocs")}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function renderDocument(element: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}

export const formatDate = (language: Language, iso: string) =>
  new Intl.DateTimeFormat(localeFor[language], { day: "numeric", month: "long", year: "numeric" }).format(
    new Date(`${iso}T12:00:00Z`),
  );

export const nok = (language: Language, amount: number) => formatNok(amount, localeFor[language]);

export function Progress({ t, value }: { t: PublicTranslate; value: number | null }) {
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

export function StatusBadge({ t, status }: { t: PublicTranslate; status: PublicMeasureSummary["status"] }) {
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>;
}

/** How many measures have each status, e.g. «Pågår: 12 · Forsinket: 3». */
export function StatusCounts({ t, measures }: { t: PublicTranslate; measures: PublicMeasureSummary[] }) {
  const counts = measureStatuses
    .map((status) => ({ status, count: measures.filter((m) => m.status === status).length }))
    .filter((c) => c.count > 0);
  if (counts.length === 0) return null;
  return <p>{counts.map((c) => `${t(`status.${c.status}`)}: ${c.count}`).join(" · ")}</p>;
}

export function ExampleBadge({ t, show }: { t: PublicTranslate; show: boolean }) {
  return show ? (
    <span className="example" title={t("site.exampleNote")}>
      {t("site.example")}
    </span>
  ) : null;
}

export function OpenData({
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

export function VersionLine({ t, env, v }: { t: PublicTranslate; env: PageEnv; v: PublicActionPlan }) {
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
      {v.caseReference &&
        ` (${namesItsKind(v.caseReference) ? v.caseReference : t("plan.caseReference", { reference: v.caseReference })})`}
      .
    </p>
  );
}

export function NewestNotice({ t, v }: { t: PublicTranslate; v: PublicActionPlan }) {
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

export function versionPathOf(v: PublicActionPlan, pinned: boolean): VersionPath {
  return { planId: v.plan.id, budgetYear: v.budgetYear, revision: pinned ? v.revision : undefined };
}

export type BudgetYearRow = { year: number; municipalNok: number; externalNok: number };

/**
 * What a money total includes: the municipality's adopted money, and external money apart with
 * its state (søkt, innvilget, forventet), which is not part of the adopted budget.
 */
export function MoneyNote({
  t,
  env,
  municipalNok,
  externalNok,
  external,
}: {
  t: PublicTranslate;
  env: PageEnv;
  municipalNok: number;
  externalNok: number;
  external: ExternalByStatus;
}) {
  return (
    <div className="money-note" data-testid="money-note">
      <p>
        {t("money.totalIncludes", {
          municipal: nok(env.language, municipalNok),
          external: nok(env.language, externalNok),
        })}
        {externalNok > 0 &&
          ` ${t("money.externalStates", {
            applied: nok(env.language, external.applied),
            granted: nok(env.language, external.granted),
            expected: nok(env.language, external.expected),
          })}`}
      </p>
      <p className="muted">{t("money.externalNote")}</p>
    </div>
  );
}

/**
 * Municipal and external money per year, as on the action plan page (the plan's totals) and the
 * measure page (that measure's costs, with a sum row).
 */
export function BudgetByYearTable({
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
    <ScrollTable t={t} label={caption}>
      <table>
        <Caption>{caption}</Caption>
        <thead>
          <tr>
            <th scope="col">{t("plan.year")}</th>
            <th scope="col" className="num">
              {t("money.columnMunicipal")}
            </th>
            <th scope="col" className="num">
              {t("money.columnExternal")}
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
    </ScrollTable>
  );
}

export function MeasureTable({
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
    <ScrollTable t={t} label={caption}>
      <table>
        <Caption>{caption}</Caption>
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
    </ScrollTable>
  );
}
