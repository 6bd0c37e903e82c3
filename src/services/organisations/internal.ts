import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  measures,
  measureVersionPartners,
  measureVersions,
  organisationContacts,
  partnerOrganisations,
} from "../../db/schema/index.ts";
import { foldForSearch } from "../../domain/measure-filter.ts";
import type { MeasureStatus, PartnerRole } from "../../domain/measures.ts";
import { parseOrganisationNumber } from "../../domain/organisation-number.ts";
import type { OrganisationKind } from "../../domain/organisations.ts";
import { type Action, allowedActions, can } from "../../domain/permissions.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Tenant } from "../access.ts";

/*
 * Partner organisations (samarbeidspartnere): companies, Næringsforeningen, USN, public bodies and
 * voluntary organisations that take part in measures. Members of the municipality read them;
 * planners create, edit and delete them (src/domain/permissions.ts).
 */

export type ContactInput = { name: string; title?: string; email?: string; phone?: string };
export type ContactView = { id: string; name: string; title: string; email: string; phone: string };

export type OrganisationSummary = {
  id: string;
  name: string;
  kind: OrganisationKind;
  organisationNumber: string | null;
  website: string | null;
  version: number;
  /** Measures the person may see that the organisation takes part in. */
  measureCount: number;
  allowedActions: Action[];
};

export type OrganisationMeasure = {
  measureId: string;
  reference: string;
  title: string;
  role: PartnerRole;
  status: MeasureStatus;
  progress: number | null;
  budgetYear: number;
  actionPlanStatus: "draft" | "adopted";
};

export type OrganisationDetail = OrganisationSummary & {
  contacts: ContactView[];
  measures: OrganisationMeasure[];
  // Proposals (innspill) the organisation has sent will be listed here, in a later issue.
};

export type OrganisationFields = {
  name: string;
  kind: OrganisationKind;
  organisationNumber: string | null;
  website: string | null;
};
type OrganisationRow = typeof partnerOrganisations.$inferSelect;
export type AuditedState = OrganisationFields & { contacts: Required<ContactInput>[] };
export const auditedFields = ["name", "kind", "organisationNumber", "website", "contacts"] as const;

// ---------------------------------------------------------------------------------------------
// Pure helpers (no I/O), shared with the route's validation.

/** Whether an organisation matches a search: part of its name, or of its organisation number. */
export function matchesSearch(
  organisation: { name: string; organisationNumber: string | null },
  query: string,
): boolean {
  // The shared folding rule; spaces count as one, so a pasted name with a double space still matches.
  const phrase = (text: string) => foldForSearch(text).replace(/\s+/g, " ").trim();
  const wanted = phrase(query);
  if (wanted === "") return true;
  if (phrase(organisation.name).includes(wanted)) return true;
  const digits = wanted.replace(/\s/g, "");
  return /^\d+$/.test(digits) && (organisation.organisationNumber ?? "").includes(digits);
}

export const websiteMessage = "Nettstedet må være en adresse som begynner med http:// eller https://.";

/** A web site must be an http(s) address with a real host name; anything else is refused. */
export function websiteProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return websiteMessage;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return websiteMessage;
  if (!url.hostname.includes(".") || url.username || url.password) return websiteMessage;
  return null;
}

export const nameCollator = new Intl.Collator("nb", { sensitivity: "base" });
const referenceCollator = new Intl.Collator("nb", { numeric: true });

/** Blank means "none"; otherwise the value must be valid (it is checked by the route too). */
export function normaliseFields(input: {
  name?: string;
  kind?: OrganisationKind;
  organisationNumber?: string | null;
  website?: string | null;
}): Partial<OrganisationFields> {
  const out: Partial<OrganisationFields> = {};
  const problems: { path: string; message: string }[] = [];
  if (input.name !== undefined) {
    out.name = input.name.trim();
    if (out.name === "") problems.push({ path: "/name", message: "Navnet må fylles ut." });
  }
  if (input.kind !== undefined) out.kind = input.kind;
  if (input.organisationNumber !== undefined) {
    const raw = input.organisationNumber?.trim() ?? "";
    if (raw === "") out.organisationNumber = null;
    else {
      const parsed = parseOrganisationNumber(raw);
      if (parsed.ok) out.organisationNumber = parsed.value;
      else problems.push({ path: "/organisationNumber", message: parsed.message });
    }
  }
  if (input.website !== undefined) {
    const raw = input.website?.trim() ?? "";
    out.website = raw === "" ? null : raw;
    const problem = raw === "" ? null : websiteProblem(raw);
    if (problem) problems.push({ path: "/website", message: problem });
  }
  if (problems.length > 0) throw new AppError("validation", "common.invalidRequest", {}, problems);
  return out;
}

export function normaliseContacts(contacts: ContactInput[]): Required<ContactInput>[] {
  return contacts.map((c) => ({
    name: c.name.trim(),
    title: c.title?.trim() ?? "",
    email: c.email?.trim() ?? "",
    phone: c.phone?.trim() ?? "",
  }));
}

// ---------------------------------------------------------------------------------------------
// Loading

/**
 * Whether the person may see a measure version: adopted action plans for every member, drafts only
 * for those who may read drafts, as the permission table says.
 */
function seesMeasureIn(tenant: Tenant, actionPlanStatus: "draft" | "adopted"): boolean {
  return actionPlanStatus === "adopted"
    ? can(tenant.subject, "read", "measure", { published: true })
    : can(tenant.subject, "read_drafts", "measure");
}

