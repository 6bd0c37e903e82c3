import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A municipality using the installation (a tenant). `number` is Statistics Norway's four-digit number. */
export const municipalities = pgTable("municipalities", {
  id: uuid("id").primaryKey().defaultRandom(),
  number: text("number").notNull().unique(),
  name: text("name").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
