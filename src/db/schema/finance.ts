import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { bigint, date, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { frameStatuses } from "../../domain/frame-check.ts";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";
import { cycles } from "./cycle.ts";

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

// Re-exported until every importer takes the vocabulary from the domain.

/**
 * The budget frame of one frame area for one year of a cycle's period, in whole kroner: proposed,
 * or adopted (June's rammesak, December's adoption) with decision date and case reference.
 * Every change is in the audit trail, so its history is kept.
 */
export const budgetFrames = pgTable(
  "budget_frames",
  {
    id: id(),
    municipalityId: municipalityRef(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id),
    frameAreaId: uuid("frame_area_id")
      .notNull()
      .references(() => frameAreas.id),
    year: integer("year").notNull(),
    amountNok: bigint("amount_nok", { mode: "number" }).notNull(),
    status: text("status", { enum: frameStatuses }).notNull().default("proposed"),
    decisionDate: date("decision_date"),
    caseReference: text("case_reference"),
    /**
     * Carried forward at rolling: the adopted frame of the previous cycle this one started from
     * (its cycle, amount and case reference are the origin shown beside it).
     */
    carriedFromFrameId: uuid("carried_from_frame_id").references((): AnyPgColumn => budgetFrames.id),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique("budget_frames_uq").on(t.cycleId, t.frameAreaId, t.year)],
);
