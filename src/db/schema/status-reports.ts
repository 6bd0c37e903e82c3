import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { measureStatuses } from "../../domain/measures.ts";
import {
  type ReportedSpending,
  reportingPeriodKinds,
  reportingPeriodStates,
  statusReportStates,
  trafficLights,
} from "../../domain/status-report.ts";
import { users } from "./accounts.ts";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";
import { cycles } from "./cycle.ts";
import { measures } from "./measures.ts";

// Re-exported until every importer takes the vocabulary from the domain.

/** A reporting period of a cycle: 1. tertial (per 30 April), 2. tertial (per 31 August), the annual report. */
export const reportingPeriods = pgTable(
  "reporting_periods",
  {
    id: id(),
    municipalityId: municipalityRef(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id),
    kind: text("kind", { enum: reportingPeriodKinds }).notNull(),
    /** The date the report describes («per 30.04.»). */
    asOf: date("as_of").notNull(),
    dueDate: date("due_date").notNull(),
    state: text("state", { enum: reportingPeriodStates }).notNull().default("planned"),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique("reporting_periods_cycle_kind_uq").on(t.cycleId, t.kind)],
);

/**
 * One measure's status report for one period, as last submitted by its owner and reviewed by a
 * planner. Approval copies it into the measure's running state (status, progress, spending,
 * milestones); every submission and review is kept in `status_report_events`.
 */
export const statusReports = pgTable(
  "status_reports",
  {
    id: id(),
    municipalityId: municipalityRef(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => reportingPeriods.id),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    state: text("state", { enum: statusReportStates }).notNull().default("submitted"),
    trafficLight: text("traffic_light", { enum: trafficLights }).notNull(),
    explanation: text("explanation").notNull().default(""),
    measureStatus: text("measure_status", { enum: measureStatuses }).notNull(),
    progress: integer("progress"),
    /** Spending so far in the period's year, per funding source (whole kroner). */
    spending: jsonb("spending").$type<ReportedSpending[]>().notNull().default([]),
    /** Milestones of the measure reported as reached. */
    milestonesReached: uuid("milestones_reached").array().notNull().default(sql`'{}'::uuid[]`),
    achieved: text("achieved").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    risks: text("risks").notNull().default(""),
    /** The planner's comment when returning it. */
    reviewComment: text("review_comment").notNull().default(""),
    submittedByUserId: uuid("submitted_by_user_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    reviewedByUserId: uuid("reviewed_by_user_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    unique("status_reports_period_measure_uq").on(t.periodId, t.measureId),
    index().on(t.measureId),
    check("status_reports_progress_range", sql`${t.progress} is null or (${t.progress} between 0 and 100)`),
  ],
);

/** The history of a status report: each submission (with what it said), return and approval. */
export const statusReportEvents = pgTable(
  "status_report_events",
  {
    id: id(),
    municipalityId: municipalityRef(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => statusReports.id),
    action: text("action", { enum: ["submitted", "returned", "approved"] }).notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    comment: text("comment").notNull().default(""),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.reportId)],
);
