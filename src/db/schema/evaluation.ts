import { date, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { type EvaluationCriterion, recommendations } from "../../domain/evaluation.ts";
import { users } from "./accounts.ts";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";
import { cycles } from "./cycle.ts";
import { measures } from "./measures.ts";

// Re-exported until every importer takes the vocabulary from the domain.

/**
 * An evaluation round (evalueringsrunde) of a cycle: a panel scores the chosen measures on the
 * round's criteria until the deadline or until a planner closes it. After closing, a planner can
 * publish its anonymous summary.
 */
export const evaluationRounds = pgTable(
  "evaluation_rounds",
  {
    id: id(),
    municipalityId: municipalityRef(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id),
    title: text("title").notNull(),
    criteria: jsonb("criteria").$type<EvaluationCriterion[]>().notNull(),
    /** The last day panelists may answer (inclusive, Norwegian time is close enough for a date). */
    deadline: date("deadline").notNull(),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index("evaluation_rounds_cycle_idx").on(t.cycleId)],
);

/** The measures a round evaluates. */
export const evaluationRoundMeasures = pgTable(
  "evaluation_round_measures",
  {
    municipalityId: municipalityRef(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: "cascade" }),
    measureId: uuid("measure_id")
      .notNull()
      // Only a measure never in an adopted plan can be deleted; its evaluation goes with it.
      .references(() => measures.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.measureId] }), index().on(t.measureId)],
);

/** The people on a round's panel. */
export const evaluationPanelists = pgTable(
  "evaluation_panelists",
  {
    municipalityId: municipalityRef(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index().on(t.userId)],
);

/**
 * One panelist's answer about one measure. `scores` maps a criterion key to 1–5, or to null for
 * «kan ikke vurdere»; a criterion not in it is not answered yet.
 */
export const evaluationAnswers = pgTable(
  "evaluation_answers",
  {
    id: id(),
    municipalityId: municipalityRef(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: "cascade" }),
    measureId: uuid("measure_id")
      .notNull()
      // Only a measure never in an adopted plan can be deleted; its evaluation goes with it.
      .references(() => measures.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    scores: jsonb("scores").$type<Record<string, number | null>>().notNull().default({}),
    comment: text("comment").notNull().default(""),
    recommendation: text("recommendation", { enum: recommendations }),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique("evaluation_answers_uq").on(t.roundId, t.measureId, t.userId)],
);

/** The measure owner's self-assessment of a measure in a round. */
export const evaluationSelfAssessments = pgTable(
  "evaluation_self_assessments",
  {
    id: id(),
    municipalityId: municipalityRef(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: "cascade" }),
    measureId: uuid("measure_id")
      .notNull()
      // Only a measure never in an adopted plan can be deleted; its evaluation goes with it.
      .references(() => measures.id, { onDelete: "cascade" }),
    text: text("text").notNull().default(""),
    authorUserId: uuid("author_user_id").references(() => users.id),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique("evaluation_self_assessments_uq").on(t.roundId, t.measureId)],
);
