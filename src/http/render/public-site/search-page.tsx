import type { PublicSearchResult } from "../../../services/public/search-public.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import { Document, type PageEnv } from "./layout.tsx";
import { actionPlanPath, focusAreaPath, measurePath } from "./urls.ts";

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
