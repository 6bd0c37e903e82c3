import { Heading, Link, List, Paragraph, Table } from "@digdir/designsystemet-react";
import { useParams } from "react-router";
import type { CompiledReportResponse } from "../../http/routes/status-reports.ts";
import { useCurrentMunicipality } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { type TrafficLight, TrafficLightTag } from "../components/TrafficLightTag.tsx";
import { formatKroner } from "../i18n/budget-messages.ts";
import { useLanguage } from "../i18n/language.tsx";
import { useStatusMessages } from "../i18n/status-messages.ts";
import { statusPaths, useCompiledReport } from "../status-api.ts";

type Light = TrafficLight;
const lightOrder: Light[] = ["serious_deviation", "deviation", "on_track", "not_reported"];

/** /status/:periodId/rapport: the compiled report for the council, with Word, PDF and Excel downloads. */
export function CompiledStatusReportPage() {
  const { s, date, language } = useStatusMessages();
  const { t } = useLanguage();
  const { periodId = "" } = useParams();
  const municipality = useCurrentMunicipality().data;
  const compiled = useCompiledReport(municipality?.number, periodId);
  if (!municipality || !compiled.data) return <QueryState isError={compiled.isError} />;
  const r = compiled.data;
  const nok = (n: number) => formatKroner(n, language);
  const title = `${s(`status.kind.${r.kind}`)} ${r.budgetYear}`;
  const deviations = r.focusAreas
    .flatMap((f) => f.measures)
    .filter((m) => m.light === "deviation" || m.light === "serious_deviation")
    .sort((a, b) => lightOrder.indexOf(a.light) - lightOrder.indexOf(b.light));
  const change = (v: number | null) => (v === null ? "–" : v > 0 ? `+${v}` : v < 0 ? `−${-v}` : "0");
  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <AppLink to={`/status?periode=${periodId}`}>← {s("report.back")}</AppLink>
        <Heading level={1} data-size="lg">
          {s("compiled.heading", { title })}
        </Heading>
        <Paragraph>
          {s("compiled.subheading", { municipality: r.municipalityName, asOf: date(r.asOf) })}
        </Paragraph>
        <Paragraph data-size="sm" className="pv-muted">
          {s("compiled.rule")}
        </Paragraph>
        <nav aria-label={s("compiled.downloads")} className="pv-actions" data-testid="downloads">
          <span>{s("compiled.downloads")}:</span>
          <Link href={statusPaths.compiled(municipality.number, periodId, "docx")} download>
            {s("compiled.docx")}
          </Link>
          <Link href={statusPaths.compiled(municipality.number, periodId, "pdf")} download>
            {s("compiled.pdf")}
          </Link>
          <Link href={statusPaths.compiled(municipality.number, periodId, "xlsx")} download>
            {s("compiled.xlsx")}
          </Link>
        </nav>
      </header>
      <section className="pv-stack" aria-labelledby="distribution-heading">
        <Heading level={2} data-size="md" id="distribution-heading">
          {s("compiled.distributionHeading")}
        </Heading>
        <Table data-testid="distribution">
          <caption className="pv-visually-hidden">{s("compiled.distributionCaption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{s("status.light")}</Table.HeaderCell>
              <Table.HeaderCell className="pv-num">{s("compiled.count")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {lightOrder.map((l) => (
              <Table.Row key={l}>
                <Table.Cell>
                  <TrafficLightTag light={l} />
                </Table.Cell>
                <Table.Cell className="pv-num">{r.distribution[l] ?? 0}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
      <BudgetTable report={r} nok={nok} />
      <section className="pv-stack" aria-labelledby="deviations-heading" data-testid="deviations">
        <Heading level={2} data-size="md" id="deviations-heading">
          {s("compiled.deviationsHeading")}
        </Heading>
        {deviations.length === 0 ? (
          <Paragraph>{s("compiled.noDeviations")}</Paragraph>
        ) : (
          <List.Unordered>
            {deviations.map((m) => (
              <List.Item key={m.reference}>
                <strong>
                  {m.reference} {m.title}
                </strong>{" "}
                ({s(`light.${m.light}`).toLowerCase()}): {m.explanation}
              </List.Item>
            ))}
          </List.Unordered>
        )}
      </section>
      {r.focusAreas.map((area) => (
        <section
          key={area.id}
          className="pv-stack"
          aria-labelledby={`area-${area.id}`}
          data-testid="compiled-area"
        >
          <Heading level={2} data-size="md" id={`area-${area.id}`}>
            {area.title}
          </Heading>
          <div className="pv-table-scroll">
            <Table>
              <caption className="pv-visually-hidden">
                {s("compiled.focusCaption", { area: area.title })}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{s("status.measure")}</Table.HeaderCell>
                  <Table.HeaderCell>{s("status.light")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{s("compiled.progress")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{s("compiled.change")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{s("compiled.milestones")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{s("compiled.planned")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{s("compiled.spent")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {area.measures.map((m) => (
                  <Table.Row key={m.reference} data-testid={`compiled-${m.reference}`}>
                    <Table.Cell>
                      <AppLink to={`/tiltak/${encodeURIComponent(m.reference)}`}>
                        {m.reference} {m.title}
                      </AppLink>
                    </Table.Cell>
                    <Table.Cell>
                      <TrafficLightTag light={m.light} />{" "}
                      {m.measureStatus && <span className="pv-muted">{t(`status.${m.measureStatus}`)}</span>}
                    </Table.Cell>
                    <Table.Cell className="pv-num">
                      {m.progress === null ? "–" : `${m.progress} %`}
                    </Table.Cell>
                    <Table.Cell className="pv-num">{change(m.progressChange)}</Table.Cell>
                    <Table.Cell className="pv-num">
                      {m.milestones.total ? s("compiled.milestonesOf", m.milestones) : "–"}
                    </Table.Cell>
                    <Table.Cell className="pv-num pv-nowrap">{nok(m.plannedNok)}</Table.Cell>
                    <Table.Cell className="pv-num pv-nowrap">{nok(m.spentNok)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </section>
      ))}
      {r.indicators && (
        <section className="pv-stack" aria-labelledby="indicators-heading">
          <Heading level={2} data-size="md" id="indicators-heading">
            {r.indicators.title}
          </Heading>
        </section>
      )}
    </article>
  );
}

function BudgetTable({ report, nok }: { report: CompiledReportResponse; nok: (n: number) => string }) {
  const { s } = useStatusMessages();
  const lines = [...report.budget.lines, { ...report.budget.total, area: s("compiled.sum") }];
  return (
    <section className="pv-stack" aria-labelledby="budget-heading">
      <Heading level={2} data-size="md" id="budget-heading">
        {s("compiled.budgetHeading", { year: report.budget.year })}
      </Heading>
      <div className="pv-table-scroll">
        <Table data-testid="compiled-budget">
          <caption className="pv-visually-hidden">
            {s("compiled.budgetCaption", { year: report.budget.year })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{s("compiled.area")}</Table.HeaderCell>
              <Table.HeaderCell className="pv-num">{s("compiled.planned")}</Table.HeaderCell>
              <Table.HeaderCell className="pv-num">{s("compiled.spent")}</Table.HeaderCell>
              <Table.HeaderCell className="pv-num">{s("compiled.remaining")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {lines.map((l, i) => (
              <Table.Row key={l.area}>
                <Table.Cell>{i === lines.length - 1 ? <strong>{l.area}</strong> : l.area}</Table.Cell>
                <Table.Cell className="pv-num pv-nowrap">{nok(l.plannedNok)}</Table.Cell>
                <Table.Cell className="pv-num pv-nowrap">{nok(l.spentNok)}</Table.Cell>
                <Table.Cell className="pv-num pv-nowrap">{nok(l.remainingNok)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
