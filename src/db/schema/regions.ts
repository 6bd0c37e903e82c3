import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { participationStatuses } from "../../domain/region.ts";
import { users } from "./accounts.ts";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";
import { frameAreas } from "./finance.ts";
import { measures } from "./measures.ts";
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
  (t) => [
    primaryKey({ columns: [t.regionId, t.municipalityId] }),
    index("region_municipalities_municipality_idx").on(t.municipalityId),
  ],
);

/**
 * A regional coordinator (appointed by an installation admin): a person, not a municipality role,
 * who reads the published and partner-visible content of the region's municipalities and manages
 * their shared measures (src/domain/permissions.ts, "regional_coordinator").
 */
export const regionCoordinators = pgTable(
  "region_coordinators",
  {
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.userId] }),
    index("region_coordinators_user_idx").on(t.userId),
  ],
);

// Re-exported until every importer takes the vocabulary from the domain.

/**
 * A municipality taking part in another municipality's measure (a shared measure, «felles tiltak»).
 * The owner (measures.municipality_id) invites; the participant's planner joins with its share in
 * whole percent and the frame area its share counts against, or leaves. The owner's share is what
 * the participants leave (100 − Σ shares). Kroner per year follow from the split rule in
 * src/domain/cost-split.ts. The row is the participant's data (municipality_id = the participant).
 */
export const measureParticipations = pgTable(
  "measure_participations",
  {
    id: id(),
    municipalityId: municipalityRef(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    ownerMunicipalityId: uuid("owner_municipality_id")
      .notNull()
      .references(() => municipalities.id),
    status: text("status", { enum: participationStatuses }).notNull().default("invited"),
    sharePercent: integer("share_percent").notNull().default(0),
    /** The participant's own frame area its share counts against (set when it joins). */
    frameAreaId: uuid("frame_area_id").references(() => frameAreas.id),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    unique("measure_participations_uq").on(t.measureId, t.municipalityId),
    index("measure_participations_municipality_idx").on(t.municipalityId),
    index("measure_participations_owner_idx").on(t.ownerMunicipalityId),
    check("measure_participations_share_range", sql`${t.sharePercent} between 0 and 100`),
    check("measure_participations_not_owner", sql`${t.municipalityId} <> ${t.ownerMunicipalityId}`),
  ],
);
