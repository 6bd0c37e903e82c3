import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";

/** A strategic plan (e.g. "Strategisk næringsplan for Drammen 2023–2027"). */
export const plans = pgTable(
  "plans",
  {
    id: id(),
    municipalityId: municipalityRef(),
    title: text("title").notNull(),
    startYear: integer("start_year").notNull(),
    endYear: integer("end_year").notNull(),
    /** When and by which case the council adopted the strategic plan itself. */
    adoptedOn: date("adopted_on"),
    caseReference: text("case_reference"),
    vision: text("vision").notNull().default(""),
    /** What the plan is based on, e.g. «Kommuneplanens samfunnsdel 2024–2036». */
    basis: text("basis").notNull().default(""),
    /** A published plan (its goals and focus areas, and its adopted action plans) is public. */
    published: boolean("published").notNull().default(false),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index("plans_municipality_idx").on(t.municipalityId)],
);

/** A societal goal (samfunnsmål) the plan serves. */
export const goals = pgTable(
  "goals",
  {
    id: id(),
    municipalityId: municipalityRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index("goals_plan_idx").on(t.planId)],
);

/** A focus area (satsingsområde). */
export const focusAreas = pgTable(
  "focus_areas",
  {
    id: id(),
    municipalityId: municipalityRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index("focus_areas_plan_idx").on(t.planId)],
);

/** Which goals a focus area works towards (many to many). */
export const goalFocusAreas = pgTable(
  "goal_focus_areas",
  {
    municipalityId: municipalityRef(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id),
    focusAreaId: uuid("focus_area_id")
      .notNull()
      .references(() => focusAreas.id),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.focusAreaId] })],
);

/** An objective or strategy (delmål/strategi) under a focus area. */
export const objectives = pgTable(
  "objectives",
  {
    id: id(),
    municipalityId: municipalityRef(),
    focusAreaId: uuid("focus_area_id")
      .notNull()
      .references(() => focusAreas.id),
    title: text("title").notNull(),
    position: integer("position").notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index("objectives_focus_area_idx").on(t.focusAreaId)],
);
