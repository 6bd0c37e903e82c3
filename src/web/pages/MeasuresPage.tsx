import { Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { formatNok, sumNok } from "../../domain/money.ts";
import { useCurrentMunicipality, usePlanTree } from "../api.ts";
import { QueryState } from "../components/QueryState.tsx";
import { useLanguage } from "../i18n/language.tsx";
import { localeFor } from "../i18n/messages.ts";

export function MeasuresPage() {
  const { t, language } = useLanguage();
  const municipality = useCurrentMunicipality();
  const tree = usePlanTree(municipality.data?.number);
  if (!tree.data) return <QueryState isError={municipality.isError || tree.isError} />;
  const { cycle, focusAreas } = tree.data;
  const years = cycle ? financialPlanPeriod(cycle.budgetYear).years : [];
  const rows = focusAreas.flatMap((fa) => fa.measures.map((m) => ({ ...m, focusArea: fa.title })));
  const nok = (amount: number) => formatNok(amount, localeFor[language]);
  const municipalIn = (m: (typeof rows)[number], year: number) =>
    m.costByYear.find((c) => c.year === year)?.municipalNok ?? 0;

  return (
    <article className="pv-stack">
      <Heading level={1} data-size="lg">
        {t("measures.heading")}
      </Heading>
      <Paragraph>{t("measures.intro")}</Paragraph>
      <div className="pv-table-scroll">
        <Table zebra border data-size="sm" data-testid="measures-table">
          <caption className="pv-visually-hidden">{t("measures.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("measure.reference")}</Table.HeaderCell>
              <Table.HeaderCell>{t("measure.title")}</Table.HeaderCell>
              <Table.HeaderCell>{t("measure.focusArea")}</Table.HeaderCell>
              <Table.HeaderCell>{t("measure.responsible")}</Table.HeaderCell>
              {years.map((year) => (
                <Table.HeaderCell key={year} className="pv-num">
                  {year}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell className="pv-num">{t("measure.sum")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((m) => (
              <Table.Row key={m.reference}>
                <Table.Cell className="pv-nowrap">{m.reference}</Table.Cell>
                <Table.Cell>
                  {m.title}{" "}
                  {m.isExample && (
                    <Tag data-color="info" data-size="sm">
                      {t("measure.example")}
                    </Tag>
                  )}
                </Table.Cell>
                <Table.Cell>{m.focusArea}</Table.Cell>
                <Table.Cell>{m.responsibleUnit}</Table.Cell>
                {years.map((year) => (
                  <Table.Cell key={year} className="pv-num">
                    {year < m.startYear || year > m.endYear ? "–" : nok(municipalIn(m, year))}
                  </Table.Cell>
                ))}
                <Table.Cell className="pv-num">{nok(m.totalMunicipalNok)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          <Table.Foot>
            <Table.Row>
              <Table.HeaderCell colSpan={4}>{t("measure.sum")}</Table.HeaderCell>
              {years.map((year) => (
                <Table.Cell key={year} className="pv-num">
                  {nok(sumNok(rows.map((m) => municipalIn(m, year))))}
                </Table.Cell>
              ))}
              <Table.Cell className="pv-num">{nok(sumNok(rows.map((m) => m.totalMunicipalNok)))}</Table.Cell>
            </Table.Row>
          </Table.Foot>
        </Table>
      </div>
    </article>
  );
}
