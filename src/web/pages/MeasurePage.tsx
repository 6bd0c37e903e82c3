import {
  Alert,
  Button,
  Checkbox,
  Details,
  Heading,
  Link,
  List,
  Paragraph,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { formatNok } from "../../domain/money.ts";
import type { MeasureDetailResponse } from "../../http/routes/measures.ts";
import {
  apiPaths,
  fieldError,
  useCurrentMunicipality,
  useMeasure,
  useMeasureHistory,
  useSend,
} from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { AuditList } from "../components/AuditList.tsx";
import { CommentThread } from "../components/CommentThread.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { LatestEvaluation } from "../components/LatestEvaluation.tsx";
import { LoadMore } from "../components/LoadMore.tsx";
import { useFollowPlan } from "../components/PlanSwitcher.tsx";
import { PlanYearSwitcher, useYearParam } from "../components/PlanYearSwitcher.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { SharedSplit } from "../components/SharedSplit.tsx";
import { SpendingSection } from "../components/SpendingSection.tsx";
import { StatusProgressFields } from "../components/StatusProgressFields.tsx";
import { StatusTag } from "../components/StatusTag.tsx";
import { TakeOutMeasure } from "../components/TakeOutMeasure.tsx";
import { useLanguage } from "../i18n/language.tsx";
import { useMeasureSharedMessages } from "../i18n/measure-shared-messages.ts";
import { localeFor } from "../i18n/messages.ts";
import { useProposalMessages } from "../i18n/proposal-messages.ts";
import { useRegionMessages } from "../i18n/region-messages.ts";
import { translateStatus } from "../i18n/status-messages.ts";
import { useComments } from "../proposals-api.ts";

/** Everything about one measure: content, how it goes, milestones, money and history. */
export function MeasurePage() {
  const { t, language } = useLanguage();
  const { reference = "" } = useParams();
  const municipality = useCurrentMunicipality().data;
  const year = useYearParam();
  const measure = useMeasure(municipality?.number, reference, year);
  const [historyOpen, setHistoryOpen] = useState(false);
  const mayReadHistory = measure.data?.allowedActions.includes("read_history") ?? false;
  const history = useMeasureHistory(municipality?.number ?? "", reference, historyOpen && mayReadHistory);
  const navigate = useNavigate();
  useFollowPlan(municipality?.number, measure.data?.planId);
  if (!municipality || !measure.data) {
    return measure.isError ? <Paragraph>{t("measure.notFound")}</Paragraph> : <QueryState isError={false} />;
  }
  const m = measure.data;
  const _nok = (amount: number) => formatNok(amount, localeFor[language]);
  const may = (action: string) => m.allowedActions.includes(action as never);

  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <AppLink to={year ? `/tiltak?aar=${year}` : "/tiltak"}>← {t("measure.back")}</AppLink>
        <Paragraph data-size="sm" className="pv-eyebrow">
          {m.reference} · {m.focusAreaTitle} · {t("measure.inActionPlan", { year: m.actionPlan.budgetYear })}
        </Paragraph>
        <Heading level={1} data-size="lg">
          {m.title}
        </Heading>
        <PlanYearSwitcher options={m.yearChoice.alive} shown={m.yearChoice.shown} />
        <div className="pv-actions">
          <StatusTag status={m.status} />
          {m.isExample && (
            <Tag data-color="info" data-size="sm">
              {t("measure.example")}
            </Tag>
          )}
          <span>
            {t("measure.progress")}: {m.progress === null ? "–" : `${m.progress} %`}
          </span>
          {m.statusAsOf && (
            <span className="pv-muted" data-testid="status-as-of">
              {translateStatus(language, "measure.statusFromReport", {
                date: m.statusAsOf.split("-").reverse().join("."),
              })}
            </span>
          )}
        </div>
        {m.statusReason && <Alert data-color="warning">{m.statusReason}</Alert>}
        {may("update") && (
          <div className="pv-actions">
            {may("update") && (
              <Button asChild variant="secondary" data-size="sm">
                <AppLink to={`/tiltak/${m.reference}/rediger?aar=${m.actionPlan.budgetYear}`}>
                  {t("measure.edit")}
                </AppLink>
              </Button>
            )}
            {m.actionPlan.status === "draft" && (
              <TakeOutMeasure
                municipalityNumber={municipality.number}
                reference={m.reference}
                version={m.contentVersion}
                budgetYear={m.actionPlan.budgetYear}
                onDone={() => void navigate(`/tiltak?aar=${m.actionPlan.budgetYear}`)}
              />
            )}
          </div>
        )}
      </header>
      {may("read_drafts") && (
        <LatestEvaluation municipalityNumber={municipality.number} reference={m.reference} />
      )}

      {/* Descriptions are sanitised on the server (src/domain/rich-text.ts) before they are stored. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised allowlist HTML */}
      {m.description && <div className="pv-richtext" dangerouslySetInnerHTML={{ __html: m.description }} />}

      <section className="pv-stack" aria-labelledby="facts-heading">
        <Heading level={2} data-size="sm" id="facts-heading" className="pv-visually-hidden">
          {t("measure.title")}
        </Heading>
        <dl className="pv-dl">
          <dt>{t("measure.goals")}</dt>
          <dd>{m.goals.map((g) => g.title).join("; ") || "–"}</dd>
          <dt>{t("measure.objectives")}</dt>
          <dd>{m.objectives.map((o) => o.title).join("; ") || "–"}</dd>
          <dt>{t("measure.responsible")}</dt>
          <dd>{m.responsibleUnit || "–"}</dd>
          <dt>{t("measure.contactPerson")}</dt>
          <dd>{m.contactPerson || "–"}</dd>
          <dt>{t("measure.owner")}</dt>
          <dd>{m.ownerName ?? "–"}</dd>
          <dt>{t("measure.period")}</dt>
          <dd>
            {m.startYear}–{m.endYear}
          </dd>
          <dt>{t("measure.partners")}</dt>
          <dd>
            {m.partners.length === 0
              ? "–"
              : m.partners.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && ", "}
                    <AppLink to={`/partnere/${p.id}`}>{p.name}</AppLink> (
                    {t(`partnerRole.${p.role}`).toLowerCase()})
                  </span>
                ))}
          </dd>
          <dt>{t("measure.tags")}</dt>
          <dd>
            {m.tags.length === 0
              ? "–"
              : m.tags.map((tag) => (
                  <Tag key={tag} data-size="sm" data-color="neutral" style={{ marginRight: "0.25rem" }}>
                    {tag}
                  </Tag>
                ))}
          </dd>
          <dt>{t("measure.links")}</dt>
          <dd>
            {m.links.length === 0 ? (
              "–"
            ) : (
              <List.Unordered>
                {m.links.map((l) => (
                  <List.Item key={l.url}>
                    <Link href={l.url} rel="noopener noreferrer">
                      {l.title}
                    </Link>
                  </List.Item>
                ))}
              </List.Unordered>
            )}
          </dd>
        </dl>
      </section>

      {m.shared && <MeasureShared shared={m.shared} />}
      <SpendingSection
        municipalityNumber={municipality.number}
        measure={m}
        mayRecord={may("update_status")}
      />
      {may("update_status") && <StatusForm municipalityNumber={municipality.number} measure={m} />}
      <Milestones municipalityNumber={municipality.number} measure={m} mayEdit={may("update_status")} />

      {m.proposals.length > 0 && <MeasureProposals proposals={m.proposals} />}
      <MeasureComments municipalityNumber={municipality.number} reference={m.reference} />

      {mayReadHistory && (
        <Details onToggle={(e) => setHistoryOpen((e.target as HTMLDetailsElement).open)}>
          <Details.Summary>{t("history.heading")}</Details.Summary>
          <Details.Content>
            {history.data ? (
              <>
                <AuditList events={history.data} />
                <LoadMore list={history} />
              </>
            ) : (
              <QueryState isError={history.isError} />
            )}
          </Details.Content>
        </Details>
      )}
    </article>
  );
}

