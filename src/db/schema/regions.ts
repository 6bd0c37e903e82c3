import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { id, rowVersion, timestamps } from "./columns.ts";
import { municipalities } from "./tenancy.ts";

/**
 * A region: municipalities that work together and compare themselves with each other
 * (default Drammensregionen, from Kongsberg to Asker and Holmestrand). Configurable per installation.
 */
export const regions = pgTable("regions", {
  id: id(),
  /** Stable short name used in addresses, e.g. "drammensregionen". */
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  version: rowVersion(),
  ...timestamps(),
});

export const regionMunicipalities = pgTable(
  "region_municipalities",
  {
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.municipalityId] })],
);
