import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { formatOrganisationNumber } from "../../domain/organisation-number.ts";
import { type OrganisationKind, organisationKinds } from "../../domain/organisations.ts";
import { can } from "../../domain/permissions.ts";
import type {
  OrganisationDetailResponse,
  OrganisationSummaryResponse,
} from "../../http/routes/organisations.ts";
import { ApiError, browserFetchJson, useCurrentMunicipality, useSend } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useLanguage } from "../i18n/language.tsx";
import { useOrganisationMessages } from "../i18n/organisation-messages.ts";

// ---------------------------------------------------------------------------------------------
// Shared by this page and OrganisationPage.tsx.

/** API paths of partner organisations; the query key of each query is its path, as in api.ts. */
export const organisationPaths = {
  list: (municipalityNumber: string, query = "") =>
    `/api/municipalities/${municipalityNumber}/organisations${query ? `?${query}` : ""}`,
  one: (municipalityNumber: string, organisationId: string) =>
    `/api/municipalities/${municipalityNumber}/organisations/${organisationId}`,
};

export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase("nb") + text.slice(1);

/** The municipality shown, and whether the person is a member who may see partners at all. */
export function useMembership() {
  const municipality = useCurrentMunicipality();
  const data = municipality.data;
  const subject = { role: data?.role ?? ("anonymous" as const), userId: null, isSystemAdmin: false };
  return {
    ...municipality,
    mayRead: Boolean(data?.role) && can(subject, "read", "organisation"),
    mayCreate: Boolean(data?.role) && can(subject, "create", "organisation"),
  };
}

type ContactDraft = { key: number; name: string; title: string; email: string; phone: string };
export type OrganisationDraft = {
  name: string;
  kind: OrganisationKind;
  organisationNumber: string;
  website: string;
  contacts: ContactDraft[];
};

// Two fields a row where there is room for them, one on a narrow screen.
const contactGrid = {
  display: "grid",
  gridTemplateColumns: "repeat(auto-fit, minmax(18rem, 1fr))",
  gap: "var(--ds-size-4)",
} as const;

let nextContactKey = 0;
const blankContact = (): ContactDraft => ({
  key: ++nextContactKey,
  name: "",
  title: "",
  email: "",
  phone: "",
});

export const emptyDraft = (): OrganisationDraft => ({
  name: "",
  kind: "business",
  organisationNumber: "",
  website: "",
  contacts: [],
});

export function draftOf(organisation: OrganisationDetailResponse): OrganisationDraft {
  return {
    name: organisation.name,
    kind: organisation.kind,
    organisationNumber: formatOrganisationNumber(organisation.organisationNumber ?? ""),
    website: organisation.website ?? "",
    contacts: organisation.contacts.map((c) => ({ ...c, key: ++nextContactKey })),
  };
}

/** What the API takes: blanks mean "none", contacts without the form's keys. */
export function bodyOf(draft: OrganisationDraft) {
  return {
    name: draft.name,
    kind: draft.kind,
    organisationNumber: draft.organisationNumber.trim() || null,
    website: draft.website.trim() || null,
    contacts: draft.contacts.map(({ key: _, ...contact }) => contact),
  };
}

/** The server's field errors (`details: [{ path, message }]`), by path such as "/contacts/0/email". */
export function fieldErrorsOf(error: unknown): Map<string, string> {
  const details = error instanceof ApiError ? error.body?.error.details : undefined;
  const map = new Map<string, string>();
  if (!Array.isArray(details)) return map;
  for (const d of details as { path?: unknown; message?: unknown }[])
    if (typeof d.path === "string" && typeof d.message === "string" && !map.has(d.path))
      map.set(d.path, d.message);
  return map;
}

/**
 * The form for a new or an edited partner. The server validates; its messages are shown on the
 * fields and, with links to them, in a summary that takes focus.
 */
