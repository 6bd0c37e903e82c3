import { index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { organisationKinds } from "../../domain/organisations.ts";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";

// Re-exported until every importer takes the vocabulary from the domain.

/** A partner organisation (samarbeidspartner): a company, Næringsforeningen, USN, a public body … */
export const partnerOrganisations = pgTable(
  "partner_organisations",
  {
    id: id(),
    municipalityId: municipalityRef(),
    name: text("name").notNull(),
    kind: text("kind", { enum: organisationKinds }).notNull(),
    /** Norwegian organisation number (9 digits, modulus-11 check digit); optional. */
    organisationNumber: text("organisation_number"),
    website: text("website"),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    unique("partner_organisations_number_uq").on(t.municipalityId, t.organisationNumber),
    index("partner_organisations_municipality_idx").on(t.municipalityId),
  ],
);

/** A contact person at a partner organisation. */
export const organisationContacts = pgTable(
  "organisation_contacts",
  {
    id: id(),
    municipalityId: municipalityRef(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => partnerOrganisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index("organisation_contacts_org_idx").on(t.organisationId)],
);
