import {
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Search,
  Select,
  Table,
  Tag,
} from "@digdir/designsystemet-react";
import { useSearchParams } from "react-router";
import type { MeasureSort } from "../../domain/measure-filter.ts";
import { measureStatuses } from "../../domain/measures.ts";
import { formatNok } from "../../domain/money.ts";
import { useAllMeasures, useCurrentMunicipality, useMeasureList, usePlanTree } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { LoadMore } from "../components/LoadMore.tsx";
import { PlanYearSwitcher, useYearParam } from "../components/PlanYearSwitcher.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { RemovedMeasures } from "../components/RemovedMeasures.tsx";
import { SharedMeasuresLink, SharedMeasuresSection } from "../components/SharedSplit.tsx";
import { StatusTag } from "../components/StatusTag.tsx";
import { setSearchParam } from "../components/search-params.ts";
import { useLanguage } from "../i18n/language.tsx";
import { localeFor, type MessageKey } from "../i18n/messages.ts";
import { useYearMessages } from "../i18n/year-messages.ts";

const filterKeys = [
  "q",
  "focusAreaId",
  "status",
  "ownerUserId",
  "organisationId",
  "tag",
  "sort",
  "descending",
] as const;
const sortable: { sort: MeasureSort; label: MessageKey }[] = [
  { sort: "reference", label: "measure.reference" },
  { sort: "title", label: "measure.title" },
  { sort: "focusArea", label: "measure.focusArea" },
  { sort: "status", label: "measure.status" },
  { sort: "progress", label: "measure.progress" },
];

