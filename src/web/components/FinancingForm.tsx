import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { formatNok } from "../../domain/money.ts";
import type { BudgetSetupResponse } from "../../http/routes/budget.ts";
import type { MeasureDetailResponse } from "../../http/routes/measures.ts";
import { apiPaths, browserFetchJson, useSend } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { localeFor } from "../i18n/messages.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

type ExternalStatus = "applied" | "granted" | "expected";

/**
 * Financing of a measure in the draft: per year of the period, an amount per funding source.
 * Municipal sources count against their frame area; external money is marked applied/granted/expected.
 */
export function FinancingForm({
  municipalityNumber,
  measure,
}: {
  municipalityNumber: string;
  measure: MeasureDetailResponse;
}) {
  const { t, language } = useLanguage();
  const setupPath = `/api/municipalities/${municipalityNumber}/budget-setup`;
  const setup = useQuery({
    queryKey: [setupPath],
    queryFn: () => browserFetchJson(setupPath) as Promise<BudgetSetupResponse>,
  });
  const years = financialPlanPeriod(measure.actionPlan.budgetYear).years;
  const initial = () => {
    const amounts: Record<string, string> = {};
    const statuses: Record<string, ExternalStatus> = {};
    for (const c of measure.costs) {
      amounts[`${c.fundingSourceId}|${c.year}`] = String(c.amountNok);
      if (c.externalStatus) statuses[c.fundingSourceId] = c.externalStatus;
    }
    return { amounts, statuses };
  };
  const [form, setForm] = useState(initial);
  const save = useSend((body: object) => ({
    method: "PUT",
    path: `${apiPaths.measure(municipalityNumber, measure.reference)}/financing?year=${measure.actionPlan.budgetYear}`,
    body,
  }));
  if (!setup.data) return null;
  const sources = setup.data.fundingSources;
  const nok = (n: number) => formatNok(n, localeFor[language]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const rows = sources.flatMap((s) =>
      years.flatMap((year) => {
        const raw = form.amounts[`${s.id}|${year}`]?.replace(/\s/g, "") ?? "";
        if (raw === "" || raw === "0") return [];
        return [
          {
            year,
            fundingSourceId: s.id,
            amountNok: Number(raw),
            externalStatus: s.kind === "external" ? (form.statuses[s.id] ?? "expected") : null,
          },
        ];
      }),
    );
    save.mutate({ rows });
  };
  const total = (year: number, kind: "municipal" | "external") =>
    sources
      .filter((s) => s.kind === kind)
      .reduce((sum, s) => sum + (Number(form.amounts[`${s.id}|${year}`]?.replace(/\s/g, "")) || 0), 0);

  return (
    <form className="pv-stack pv-panel" onSubmit={submit} noValidate aria-labelledby="financing-heading">
      <Heading level={2} data-size="sm" id="financing-heading">
        {t("financing.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("financing.intro")}</Paragraph>
      {save.isSuccess && <Alert data-color="success">{t("common.saved")}</Alert>}
      <ErrorMessage error={save.error} />
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
                  <Table.Cell key={year}>
                    <Textfield
                      aria-label={`${s.name} ${year}`}
                      inputMode="numeric"
                      data-size="sm"
                      value={form.amounts[`${s.id}|${year}`] ?? ""}
                      onChange={(e) =>
                        setForm({
                          ...form,
                          amounts: { ...form.amounts, [`${s.id}|${year}`]: e.target.value },
                        })
                      }
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
                        value={form.statuses[s.id] ?? "expected"}
                        onChange={(e) =>
                          setForm({
                            ...form,
                            statuses: { ...form.statuses, [s.id]: e.target.value as ExternalStatus },
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
                <Table.Cell key={y} className="pv-num">
                  {nok(total(y, "municipal"))}
                </Table.Cell>
              ))}
              <Table.Cell />
            </Table.Row>
          </Table.Foot>
        </Table>
      </div>
      <div className="pv-actions">
        <Button type="submit" loading={save.isPending}>
          {t("common.save")}
        </Button>
      </div>
    </form>
  );
}
