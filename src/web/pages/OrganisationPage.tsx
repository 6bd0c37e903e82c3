import { Alert, Button, Dialog, Heading, Link, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { MeasureStatus } from "../../domain/measures.ts";
import { formatOrganisationNumber } from "../../domain/organisation-number.ts";
import type { OrganisationDetailResponse } from "../../http/routes/organisations.ts";
import { ApiError, browserFetchJson, sendJson, useSend } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { capitalise } from "../components/capitalise.ts";
import { conflictCurrent } from "../components/conflict.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { NotFoundPage } from "../components/NotFoundPage.tsx";
import { NotGiven } from "../components/NotGiven.tsx";
import {
  bodyOf,
  draftOf,
  type OrganisationDraft,
  OrganisationForm,
} from "../components/OrganisationForm.tsx";
import { PartnersClosed } from "../components/PartnersClosed.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useLanguage } from "../i18n/language.tsx";
import { localeFor } from "../i18n/messages.ts";
import { useOrganisationMessages } from "../i18n/organisation-messages.ts";
import { useProposalMessages } from "../i18n/proposal-messages.ts";
import { organisationPaths, useMembership } from "../organisation-api.ts";
import { useProposals } from "../proposals-api.ts";

type Organisation = OrganisationDetailResponse;

const statusColor: Record<MeasureStatus, "neutral" | "info" | "warning" | "success" | "danger"> = {
  planned: "neutral",
  in_progress: "info",
  delayed: "warning",
  completed: "success",
  stopped: "danger",
};

/** /partnere/:organisationId: one partner with its contacts and the measures it takes part in. */
export function OrganisationPage() {
  const { organisationId = "" } = useParams();
  const membership = useMembership();
  const number = membership.data?.number ?? "";
  const path = organisationPaths.one(number, organisationId);
  const organisation = useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<Organisation>,
    enabled: membership.mayRead,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });
  if (membership.isPending || membership.isError) return <QueryState isError={membership.isError} />;
  if (!membership.mayRead) return <PartnersClosed />;
  if (organisation.error instanceof ApiError && organisation.error.status === 404) return <NotFoundPage />;
  if (!organisation.data) return <QueryState isError={organisation.isError} />;
  return <OrganisationView municipalityNumber={number} organisation={organisation.data} />;
}

function OrganisationView({
  municipalityNumber,
  organisation,
}: {
  municipalityNumber: string;
  organisation: Organisation;
}) {
  const { o } = useOrganisationMessages();
  const [editing, setEditing] = useState(false);
  const mayUpdate = organisation.allowedActions.includes("update");
  const mayDelete = organisation.allowedActions.includes("delete");

  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Paragraph data-size="sm">
          <AppLink to="/partnere">← {o("org.back")}</AppLink>
        </Paragraph>
        <Heading level={1} data-size="lg" data-testid="organisation-name">
          {organisation.name}
        </Heading>
        <dl className="pv-facts">
          <div>
            <dt>{o("org.kind")}</dt>
            <dd>
              <Tag data-color="accent" data-size="sm">
                {capitalise(o(`kind.${organisation.kind}`))}
              </Tag>
            </dd>
          </div>
          <div>
            <dt>{o("org.number")}</dt>
            <dd data-testid="organisation-number">
              {organisation.organisationNumber
                ? formatOrganisationNumber(organisation.organisationNumber)
                : o("org.notGiven")}
            </dd>
          </div>
          <div>
            <dt>{o("org.website")}</dt>
            <dd>
              {organisation.website ? (
                <Link href={organisation.website} rel="noopener noreferrer">
                  {organisation.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                </Link>
              ) : (
                o("org.notGiven")
              )}
            </dd>
          </div>
        </dl>
        {(mayUpdate || mayDelete) && !editing && (
          <div className="pv-actions">
            {mayUpdate && (
              <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
                {o("org.edit")}
              </Button>
            )}
            {mayDelete && (
              <DeleteOrganisation municipalityNumber={municipalityNumber} organisation={organisation} />
            )}
          </div>
        )}
        {editing && (
          <EditOrganisation
            municipalityNumber={municipalityNumber}
            organisation={organisation}
            onDone={() => setEditing(false)}
          />
        )}
      </header>
      <Contacts organisation={organisation} />
      <Measures organisation={organisation} />
      <OrganisationProposals municipalityNumber={municipalityNumber} organisationId={organisation.id} />
    </article>
  );
}

