import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { Link as RouterLink, useParams } from "react-router";
import { parseNorwegianNumber } from "../../domain/statistics/csv.ts";
import type { IndicatorDetailResponse } from "../../http/routes/indicators.ts";
import { fieldError, useCurrentMunicipality, useSend } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { IndicatorCharts } from "../components/IndicatorCharts.tsx";
import { IndicatorRefresh } from "../components/IndicatorRefresh.tsx";
import { IndicatorStatusTag } from "../components/IndicatorStatusTag.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { type IndicatorMessageKey, useIndicatorMessages } from "../i18n/indicator-messages.ts";
import { indicatorPaths, useIndicator } from "../indicator-api.ts";

/** /indikatorer/:id — the indicator with its charts, tables, status and targets. */
export function IndicatorPage() {
  const { id } = useParams();
  const { m, num, language } = useIndicatorMessages();
  const municipality = useCurrentMunicipality().data;
  const query = useIndicator(municipality?.number, id);
  const restore = useSend((importId: string) => ({
    method: "POST",
    path: indicatorPaths.restoreImport(municipality?.number ?? "", id ?? "", importId),
  }));
  if (!municipality || !query.data) return <QueryState isError={query.isError} />;
  const indicator = query.data;
  const mayUpdate = indicator.allowedActions.includes("update");
  const date = (iso: string) => new Date(iso).toLocaleDateString(language === "en" ? "en-GB" : "nb-NO");
  const value = (v: number) => `${num(v, indicator.decimals)}${indicator.unit ? ` ${indicator.unit}` : ""}`;
  const status = indicator.status;
  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <AppLink to="/indikatorer">{m("detail.back")}</AppLink>
        <Heading level={1} data-size="lg">
          {indicator.name}
        </Heading>
        {indicator.isExample && (
          <div>
            <Tag data-color="warning" data-testid="example-note">
              {m("example.note")}
            </Tag>
          </div>
        )}
        {indicator.description && <Paragraph>{indicator.description}</Paragraph>}
        <dl className="pv-facts">
          <dt>{m("detail.direction")}</dt>
          <dd>{m(`direction.${indicator.direction}` as IndicatorMessageKey)}</dd>
          {indicator.unit && (
            <>
              <dt>{m("detail.unit")}</dt>
              <dd>{indicator.unit}</dd>
            </>
          )}
          {indicator.goals.length > 0 && (
            <>
              <dt>{m("detail.goals")}</dt>
              <dd>{indicator.goals.map((g) => g.title).join(", ")}</dd>
            </>
          )}
          {indicator.focusAreas.length > 0 && (
            <>
              <dt>{m("detail.focusAreas")}</dt>
              <dd>{indicator.focusAreas.map((f) => f.title).join(", ")}</dd>
            </>
          )}
          <dt>{m("detail.source")}</dt>
          <dd>
            {indicator.sourceUrl ? (
              <a href={indicator.sourceUrl}>{indicator.sourceName}</a>
            ) : (
              indicator.sourceName
            )}{" "}
            ({m("detail.licence")}: {indicator.licence})
          </dd>
        </dl>
        <div className="pv-stack" role="status" data-testid="indicator-status-box">
          <div>
            <IndicatorStatusTag status={status} />
          </div>
          {status.kind === "on_track" || status.kind === "off_track" ? (
            <Paragraph data-testid="status-detail">
              {m("status.detail", {
                value: value(status.latest.value),
                period: status.latest.period,
                target: value(status.target.value),
                year: status.target.year,
              })}
            </Paragraph>
          ) : status.kind === "no_target" ? (
            <Paragraph data-testid="status-detail">
              {m("status.detailNoTarget", {
                value: value(status.latest.value),
                period: status.latest.period,
              })}
            </Paragraph>
          ) : null}
          <Paragraph data-size="sm" className="pv-muted">
            {m("status.rule")}
          </Paragraph>
        </div>
        {mayUpdate && (
          <div className="pv-actions" style={{ display: "flex", gap: "var(--ds-size-3)", flexWrap: "wrap" }}>
            <Button asChild>
              <RouterLink to={`/indikatorer/${indicator.id}/import`}>{m("detail.import")}</RouterLink>
            </Button>
            <Button asChild variant="secondary">
              <RouterLink to={`/indikatorer/${indicator.id}/rediger`}>{m("detail.edit")}</RouterLink>
            </Button>
          </div>
        )}
      </header>
      {indicator.series.length === 0 ? (
        <Paragraph>{m("detail.noData")}</Paragraph>
      ) : (
        <IndicatorCharts indicator={indicator} />
      )}
      <TargetsSection municipalityNumber={municipality.number} indicator={indicator} mayUpdate={mayUpdate} />
      {(indicator.currentImport || indicator.history.length > 0) && (
        <section className="pv-stack" aria-labelledby="imports-heading">
          <Heading level={2} data-size="sm" id="imports-heading">
            {m("detail.imports")}
          </Heading>
          {indicator.currentImport && (
            <Paragraph data-testid="current-import">
              {m("detail.currentImport", {
                label: indicator.currentImport.datasetLabel || indicator.currentImport.fileName || "",
                count: indicator.currentImport.valueCount,
                date: date(indicator.currentImport.importedAt),
              })}
            </Paragraph>
          )}
          {indicator.history.length > 0 && (
            <details>
              <summary>{m("detail.history")}</summary>
              <ul>
                {indicator.history.map((h) => (
                  <li key={h.id}>
                    {m("detail.historyItem", {
                      label: h.datasetLabel || h.fileName || "",
                      count: h.valueCount,
                      date: date(h.importedAt),
                      replaced: h.replacedAt ? date(h.replacedAt) : "",
                    })}{" "}
                    {mayUpdate && (
                      <Button
                        data-size="sm"
                        variant="tertiary"
                        loading={restore.isPending && restore.variables === h.id}
                        onClick={() => restore.mutate(h.id)}
                      >
                        {m("detail.restore")}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
              {restore.isSuccess && <Paragraph role="status">{m("detail.restored")}</Paragraph>}
              <ErrorMessage error={restore.error} />
            </details>
          )}
        </section>
      )}
      <IndicatorRefresh
        municipalityNumber={municipality.number}
        indicator={indicator}
        mayUpdate={mayUpdate}
      />
    </article>
  );
}

function TargetsSection({
  municipalityNumber,
  indicator,
  mayUpdate,
}: {
  municipalityNumber: string;
  indicator: IndicatorDetailResponse;
  mayUpdate: boolean;
}) {
  const { m, num } = useIndicatorMessages();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [value, setValue] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSend((input: { year: number; value: number | null; version: number }) => ({
    method: "PUT",
    path: indicatorPaths.target(municipalityNumber, indicator.id, input.year),
    body: { value: input.value, version: input.version },
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const parsed = parseNorwegianNumber(value);
    const y = Number(year);
    if (parsed === null || !Number.isInteger(y)) {
      setLocalError(m("targets.notNumber"));
      return;
    }
    setLocalError(null);
    const current = indicator.targets.find((t) => t.year === y);
    save.mutate(
      { year: y, value: parsed, version: current?.version ?? 0 },
      {
        onSuccess: () => {
          setNotice(m("targets.saved", { year: y }));
          setValue("");
        },
      },
    );
  };
  const remove = (target: { year: number; version: number }) => {
    setNotice(null);
    save.mutate(
      { year: target.year, value: null, version: target.version },
      { onSuccess: () => setNotice(m("targets.removed", { year: target.year })) },
    );
  };
  return (
    <section className="pv-stack" aria-labelledby="targets-heading">
      <Heading level={2} data-size="sm" id="targets-heading">
        {m("targets.heading")}
      </Heading>
      {indicator.targets.length === 0 ? (
        <Paragraph>{m("targets.none")}</Paragraph>
      ) : (
        <Table data-size="sm" zebra data-testid="targets" style={{ maxWidth: "32rem" }}>
          <caption className="pv-visually-hidden">{m("targets.caption", { name: indicator.name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{m("targets.year")}</Table.HeaderCell>
              <Table.HeaderCell>{m("targets.value")}</Table.HeaderCell>
              {mayUpdate && <Table.HeaderCell>{""}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {indicator.targets.map((t) => (
              <Table.Row key={t.year}>
                <Table.Cell>{t.year}</Table.Cell>
                <Table.Cell>
                  {num(t.value, indicator.decimals)}
                  {indicator.unit ? ` ${indicator.unit}` : ""}
                </Table.Cell>
                {mayUpdate && (
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={m("targets.removeLabel", { year: t.year })}
                      onClick={() => remove(t)}
                    >
                      {m("targets.remove")}
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {mayUpdate && (
        <form onSubmit={submit} className="pv-stack" noValidate>
          <div style={{ display: "flex", gap: "var(--ds-size-4)", flexWrap: "wrap", alignItems: "flex-end" }}>
            <Textfield
              label={m("targets.year")}
              inputMode="numeric"
              value={year}
              onChange={(e) => setYear(e.target.value)}
              style={{ maxWidth: "8rem" }}
            />
            <Textfield
              label={m("targets.value")}
              description={m("targets.valueHint")}
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              error={localError ?? fieldError(save.error, "/value")}
              style={{ maxWidth: "12rem" }}
            />
            <Button type="submit" disabled={save.isPending}>
              {m("targets.add")}
            </Button>
          </div>
          <ErrorMessage error={save.error} heading={m("targets.failed")} />
          <div role="status">{notice && <Alert data-color="success">{notice}</Alert>}</div>
        </form>
      )}
    </section>
  );
}
