import { pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";

/** A frame area (rammeområde) of the municipal budget, e.g. "Næringsutvikling – drift". */
export const frameAreas = pgTable(
  "frame_areas",
  {
    id: id(),
    municipalityId: municipalityRef(),
    name: text("name").notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique("frame_areas_name_uq").on(t.municipalityId, t.name)],
);

/**
 * Where money for a measure comes from. Municipal sources point at a frame area and count against
 * its frames; external ones (fylkeskommunen, Innovasjon Norge, partners …) do not.
 */
export const fundingSources = pgTable(
  "funding_sources",
  {
    id: id(),
    municipalityId: municipalityRef(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["municipal", "external"] }).notNull(),
    frameAreaId: uuid("frame_area_id").references(() => frameAreas.id),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique("funding_sources_name_uq").on(t.municipalityId, t.name)],
);
