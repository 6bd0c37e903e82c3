import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { commentTargets, commentVisibilities } from "../../domain/comments.ts";
import { proposalStatuses } from "../../domain/proposals.ts";
import { users } from "./accounts.ts";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";
import { cycles } from "./cycle.ts";
import { measures } from "./measures.ts";
import { partnerOrganisations } from "./organisations.ts";
import { focusAreas, goals } from "./plan.ts";

// Re-exported until every importer takes the vocabulary from the domain.

/**
 * A proposal (innspill) from a partner to one cycle's action plan. The planner decides: accepted
 * (it became, or was merged into, `measureId`), rejected (with a reason) or deferred to a later year.
 * The link to the measure is one column, read both ways.
 */
export const proposals = pgTable(
  "proposals",
  {
    id: id(),
    municipalityId: municipalityRef(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id),
    /** Per municipality, never reused: «Innspill 7». */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    expectedEffect: text("expected_effect").notNull().default(""),
    focusAreaId: uuid("focus_area_id").references(() => focusAreas.id),
    /** The organisation proposing; null when a planner registers a proposal received outside Planverk. */
    organisationId: uuid("organisation_id").references(() => partnerOrganisations.id),
    submittedByUserId: uuid("submitted_by_user_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: proposalStatuses }).notNull().default("submitted"),
    decisionReason: text("decision_reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id),
    measureId: uuid("measure_id").references(() => measures.id),
    deferredToYear: integer("deferred_to_year"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    unique("proposals_number_uq").on(t.municipalityId, t.number),
    index("proposals_cycle_idx").on(t.cycleId),
    index("proposals_measure_idx").on(t.measureId),
  ],
);

export const proposalGoals = pgTable(
  "proposal_goals",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.goalId] })],
);

/** Organisations that would take part, besides the proposer. */
export const proposalOrganisations = pgTable(
  "proposal_organisations",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => partnerOrganisations.id),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.organisationId] })],
);

/** The proposer's estimate: whole kroner per year, and who could fund it (free text). */
export const proposalCosts = pgTable(
  "proposal_costs",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    amountNok: bigint("amount_nok", { mode: "number" }).notNull(),
    funder: text("funder").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.year] })],
);

// Re-exported until every importer takes the vocabulary from the domain.

/**
 * A comment on a proposal or a measure. The dialogue on a proposal is its comments visible to
 * partners. A removed comment keeps its row (who removed it, when, why); its text is blanked.
 */
export const comments = pgTable(
  "comments",
  {
    id: id(),
    municipalityId: municipalityRef(),
    targetType: text("target_type", { enum: commentTargets }).notNull(),
    targetId: uuid("target_id").notNull(),
    parentId: uuid("parent_id"),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    visibility: text("visibility", { enum: commentVisibilities }).notNull(),
    body: text("body").notNull(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    removedByUserId: uuid("removed_by_user_id").references(() => users.id),
    removalReason: text("removal_reason"),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index("comments_target_idx").on(t.targetType, t.targetId)],
);

/** Something that waits for a person: a proposal answered, a question, a reply, a round opened … */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    municipalityId: municipalityRef(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    /** Path inside Planverk, e.g. /innspill/7. */
    link: text("link").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);
