import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { type MeasureLink, measureStatuses, partnerRoles } from "../../domain/measures.ts";
import { users } from "./accounts.ts";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";
import { actionPlanVersions } from "./cycle.ts";
import { fundingSources } from "./finance.ts";
import { partnerOrganisations } from "./organisations.ts";
import { focusAreas, goals, objectives } from "./plan.ts";

// Re-exported until every importer takes the vocabulary from the domain.

/** A measure's identity: its stable reference (e.g. T-014) survives every rolling. */
export const measures = pgTable(
  "measures",
  {
    id: id(),
    municipalityId: municipalityRef(),
    reference: text("reference").notNull(),
    /** Demo data is marked so nobody mistakes it for the municipality's real measures. */
    isExample: boolean("is_example").notNull().default(false),
    // Running state, not plan content: how the measure is going now. Status reports (tertial
    // reports) will set it once approved; until then planners and owners keep it directly.
    status: text("status", { enum: measureStatuses }).notNull().default("planned"),
    statusReason: text("status_reason").notNull().default(""),
    progress: integer("progress"),
    /**
     * The approved status report the state above comes from, and the date it describes («per
     * 30.04.2026»); null while the state is kept by hand.
     */
    statusReportId: uuid("status_report_id"),
    statusAsOf: date("status_as_of"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("measures_reference_uq").on(t.municipalityId, t.reference),
    check("measures_progress_range", sql`${t.progress} is null or (${t.progress} between 0 and 100)`),
  ],
);

/** A milestone of a measure (running state: reached or not). */
export const milestones = pgTable(
  "milestones",
  {
    id: id(),
    municipalityId: municipalityRef(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    dueDate: date("due_date").notNull(),
    title: text("title").notNull(),
    done: boolean("done").notNull().default(false),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index("milestones_measure_idx").on(t.measureId)],
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
    /** Sanitised rich text (a small allowlist of tags), see src/domain/rich-text.ts. */
    description: text("description").notNull().default(""),
    responsibleUnit: text("responsible_unit").notNull().default(""),
    contactPerson: text("contact_person").notNull().default(""),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    links: jsonb("links").$type<MeasureLink[]>().notNull().default([]),
    /** «Må vurderes»: carried over by a rolling (or flagged by an evaluation) and not yet looked at. */
    needsReview: boolean("needs_review").notNull().default(false),
    /** The planner's priority value for prioritisation under the frames (higher is more important). */
    priority: integer("priority"),
    /** Locked in: prioritisation must keep it. */
    mandatory: boolean("mandatory").notNull().default(false),
    reviewNote: text("review_note").notNull().default(""),
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

/** The objectives (delmål/strategier) a measure version serves. */
export const measureVersionObjectives = pgTable(
  "measure_version_objectives",
  {
    municipalityId: municipalityRef(),
    measureVersionId: uuid("measure_version_id")
      .notNull()
      .references(() => measureVersions.id, { onDelete: "cascade" }),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => objectives.id),
  },
  (t) => [primaryKey({ columns: [t.measureVersionId, t.objectiveId] })],
);

/** Partner organisations taking part in a measure version, with their role. */
export const measureVersionPartners = pgTable(
  "measure_version_partners",
  {
    municipalityId: municipalityRef(),
    measureVersionId: uuid("measure_version_id")
      .notNull()
      .references(() => measureVersions.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => partnerOrganisations.id),
    role: text("role", { enum: partnerRoles }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.measureVersionId, t.organisationId] }),
    index().on(t.organisationId),
    // The lists filter link rows by municipality first (a national installation).
    index("measure_version_partners_municipality_idx").on(t.municipalityId),
  ],
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
    /** For external money: applied for, granted or expected. Null for municipal money. */
    externalStatus: text("external_status", { enum: ["applied", "granted", "expected"] }),
  },
  (t) => [
    unique("measure_costs_uq").on(t.measureVersionId, t.year, t.fundingSourceId),
    // The lists filter cost rows by municipality first (a national installation).
    index("measure_costs_municipality_idx").on(t.municipalityId),
  ],
);

/**
 * Actual spending on a measure per year and funding source: running state, reported through the
 * year (status reports will feed it), shown against what the plan set aside.
 */
export const measureSpending = pgTable(
  "measure_spending",
  {
    id: id(),
    municipalityId: municipalityRef(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    fundingSourceId: uuid("funding_source_id")
      .notNull()
      .references(() => fundingSources.id),
    amountNok: bigint("amount_nok", { mode: "number" }).notNull(),
    ...timestamps(),
  },
  (t) => [unique("measure_spending_uq").on(t.measureId, t.year, t.fundingSourceId)],
);

/** What a removed measure version said, kept whole so it can be put back (see `snapshot`). */
export type RemovedMeasureSnapshot = {
  version: Record<string, unknown>;
  goalIds: string[];
  objectiveIds: string[];
  partners: { organisationId: string; role: string }[];
  costs: {
    year: number;
    fundingSourceId: string;
    amountNok: number;
    externalStatus: "applied" | "granted" | "expected" | null;
  }[];
};

/**
 * A measure taken out of a draft action plan (by hand or by an applied prioritisation): the
 * version row is deleted as before, its last content is kept here so it can be listed («Tatt ut
 * av forslaget») and put back with its reference. `prioritisation_id` groups the rows of one
 * applied proposal, the unit of undo.
 */
export const removedMeasureVersions = pgTable(
  "removed_measure_versions",
  {
    id: id(),
    municipalityId: municipalityRef(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    actionPlanVersionId: uuid("action_plan_version_id")
      .notNull()
      .references(() => actionPlanVersions.id),
    snapshot: jsonb("snapshot").$type<RemovedMeasureSnapshot>().notNull(),
    via: text("via", { enum: ["manual", "prioritisation"] }).notNull(),
    reason: text("reason").notNull().default(""),
    prioritisationId: uuid("prioritisation_id"),
    removedByUserId: uuid("removed_by_user_id").references(() => users.id),
    removedByLabel: text("removed_by_label").notNull().default(""),
    removedAt: timestamp("removed_at", { withTimezone: true }).notNull().defaultNow(),
    restoredAt: timestamp("restored_at", { withTimezone: true }),
    restoredByUserId: uuid("restored_by_user_id").references(() => users.id),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex("removed_measure_versions_open_uq")
      .on(t.measureId, t.actionPlanVersionId)
      .where(sql`${t.restoredAt} is null`),
    index("removed_measure_versions_plan_idx").on(t.actionPlanVersionId),
    index("removed_measure_versions_municipality_idx").on(t.municipalityId),
  ],
);
