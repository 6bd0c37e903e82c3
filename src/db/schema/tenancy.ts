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
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