/** The plan as a table: filter, search and sort; the filters live in the address, so a view can be shared. */
export function MeasuresPage() {
  const { t, language } = useLanguage();
  const municipality = useCurrentMunicipality().data;
  const year = useYearParam();
  const { y } = useYearMessages();
  const tree = usePlanTree(municipality?.number, year);
  const [params, setParams] = useSearchParams();
  const planId = tree.data?.plan?.id;
  const yearQuery = year ? [["year", String(year)]] : [];
  const query = new URLSearchParams([
    ...filterKeys.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])),
    ...yearQuery,
  ]).toString();
  const list = useMeasureList(municipality?.number, planId, query);
  const everything = useAllMeasures(municipality?.number, planId, new URLSearchParams(yearQuery).toString());
  if (!tree.data || !municipality) return <QueryState isError={tree.isError} />;
  if (!planId) return <Paragraph>{t("plan.none")}</Paragraph>;

  // Functional updates: two quick changes must not undo each other.
  const set = (key: (typeof filterKeys)[number], value: string) => setSearchParam(setParams, key, value);
  const sortBy = (sort: MeasureSort) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        const descending = previous.get("sort") === sort && previous.get("descending") !== "true";
        next.set("sort", sort);
        if (descending) next.set("descending", "true");
        else next.delete("descending");
        return next;
      },
      { replace: true },
    );
  const all = everything.data?.items ?? [];
  const owners = [
    ...new Map(
      all.filter((m) => m.ownerUserId).map((m) => [m.ownerUserId as string, m.ownerName ?? ""]),
    ).entries(),
  ];
  const partners = [
    ...new Map(all.flatMap((m) => m.partners.map((p) => [p.id, p.name] as const))).entries(),
  ].sort((a, b) => a[1].localeCompare(b[1], "nb"));
  const tags = [...new Set(all.flatMap((m) => m.tags))].sort((a, b) => a.localeCompare(b, "nb"));
  const nok = (amount: number) => formatNok(amount, localeFor[language]);
  const mayCreate = list.data?.allowedActions.includes("create") ?? false;
  const currentSort = params.get("sort") ?? "reference";
  const descending = params.get("descending") === "true";

  const select = (key: (typeof filterKeys)[number], label: MessageKey, options: [string, string][]) => (
    <Field>
      <Label>{t(label)}</Label>
      <Select value={params.get(key) ?? ""} onChange={(e) => set(key, e.target.value)}>
        <Select.Option value="">{t("measures.all")}</Select.Option>
        {options.map(([value, text]) => (
          <Select.Option key={value} value={value}>
            {text}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );

  return (
    <article className="pv-stack">
      <div className="pv-actions" style={{ justifyContent: "space-between" }}>
        <Heading level={1} data-size="lg">
          {tree.data.yearChoice.shown
            ? y("year.measuresIn", { year: tree.data.yearChoice.shown.budgetYear })
            : t("measures.heading")}
        </Heading>
        {mayCreate && (
          <Button asChild>
            <AppLink to={`/tiltak/nytt?aar=${list.data?.actionPlan?.budgetYear ?? ""}`}>
              {t("measure.new")}
            </AppLink>
          </Button>
        )}
      </div>
      <PlanYearSwitcher options={tree.data.yearChoice.alive} shown={tree.data.yearChoice.shown} />
      <form className="pv-stack" aria-label={t("measures.filters")} onSubmit={(e) => e.preventDefault()}>
        <Search>
          <Search.Input
            aria-label={t("measures.search")}
            value={params.get("q") ?? ""}
            onChange={(e) => set("q", e.target.value)}
          />
          <Search.Clear onClick={() => set("q", "")} />
        </Search>
        <div className="pv-filters">
          {select(
            "focusAreaId",
            "measure.focusArea",
            tree.data.focusAreas.map((fa) => [fa.id, fa.title]),
          )}
          {select(
            "status",
            "measure.status",
            measureStatuses.map((s) => [s, t(`status.${s}`)]),
          )}
          {select("ownerUserId", "measure.owner", owners)}
          {select("organisationId", "measure.partners", partners)}
          {select(
            "tag",
            "measure.tags",
            tags.map((tag) => [tag, tag]),
          )}
          {query && (
            <Button variant="tertiary" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t("measures.clear")}
            </Button>
          )}
        </div>
      </form>
      {!list.data ? (
        <QueryState isError={list.isError} />
      ) : list.data.total === 0 ? (
        <Paragraph>
          {t("measures.empty")} {mayCreate && t("measures.emptyPlanner")}
        </Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" aria-live="polite" data-testid="measure-count">
            {t("measures.count", { shown: list.data.matching, total: list.data.total })}
          </Paragraph>
          {list.data.items.length === 0 ? (
            <Paragraph>{t("measures.noMatch")}</Paragraph>
          ) : (
            <div className="pv-table-scroll">
              {/* Busy while it still shows the previous list (another year or filter) as a placeholder. */}
              <Table
                zebra
                border
                data-size="sm"
                data-testid="measures-table"
                aria-busy={list.isPlaceholderData || undefined}
              >
                <caption className="pv-visually-hidden">{t("measures.caption")}</caption>
                <Table.Head>
                  <Table.Row>
                    {sortable.map(({ sort, label }) => (
                      <Table.HeaderCell
                        key={sort}
                        aria-sort={
                          currentSort === sort ? (descending ? "descending" : "ascending") : undefined
                        }
                      >
                        <button
                          type="button"
                          className="pv-sortable"
                          onClick={() => sortBy(sort)}
                          aria-label={t("measures.sortBy", { column: t(label) })}
                        >
                          {t(label)}
                        </button>
                      </Table.HeaderCell>
                    ))}
                    <Table.HeaderCell>{t("measure.owner")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("measure.partners")}</Table.HeaderCell>
                    <Table.HeaderCell className="pv-num">{t("measure.municipalCostPeriod")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.data.items.map((m) => (
                    <Table.Row key={m.reference}>
                      <Table.Cell className="pv-nowrap">{m.reference}</Table.Cell>
                      <Table.Cell>
                        <AppLink to={`/tiltak/${m.reference}${year ? `?aar=${year}` : ""}`}>
                          {m.title}
                        </AppLink>{" "}
                        {m.isExample && (
                          <Tag data-color="info" data-size="sm">
                            {t("measure.example")}
                          </Tag>
                        )}
                      </Table.Cell>
                      <Table.Cell>{m.focusAreaTitle}</Table.Cell>
                      <Table.Cell>
                        <StatusTag status={m.status} />
                      </Table.Cell>
                      <Table.Cell className="pv-num">
                        {m.progress === null ? "–" : `${m.progress} %`}
                      </Table.Cell>
                      <Table.Cell>{m.ownerName ?? "–"}</Table.Cell>
                      <Table.Cell>{m.partners.map((p) => p.name).join(", ") || "–"}</Table.Cell>
                      <Table.Cell className="pv-num">{nok(m.totalMunicipalNok)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <LoadMore list={list} testId="measures-load-more" />
        </>
      )}
      {list.data?.actionPlan?.status === "draft" && mayCreate && (
        <RemovedMeasures
          municipalityNumber={municipality.number}
          planId={planId}
          year={list.data.actionPlan.budgetYear}
        />
      )}
      {list.data && (
        <SharedMeasuresSection
          measures={list.data.sharedMeasures}
          manageLink={
            municipality.role && municipality.role !== "partner" ? <SharedMeasuresLink /> : undefined
          }
        />
      )}
    </article>
  );
}
