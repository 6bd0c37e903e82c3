import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cyclePhases } from "../../domain/cycle.ts";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";
import { plans } from "./plan.ts";

/** One rolling (rullering) of a plan, for one budget year; covers the budget year and the three after it. */
export const cycles = pgTable(
  "cycles",
  {
    id: id(),
    municipalityId: municipalityRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    budgetYear: integer("budget_year").notNull(),
    phase: text("phase", { enum: cyclePhases }).notNull().default("innspill"),
    /** Planned start and end of each phase (ISO dates); defaults from src/domain/phases.ts. */
    phaseDates: jsonb("phase_dates")
      .$type<Record<string, { start: string; end: string }>>()
      .notNull()
      .default({}),
    /** The cycle this one was rolled from, if any. */
    rolledFromCycleId: uuid("rolled_from_cycle_id"),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique("cycles_plan_year_uq").on(t.planId, t.budgetYear)],
);

/**
 * One version of a cycle's action plan. Revision 0 is the plan the council adopts in December;
 * later revisions (e.g. at 1. tertial) carry a reason. Once adopted, a version is frozen.
 */
export const actionPlanVersions = pgTable(
  "action_plan_versions",
  {
    id: id(),
    municipalityId: municipalityRef(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id),
    revision: integer("revision").notNull().default(0),
    status: text("status", { enum: ["draft", "adopted"] })
      .notNull()
      .default("draft"),
    reason: text("reason"),
    adoptedOn: date("adopted_on"),
    decisionBody: text("decision_body"),
    caseReference: text("case_reference"),
    frozenAt: timestamp("frozen_at", { withTimezone: true }),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique("action_plan_versions_cycle_revision_uq").on(t.cycleId, t.revision), index().on(t.cycleId)],
);