function Contacts({ organisation }: { organisation: Organisation }) {
  const { o } = useOrganisationMessages();
  return (
    <section className="pv-stack" aria-labelledby="contacts-heading">
      <Heading level={2} data-size="md" id="contacts-heading">
        {o("org.contacts")}
      </Heading>
      {organisation.contacts.length === 0 ? (
        <Paragraph>{o("org.noContacts")}</Paragraph>
      ) : (
        <div className="pv-table-scroll">
          <Table data-size="sm" zebra data-testid="contacts-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{o("org.contactName")}</Table.HeaderCell>
                <Table.HeaderCell>{o("org.contactTitle")}</Table.HeaderCell>
                <Table.HeaderCell>{o("org.contactEmail")}</Table.HeaderCell>
                <Table.HeaderCell>{o("org.contactPhone")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {organisation.contacts.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>{c.name}</Table.Cell>
                  <Table.Cell>{c.title}</Table.Cell>
                  <Table.Cell>{c.email && <Link href={`mailto:${c.email}`}>{c.email}</Link>}</Table.Cell>
                  <Table.Cell className="pv-nowrap">
                    {c.phone && <Link href={`tel:${c.phone.replace(/[^+\d]/g, "")}`}>{c.phone}</Link>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function Measures({ organisation }: { organisation: Organisation }) {
  const { o, language } = useOrganisationMessages();
  const percent = new Intl.NumberFormat(localeFor[language], { style: "percent" });
  return (
    <section className="pv-stack" aria-labelledby="measures-heading">
      <Heading level={2} data-size="md" id="measures-heading">
        {o("org.measures")}
      </Heading>
      {organisation.measures.length === 0 ? (
        <Paragraph>{o("org.noMeasures")}</Paragraph>
      ) : (
        <div className="pv-table-scroll">
          <Table data-size="sm" zebra border data-testid="organisation-measures">
            <caption className="pv-visually-hidden">{o("org.measuresCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{o("org.reference")}</Table.HeaderCell>
                <Table.HeaderCell>{o("org.measureTitle")}</Table.HeaderCell>
                <Table.HeaderCell>{o("org.role")}</Table.HeaderCell>
                <Table.HeaderCell>{o("org.status")}</Table.HeaderCell>
                <Table.HeaderCell className="pv-num">{o("org.progress")}</Table.HeaderCell>
                <Table.HeaderCell>{o("org.actionPlan")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {organisation.measures.map((m) => (
                <Table.Row key={m.measureId}>
                  <Table.Cell className="pv-nowrap">{m.reference}</Table.Cell>
                  <Table.Cell>{m.title}</Table.Cell>
                  <Table.Cell>{capitalise(o(`partnerRole.${m.role}`))}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={statusColor[m.status]} data-size="sm">
                      {o(`status.${m.status}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell className="pv-num">
                    {m.progress === null ? <NotGiven /> : percent.format(m.progress / 100)}
                  </Table.Cell>
                  <Table.Cell className="pv-nowrap">
                    {m.budgetYear}{" "}
                    {m.actionPlanStatus === "draft" && (
                      <Tag data-color="warning" data-size="sm">
                        {o("org.draft")}
                      </Tag>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

/**
 * Edits the partner. The save names the version the form was opened from; when someone else saved
 * in between, the server answers 409 with the current state, and the person chooses to start over
 * from it.
 */
function EditOrganisation({
  municipalityNumber,
  organisation,
  onDone,
}: {
  municipalityNumber: string;
  organisation: Organisation;
  onDone: () => void;
}) {
  const { t } = useLanguage();
  const { o } = useOrganisationMessages();
  const [base, setBase] = useState(organisation);
  const [formKey, setFormKey] = useState(0);
  const save = useSend<OrganisationDraft & { version: number }, Organisation>(({ version, ...draft }) => ({
    method: "PATCH",
    path: organisationPaths.one(municipalityNumber, organisation.id),
    body: { version, ...bodyOf(draft) },
  }));
  const conflict = conflictCurrent<Organisation>(save.error);

  return (
    <section className="pv-panel pv-stack" aria-labelledby="edit-organisation-heading">
      <Heading level={2} data-size="sm" id="edit-organisation-heading">
        {o("org.edit")}
      </Heading>
      <OrganisationForm
        key={formKey}
        idPrefix="edit-organisation"
        initial={draftOf(base)}
        submitLabel={t("common.save")}
        pending={save.isPending}
        error={conflict ? null : save.error}
        onSubmit={(draft) => save.mutate({ ...draft, version: base.version }, { onSuccess: onDone })}
        onCancel={onDone}
      >
        {conflict && (
          <Alert data-color="warning" role="alert" data-testid="conflict">
            <Heading level={3} data-size="xs">
              {t("conflict.heading")}
            </Heading>
            <Paragraph>{save.error?.message}</Paragraph>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => {
                setBase(conflict);
                setFormKey((k) => k + 1);
                save.reset();
              }}
            >
              {t("conflict.retry")}
            </Button>
          </Alert>
        )}
      </OrganisationForm>
    </section>
  );
}

/** Deleting asks first; the server refuses while the partner takes part in a measure, and says why. */
function DeleteOrganisation({
  municipalityNumber,
  organisation,
}: {
  municipalityNumber: string;
  organisation: Organisation;
}) {
  const { t } = useLanguage();
  const { o } = useOrganisationMessages();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const path = organisationPaths.one(municipalityNumber, organisation.id);
  // Not useSend: refetching this page's own query after the delete would only find a 404.
  const remove = useMutation<unknown, ApiError>({
    mutationFn: () => sendJson(queryClient, "DELETE", `${path}?version=${organisation.version}`),
    onSuccess: async () => {
      setOpen(false);
      queryClient.removeQueries({ queryKey: [path] });
      await navigate("/partnere");
      await queryClient.invalidateQueries();
    },
    // Refused: show the page as it is now (a newer version, or the measures that keep it).
    onError: () => queryClient.invalidateQueries({ queryKey: [path] }),
  });
  return (
    <>
      <Button
        variant="secondary"
        data-color="danger"
        data-size="sm"
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
      >
        {o("org.delete")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={o("org.closeDialog")}
        aria-labelledby="delete-organisation-heading"
        data-testid="delete-dialog"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="delete-organisation-heading">
            {o("org.deleteHeading", { name: organisation.name })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="pv-stack">
          <Paragraph>{o("org.deleteBody")}</Paragraph>
          <ErrorMessage error={remove.error} />
          <div className="pv-actions">
            {/* Once refused for taking part in measures, trying again would only be refused again. */}
            {remove.error?.status !== 409 && (
              <Button data-color="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
                {o("org.deleteConfirm")}
              </Button>
            )}
            <Button variant="tertiary" onClick={() => setOpen(false)}>
              {remove.error?.status === 409 ? o("org.close") : t("common.cancel")}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}

/** The organisation's proposals (innspill), as far as the person may read them. */
function OrganisationProposals({
  municipalityNumber,
  organisationId,
}: {
  municipalityNumber: string;
  organisationId: string;
}) {
  const { p } = useProposalMessages();
  const list = useProposals(municipalityNumber, undefined, organisationId);
  const rows = list.data?.proposals ?? [];
  return (
    <section className="pv-stack" aria-labelledby="organisation-proposals-heading">
      <Heading level={2} data-size="md" id="organisation-proposals-heading">
        {p("organisation.proposals")}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{p("proposals.none")}</Paragraph>
      ) : (
        <ul data-testid="organisation-proposals">
          {rows.map((row) => (
            <li key={row.id}>
              <AppLink to={`/innspill/${row.number}`}>
                {p("proposals.numbered", { number: row.number })}: {row.title}
              </AppLink>{" "}
              ({row.budgetYear}, {p(`proposals.status.${row.status}`).toLowerCase()})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
