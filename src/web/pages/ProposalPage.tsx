import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Table,
  Tag,
  Textarea,
  Textfield,
  useRadioGroup,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import { formatNok } from "../../domain/money.ts";
import type { ProposalDetailResponse } from "../../http/routes/proposals.ts";
import { ApiError, fieldError, useCurrentMunicipality, useSend } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { CommentThread } from "../components/CommentThread.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { ProposalMeasure } from "../components/ProposalMeasure.tsx";
import { proposalStatusColor } from "../components/proposal-status.ts";
import { QueryState } from "../components/QueryState.tsx";
import { localeFor } from "../i18n/messages.ts";
import { useProposalMessages } from "../i18n/proposal-messages.ts";
import { proposalPaths, useProposal } from "../proposals-api.ts";

/** /innspill/:number: a proposal, the municipality's answer, the dialogue, and the planner's decision. */
export function ProposalPage() {
  const { p, language } = useProposalMessages();
  const { number = "" } = useParams();
  const municipality = useCurrentMunicipality().data;
  const proposal = useProposal(municipality?.number, number);
  if (!municipality || !proposal.data) {
    if (proposal.error instanceof ApiError && proposal.error.status === 404)
      return <Alert data-color="warning">{proposal.error.message}</Alert>;
    return <QueryState isError={proposal.isError} />;
  }
  const d = proposal.data;
  const locale = localeFor[language];
  const nok = (amount: number) => formatNok(amount, locale);
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(iso));

  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <AppLink to="/innspill">← {p("proposal.back")}</AppLink>
        <Paragraph data-size="sm" className="pv-eyebrow">
          {p("proposals.numbered", { number: d.number })} · {p("proposals.cycle")} {d.budgetYear}
        </Paragraph>
        <Heading level={1} data-size="lg">
          {d.title}
        </Heading>
        <div className="pv-actions">
          <Tag data-color={proposalStatusColor[d.status]} data-testid="proposal-status">
            {p(`proposals.status.${d.status}`)}
          </Tag>
          {d.published && (
            <Tag data-size="sm" data-color="neutral">
              {p("proposal.published")}
            </Tag>
          )}
        </div>
        <Paragraph data-size="sm">
          {d.organisation
            ? p("proposal.from", {
                organisation: d.organisation.name,
                person: d.submittedBy,
                date: date(d.submittedAt),
              })
            : p("proposal.fromPerson", { person: d.submittedBy, date: date(d.submittedAt) })}
        </Paragraph>
      </header>

      <section className="pv-stack" aria-labelledby="decision-heading" data-testid="proposal-decision">
        <Heading level={2} data-size="sm" id="decision-heading">
          {p("proposal.decisionHeading")}
        </Heading>
        {d.status === "submitted" ? (
          <Paragraph>{p("proposal.awaiting")}</Paragraph>
        ) : (
          <Alert data-color={proposalStatusColor[d.status]}>
            <Paragraph>
              <strong>{p(`proposals.status.${d.status}`)}.</strong>{" "}
              {d.measure && (
                <>
                  {p("proposal.acceptedInto")} <ProposalMeasure measure={d.measure} />.
                </>
              )}
              {d.deferredToYear !== null && p("proposal.deferredTo", { year: d.deferredToYear })}
            </Paragraph>
            {d.decision?.reason && (
              <Paragraph>
                {p("proposal.reason")}: {d.decision.reason}
              </Paragraph>
            )}
            {d.decision && (
              <Paragraph data-size="sm">
                {p("proposal.decidedBy", {
                  person: d.decision.decidedBy ?? "–",
                  date: date(d.decision.decidedAt),
                })}
              </Paragraph>
            )}
          </Alert>
        )}
      </section>

      <section className="pv-stack" aria-labelledby="facts-heading">
        <Heading level={2} data-size="sm" id="facts-heading">
          {p("proposal.facts")}
        </Heading>
        <div className="pv-richtext">
          {d.description.split(/\n\s*\n/).map((paragraph, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a text have no other identity
            <Paragraph key={i} style={{ whiteSpace: "pre-line" }}>
              {paragraph}
            </Paragraph>
          ))}
        </div>
        <dl className="pv-dl">
          <dt>{p("proposals.expectedEffect")}</dt>
          <dd>{d.expectedEffect || "–"}</dd>
          <dt>{p("proposals.focusArea")}</dt>
          <dd>{d.focusArea?.title ?? "–"}</dd>
          <dt>{p("proposals.goals")}</dt>
          <dd>{d.goals.map((g) => g.title).join("; ") || "–"}</dd>
          <dt>{p("proposals.organisations")}</dt>
          <dd>{d.organisations.map((o) => o.name).join(", ") || "–"}</dd>
          <dt>{p("proposal.totalCost")}</dt>
          <dd>{nok(d.totalCostNok)}</dd>
        </dl>
        {d.costs.length === 0 ? (
          <Paragraph data-size="sm">{p("proposal.noCosts")}</Paragraph>
        ) : (
          <Table data-size="sm" zebra>
            <caption className="pv-visually-hidden">{p("proposal.costCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{p("proposal.year")}</Table.HeaderCell>
                <Table.HeaderCell className="pv-num">{p("proposal.amount")}</Table.HeaderCell>
                <Table.HeaderCell>{p("proposal.funderCol")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.costs.map((c) => (
                <Table.Row key={c.year}>
                  <Table.Cell>{c.year}</Table.Cell>
                  <Table.Cell className="pv-num">{nok(c.amountNok)}</Table.Cell>
                  <Table.Cell>{c.funder || "–"}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>

      {d.allowedActions.includes("decide") &&
        (d.status === "submitted" || d.status === "deferred") &&
        d.choices && <DecisionForm municipalityNumber={municipality.number} proposal={d} />}

      <CommentThread
        municipalityNumber={municipality.number}
        target={{ type: "proposal", number: d.number }}
        thread={d.thread}
        heading={p("proposal.dialogue")}
        intro={p("proposal.dialogueIntro")}
        defaultVisibility="partners"
      />
    </article>
  );
}

type Outcome = "accept_new" | "accept_merge" | "reject" | "defer";

function DecisionForm({
  municipalityNumber,
  proposal,
}: {
  municipalityNumber: string;
  proposal: ProposalDetailResponse;
}) {
  const { p } = useProposalMessages();
  const choices = proposal.choices ?? { focusAreas: [], measures: [] };
  const { getRadioProps, value: outcome } = useRadioGroup({ name: "outcome", value: "accept_new" });
  const [focusAreaId, setFocusAreaId] = useState(proposal.focusArea?.id ?? choices.focusAreas[0]?.id ?? "");
  const [measureId, setMeasureId] = useState("");
  const [toYear, setToYear] = useState(String(proposal.budgetYear + 1));
  const [reason, setReason] = useState("");
  const decide = useSend<object, { status: string; measureReference: string | null }>((body) => ({
    method: "POST",
    path: proposalPaths.decision(municipalityNumber, proposal.number),
    body,
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = outcome as Outcome;
    const decision =
      chosen === "accept_new"
        ? { outcome: chosen, focusAreaId, reason }
        : chosen === "accept_merge"
          ? { outcome: chosen, measureId, reason }
          : chosen === "reject"
            ? { outcome: chosen, reason }
            : { outcome: chosen, toYear: Number(toYear), reason };
    // On success the page shows the decision under «Kommunens svar», and this form goes away.
    decide.mutate({ version: proposal.version, decision });
  };
  return (
    <section className="pv-stack pv-panel" aria-labelledby="decide-heading">
      <Heading level={2} data-size="sm" id="decide-heading">
        {p("proposal.decide")}
      </Heading>
      <form className="pv-stack" onSubmit={submit} noValidate>
        <fieldset className="pv-fieldset-plain">
          <legend>{p("proposal.outcome")}</legend>
          {(["accept_new", "accept_merge", "reject", "defer"] as const).map((o) => (
            <Radio key={o} label={p(`proposal.outcome.${o}`)} {...getRadioProps(o)} />
          ))}
        </fieldset>
        {outcome === "accept_new" && (
          <>
            <Field>
              <Label>{p("proposals.focusArea")}</Label>
              <Select value={focusAreaId} onChange={(e) => setFocusAreaId(e.target.value)}>
                {choices.focusAreas.map((f) => (
                  <Select.Option key={f.id} value={f.id}>
                    {f.title}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Paragraph data-size="sm">{p("proposal.newMeasureNote")}</Paragraph>
          </>
        )}
        {outcome === "accept_merge" && (
          <Field>
            <Label>{p("proposal.measure")}</Label>
            <Select value={measureId} onChange={(e) => setMeasureId(e.target.value)}>
              <Select.Option value="">{p("proposal.chooseMeasure")}</Select.Option>
              {choices.measures.map((m) => (
                <Select.Option key={m.id} value={m.id}>
                  {m.reference} {m.title}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        {outcome === "defer" && (
          <Textfield
            label={p("proposal.toYear")}
            inputMode="numeric"
            value={toYear}
            onChange={(e) => setToYear(e.target.value)}
            error={fieldError(decide.error, "/toYear")}
          />
        )}
        <Field>
          <Label>{outcome === "reject" ? p("proposal.reasonRequired") : p("proposal.reasonOptional")}</Label>
          <Textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <ErrorMessage error={decide.error} />
        <div>
          <Button type="submit" loading={decide.isPending}>
            {p("proposal.saveDecision")}
          </Button>
        </div>
      </form>
    </section>
  );
}