/** Every measure version an organisation (or all of them) takes part in, newest first. */
export async function loadParticipation(db: DbOrTx, tenant: Tenant, organisationId?: string) {
  const rows = await db
    .select({
      organisationId: measureVersionPartners.organisationId,
      measureId: measures.id,
      reference: measures.reference,
      title: measureVersions.title,
      role: measureVersionPartners.role,
      status: measures.status,
      progress: measures.progress,
      budgetYear: cycles.budgetYear,
      actionPlanStatus: actionPlanVersions.status,
    })
    .from(measureVersionPartners)
    .innerJoin(measureVersions, eq(measureVersions.id, measureVersionPartners.measureVersionId))
    .innerJoin(measures, eq(measures.id, measureVersions.measureId))
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(
      and(
        eq(measureVersionPartners.municipalityId, tenant.id),
        organisationId ? eq(measureVersionPartners.organisationId, organisationId) : undefined,
      ),
    )
    .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision));
  return rows.filter((row) => seesMeasureIn(tenant, row.actionPlanStatus));
}

/** Per measure, the newest version the person may see in which the organisation takes part. */
function newestPerMeasure<T extends { measureId: string; reference: string }>(rows: T[]): T[] {
  const seen = new Map<string, T>();
  for (const row of rows) if (!seen.has(row.measureId)) seen.set(row.measureId, row);
  return [...seen.values()].sort((a, b) => referenceCollator.compare(a.reference, b.reference));
}

export function present(row: OrganisationRow, tenant: Tenant, measureCount: number): OrganisationSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    organisationNumber: row.organisationNumber,
    website: row.website,
    version: row.version,
    measureCount,
    allowedActions: allowedActions(tenant.subject, "organisation"),
  };
}

export async function loadContacts(
  db: DbOrTx,
  tenant: Tenant,
  organisationId: string,
): Promise<ContactView[]> {
  return db
    .select({
      id: organisationContacts.id,
      name: organisationContacts.name,
      title: organisationContacts.title,
      email: organisationContacts.email,
      phone: organisationContacts.phone,
    })
    .from(organisationContacts)
    .where(
      and(
        eq(organisationContacts.municipalityId, tenant.id),
        eq(organisationContacts.organisationId, organisationId),
      ),
    )
    .orderBy(asc(organisationContacts.createdAt), asc(organisationContacts.name));
}

export async function presentDetail(
  db: DbOrTx,
  tenant: Tenant,
  row: OrganisationRow,
): Promise<OrganisationDetail> {
  const [contacts, participation] = await Promise.all([
    loadContacts(db, tenant, row.id),
    loadParticipation(db, tenant, row.id),
  ]);
  const measureRows = newestPerMeasure(participation).map(({ organisationId: _, ...m }) => m);
  return { ...present(row, tenant, measureRows.length), contacts, measures: measureRows };
}

export async function findOrganisation(
  db: DbOrTx,
  tenant: Tenant,
  organisationId: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(partnerOrganisations)
    .where(
      and(eq(partnerOrganisations.id, organisationId), eq(partnerOrganisations.municipalityId, tenant.id)),
    );
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("partner");
  return row;
}

/** 409 with the field named as in a validation error, so the form shows it on the number. */
function duplicate(number: string): AppError {
  const message = `Organisasjonsnummeret ${number} er allerede registrert på en annen samarbeidspartner i kommunen.`;
  return new AppError("conflict", "organisation.numberTaken", { number }, [
    { path: "/organisationNumber", message },
  ]);
}

/** Refuses a number another organisation of the municipality already has (409, not a 500). */
export async function ensureNumberIsFree(
  db: DbOrTx,
  tenant: Tenant,
  number: string | null,
  exceptId?: string,
) {
  if (!number) return;
  const [other] = await db
    .select({ id: partnerOrganisations.id })
    .from(partnerOrganisations)
    .where(
      and(
        eq(partnerOrganisations.municipalityId, tenant.id),
        eq(partnerOrganisations.organisationNumber, number),
        exceptId ? ne(partnerOrganisations.id, exceptId) : undefined,
      ),
    );
  if (other) throw duplicate(number);
}

/** Two writes racing past the check above meet the unique constraint; answer that as 409 too. */
export async function withDuplicateAsConflict<T>(number: string | null | undefined, write: () => Promise<T>) {
  try {
    return await write();
  } catch (error) {
    const pgError = (error as { cause?: { code?: string; constraint?: string } }).cause ?? error;
    const { code, constraint } = pgError as { code?: string; constraint?: string };
    if (code === "23505" && constraint === "partner_organisations_number_uq") throw duplicate(number ?? "");
    throw error;
  }
}

export async function replaceContacts(
  tx: DbOrTx,
  tenant: Tenant,
  organisationId: string,
  contacts: Required<ContactInput>[],
) {
  await tx
    .delete(organisationContacts)
    .where(
      and(
        eq(organisationContacts.municipalityId, tenant.id),
        eq(organisationContacts.organisationId, organisationId),
      ),
    );
  if (contacts.length === 0) return;
  const now = Date.now();
  await tx.insert(organisationContacts).values(
    // Spaced creation times keep the order the planner gave.
    contacts.map((c, i) => ({
      ...c,
      municipalityId: tenant.id,
      organisationId,
      createdAt: new Date(now + i),
    })),
  );
}

export const auditState = (row: OrganisationFields, contacts: Required<ContactInput>[]): AuditedState => ({
  name: row.name,
  kind: row.kind,
  organisationNumber: row.organisationNumber,
  website: row.website,
  contacts,
});

export const contactsOf = (views: ContactView[]): Required<ContactInput>[] =>
  views.map(({ name, title, email, phone }) => ({ name, title, email, phone }));
