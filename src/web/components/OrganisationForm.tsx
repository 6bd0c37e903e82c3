import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Select,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { formatOrganisationNumber } from "../../domain/organisation-number.ts";
import { type OrganisationKind, organisationKinds } from "../../domain/organisations.ts";
import type { OrganisationDetailResponse } from "../../http/routes/organisations.ts";
import { ApiError } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { useOrganisationMessages } from "../i18n/organisation-messages.ts";
import { capitalise } from "./capitalise.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

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
function fieldErrorsOf(error: unknown): Map<string, string> {
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
