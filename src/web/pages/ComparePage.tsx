import {
  Details,
  Field,
  Heading,
  Label,
  Link,
  List,
  Paragraph,
  Select,
  Table,
} from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { formatNok } from "../../domain/money.ts";
import type { ComparisonResponse } from "../../http/routes/cycles.ts";
import { browserFetchJson } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { setSearchParam } from "../components/search-params.ts";
import { cyclePaths, usePlanCycles } from "../cycle-api.ts";
import {
  type CycleMessageKey,
  formatLocale,
  isCycleMessageKey,
  useCycleMessages,
} from "../i18n/cycle-messages.ts";
import { useLanguage } from "../i18n/language.tsx";

type VersionLabel = { budgetYear: number; revision: number; status: "draft" | "adopted" };
type Translate = (key: CycleMessageKey, params?: Record<string, string | number>) => string;

const versionLabel = (c: Translate, v: VersionLabel) =>
  c("cmp.option", {
    year: v.budgetYear,
    revision: v.revision,
    status: c(v.status === "adopted" ? "cmp.optionAdopted" : "cmp.optionDraft"),
  });

/** Descriptions are stored as sanitised HTML; the comparison shows their text. */
function plainText(html: string): string {
  return html
    .replace(/<\/(p|li|h\d)>/gi, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/** /endringer?before=<id>&after=<id>: what changed between two versions of the action plan. */
export function ComparePage() {
  const { c } = useCycleMessages();
  const { t } = useLanguage();
  const { municipality, tree, planId, cycles } = usePlanCycles();
  const [params, setParams] = useSearchParams();
  const before = params.get("before") ?? "";
  const after = params.get("after") ?? "";
  const path = cyclePaths.compare(municipality?.number ?? "", before, after);
  const comparison = useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<ComparisonResponse>,
    enabled: Boolean(municipality && before && after),
    retry: false,
  });
  if (!tree.data || !municipality) return <QueryState isError={tree.isError} />;
  if (!planId) return <Paragraph>{t("plan.none")}</Paragraph>;

  const versions = (cycles.data ?? []).flatMap((cycle) =>
    [...cycle.actionPlans]
      .reverse()
      .map((v) => ({ id: v.id, label: versionLabel(c, { ...v, budgetYear: cycle.budgetYear }) })),
  );
  const set = (key: "before" | "after", value: string) => setSearchParam(setParams, key, value);
  const select = (key: "before" | "after", label: CycleMessageKey, value: string) => (
    <Field>
      <Label>{c(label)}</Label>
      <Select value={value} onChange={(e) => set(key, e.target.value)}>
        <Select.Option value="">{c("cmp.choose")}</Select.Option>
        {/* A version named in the address but not (yet) in the list still shows as chosen. */}
        {value && !versions.some((v) => v.id === value) && (
          <Select.Option value={value}>{value}</Select.Option>
        )}
        {versions.map((v) => (
          <Select.Option key={v.id} value={v.id}>
            {v.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );

  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {c("cmp.heading")}
        </Heading>
        <Paragraph>{c("cmp.intro")}</Paragraph>
        <form className="pv-filters" aria-label={c("cmp.heading")} onSubmit={(e) => e.preventDefault()}>
          {select("before", "cmp.before", before)}
          {select("after", "cmp.after", after)}
        </form>
      </header>
      {!before || !after ? (
        <Paragraph>{c("cmp.chooseBoth")}</Paragraph>
      ) : comparison.isError ? (
        <ErrorMessage error={comparison.error} heading={c("cmp.failed")} />
      ) : !comparison.data ? (
        <QueryState isError={false} />
      ) : (
        <ComparisonView
          comparison={comparison.data}
          csvPath={cyclePaths.compare(municipality.number, before, after, "csv")}
        />
      )}
    </article>
  );
}

const cellStyle = (isMoney: boolean) =>
  isMoney
    ? { fontVariantNumeric: "tabular-nums" }
    : { whiteSpace: "pre-line" as const, overflowWrap: "anywhere" as const };

function ComparisonView({ comparison: cmp, csvPath }: { comparison: ComparisonResponse; csvPath: string }) {
  const { c, language } = useCycleMessages();
  const nok = (amount: number) => formatNok(amount, formatLocale(language));
  const fieldName = (field: string) => {
    const cost = /^cost:(\d{4})$/.exec(field);
    if (cost) return c("field.cost", { year: cost[1] ?? "" });
    const key = `field.${field}`;
    return isCycleMessageKey(key) ? c(key) : field;
  };
  // A version's plan period is its budget year and the three after it (src/domain/cycle.ts).
  const inPeriod = (v: VersionLabel, year: number) => year >= v.budgetYear && year <= v.budgetYear + 3;
  const money = (v: VersionLabel, year: number, amount: number) =>
    inPeriod(v, year) || amount !== 0 ? nok(amount) : c("cmp.outside");
  const show = (field: string, value: unknown, version: VersionLabel): string => {
    const cost = /^cost:(\d{4})$/.exec(field);
    if (cost && typeof value === "number") return money(version, Number(cost[1]), value);
    if (Array.isArray(value)) return value.length === 0 ? "–" : value.join(", ");
    if (value === null || value === undefined || value === "") return "–";
    if (field === "description" && typeof value === "string") return plainText(value) || "–";
    return String(value);
  };
  const periodsDiffer = cmp.before.budgetYear !== cmp.after.budgetYear;
  // When the period moves on, the year that drops out shows as a change of every carried measure;
  // measures with no other change are listed apart, so the real changes stand out.
  const onlyPeriodShift = (ch: ComparisonResponse["changed"][number]["changes"][number]) => {
    const year = Number(/^cost:(\d{4})$/.exec(ch.field)?.[1]);
    if (!year) return false;
    return (!inPeriod(cmp.after, year) && ch.after === 0) || (!inPeriod(cmp.before, year) && ch.before === 0);
  };
  const periodShiftOnly = cmp.changed.filter((m) => m.changes.every(onlyPeriodShift));
  const changedForReal = cmp.changed.filter((m) => !m.changes.every(onlyPeriodShift));
  const totalsByYear = new Map(cmp.totals.map((row) => [row.year, row]));
  const totalYears = [
    ...new Set([
      ...cmp.totals.map((row) => row.year),
      ...[0, 1, 2, 3].flatMap((i) => [cmp.before.budgetYear + i, cmp.after.budgetYear + i]),
    ]),
  ].sort((a, b) => a - b);
  const signed = (amount: number) => (amount > 0 ? `+${nok(amount)}` : nok(amount));
  const measureList = (items: ComparisonResponse["added"], testId: string) =>
    items.length === 0 ? (
      <Paragraph>{c("cmp.none")}</Paragraph>
    ) : (
      <List.Unordered data-testid={testId}>
        {items.map((m) => (
          <List.Item key={m.reference}>
            <AppLink to={`/tiltak/${m.reference}`}>
              {m.reference} {m.title}
            </AppLink>
          </List.Item>
        ))}
      </List.Unordered>
    );

  return (
    <div className="pv-stack pv-stack--loose" data-testid="comparison">
      <section className="pv-stack" aria-labelledby="cmp-title">
        <Heading level={2} data-size="md" id="cmp-title">
          {c("cmp.title", { before: versionLabel(c, cmp.before), after: versionLabel(c, cmp.after) })}
        </Heading>
        <Paragraph data-testid="comparison-summary">
          {c("cmp.summary", {
            added: cmp.added.length,
            removed: cmp.removed.length,
            changed: cmp.changed.length,
            unchanged: cmp.unchanged,
          })}
        </Paragraph>
        <Paragraph>
          <Link href={csvPath} download>
            {c("cmp.csv")}
          </Link>
        </Paragraph>
      </section>

      <section className="pv-stack" aria-labelledby="cmp-added">
        <Heading level={2} data-size="sm" id="cmp-added">
          {c("cmp.added")} ({cmp.added.length})
        </Heading>
        {measureList(cmp.added, "added")}
      </section>

      <section className="pv-stack" aria-labelledby="cmp-removed">
        <Heading level={2} data-size="sm" id="cmp-removed">
          {c("cmp.removed")} ({cmp.removed.length})
        </Heading>
        {measureList(cmp.removed, "removed")}
      </section>

      <section className="pv-stack" aria-labelledby="cmp-changed">
        <Heading level={2} data-size="sm" id="cmp-changed">
          {c("cmp.changed")} ({cmp.changed.length})
        </Heading>
        {cmp.changed.length === 0 ? (
          <Paragraph>{c("cmp.none")}</Paragraph>
        ) : (
          <div className="pv-stack" data-testid="changed">
            {changedForReal.map((m) => (
              <div key={m.reference} className="pv-stack" data-reference={m.reference}>
                <Heading level={3} data-size="xs">
                  <AppLink to={`/tiltak/${m.reference}`}>
                    {m.reference} {m.title}
                  </AppLink>
                </Heading>
                <div className="pv-table-scroll">
                  <Table data-size="sm" zebra border style={{ tableLayout: "fixed", width: "100%" }}>
                    <caption className="pv-visually-hidden">
                      {c("cmp.changesCaption", { reference: m.reference, title: m.title })}
                    </caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell style={{ width: "24%" }}>{c("cmp.field")}</Table.HeaderCell>
                        <Table.HeaderCell style={{ width: "38%" }}>{c("cmp.beforeValue")}</Table.HeaderCell>
                        <Table.HeaderCell style={{ width: "38%" }}>{c("cmp.afterValue")}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {m.changes.map((ch) => {
                        const isMoney = ch.field.startsWith("cost:");
                        return (
                          <Table.Row key={ch.field}>
                            <Table.HeaderCell scope="row">{fieldName(ch.field)}</Table.HeaderCell>
                            <Table.Cell style={cellStyle(isMoney)}>
                              {show(ch.field, ch.before, cmp.before)}
                            </Table.Cell>
                            <Table.Cell style={cellStyle(isMoney)}>
                              {show(ch.field, ch.after, cmp.after)}
                            </Table.Cell>
                          </Table.Row>
                        );
                      })}
                    </Table.Body>
                  </Table>
                </div>
              </div>
            ))}
            {periodShiftOnly.length > 0 && (
              <Details data-testid="period-shift-only">
                <Details.Summary>{c("cmp.shiftOnly", { count: periodShiftOnly.length })}</Details.Summary>
                <Details.Content>
                  <Paragraph data-size="sm">{c("cmp.shiftOnlyHint")}</Paragraph>
                  {measureList(periodShiftOnly, "period-shift-only-list")}
                </Details.Content>
              </Details>
            )}
          </div>
        )}
      </section>

      <section className="pv-stack" aria-labelledby="cmp-totals">
        <Heading level={2} data-size="sm" id="cmp-totals">
          {c("cmp.totals")}
        </Heading>
        {periodsDiffer && (
          <Paragraph data-size="sm" className="pv-muted">
            {c("cmp.periodNote")}
          </Paragraph>
        )}
        {totalYears.length === 0 ? (
          <Paragraph>{c("cmp.none")}</Paragraph>
        ) : (
          <div className="pv-table-scroll">
            <Table data-size="sm" zebra border data-testid="totals" style={{ maxWidth: "48rem" }}>
              <caption className="pv-visually-hidden">{c("cmp.totalsCaption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{c("cmp.year")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{c("cmp.beforeValue")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{c("cmp.afterValue")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{c("cmp.difference")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {totalYears.map((year) => {
                  const row = totalsByYear.get(year) ?? { before: 0, after: 0, difference: 0 };
                  const both = inPeriod(cmp.before, year) && inPeriod(cmp.after, year);
                  return (
                    <Table.Row key={year}>
                      <Table.HeaderCell scope="row">{year}</Table.HeaderCell>
                      <Table.Cell className="pv-num">{money(cmp.before, year, row.before)}</Table.Cell>
                      <Table.Cell className="pv-num">{money(cmp.after, year, row.after)}</Table.Cell>
                      <Table.Cell className="pv-num">{both ? signed(row.difference) : "–"}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>
    </div>
  );
}
