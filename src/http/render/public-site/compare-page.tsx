import type { FieldChange } from "../../../domain/comparison.ts";
import type { PublicComparison } from "../../../services/public/compare-public-action-plans.ts";
import { type PublicTranslate, publicTranslator } from "../../../web/i18n/public-messages.ts";
import { Document, nok, type PageEnv } from "./layout.tsx";
import { Caption, ScrollTable } from "./scroll-table.tsx";
import { actionPlanPath, comparePath, measurePath } from "./urls.ts";

/**
 * Two adopted action plans of a plan side by side: what is new, what was taken out and why, what
 * changed, and the money of each (municipal and external apart).
 */
export function ComparePage({ env, data }: { env: PageEnv; data: PublicComparison }) {
  const t = publicTranslator(env.language);
  const nr = data.municipality.number;
  const from = data.from.budgetYear;
  const to = data.to.budgetYear;
  const title = t("compare.title", { from, to });
  const diff = (a: number, b: number) =>
    `${b - a > 0 ? "+" : b - a < 0 ? "−" : ""}${nok(env.language, Math.abs(b - a))}`;
  const pairs = data.budgetYears.slice(1).map((y, i) => [data.budgetYears[i] as number, y] as const);
  return (
    <Document
      env={env}
      municipality={data.municipality}
      head={{
        title: `${data.plan.title}: ${title}`,
        description: t("compare.description", { from, to, plan: data.plan.title }),
      }}
    >
      <p className="eyebrow">{data.plan.title}</p>
      <h1>{title}</h1>
      <p className="lead">{t("compare.lead", { from, to })}</p>
      <ul className="inline-list">
        {[from, to].map((year) => (
          <li key={year}>
            <a href={actionPlanPath(nr, { planId: data.plan.id, budgetYear: year })}>
              {t("plan.actionPlan", { year })}
            </a>
          </li>
        ))}
      </ul>

      <section aria-labelledby="pengene">
        <h2 id="pengene">{t("compare.money")}</h2>
        <ScrollTable t={t} label={t("compare.moneyCaption")}>
          <table data-testid="compare-money">
            <Caption>{t("compare.moneyCaption")}</Caption>
            <thead>
              <tr>
                <th scope="col">{t("compare.plan")}</th>
                <th scope="col" className="num">
                  {t("money.columnMunicipal")}
                </th>
                <th scope="col" className="num">
                  {t("money.columnExternal")}
                </th>
              </tr>
            </thead>
            <tbody>
              {[data.from, data.to].map((v) => (
                <tr key={v.budgetYear}>
                  <th scope="row">{t("plan.actionPlan", { year: v.budgetYear })}</th>
                  <td className="num">{nok(env.language, v.municipalNok)}</td>
                  <td className="num">{nok(env.language, v.externalNok)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("compare.difference")}</th>
                <td className="num">{diff(data.from.municipalNok, data.to.municipalNok)}</td>
                <td className="num">{diff(data.from.externalNok, data.to.externalNok)}</td>
              </tr>
            </tfoot>
          </table>
        </ScrollTable>
        <p className="muted">{t("compare.totalNote")}</p>
      </section>

      <section aria-labelledby="nye" data-testid="compare-added">
        <h2 id="nye">{t("compare.added", { year: to })}</h2>
        {data.added.length === 0 ? (
          <p>{t("compare.none")}</p>
        ) : (
          <ul>
            {data.added.map((m) => (
              <li key={m.reference}>
                <a href={measurePath(nr, m.reference)}>
                  {m.reference} {m.title}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="tatt-ut" data-testid="compare-removed">
        <h2 id="tatt-ut">{t("compare.removed", { year: to })}</h2>
        {data.removed.length === 0 ? (
          <p>{t("compare.none")}</p>
        ) : (
          <ul>
            {data.removed.map((m) => (
              <li key={m.reference}>
                <a href={measurePath(nr, m.reference)}>
                  {m.reference} {m.title}
                </a>
                {". "}
                {m.removal?.reason
                  ? t("compare.reason", { reason: m.removal.reason })
                  : m.removal?.via === "prioritisation"
                    ? t("change.byPrioritisation")
                    : t("change.noReason")}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="endret" data-testid="compare-changed">
        <h2 id="endret">{t("compare.changed")}</h2>
        {data.changed.length === 0 ? (
          <p>{t("compare.none")}</p>
        ) : (
          <ScrollTable t={t} label={t("compare.changedCaption")}>
            <table>
              <Caption>{t("compare.changedCaption")}</Caption>
              <thead>
                <tr>
                  <th scope="col">{t("measures.title")}</th>
                  <th scope="col">{t("compare.what")}</th>
                </tr>
              </thead>
              <tbody>
                {data.changed.map((m) => (
                  <tr key={m.reference}>
                    <th scope="row">
                      <a href={measurePath(nr, m.reference)}>
                        {m.reference} {m.title}
                      </a>
                    </th>
                    <td>
                      <ul className="plain-list">
                        {m.changes.map((c) => (
                          <li key={c.field}>{describeChange(t, env, c)}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
        <p>{t("compare.unchanged", { count: data.unchanged })}</p>
      </section>

      {pairs.length > 1 && (
        <nav aria-labelledby="andre-ar">
          <h2 id="andre-ar">{t("compare.choose")}</h2>
          <ul className="inline-list">
            {pairs.map(([a, b]) => (
              <li key={`${a}-${b}`}>
                <a
                  href={comparePath(nr, data.plan.id, a, b)}
                  aria-current={a === from && b === to ? "page" : undefined}
                >
                  {t("compare.pair", { from: a, to: b })}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </Document>
  );
}

/** «kommunens midler 2027: 400 000 kr → 250 000 kr», «tittel: A → B». */
function describeChange(t: PublicTranslate, env: PageEnv, c: FieldChange): string {
  const money = (v: unknown) => nok(env.language, Number(v ?? 0));
  const fromTo = (before: string, after: string) => t("compare.moneyFromTo", { from: before, to: after });
  if (c.field.startsWith("cost:"))
    return `${t("compare.field.municipal")} ${c.field.slice(5)}: ${fromTo(money(c.before), money(c.after))}`;
  if (c.field === "external")
    return `${t("compare.field.external")}: ${fromTo(money(c.before), money(c.after))}`;
  const label =
    c.field === "title"
      ? t("compare.field.title")
      : c.field === "focusArea"
        ? t("compare.field.focusArea")
        : t("compare.field.period");
  return `${label}: ${fromTo(`«${String(c.before ?? "")}»`, `«${String(c.after ?? "")}»`)}`;
}
