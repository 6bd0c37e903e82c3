import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate, useParams } from "react-router";
import {
  decodeStatisticsBytes,
  type TextEncoding,
  textEncodingNames,
  unknownEncodingMessage,
} from "../../domain/statistics/encoding.ts";
import type { ReimportMode } from "../../domain/statistics/reimport.ts";
import { checkText, maxStatisticsFileBytes } from "../../domain/statistics/table.ts";
import type { ImportPreviewResponse, ImportSourceBody, MappingBody } from "../../http/routes/indicators.ts";
import { type ApiError, sendJson, useCurrentMunicipality } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { ReimportSummary } from "../components/ReimportSummary.tsx";
import { useIndicatorMessages } from "../i18n/indicator-messages.ts";
import { type UploadMessageKey, useUploadMessages } from "../i18n/upload-messages.ts";
import { indicatorPaths, useIndicator } from "../indicator-api.ts";

type Dimension = ImportPreviewResponse["table"]["dimensions"][number];

/** /indikatorer/:id/import — upload or URL → dimensions → mapping → preview → save. */
export function IndicatorImportPage() {
  const { id } = useParams();
  const { m, num } = useIndicatorMessages();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const municipality = useCurrentMunicipality().data;
  const indicator = useIndicator(municipality?.number, id);
  const [file, setFile] = useState<{ name: string; text: string; encoding: TextEncoding } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { u, mb } = useUploadMessages();
  const [url, setUrl] = useState("");
  const [source, setSource] = useState<ImportSourceBody | null>(null);
  const [preview, setPreview] = useState<ImportPreviewResponse | null>(null);
  const [mapping, setMapping] = useState<MappingBody | null>(null);
  const [mode, setMode] = useState<ReimportMode>("replace");
  const number = municipality?.number ?? "";
  const read = useMutation<
    ImportPreviewResponse,
    ApiError,
    { source: ImportSourceBody; mapping?: MappingBody; mode?: ReimportMode }
  >({
    mutationFn: (body) => sendJson(queryClient, "POST", indicatorPaths.preview(number, id ?? ""), body),
    onSuccess: (result, body) => {
      setSource(body.source);
      setPreview(result);
      setMapping(result.mapping);
    },
  });
  const save = useMutation<
    { valueCount: number },
    ApiError,
    { source: ImportSourceBody; mapping: MappingBody; mode: ReimportMode }
  >({
    mutationFn: (body) => sendJson(queryClient, "POST", indicatorPaths.imports(number, id ?? ""), body),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      navigate(`/indikatorer/${id}`);
    },
  });
  if (!municipality || !indicator.data) return <QueryState isError={indicator.isError} />;
  if (!indicator.data.allowedActions.includes("update")) return <Paragraph>{m("detail.noData")}</Paragraph>;

  const submitSource = (event: FormEvent) => {
    event.preventDefault();
    const chosen: ImportSourceBody | null = file
      ? {
          kind: "file",
          fileName: file.name,
          format:
            /\.csv$/i.test(file.name) || !/^\s*[{[]/.test(file.text.replace(/^\uFEFF/, ""))
              ? "csv"
              : "json-stat",
          text: file.text,
          encoding: file.encoding,
        }
      : url.trim()
        ? { kind: "url", url: url.trim() }
        : null;
    if (chosen) read.mutate({ source: chosen });
  };

  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <AppLink to={`/indikatorer/${indicator.data.id}`}>{m("import.cancel")}</AppLink>
        <Heading level={1} data-size="lg">
          {m("import.heading", { name: indicator.data.name })}
        </Heading>
        <Paragraph>{m("import.intro")}</Paragraph>
      </header>

      <section className="pv-stack" aria-labelledby="step1">
        <Heading level={2} data-size="sm" id="step1">
          {m("import.step1")}
        </Heading>
        <form className="pv-stack" onSubmit={submitSource}>
          <div className="pv-stack">
            <Label htmlFor="import-file">{m("import.file")}</Label>
            <Paragraph data-size="sm" className="pv-muted" id="import-file-hint">
              {m("import.fileHint")} {u("upload.limit", { max: mb(maxStatisticsFileBytes) })}
            </Paragraph>
            <input
              id="import-file"
              className="ds-input"
              style={{ maxWidth: "40rem" }}
              type="file"
              aria-describedby={fileError ? "import-file-hint import-file-error" : "import-file-hint"}
              aria-invalid={fileError ? true : undefined}
              accept=".json,.csv,application/json,text/csv"
              onChange={async (e) => {
                const chosen = e.target.files?.[0];
                setFile(null);
                setFileError(null);
                read.reset();
                if (!chosen) return;
                // Checked here first, so a planner need not wait for 20 MB to be sent; the server checks again.
                const refuse = (key: UploadMessageKey) =>
                  setFileError(
                    u(key, { name: chosen.name, size: mb(chosen.size), max: mb(maxStatisticsFileBytes) }),
                  );
                if (chosen.size > maxStatisticsFileBytes) return refuse("upload.tooLarge");
                if (chosen.size === 0) return refuse("upload.empty");
                // The bytes are read as UTF-8 or Windows-1252 (Excel on a Norwegian PC), whichever they are.
                let decoded: { text: string; encoding: TextEncoding };
                try {
                  decoded = decodeStatisticsBytes(new Uint8Array(await chosen.arrayBuffer()));
                  checkText(decoded.text.slice(0, 64 * 1024));
                } catch (error) {
                  const unknown = error instanceof Error && error.message === unknownEncodingMessage;
                  return refuse(unknown ? "upload.unknownEncoding" : "upload.notText");
                }
                setFile({ name: chosen.name, ...decoded });
              }}
            />
            {fileError && (
              <p className="ds-validation-message" data-color="danger" id="import-file-error">
                {fileError}
              </p>
            )}
          </div>
          <Textfield
            label={m("import.url")}
            description={m("import.urlHint")}
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            style={{ maxWidth: "40rem" }}
          />
          <div>
            <Button type="submit" disabled={read.isPending}>
              {m("import.read")}
            </Button>
          </div>
          <ErrorMessage error={read.error} heading={m("import.readFailed")} />
        </form>
      </section>

      {preview && mapping && source && (
        <>
          <section className="pv-stack" aria-labelledby="step2">
            <Heading level={2} data-size="sm" id="step2">
              {m("import.step2")}
            </Heading>
            <Paragraph data-testid="dataset-label">
              {m("import.dataset", {
                label: preview.table.label || "–",
                format: preview.table.format === "csv" ? "CSV" : "JSON-stat",
                version: preview.table.version === "csv" ? "" : preview.table.version,
                count: preview.table.valueCount,
              })}
              {preview.table.encoding &&
                ` ${m("import.encoding", { encoding: textEncodingNames[preview.table.encoding] })}`}
            </Paragraph>
            <div className="pv-table-scroll">
              <Table data-size="sm" zebra data-testid="dimensions">
                <caption className="pv-visually-hidden">{m("import.dimensionsCaption")}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{m("import.dimension")}</Table.HeaderCell>
                    <Table.HeaderCell>{m("import.code")}</Table.HeaderCell>
                    <Table.HeaderCell>{m("import.categories")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {preview.table.dimensions.map((d) => (
                    <Table.Row key={d.id}>
                      <Table.Cell>{d.label}</Table.Cell>
                      <Table.Cell>{d.id}</Table.Cell>
                      <Table.Cell>
                        {d.categories.length}:{" "}
                        {d.categories
                          .slice(0, 6)
                          .map((c) => c.label)
                          .join(", ")}
                        {d.categories.length > 6 ? " …" : ""}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
            <MappingForm
              dimensions={preview.table.dimensions}
              mapping={mapping}
              unmatched={preview.result.unmatchedRegions.map((r) => r.code)}
              onChange={setMapping}
            />
            <div>
              <Button
                variant="secondary"
                onClick={() => read.mutate({ source, mapping, mode })}
                disabled={read.isPending}
              >
                {m("import.update")}
              </Button>
            </div>
          </section>

          <section className="pv-stack" aria-labelledby="step3">
            <Heading level={2} data-size="sm" id="step3">
              {m("import.step3")}
            </Heading>
            <Paragraph data-testid="preview-counts">
              {m("import.counts", { count: preview.result.rowCount, missing: preview.result.missingCount })}
              {preview.result.unit ? ` ${m("import.unit", { unit: preview.result.unit })}` : ""}
            </Paragraph>
            {preview.result.problems.length > 0 && (
              <Alert data-color="warning" data-testid="preview-problems">
                <Heading level={3} data-size="xs">
                  {m("import.problems")}
                </Heading>
                <ul>
                  {preview.result.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </Alert>
            )}
            {preview.reimport && (
              <ReimportSummary
                reimport={preview.reimport}
                decimals={preview.result.decimals}
                onModeChange={(next) => {
                  setMode(next);
                  read.mutate({ source, mapping, mode: next });
                }}
              />
            )}
            {preview.result.rows.length > 0 && (
              <div className="pv-table-scroll">
                <Table data-size="sm" zebra data-testid="preview">
                  <caption>
                    {m("import.previewCaption", {
                      shown: preview.result.rows.length,
                      count: preview.result.rowCount,
                    })}
                  </caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{m("chart.region")}</Table.HeaderCell>
                      <Table.HeaderCell>{m("chart.period")}</Table.HeaderCell>
                      <Table.HeaderCell>{m("import.category")}</Table.HeaderCell>
                      <Table.HeaderCell>{m("import.content")}</Table.HeaderCell>
                      <Table.HeaderCell>{m("chart.value")}</Table.HeaderCell>
                      <Table.HeaderCell>{m("import.status")}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {preview.result.rows.map((r, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity of their own
                      <Table.Row key={i}>
                        <Table.Cell>
                          {r.regionCode} {r.regionLabel}
                        </Table.Cell>
                        <Table.Cell>{r.period}</Table.Cell>
                        <Table.Cell>{r.categoryLabel}</Table.Cell>
                        <Table.Cell>{r.contentLabel}</Table.Cell>
                        <Table.Cell>
                          {r.value === null ? m("chart.missing") : num(r.value, preview.result.decimals ?? 2)}
                        </Table.Cell>
                        <Table.Cell>{r.status ?? ""}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
            <div>
              <Button
                onClick={() => save.mutate({ source, mapping, mode })}
                disabled={save.isPending || preview.result.problems.length > 0}
              >
                {m("import.save")}
              </Button>
            </div>
            <ErrorMessage error={save.error} heading={m("import.failed")} />
          </section>
        </>
      )}
    </article>
  );
}

function MappingForm({
  dimensions,
  mapping,
  unmatched,
  onChange,
}: {
  dimensions: Dimension[];
  mapping: MappingBody;
  unmatched: string[];
  onChange: (mapping: MappingBody) => void;
}) {
  const { m } = useIndicatorMessages();
  const free = new Set(
    [mapping.region, mapping.time, mapping.category].filter((d): d is string => d !== null),
  );
  /** Changing a role: dimensions that become fixed get their first category, free ones keep all. */
  const setRole = (role: "region" | "time" | "category" | "content", value: string | null) => {
    const next = { ...mapping, [role]: value } as MappingBody;
    const freeNext = new Set([next.region, next.time, next.category].filter((d): d is string => d !== null));
    const selections: Record<string, string[]> = {};
    for (const d of dimensions) {
      const current = mapping.selections[d.id];
      if (freeNext.has(d.id)) {
        if (current && free.has(d.id)) selections[d.id] = current;
      } else selections[d.id] = current?.length === 1 ? current : [d.categories[0]?.code ?? ""];
    }
    onChange({ ...next, selections });
  };
  const roleSelect = (
    role: "region" | "time" | "category" | "content",
    label: string,
    optional: boolean,
    noneLabel = m("import.none"),
  ) => (
    <div className="pv-stack" style={{ gap: "var(--ds-size-1)" }}>
      <Label htmlFor={`role-${role}`}>{label}</Label>
      <Select
        id={`role-${role}`}
        value={mapping[role] ?? ""}
        onChange={(e) => setRole(role, e.target.value || null)}
        style={{ maxWidth: "24rem" }}
      >
        {optional && <Select.Option value="">{noneLabel}</Select.Option>}
        {dimensions.map((d) => (
          <Select.Option key={d.id} value={d.id}>
            {d.label} ({d.id})
          </Select.Option>
        ))}
      </Select>
    </div>
  );
  return (
    <div className="pv-stack">
      <div
        style={{
          display: "grid",
          gap: "var(--ds-size-4)",
          gridTemplateColumns: "repeat(auto-fit, minmax(16rem, 1fr))",
        }}
      >
        {roleSelect("region", m("import.regionDim"), true, m("import.noRegion"))}
        {roleSelect("time", m("import.timeDim"), mapping.time === null)}
        {roleSelect("category", m("import.categoryDim"), true)}
        {roleSelect("content", m("import.contentDim"), true)}
      </div>
      {dimensions.map((d) => {
        const selected = mapping.selections[d.id];
        if (!free.has(d.id)) {
          if (d.categories.length <= 1 && d.id !== mapping.content) return null;
          return (
            <div key={d.id} className="pv-stack" style={{ gap: "var(--ds-size-1)" }}>
              <Label htmlFor={`pick-${d.id}`}>{m("import.pickOne", { dimension: d.label })}</Label>
              <Select
                id={`pick-${d.id}`}
                value={selected?.[0] ?? ""}
                onChange={(e) =>
                  onChange({ ...mapping, selections: { ...mapping.selections, [d.id]: [e.target.value] } })
                }
                style={{ maxWidth: "24rem" }}
              >
                {d.categories.map((c) => (
                  <Select.Option key={c.code} value={c.code}>
                    {c.label}
                    {c.unit ? ` (${c.unit})` : ""}
                  </Select.Option>
                ))}
              </Select>
            </div>
          );
        }
        const kept = new Set(selected && selected.length > 0 ? selected : d.categories.map((c) => c.code));
        const toggle = (code: string, on: boolean) => {
          const next = d.categories.map((c) => c.code).filter((c) => (c === code ? on : kept.has(c)));
          onChange({ ...mapping, selections: { ...mapping.selections, [d.id]: next } });
        };
        return (
          <details key={d.id} open={d.id === mapping.region && unmatched.length > 0}>
            <summary>
              {m("import.keep", { dimension: d.label })} ({kept.size}/{d.categories.length})
            </summary>
            <Fieldset
              data-size="sm"
              style={{ maxHeight: "18rem", overflowY: "auto", padding: "var(--ds-size-2)" }}
            >
              <Fieldset.Legend className="pv-visually-hidden">
                {m("import.keep", { dimension: d.label })}
              </Fieldset.Legend>
              {d.categories.map((c) => (
                <Checkbox
                  key={c.code}
                  label={`${c.code} ${c.label}${unmatched.includes(c.code) ? " ⚠" : ""}`}
                  checked={kept.has(c.code)}
                  onChange={(e) => toggle(c.code, e.target.checked)}
                />
              ))}
            </Fieldset>
          </details>
        );
      })}
    </div>
  );
}
