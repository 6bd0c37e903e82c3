import { Alert, Button, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import { useCurrentMunicipality } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useActionPlan } from "../cycle-api.ts";
import { documentPaths, useImportApply, useImportPreview } from "../document-api.ts";
import { useDocumentMessages } from "../i18n/document-messages.ts";

const kindColor = { new: "success", changed: "warning", restore: "info", unchanged: "neutral" } as const;

/**
 * /plan/:planId/handlingsplan/:budgetYear/:revision/import: a planner uploads an .xlsx sheet of
 * measures, sees every change and every error, and saves it all at once (or nothing).
 */
export function ImportMeasuresPage() {
  const { d } = useDocumentMessages();
  const { planId = "", budgetYear = "", revision = "" } = useParams();
  const municipality = useCurrentMunicipality();
  const number = municipality.data?.number ?? "";
  const actionPlan = useActionPlan(number, planId, budgetYear, revision, Boolean(municipality.data?.role));
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const preview = useImportPreview(number, planId);
  const apply = useImportApply(number, planId);
  const back = `/plan/${planId}/handlingsplan/${budgetYear}/${revision}`;

  if (municipality.data && municipality.data.role !== "planner")
    return (
      <article className="pv-stack">
        <Heading level={1} data-size="lg">
          {d("import.heading")}
        </Heading>
        <Paragraph>{d("import.notPlanner")}</Paragraph>
      </article>
    );
  if (!actionPlan.data) return <QueryState isError={municipality.isError || actionPlan.isError} />;
  const ap = actionPlan.data;

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    apply.reset();
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    preview.mutate({ file });
  };
  const p = preview.data;
  const changes = p ? p.counts.new + p.counts.changed + p.counts.restored : 0;

  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <AppLink to={back}>← {d("import.back")}</AppLink>
        <Heading level={1} data-size="lg">
          {d("import.heading")}
        </Heading>
        <Paragraph>{d("import.intro")}</Paragraph>
        <Paragraph data-size="sm">
          <a
            className="ds-link"
            href={documentPaths.download(number, planId, ap.budgetYear, ap.revision, "xlsx")}
            download
          >
            {`${d("docs.xlsx")}: handlingsplan-${ap.budgetYear}`}
          </a>
        </Paragraph>
        <Paragraph data-size="sm" className="pv-muted">
          {d("import.columns")}
        </Paragraph>
      </header>

      {ap.status === "adopted" ? (
        <Alert data-color="warning">{d("import.adopted", { year: ap.budgetYear })}</Alert>
      ) : (
        <form className="pv-form" onSubmit={onPreview} noValidate>
          <div className="ds-field">
            <label className="ds-label" htmlFor="import-file">
              {d("import.file")}
            </label>
            <input
              id="import-file"
              className="ds-input"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={missingFile || undefined}
              aria-describedby={missingFile ? "import-file-error" : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                preview.reset();
                apply.reset();
              }}
            />
            {missingFile && (
              <p className="ds-validation-message" data-color="danger" id="import-file-error">
                {d("import.chooseFile")}
              </p>
            )}
          </div>
          <div className="pv-actions">
            <Button type="submit" variant="secondary" loading={preview.isPending}>
              {d("import.preview")}
            </Button>
          </div>
        </form>
      )}

      <ErrorMessage error={preview.error} />

      {p && (
        <section className="pv-stack" aria-labelledby="import-preview-heading" data-testid="import-preview">
          <Heading level={2} data-size="md" id="import-preview-heading">
            {d("import.previewHeading", { year: p.budgetYear })}
          </Heading>
          <Paragraph data-testid="import-summary">
            {d("import.summary", {
              new: p.counts.new,
              changed: p.counts.changed,
              unchanged: p.counts.unchanged,
            })}
            {p.counts.restored > 0 && ` ${d("import.restored", { count: p.counts.restored })}`}
          </Paragraph>

          {p.problems.length > 0 && (
            <Alert data-color="danger" data-testid="import-problems">
              <Heading level={3} data-size="xs">
                {d("import.problemsHeading", { count: p.problems.length })}
              </Heading>
              <Paragraph>{d("import.problemsIntro")}</Paragraph>
              <Table data-size="sm" border>
                <caption className="pv-visually-hidden">{d("import.problemsCaption")}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{d("import.sheet")}</Table.HeaderCell>
                    <Table.HeaderCell>{d("import.row")}</Table.HeaderCell>
                    <Table.HeaderCell>{d("import.column")}</Table.HeaderCell>
                    <Table.HeaderCell>{d("import.reason")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {p.problems.map((problem) => (
                    <Table.Row key={`${problem.row}|${problem.column}|${problem.reason}`}>
                      <Table.Cell>{problem.sheet}</Table.Cell>
                      <Table.Cell>{problem.row ?? "–"}</Table.Cell>
                      <Table.Cell>{problem.column ?? "–"}</Table.Cell>
                      <Table.Cell>{problem.reason}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </Alert>
          )}

          <div className="pv-table-scroll">
            <Table data-size="sm" zebra border data-testid="import-changes">
              <caption className="pv-visually-hidden">{d("import.changesCaption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{d("import.row")}</Table.HeaderCell>
                  <Table.HeaderCell>{d("import.measure")}</Table.HeaderCell>
                  <Table.HeaderCell>{d("import.what")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {p.actions
                  .filter((a) => a.kind !== "unchanged")
                  .map((a) => (
                    <Table.Row key={a.row} data-testid={`import-row-${a.row}`}>
                      <Table.Cell>{a.row}</Table.Cell>
                      <Table.Cell>
                        <span className="pv-nowrap">{a.reference ?? d("import.newReference")}</span> {a.title}
                      </Table.Cell>
                      <Table.Cell>
                        <Tag data-color={kindColor[a.kind]} data-size="sm">
                          {d(`import.kind.${a.kind}`)}
                        </Tag>
                        <ul className="pv-import-changes">
                          {a.fields.map((f) => (
                            <li key={f.column}>
                              {d("import.field", {
                                column: f.column,
                                before: f.before || d("import.empty"),
                                after: f.after || d("import.empty"),
                              })}
                            </li>
                          ))}
                        </ul>
                      </Table.Cell>
                    </Table.Row>
                  ))}
              </Table.Body>
            </Table>
          </div>

          {apply.data ? (
            <Alert data-color="success" data-testid="import-applied">
              {d("import.applied", {
                created: apply.data.created.length,
                changed: apply.data.changed.length,
              })}
            </Alert>
          ) : changes === 0 && p.problems.length === 0 ? (
            <Paragraph>{d("import.nothing")}</Paragraph>
          ) : (
            <div className="pv-actions">
              <Button
                type="button"
                disabled={p.problems.length > 0}
                loading={apply.isPending}
                onClick={() => file && apply.mutate({ file, token: p.token })}
              >
                {d("import.apply")}
              </Button>
            </div>
          )}
          <ErrorMessage error={apply.error} heading={d("import.refused")} />
        </section>
      )}
    </article>
  );
}
