import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A municipality (a tenant). All 357 are listed (src/db/reference); an installation admin activates those that
 * use the installation. `number` is Statistics Norway's four-digit number. */
export const municipalities = pgTable("municipalities", {
  id: uuid("id").primaryKey().defaultRandom(),
  number: text("number").notNull().unique(),
  name: text("name").notNull(),
  county: text("county"),
  active: boolean("active").notNull().default(true),
  /** The address of the municipality's accessibility statement (tilgjengelighetserklæring); "" when not set. */
  accessibilityStatementUrl: text("accessibility_statement_url").notNull().default(""),
  /** The municipality's organisation number in Enhetsregisteret (9 digits), the open data's publisher. */
  organisationNumber: text("organisation_number"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
