import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";
import { actionPlanVersions } from "./cycle.ts";
import { fundingSources } from "./finance.ts";
import { focusAreas, goals } from "./plan.ts";

/** A measure's identity: its stable reference (e.g. T-014) survives every rolling. */
export const measures = pgTable(
  "measures",
  {
    id: id(),
    municipalityId: municipalityRef(),
    reference: text("reference").notNull(),
    /** Demo data is marked so nobody mistakes it for the municipality's real measures. */
    isExample: boolean("is_example").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("measures_reference_uq").on(t.municipalityId, t.reference)],
);

/** What one action plan version says about a measure: the content the council adopts. */
export const measureVersions = pgTable(
  "measure_versions",
  {
    id: id(),
    municipalityId: municipalityRef(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    actionPlanVersionId: uuid("action_plan_version_id")
      .notNull()
      .references(() => actionPlanVersions.id),
    focusAreaId: uuid("focus_area_id")
      .notNull()
      .references(() => focusAreas.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    responsibleUnit: text("responsible_unit").notNull().default(""),
    startYear: integer("start_year").notNull(),
    endYear: integer("end_year").notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    unique("measure_versions_measure_plan_uq").on(t.measureId, t.actionPlanVersionId),
    index().on(t.actionPlanVersionId),
  ],
);

/** The goals a measure version serves. */
export const measureVersionGoals = pgTable(
  "measure_version_goals",
  {
    municipalityId: municipalityRef(),
    measureVersionId: uuid("measure_version_id")
      .notNull()
      .references(() => measureVersions.id, { onDelete: "cascade" }),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id),
  },
  (t) => [primaryKey({ columns: [t.measureVersionId, t.goalId] })],
);

/** Money: whole kroner in a bigint, one row per (measure version, year, funding source). */
export const measureCosts = pgTable(
  "measure_costs",
  {
    id: id(),
    municipalityId: municipalityRef(),
    measureVersionId: uuid("measure_version_id")
      .notNull()
      .references(() => measureVersions.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    fundingSourceId: uuid("funding_source_id")
      .notNull()
      .references(() => fundingSources.id),
    amountNok: bigint("amount_nok", { mode: "number" }).notNull(),
  },
  (t) => [unique("measure_costs_uq").on(t.measureVersionId, t.year, t.fundingSourceId)],
);