function StatusForm({
  municipalityNumber,
  measure,
}: {
  municipalityNumber: string;
  measure: MeasureDetailResponse;
}) {
  const { t } = useLanguage();
  const [form, setForm] = useState({
    status: measure.status,
    statusReason: measure.statusReason,
    progress: measure.progress === null ? "" : String(measure.progress),
  });
  const save = useSend((body: object) => ({
    method: "PATCH",
    path: `${apiPaths.measure(municipalityNumber, measure.reference)}/status`,
    body,
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      version: measure.stateVersion,
      status: form.status,
      statusReason: form.statusReason,
      progress: form.progress === "" ? null : Number(form.progress),
    });
  };
  const needsReason = form.status === "delayed" || form.status === "stopped";
  return (
    <form className="pv-form pv-panel" onSubmit={submit} noValidate aria-labelledby="status-heading">
      <Heading level={2} data-size="sm" id="status-heading">
        {t("measure.updateStatus")}
      </Heading>
      {save.isSuccess && <Alert data-color="success">{t("common.saved")}</Alert>}
      <ErrorMessage error={save.error} />
      <StatusProgressFields
        statusLabel={t("measure.status")}
        progressLabel={`${t("measure.progress")} (%)`}
        status={form.status}
        progress={form.progress}
        onStatus={(status) => setForm({ ...form, status })}
        onProgress={(progress) => setForm({ ...form, progress })}
        error={save.error}
      />
      {needsReason && (
        <Textfield
          label={t("measure.statusReason")}
          multiline
          rows={2}
          value={form.statusReason}
          onChange={(e) => setForm({ ...form, statusReason: e.target.value })}
          error={fieldError(save.error, "/statusReason")}
        />
      )}
      <div className="pv-actions">
        <Button type="submit" loading={save.isPending}>
          {t("common.save")}
        </Button>
      </div>
    </form>
  );
}

