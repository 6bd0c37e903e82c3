import { Button, Checkbox, Heading, Label, Select, Textarea, Textfield } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { IndicatorContentBody, IndicatorDetailResponse } from "../../http/routes/indicators.ts";
import { type ApiError, fieldError, sendJson, useCurrentMunicipality, usePlanTree } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { CheckboxList } from "../components/CheckboxList.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { type IndicatorMessageKey, useIndicatorMessages } from "../i18n/indicator-messages.ts";
import { indicatorPaths, useIndicator } from "../indicator-api.ts";

type Form = Required<IndicatorContentBody>;
const empty: Form = {
  name: "",
  description: "",
  unit: "",
  decimals: 0,
  direction: "higher_is_better",
  chartKind: "time_series",
  sourceName: "Statistisk sentralbyrå",
  sourceUrl: "",
  licence: "CC BY 4.0",
  creditLine: "Kilde: Statistisk sentralbyrå",
  isExample: false,
  published: false,
  goalIds: [],
  focusAreaIds: [],
};
const fromDetail = (d: IndicatorDetailResponse): Form => ({
  name: d.name,
  description: d.description,
  unit: d.unit,
  decimals: d.decimals,
  direction: d.direction,
  chartKind: d.chartKind,
  sourceName: d.sourceName,
  sourceUrl: d.sourceUrl,
  licence: d.licence,
  creditLine: d.creditLine,
  isExample: d.isExample,
  published: d.published,
  goalIds: d.goals.map((g) => g.id),
  focusAreaIds: d.focusAreas.map((f) => f.id),
});

/** /indikatorer/ny and /indikatorer/:id/rediger */
export function IndicatorFormPage() {
  const { id } = useParams();
  const municipality = useCurrentMunicipality().data;
  const existing = useIndicator(municipality?.number, id);
  const tree = usePlanTree(municipality?.number);
  if (!municipality || !tree.data || (id && !existing.data))
    return <QueryState isError={existing.isError || tree.isError} />;
  return (
    <IndicatorForm
      key={id ?? "new"}
      municipalityNumber={municipality.number}
      existing={existing.data ?? null}
      goals={tree.data.goals}
      focusAreas={tree.data.focusAreas}
    />
  );
}

function IndicatorForm({
  municipalityNumber,
  existing,
  goals,
  focusAreas,
}: {
  municipalityNumber: string;
  existing: IndicatorDetailResponse | null;
  goals: { id: string; title: string }[];
  focusAreas: { id: string; title: string }[];
}) {
  const { m } = useIndicatorMessages();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(existing ? fromDetail(existing) : empty);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm({ ...form, [key]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const saved = existing
        ? await sendJson<{ id: string }>(
            queryClient,
            "PUT",
            indicatorPaths.indicator(municipalityNumber, existing.id),
            {
              ...form,
              version: existing.version,
            },
          )
        : await sendJson<{ id: string }>(queryClient, "POST", indicatorPaths.list(municipalityNumber), form);
      await queryClient.invalidateQueries();
      navigate(`/indikatorer/${saved.id}`);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setPending(false);
    }
  };
  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <AppLink to={existing ? `/indikatorer/${existing.id}` : "/indikatorer"}>{m("form.cancel")}</AppLink>
        <Heading level={1} data-size="lg">
          {existing ? m("form.editHeading") : m("form.heading")}
        </Heading>
      </header>
      <form className="pv-stack" onSubmit={submit} noValidate style={{ maxWidth: "44rem" }}>
        <Textfield
          label={m("form.name")}
          value={form.name}
          onChange={(e) => set("name", e.target.value)}
          error={fieldError(error, "/name")}
        />
        <Textarea
          aria-label={m("form.description")}
          value={form.description}
          onChange={(e) => set("description", e.target.value)}
          rows={3}
        />
        <Textfield
          label={m("form.unit")}
          description={m("form.unitHint")}
          value={form.unit}
          onChange={(e) => set("unit", e.target.value)}
        />
        <Textfield
          label={m("form.decimals")}
          type="number"
          min={0}
          max={6}
          value={String(form.decimals)}
          onChange={(e) => set("decimals", Number(e.target.value))}
          error={fieldError(error, "/decimals")}
          style={{ maxWidth: "8rem" }}
        />
        <div className="pv-stack" style={{ gap: "var(--ds-size-1)" }}>
          <Label htmlFor="indicator-direction">{m("form.direction")}</Label>
          <Select
            id="indicator-direction"
            value={form.direction}
            onChange={(e) => set("direction", e.target.value as Form["direction"])}
          >
            {(["higher_is_better", "lower_is_better", "stable"] as const).map((d) => (
              <Select.Option key={d} value={d}>
                {m(`direction.${d}` as IndicatorMessageKey)}
              </Select.Option>
            ))}
          </Select>
        </div>
        <div className="pv-stack" style={{ gap: "var(--ds-size-1)" }}>
          <Label htmlFor="indicator-chart-kind">{m("form.chartKind")}</Label>
          <Select
            id="indicator-chart-kind"
            value={form.chartKind}
            onChange={(e) => set("chartKind", e.target.value as Form["chartKind"])}
          >
            {(["time_series", "industry_structure"] as const).map((k) => (
              <Select.Option key={k} value={k}>
                {m(`form.chartKind.${k}` as IndicatorMessageKey)}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Textfield
          label={m("form.sourceName")}
          value={form.sourceName}
          onChange={(e) => set("sourceName", e.target.value)}
        />
        <Textfield
          label={m("form.sourceUrl")}
          type="url"
          value={form.sourceUrl}
          onChange={(e) => set("sourceUrl", e.target.value)}
          error={fieldError(error, "/sourceUrl")}
        />
        <Textfield
          label={m("form.licence")}
          value={form.licence}
          onChange={(e) => set("licence", e.target.value)}
        />
        <Textfield
          label={m("form.creditLine")}
          value={form.creditLine}
          onChange={(e) => set("creditLine", e.target.value)}
        />
        {goals.length > 0 && (
          <CheckboxList
            legend={m("form.goals")}
            items={goals}
            chosen={form.goalIds}
            onChange={(ids) => set("goalIds", ids)}
          />
        )}
        {focusAreas.length > 0 && (
          <CheckboxList
            legend={m("form.focusAreas")}
            items={focusAreas}
            chosen={form.focusAreaIds}
            onChange={(ids) => set("focusAreaIds", ids)}
          />
        )}
        <Checkbox
          label={m("form.isExample")}
          checked={form.isExample}
          onChange={(e) => set("isExample", e.target.checked)}
        />
        <Checkbox
          label={m("form.published")}
          checked={form.published}
          onChange={(e) => set("published", e.target.checked)}
        />
        <div>
          <Button type="submit" disabled={pending}>
            {m("form.save")}
          </Button>
        </div>
        <ErrorMessage error={error} heading={m("form.failed")} />
      </form>
    </article>
  );
}
