import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
  Textarea,
  Textfield,
  ToggleGroup,
} from "@digdir/designsystemet-react";
import { type FormEvent, useRef, useState } from "react";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { formatNok } from "../../domain/money.ts";
import { type ProposalStatus, proposalStatuses } from "../../domain/proposals.ts";
import type { ProposalsOverviewResponse } from "../../http/routes/proposals.ts";
import { fieldError, useCurrentMunicipality, useOrganisations, usePlanTree, useSend } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ConfirmDialog } from "../components/ConfirmDialog.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { anyUnreadable, focusFirstInvalid, kronerOf, MoneyField } from "../components/MoneyField.tsx";
import { ProposalMeasure } from "../components/ProposalMeasure.tsx";
import { proposalStatusColor } from "../components/proposal-status.ts";
import { QueryState } from "../components/QueryState.tsx";
import { localeFor } from "../i18n/messages.ts";
import { useProposalMessages } from "../i18n/proposal-messages.ts";
import { proposalPaths, useProposals } from "../proposals-api.ts";

/** /innspill: the planner's queue, a partner's own proposals and the form to send one, or the published ones. */
export function ProposalsPage() {
  const { p, language } = useProposalMessages();
  const municipality = useCurrentMunicipality().data;
  const [status, setStatus] = useState<ProposalStatus | "all">("all");
  const overview = useProposals(municipality?.number, status === "all" ? undefined : status);
  if (!municipality || !overview.data) return <QueryState isError={overview.isError} />;
  const data = overview.data;
  const role = municipality.role;
  const internal = role !== null && role !== "partner";
  const nok = (amount: number) => formatNok(amount, localeFor[language]);
  const intro = internal
    ? p("proposals.intro.internal")
    : role === "partner"
      ? data.ownOrganisation
        ? p("proposals.intro.partner", { organisation: data.ownOrganisation.name })
        : p("proposals.intro.partnerNoOrganisation")
      : p("proposals.intro.public");

  return (
    <div className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {p("proposals.heading")}
        </Heading>
        <Paragraph>{intro}</Paragraph>
      </header>

      {data.allowedActions.includes("create") &&
        (data.openCycles.length > 0 ? (
          <ProposalForm municipalityNumber={municipality.number} overview={data} internal={internal} />
        ) : (
          <Alert data-color="info">{p("proposals.closed")}</Alert>
        ))}

      {data.publishableCycles.length > 0 && (
        <PublishPanel municipalityNumber={municipality.number} cycles={data.publishableCycles} />
      )}

      <section className="pv-stack" aria-labelledby="proposal-list-heading">
        <Heading level={2} data-size="md" id="proposal-list-heading">
          {p("proposals.list")}
        </Heading>
        {internal && (
          <ToggleGroup
            data-size="sm"
            value={status}
            onChange={(v) => setStatus(v as ProposalStatus | "all")}
            aria-label={p("proposals.filter")}
          >
            <ToggleGroup.Item value="all">{p("proposals.filter.all")}</ToggleGroup.Item>
            {proposalStatuses.map((s) => (
              <ToggleGroup.Item key={s} value={s}>
                {p(`proposals.status.${s}`)}
              </ToggleGroup.Item>
            ))}
          </ToggleGroup>
        )}
        {data.proposals.length === 0 ? (
          <Paragraph>{p("proposals.none")}</Paragraph>
        ) : (
          <div className="pv-table-scroll">
            <Table data-size="sm" zebra data-testid="proposal-list">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{p("proposals.col.number")}</Table.HeaderCell>
                  <Table.HeaderCell>{p("proposals.col.title")}</Table.HeaderCell>
                  <Table.HeaderCell>{p("proposals.col.from")}</Table.HeaderCell>
                  <Table.HeaderCell>{p("proposals.col.year")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{p("proposals.col.cost")}</Table.HeaderCell>
                  <Table.HeaderCell>{p("proposals.col.status")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.proposals.map((row) => (
                  <Table.Row key={row.id}>
                    <Table.Cell>{row.number}</Table.Cell>
                    <Table.Cell>
                      <AppLink to={`/innspill/${row.number}`}>{row.title}</AppLink>
                    </Table.Cell>
                    <Table.Cell>{row.organisation?.name ?? row.submittedBy}</Table.Cell>
                    <Table.Cell>{row.budgetYear}</Table.Cell>
                    <Table.Cell className="pv-num">
                      {row.totalCostNok > 0 ? nok(row.totalCostNok) : "–"}
                    </Table.Cell>
                    <Table.Cell className="pv-nowrap">
                      <Tag data-size="sm" data-color={proposalStatusColor[row.status]}>
                        {p(`proposals.status.${row.status}`)}
                      </Tag>
                      {row.measure && (
                        <>
                          {" "}
                          <ProposalMeasure measure={row.measure} />
                        </>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>
    </div>
  );
}

function ProposalForm({
  municipalityNumber,
  overview,
  internal,
}: {
  municipalityNumber: string;
  overview: ProposalsOverviewResponse;
  internal: boolean;
}) {
  const { p } = useProposalMessages();
  const tree = usePlanTree(municipalityNumber);
  const organisations = useOrganisations(municipalityNumber);
  const [cycleId, setCycleId] = useState(overview.openCycles[0]?.id ?? "");
  const cycle = overview.openCycles.find((c) => c.id === cycleId) ?? overview.openCycles[0];
  const years = cycle ? financialPlanPeriod(cycle.budgetYear).years : [];
  const empty = {
    title: "",
    description: "",
    expectedEffect: "",
    focusAreaId: "",
    goalIds: [] as string[],
    organisationIds: [] as string[],
    onBehalfOf: "",
    amounts: {} as Record<number, string>,
    funders: {} as Record<number, string>,
  };
  const [form, setForm] = useState(empty);
  const [sent, setSent] = useState<number | null>(null);
  const submit = useSend<object, { number: number }>((body) => ({
    method: "POST",
    path: proposalPaths.create(municipalityNumber),
    body,
  }));
  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (anyUnreadable(years.map((y) => form.amounts[y]))) {
      setTried(true);
      focusFirstInvalid(formRef.current);
      return;
    }
    const costs = years
      .filter((y) => kronerOf(form.amounts[y]) !== null)
      .map((y) => ({
        year: y,
        amountNok: kronerOf(form.amounts[y]) ?? 0,
        funder: form.funders[y] ?? "",
      }));
    submit.mutate(
      {
        cycleId: cycle?.id,
        title: form.title,
        description: form.description,
        expectedEffect: form.expectedEffect,
        focusAreaId: form.focusAreaId || null,
        goalIds: form.goalIds,
        organisationIds: form.organisationIds,
        costs,
        ...(internal ? { onBehalfOfOrganisationId: form.onBehalfOf || null } : {}),
      },
      {
        onSuccess: (result) => {
          setSent(result.number);
          setForm(empty);
        },
      },
    );
  };
  const error = submit.error;
  const others = (organisations.data ?? []).filter((o) => o.id !== overview.ownOrganisation?.id);
  return (
    <section className="pv-stack pv-panel" aria-labelledby="new-proposal-heading">
      <Heading level={2} data-size="md" id="new-proposal-heading">
        {cycle ? p("proposals.newFor", { year: cycle.budgetYear }) : p("proposals.new")}
      </Heading>
      {sent !== null && (
        <Alert data-color="success" role="status">
          {p("proposals.submitted", { number: sent })}{" "}
          <AppLink to={`/innspill/${sent}`}>{p("proposals.numbered", { number: sent })}</AppLink>
        </Alert>
      )}
      <form className="pv-stack" onSubmit={onSubmit} noValidate ref={formRef}>
        {overview.openCycles.length > 1 && (
          <Field>
            <Label>{p("proposals.cycle")}</Label>
            <Select value={cycleId} onChange={(e) => setCycleId(e.target.value)}>
              {overview.openCycles.map((c) => (
                <Select.Option key={c.id} value={c.id}>
                  {c.budgetYear}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        {internal && (
          <Field>
            <Label>{p("proposals.onBehalfOf")}</Label>
            <Select
              value={form.onBehalfOf}
              onChange={(e) => setForm({ ...form, onBehalfOf: e.target.value })}
            >
              <Select.Option value="">{p("proposals.onBehalfOfNone")}</Select.Option>
              {(organisations.data ?? []).map((o) => (
                <Select.Option key={o.id} value={o.id}>
                  {o.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Textfield
          label={p("proposals.title")}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
          error={fieldError(error, "/title")}
          required
        />
        <Field>
          <Label>{p("proposals.description")}</Label>
          <Field.Description>{p("proposals.descriptionHint")}</Field.Description>
          <Textarea
            rows={6}
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.target.value })}
            required
          />
          {fieldError(error, "/description") && (
            <Field.Description className="pv-field-error">
              {fieldError(error, "/description")}
            </Field.Description>
          )}
        </Field>
        <Field>
          <Label>{p("proposals.expectedEffect")}</Label>
          <Field.Description>{p("proposals.expectedEffectHint")}</Field.Description>
          <Textarea
            rows={3}
            value={form.expectedEffect}
            onChange={(e) => setForm({ ...form, expectedEffect: e.target.value })}
          />
        </Field>
        <Field>
          <Label>{p("proposals.focusArea")}</Label>
          <Select
            value={form.focusAreaId}
            onChange={(e) => setForm({ ...form, focusAreaId: e.target.value })}
          >
            <Select.Option value="">{p("proposals.noFocusArea")}</Select.Option>
            {(tree.data?.focusAreas ?? []).map((f) => (
              <Select.Option key={f.id} value={f.id}>
                {f.title}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {(tree.data?.goals.length ?? 0) > 0 && (
          <Fieldset>
            <Fieldset.Legend>{p("proposals.goals")}</Fieldset.Legend>
            {tree.data?.goals.map((g) => (
              <Checkbox
                key={g.id}
                label={g.title}
                value={g.id}
                checked={form.goalIds.includes(g.id)}
                onChange={() => setForm({ ...form, goalIds: toggle(form.goalIds, g.id) })}
              />
            ))}
          </Fieldset>
        )}
        {others.length > 0 && (
          <Fieldset>
            <Fieldset.Legend>{p("proposals.organisations")}</Fieldset.Legend>
            <div className="pv-checkbox-columns">
              {others.map((o) => (
                <Checkbox
                  key={o.id}
                  label={o.name}
                  value={o.id}
                  checked={form.organisationIds.includes(o.id)}
                  onChange={() => setForm({ ...form, organisationIds: toggle(form.organisationIds, o.id) })}
                />
              ))}
            </div>
          </Fieldset>
        )}
        <Fieldset>
          <Fieldset.Legend>{p("proposals.costs")}</Fieldset.Legend>
          <Fieldset.Description>{p("proposals.costsHint")}</Fieldset.Description>
          <div className="pv-cost-grid">
            {years.map((y, i) => (
              <div key={y} className="pv-cost-grid__row">
                <MoneyField
                  label={p("proposals.costYear", { year: y })}
                  value={form.amounts[y] ?? ""}
                  onChange={(typed) => setForm({ ...form, amounts: { ...form.amounts, [y]: typed } })}
                  showProblem={tried}
                  error={fieldError(error, `/costs/${i}`)}
                />
                <Textfield
                  label={p("proposals.funder", { year: y })}
                  value={form.funders[y] ?? ""}
                  onChange={(e) => setForm({ ...form, funders: { ...form.funders, [y]: e.target.value } })}
                />
              </div>
            ))}
          </div>
        </Fieldset>
        <ErrorMessage error={error} />
        <div>
          <Button type="submit" loading={submit.isPending}>
            {p("proposals.submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}

function PublishPanel({
  municipalityNumber,
  cycles,
}: {
  municipalityNumber: string;
  cycles: ProposalsOverviewResponse["publishableCycles"];
}) {
  const { p } = useProposalMessages();
  const publish = useSend<string, { published: number }>((cycleId) => ({
    method: "POST",
    path: proposalPaths.publication(municipalityNumber, cycleId),
  }));
  const [confirming, setConfirming] = useState<(typeof cycles)[number] | null>(null);
  return (
    <section className="pv-stack" aria-labelledby="publish-heading">
      <Heading level={2} data-size="sm" id="publish-heading">
        {p("proposals.publishHeading")}
      </Heading>
      <Paragraph data-size="sm">{p("proposals.publishIntro")}</Paragraph>
      {publish.data && (
        <Alert data-color="success" role="status">
          {p("proposals.published", { count: publish.data.published })}
        </Alert>
      )}
      <ErrorMessage error={publish.error} />
      <div className="pv-actions">
        {cycles.map((c) => (
          <Button
            key={c.id}
            variant="secondary"
            data-size="sm"
            onClick={() => {
              publish.reset();
              setConfirming(c);
            }}
          >
            {p("proposals.publish", { count: c.count, year: c.budgetYear })}
          </Button>
        ))}
      </div>
      {confirming && (
        <ConfirmDialog
          testId="publish-proposals-dialog"
          open
          onClose={() => setConfirming(null)}
          heading={p("proposals.confirmPublishHeading", {
            count: confirming.count,
            year: confirming.budgetYear,
          })}
          consequencesPath={null}
          pending={publish.isPending}
          onConfirm={() => publish.mutate(confirming.id, { onSettled: () => setConfirming(null) })}
        >
          <Paragraph>{p("proposals.confirmPublishBody")}</Paragraph>
        </ConfirmDialog>
      )}
    </section>
  );
}