function Milestones({
  municipalityNumber,
  measure,
  mayEdit,
}: {
  municipalityNumber: string;
  measure: MeasureDetailResponse;
  mayEdit: boolean;
}) {
  const { t, language } = useLanguage();
  const base = `${apiPaths.measure(municipalityNumber, measure.reference)}/milestones`;
  const [form, setForm] = useState({ title: "", dueDate: "" });
  const add = useSend((body: object) => ({ method: "POST", path: base, body }));
  const toggle = useSend((m: { id: string; version: number; done: boolean }) => ({
    method: "PATCH",
    path: `${base}/${m.id}`,
    body: { version: m.version, done: m.done },
  }));
  const date = new Intl.DateTimeFormat(localeFor[language], { dateStyle: "medium" });
  return (
    <section className="pv-stack" aria-labelledby="milestones-heading">
      <Heading level={2} data-size="sm" id="milestones-heading">
        {t("measure.milestones")}
      </Heading>
      <ErrorMessage error={toggle.error} />
      {measure.milestones.length === 0 ? (
        <Paragraph>{t("measure.noMilestones")}</Paragraph>
      ) : (
        <ul className="pv-structure-list">
          {measure.milestones.map((m) => (
            <li key={m.id} className="pv-structure-item">
              {mayEdit ? (
                <Checkbox
                  label={`${date.format(new Date(m.dueDate))}: ${m.title}`}
                  checked={m.done}
                  onChange={(e) => toggle.mutate({ id: m.id, version: m.version, done: e.target.checked })}
                />
              ) : (
                <span>
                  {date.format(new Date(m.dueDate))}: {m.title}{" "}
                  {m.done && `(${t("measure.milestoneDone").toLowerCase()})`}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayEdit && (
        <form
          className="pv-row-edit"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ ...form, done: false }, { onSuccess: () => setForm({ title: "", dueDate: "" }) });
          }}
        >
          <Textfield
            label={t("measure.milestoneTitle")}
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.target.value })}
            error={fieldError(add.error, "/title")}
          />
          <Textfield
            label={t("measure.milestoneDate")}
            type="date"
            value={form.dueDate}
            onChange={(e) => setForm({ ...form, dueDate: e.target.value })}
            error={fieldError(add.error, "/dueDate")}
          />
          <Button type="submit" variant="secondary" loading={add.isPending}>
            {t("measure.addMilestone")}
          </Button>
        </form>
      )}
    </section>
  );
}

/**
 * «Felles tiltak»: the owner, the municipalities taking part (or invited) with share and status,
 * and each one's part of the municipal cost per year, split by the rule in src/domain/cost-split.ts.
 */
function MeasureShared({ shared }: { shared: NonNullable<MeasureDetailResponse["shared"]> }) {
  const { r } = useRegionMessages();
  const { s } = useMeasureSharedMessages();
  return (
    <section className="pv-stack" aria-labelledby="measure-shared-heading" data-testid="measure-shared">
      <Heading level={2} data-size="sm" id="measure-shared-heading">
        {r("shared.heading")}
      </Heading>
      <Paragraph>{s("measureShared.intro", { owner: shared.owner.name })}</Paragraph>
      <SharedSplit measure={shared} tableOnly />
      {shared.parties.some((p) => p.role === "invited") && (
        <Paragraph data-size="sm" className="pv-muted">
          {s("measureShared.invited")}
        </Paragraph>
      )}
      <Paragraph data-size="sm" className="pv-muted">
        {r("shared.rule")}
      </Paragraph>
    </section>
  );
}

/** The partners' proposals this measure came from or took in (the link is kept both ways). */
function MeasureProposals({ proposals }: { proposals: MeasureDetailResponse["proposals"] }) {
  const { p } = useProposalMessages();
  return (
    <section className="pv-stack" aria-labelledby="measure-proposals-heading">
      <Heading level={2} data-size="sm" id="measure-proposals-heading">
        {p("measure.proposals")}
      </Heading>
      <List.Unordered data-testid="measure-proposals">
        {proposals.map((proposal) => (
          <List.Item key={proposal.number}>
            <AppLink to={`/innspill/${proposal.number}`}>
              {p("proposals.numbered", { number: proposal.number })}: {proposal.title}
            </AppLink>
            {proposal.organisation && ` (${proposal.organisation})`}
          </List.Item>
        ))}
      </List.Unordered>
    </section>
  );
}

function MeasureComments({
  municipalityNumber,
  reference,
}: {
  municipalityNumber: string;
  reference: string;
}) {
  const { p } = useProposalMessages();
  const target = { type: "measure" as const, reference };
  const thread = useComments(municipalityNumber, target);
  if (!thread.data) return null;
  return (
    <CommentThread
      municipalityNumber={municipalityNumber}
      target={target}
      thread={thread.data}
      heading={p("comments.heading")}
      more={<LoadMore list={thread} testId="comments-load-more" />}
    />
  );
}
