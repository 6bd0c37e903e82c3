import { Field, Label, Paragraph, Select, Table } from "@digdir/designsystemet-react";
import { formatNok } from "../../domain/money.ts";
import type { BudgetSetupResponse } from "../../http/routes/budget.ts";
import type { MeasureDetailResponse } from "../../http/routes/measures.ts";
import { useLanguage } from "../i18n/language.tsx";
import { localeFor } from "../i18n/messages.ts";
import { useMoneyMessages } from "../i18n/money-messages.ts";
import { kronerOf, MoneyField, sumTyped, typedKroner } from "./MoneyField.tsx";

export type ExternalStatus = "applied" | "granted" | "expected";
type Source = BudgetSetupResponse["fundingSources"][number];

/** What the costs table holds while it is edited: the typed amount per «source|year», and statuses. */
export type CostsForm = { amounts: Record<string, string>; statuses: Record<string, ExternalStatus> };

const cell = (sourceId: string, year: number) => `${sourceId}|${year}`;

/** The costs of a measure as the table shows them («200 000»), or an empty table for a new one. */
export function costsFormOf(measure: Pick<MeasureDetailResponse, "costs"> | undefined): CostsForm {
  const form: CostsForm = { amounts: {}, statuses: {} };
  for (const c of measure?.costs ?? []) {
    form.amounts[cell(c.fundingSourceId, c.year)] = typedKroner(c.amountNok);
    if (c.externalStatus) form.statuses[c.fundingSourceId] = c.externalStatus;
  }
  return form;
}

/** Whether any amount in the table cannot be read. */
export function costsUnreadable(form: CostsForm): boolean {
  return Object.values(form.amounts).some((typed) => kronerOf(typed) === undefined);
}

/** The rows the API takes: whole kroner per year and source, empty and 0 left out. */
export function costRows(form: CostsForm, sources: readonly Source[], years: readonly number[]) {
  return sources.flatMap((s) =>
    years.flatMap((year) => {
      const amountNok = kronerOf(form.amounts[cell(s.id, year)]);
      if (!amountNok) return [];
      return [
        {
          year,
          fundingSourceId: s.id,
          amountNok,
          externalStatus: s.kind === "external" ? (form.statuses[s.id] ?? "expected") : null,
        },
      ];
    }),
  );
}

/**
 * The costs of a measure per year of the period and funding source, typed as people write money,
 * with the sums per year updated as one types. Municipal sources count against their frame area;
 * external money is marked applied, granted or expected. A field that cannot be read shows why, and
 * its year's sums say they cannot be summed rather than a wrong total.
 */
export function CostsTable({
  sources,
  years,
  value,
  onChange,
  showProblems,
  errorFor,
}: {
  sources: readonly Source[];
  years: readonly number[];
  value: CostsForm;
  onChange: (value: CostsForm) => void;
  showProblems: boolean;
  /** The server's refusal of the cell, if any. */
  errorFor?: (sourceId: string, year: number) => string | undefined;
}) {
  const { t, language } = useLanguage();
  const { m } = useMoneyMessages();
  const total = (year: number, kind: "municipal" | "external") => {
    const sum = sumTyped(sources.filter((s) => s.kind === kind).map((s) => value.amounts[cell(s.id, year)]));
    return sum === undefined ? (
      <span className="pv-muted" title={m("money.unknownSum")}>
        –<span className="pv-visually-hidden"> {m("money.unknownSum")}</span>
      </span>
    ) : (
      formatNok(sum, localeFor[language])
    );
  };
  if (sources.length === 0) return <Paragraph data-size="sm">{m("money.noSources")}</Paragraph>;
  return (
    <div className="pv-table-scroll">
      <Table data-size="sm" data-testid="financing-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("financing.source")}</Table.HeaderCell>
            {years.map((y) => (
              <Table.HeaderCell key={y} className="pv-num">
                {y}
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell>{t("financing.status")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {sources.map((s) => (
            <Table.Row key={s.id}>
              <Table.HeaderCell>
                {s.name}
                <span className="pv-muted">
                  {" "}
                  ({t(s.kind === "municipal" ? "financing.municipal" : "financing.external")})
                </span>
              </Table.HeaderCell>
              {years.map((year) => (
                <Table.Cell key={year} className="pv-money-cell">
                  <MoneyField
                    ariaLabel={`${s.name} ${year}`}
                    size="sm"
                    value={value.amounts[cell(s.id, year)] ?? ""}
                    onChange={(typed) =>
                      onChange({ ...value, amounts: { ...value.amounts, [cell(s.id, year)]: typed } })
                    }
                    showProblem={showProblems}
                    error={errorFor?.(s.id, year)}
                  />
                </Table.Cell>
              ))}
              <Table.Cell>
                {s.kind === "external" && (
                  <Field>
                    <Label className="pv-visually-hidden">
                      {t("financing.status")} {s.name}
                    </Label>
                    <Select
                      data-size="sm"
                      value={value.statuses[s.id] ?? "expected"}
                      onChange={(e) =>
                        onChange({
                          ...value,
                          statuses: { ...value.statuses, [s.id]: e.target.value as ExternalStatus },
                        })
                      }
                    >
                      {(["applied", "granted", "expected"] as const).map((status) => (
                        <Select.Option key={status} value={status}>
                          {t(`financing.${status}`)}
                        </Select.Option>
                      ))}
                    </Select>
                  </Field>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
        <Table.Foot>
          <Table.Row>
            <Table.HeaderCell>{t("financing.municipalTotal")}</Table.HeaderCell>
            {years.map((y) => (
              <Table.Cell key={y} className="pv-num" data-testid={`municipal-total-${y}`}>
                {total(y, "municipal")}
              </Table.Cell>
            ))}
            <Table.Cell />
          </Table.Row>
          {sources.some((s) => s.kind === "external") && (
            <Table.Row>
              <Table.HeaderCell>{m("money.externalTotal")}</Table.HeaderCell>
              {years.map((y) => (
                <Table.Cell key={y} className="pv-num" data-testid={`external-total-${y}`}>
                  {total(y, "external")}
                </Table.Cell>
              ))}
              <Table.Cell />
            </Table.Row>
          )}
        </Table.Foot>
      </Table>
    </div>
  );
}
