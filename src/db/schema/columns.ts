import { integer, timestamp, uuid } from "drizzle-orm/pg-core";
import { municipalities } from "./tenancy.ts";

/** Columns every editable row of a municipality's data carries. */
export const id = () => uuid("id").primaryKey().defaultRandom();

/** Tenancy: every row that is a municipality's data says whose it is. */
export const municipalityRef = () =>
  uuid("municipality_id")
    .notNull()
    .references(() => municipalities.id);

/** Optimistic concurrency: a write names the version it read; a stale one is refused. */
export const rowVersion = () => integer("version").notNull().default(1);

export const timestamps = () => ({
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
