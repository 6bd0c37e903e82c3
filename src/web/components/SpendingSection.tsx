import { Button, Field, Heading, Label, Select, Table } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { formatNok, sumNok } from "../../domain/money.ts";
import type { BudgetSetupResponse } from "../../http/routes/budget.ts";
import type { MeasureDetailResponse } from "../../http/routes/measures.ts";
import { apiPaths, browserFetchJson, fieldError, useSend } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { localeFor } from "../i18n/messages.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { anyUnreadable, focusFirstInvalid, kronerOf, MoneyField, typedKroner } from "./MoneyField.tsx";

/** Plan against actual spending per year; planners and the owner record a year's spending. */
export function SpendingSection({
  municipalityNumber,
  measure,
  mayRecord,
}: {
  municipalityNumber: string;
  measure: MeasureDetailResponse;
  mayRecord: boolean;
}) {
  const { t, language } = useLanguage();
  const nok = (n: number) => formatNok(n, localeFor[language]);
  // The years of the shown action plan's period, and any year with planned or spent money.
  const start = measure.actionPlan.budgetYear;
  const years = [
    ...new Set([
      start,
      start + 1,
      start + 2,
      start + 3,
      ...measure.costByYear.map((c) => c.year),
      ...measure.spending.map((s) => s.year),
    ]),
  ].sort();
  const spent = (year: number, kind: "municipal" | "external") =>
    sumNok(measure.spending.filter((s) => s.year === year && s.kind === kind).map((s) => s.amountNok));
  const setupPath = `/api/municipalities/${municipalityNumber}/budget-setup`;
  const setup = useQuery({
    queryKey: [setupPath],
    queryFn: () => browserFetchJson(setupPath) as Promise<BudgetSetupResponse>,
    enabled: mayRecord,
  });
  const [year, setYear] = useState(String(years[0] ?? new Date().getFullYear()));
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const save = useSend((body: object) => ({
    method: "PUT",
    path: `${apiPaths.measure(municipalityNumber, measure.reference)}/spending/${year}`,
    body,
  }));
  const valueFor = (sourceId: string) =>
    amounts[`${year}|${sourceId}`] ??
    typedKroner(
      measure.spending.find((s) => s.year === Number(year) && s.fundingSourceId === sourceId)?.amountNok,
    );
  const [tried, setTried] = useState(false);
  // The index a source's amount had in the rows sent (only amounts above 0 are sent).
  const rowIndex = (sourceId: string) =>
    (setup.data?.fundingSources ?? [])
      .filter((s) => (kronerOf(valueFor(s.id)) ?? 0) > 0)
      .findIndex((s) => s.id === sourceId);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sources = setup.data?.fundingSources ?? [];
    if (anyUnreadable(sources.map((s) => valueFor(s.id)))) {
      setTried(true);
      focusFirstInvalid(formRef.current);
      return;
    }
    const rows = sources
      .map((s) => ({ fundingSourceId: s.id, amountNok: kronerOf(valueFor(s.id)) ?? 0 }))
      .filter((r) => r.amountNok > 0);
    save.mutate({ rows });
  };

  return (
    <section className="pv-stack" aria-labelledby="spending-heading">
      <Heading level={2} data-size="sm" id="spending-heading">
        {t("spending.heading")}
      </Heading>
      {years.length > 0 && (
        <div className="pv-table-scroll">
          <Table data-size="sm" zebra data-testid="spending-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("measure.period")}</Table.HeaderCell>
                <Table.HeaderCell className="pv-num">{t("spending.plannedMunicipal")}</Table.HeaderCell>
                <Table.HeaderCell className="pv-num">{t("spending.spentMunicipal")}</Table.HeaderCell>
                <Table.HeaderCell className="pv-num">{t("spending.plannedExternal")}</Table.HeaderCell>
                <Table.HeaderCell className="pv-num">{t("spending.spentExternal")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {years.map((y) => {
                const planned = measure.costByYear.find((c) => c.year === y);
                return (
                  <Table.Row key={y}>
                    <Table.Cell>{y}</Table.Cell>
                    <Table.Cell className="pv-num">{nok(planned?.municipalNok ?? 0)}</Table.Cell>
                    <Table.Cell className="pv-num">{nok(spent(y, "municipal"))}</Table.Cell>
                    <Table.Cell className="pv-num">{nok(planned?.externalNok ?? 0)}</Table.Cell>
                    <Table.Cell className="pv-num">{nok(spent(y, "external"))}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      {mayRecord && setup.data && (
        <form
          className="pv-stack pv-panel"
          onSubmit={submit}
          noValidate
          aria-labelledby="spending-form-heading"
          ref={formRef}
        >
          <Heading level={3} data-size="xs" id="spending-form-heading">
            {t("spending.record")}
          </Heading>
          <ErrorMessage error={save.error} />
          <Field>
            <Label>{t("measure.period")}</Label>
            <Select value={year} onChange={(e) => setYear(e.target.value)}>
              {(years.length ? years : [Number(year)]).map((y) => (
                <Select.Option key={y} value={String(y)}>
                  {y}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <div className="pv-grid-2">
            {setup.data.fundingSources.map((s) => (
              <MoneyField
                key={s.id}
                label={s.name}
                value={valueFor(s.id)}
                onChange={(typed) => setAmounts({ ...amounts, [`${year}|${s.id}`]: typed })}
                showProblem={tried}
                error={fieldError(save.error, `/rows/${rowIndex(s.id)}`)}
              />
            ))}
          </div>
          <div className="pv-actions">
            <Button type="submit" variant="secondary" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