export function OrganisationForm({
  idPrefix,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  children,
}: {
  idPrefix: string;
  initial: OrganisationDraft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: OrganisationDraft) => void;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  const { t } = useLanguage();
  const { o } = useOrganisationMessages();
  const [draft, setDraft] = useState<OrganisationDraft>(initial);
  const errors = fieldErrorsOf(error);
  const summaryRef = useRef<HTMLDivElement>(null);
  const idOf = (path: string) => `${idPrefix}${path.replaceAll("/", "-")}`;
  const errorOf = (path: string) => errors.get(path);

  useEffect(() => {
    if (errors.size > 0) summaryRef.current?.focus();
  }, [errors.size]);

  const setContact = (index: number, change: Partial<ContactDraft>) =>
    setDraft({
      ...draft,
      contacts: draft.contacts.map((c, i) => (i === index ? { ...c, ...change } : c)),
    });
  const labelOf = (path: string) => {
    const contact = /^\/contacts\/(\d+)\//.exec(path);
    return contact ? `${o("org.contact", { number: Number(contact[1]) + 1 })}: ` : "";
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  const optional = (label: string) => `${label} (${o("org.optional")})`;

  return (
    <form className="pv-form pv-form--wide pv-stack" onSubmit={submit} noValidate>
      {errors.size > 0 ? (
        <Alert data-color="danger" ref={summaryRef} tabIndex={-1} data-testid="form-errors">
          <Heading level={3} data-size="xs">
            {o("org.errorsHeading")}
          </Heading>
          <ul className="pv-changes">
            {[...errors].map(([path, message]) => (
              <li key={path}>
                <Link href={`#${idOf(path)}`}>
                  {labelOf(path)}
                  {message}
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <ErrorMessage error={error} />
      )}
      {children}
      <Textfield
        id={idOf("/name")}
        label={o("org.name")}
        value={draft.name}
        autoComplete="organization"
        error={errorOf("/name")}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      <Field>
        <Label htmlFor={idOf("/kind")}>{o("org.kind")}</Label>
        <Select
          id={idOf("/kind")}
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value as OrganisationKind })}
        >
          {organisationKinds.map((kind) => (
            <Select.Option key={kind} value={kind}>
              {capitalise(o(`kind.${kind}`))}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        id={idOf("/organisationNumber")}
        label={optional(o("org.number"))}
        description={o("org.numberHint")}
        value={draft.organisationNumber}
        inputMode="numeric"
        error={errorOf("/organisationNumber")}
        onChange={(e) => setDraft({ ...draft, organisationNumber: e.target.value })}
      />
      <Textfield
        id={idOf("/website")}
        label={optional(o("org.website"))}
        description={o("org.websiteHint")}
        type="url"
        value={draft.website}
        error={errorOf("/website")}
        onChange={(e) => setDraft({ ...draft, website: e.target.value })}
      />
      <section className="pv-stack" aria-labelledby={`${idPrefix}-contacts-heading`}>
        <Heading level={3} data-size="xs" id={`${idPrefix}-contacts-heading`}>
          {optional(o("org.contacts"))}
        </Heading>
        {draft.contacts.map((contact, i) => {
          const base = `/contacts/${i}`;
          const headingId = `${idPrefix}-contact-${contact.key}`;
          return (
            // Our own aria-labelledby keeps Designsystemet's script from rewriting the fieldset.
            <Fieldset
              key={contact.key}
              aria-labelledby={headingId}
              className="pv-focus-area pv-stack"
              data-testid="contact-group"
            >
              <Fieldset.Legend id={headingId}>{o("org.contact", { number: i + 1 })}</Fieldset.Legend>
              <div style={contactGrid}>
                <Textfield
                  id={idOf(`${base}/name`)}
                  label={o("org.contactName")}
                  value={contact.name}
                  autoComplete="off"
                  error={errorOf(`${base}/name`)}
                  onChange={(e) => setContact(i, { name: e.target.value })}
                />
                <Textfield
                  id={idOf(`${base}/title`)}
                  label={optional(o("org.contactTitle"))}
                  value={contact.title}
                  error={errorOf(`${base}/title`)}
                  onChange={(e) => setContact(i, { title: e.target.value })}
                />
                <Textfield
                  id={idOf(`${base}/email`)}
                  label={optional(o("org.contactEmail"))}
                  type="email"
                  value={contact.email}
                  autoComplete="off"
                  error={errorOf(`${base}/email`)}
                  onChange={(e) => setContact(i, { email: e.target.value })}
                />
                <Textfield
                  id={idOf(`${base}/phone`)}
                  label={optional(o("org.contactPhone"))}
                  type="tel"
                  value={contact.phone}
                  autoComplete="off"
                  error={errorOf(`${base}/phone`)}
                  onChange={(e) => setContact(i, { phone: e.target.value })}
                />
              </div>
              <div className="pv-actions">
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => setDraft({ ...draft, contacts: draft.contacts.filter((_, j) => j !== i) })}
                >
                  {o("org.removeContact", { number: i + 1 })}
                </Button>
              </div>
            </Fieldset>
          );
        })}
        <div className="pv-actions">
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => setDraft({ ...draft, contacts: [...draft.contacts, blankContact()] })}
          >
            {o("org.addContact")}
          </Button>
        </div>
      </section>
      <div className="pv-actions">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}

/** An empty cell: a dash to see, words to hear. */
export function NotGiven() {
  const { o } = useOrganisationMessages();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="pv-visually-hidden">{o("org.notGiven")}</span>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// The page: /partnere

export function OrganisationsPage() {
  const { o } = useOrganisationMessages();
  const membership = useMembership();
  const municipality = membership.data;
  if (membership.isPending || membership.isError) return <QueryState isError={membership.isError} />;
  if (!municipality || !membership.mayRead)
    return (
      <article className="pv-stack">
        <Heading level={1} data-size="lg">
          {o("org.heading")}
        </Heading>
        <Paragraph>{o("org.signInFirst")}</Paragraph>
      </article>
    );
  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {o("org.heading")}
        </Heading>
        <Paragraph>{o("org.intro")}</Paragraph>
      </header>
      <OrganisationList municipalityNumber={municipality.number} mayCreate={membership.mayCreate} />
      {membership.mayCreate && <NewOrganisation municipalityNumber={municipality.number} />}
    </article>
  );
}

function OrganisationList({
  municipalityNumber,
  mayCreate,
}: {
  municipalityNumber: string;
  mayCreate: boolean;
}) {
  const { o } = useOrganisationMessages();
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState<OrganisationKind | "">("");
  const [query, setQuery] = useState("");
  // Search as the person types, but ask the server only once they pause.
  useEffect(() => {
    const params = new URLSearchParams();
    if (search.trim()) params.set("q", search.trim());
    if (kind) params.set("kind", kind);
    const timer = setTimeout(() => setQuery(params.toString()), 250);
    return () => clearTimeout(timer);
  }, [search, kind]);
  const path = organisationPaths.list(municipalityNumber, query);
  const list = useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<OrganisationSummaryResponse[]>,
    placeholderData: keepPreviousData,
  });

  const filtered = query !== "";
  const rows = list.data ?? [];
  return (
    <div className="pv-stack">
      {/* Searching an empty list helps nobody; the filters come with the first partner. */}
      {(filtered || rows.length > 0) && (
        <search>
          <form className="pv-filters" onSubmit={(e) => e.preventDefault()}>
            <Textfield
              label={o("org.search")}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="organisation-search"
            />
            <Field>
              <Label htmlFor="organisation-kind-filter">{o("org.kindFilter")}</Label>
              <Select
                id="organisation-kind-filter"
                value={kind}
                onChange={(e) => setKind(e.target.value as OrganisationKind | "")}
              >
                <Select.Option value="">{o("org.allKinds")}</Select.Option>
                {organisationKinds.map((k) => (
                  <Select.Option key={k} value={k}>
                    {capitalise(o(`kind.${k}`))}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </form>
        </search>
      )}
      {!list.data ? (
        <QueryState isError={list.isError} />
      ) : rows.length === 0 && !filtered ? (
        <Alert data-color="info" data-testid="organisations-empty">
          <Heading level={3} data-size="xs">
            {o("org.emptyHeading")}
          </Heading>
          <Paragraph>{mayCreate ? o("org.emptyPlanner") : o("org.emptyMember")}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph data-size="sm" className="pv-muted" role="status">
            {rows.length === 0
              ? o("org.noMatch")
              : rows.length === 1
                ? o("org.countOne")
                : o("org.count", { count: rows.length })}
          </Paragraph>
          {rows.length > 0 && (
            <div className="pv-table-scroll">
              <Table zebra border data-size="sm" data-testid="organisations-table">
                <caption className="pv-visually-hidden">{o("org.caption")}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{o("org.name")}</Table.HeaderCell>
                    <Table.HeaderCell>{o("org.kind")}</Table.HeaderCell>
                    <Table.HeaderCell>{o("org.number")}</Table.HeaderCell>
                    <Table.HeaderCell className="pv-num">{o("org.measureCount")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {rows.map((org) => (
                    <Table.Row key={org.id}>
                      <Table.Cell>
                        <AppLink to={`/partnere/${org.id}`}>{org.name}</AppLink>
                      </Table.Cell>
                      <Table.Cell>{capitalise(o(`kind.${org.kind}`))}</Table.Cell>
                      <Table.Cell className="pv-nowrap">
                        {org.organisationNumber ? (
                          formatOrganisationNumber(org.organisationNumber)
                        ) : (
                          <NotGiven />
                        )}
                      </Table.Cell>
                      <Table.Cell className="pv-num">{org.measureCount}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function NewOrganisation({ municipalityNumber }: { municipalityNumber: string }) {
  const { o } = useOrganisationMessages();
  // A new key empties the form after a successful save.
  const [formKey, setFormKey] = useState(0);
  const create = useSend<OrganisationDraft, OrganisationDetailResponse>((draft) => ({
    method: "POST",
    path: organisationPaths.list(municipalityNumber),
    body: bodyOf(draft),
  }));
  return (
    <section className="pv-panel pv-stack" aria-labelledby="new-organisation-heading">
      <Heading level={2} data-size="md" id="new-organisation-heading">
        {o("org.new")}
      </Heading>
      <Paragraph data-size="sm">{o("org.newIntro")}</Paragraph>
      {create.data && (
        <Alert data-color="success" role="status" data-testid="organisation-created">
          <Paragraph>
            {o("org.created", { name: create.data.name })}{" "}
            <AppLink to={`/partnere/${create.data.id}`}>{o("org.open", { name: create.data.name })}</AppLink>
          </Paragraph>
        </Alert>
      )}
      <OrganisationForm
        key={formKey}
        idPrefix="new-organisation"
        initial={emptyDraft()}
        submitLabel={o("org.create")}
        pending={create.isPending}
        error={create.error}
        onSubmit={(draft) => create.mutate(draft, { onSuccess: () => setFormKey((k) => k + 1) })}
      />
    </section>
  );
}
