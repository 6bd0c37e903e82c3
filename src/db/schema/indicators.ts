import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import {
  type IndicatorRefreshSummary,
  indicatorChartKinds,
  indicatorDirections,
  indicatorRefreshSchedules,
} from "../../domain/indicators.ts";
import { users } from "./accounts.ts";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";
import { focusAreas, goals } from "./plan.ts";
import { municipalities } from "./tenancy.ts";

// Re-exported until every importer takes the vocabulary from the domain.

/** An indicator of the knowledge base (kunnskapsgrunnlag), e.g. «Sysselsatte etter næring». */
export const indicators = pgTable(
  "indicators",
  {
    id: id(),
    municipalityId: municipalityRef(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    unit: text("unit").notNull().default(""),
    decimals: integer("decimals").notNull().default(0),
    direction: text("direction", { enum: indicatorDirections }).notNull().default("higher_is_better"),
    /** time_series: one line per region; industry_structure: categories are SN2007 sections. */
    chartKind: text("chart_kind", { enum: indicatorChartKinds }).notNull().default("time_series"),
    sourceName: text("source_name").notNull().default("Statistisk sentralbyrå"),
    sourceUrl: text("source_url").notNull().default(""),
    licence: text("licence").notNull().default("CC BY 4.0"),
    creditLine: text("credit_line").notNull().default("Kilde: Statistisk sentralbyrå"),
    /** Demo numbers that are not real statistics: the interface says so wherever they show. */
    isExample: boolean("is_example").notNull().default(false),
    /** A published indicator shows on public pages and in open data. */
    published: boolean("published").notNull().default(false),
    /** How often the job fetches the current import's address again (only imports from an address). */
    refreshSchedule: text("refresh_schedule", { enum: indicatorRefreshSchedules }).notNull().default("never"),
    /** The last scheduled fetch: when, whether it succeeded, what it changed, or why it failed. */
    lastFetchedAt: timestamp("last_fetched_at", { withTimezone: true }),
    lastFetchOk: boolean("last_fetch_ok"),
    lastFetchSummary: jsonb("last_fetch_summary").$type<IndicatorRefreshSummary>(),
    lastFetchError: text("last_fetch_error"),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index("indicators_municipality_idx").on(t.municipalityId)],
);

export const indicatorGoals = pgTable(
  "indicator_goals",
  {
    municipalityId: municipalityRef(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.goalId] })],
);

export const indicatorFocusAreas = pgTable(
  "indicator_focus_areas",
  {
    municipalityId: municipalityRef(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    focusAreaId: uuid("focus_area_id")
      .notNull()
      .references(() => focusAreas.id),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.focusAreaId] })],
);

/** The target value (målverdi) of an indicator for one year, for the municipality itself. */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    id: id(),
    municipalityId: municipalityRef(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    value: doublePrecision("value").notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique("indicator_targets_year_uq").on(t.indicatorId, t.year)],
);

/**
 * One import of data into an indicator. The newest is current; earlier ones stay as history with
 * their values (`replaced_at` set when a newer import took over).
 */
export const indicatorImports = pgTable(
  "indicator_imports",
  {
    id: id(),
    municipalityId: municipalityRef(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    format: text("format", { enum: ["json-stat", "csv"] }).notNull(),
    /** The dataset's label and id (PxWebApi table number) as the file gives them. */
    datasetLabel: text("dataset_label").notNull().default(""),
    datasetId: text("dataset_id").notNull().default(""),
    sourceUrl: text("source_url"),
    fileName: text("file_name"),
    /** The chosen mapping: which dimension is region, time, category, content, and the chosen categories. */
    mapping: jsonb("mapping").notNull(),
    unit: text("unit").notNull().default(""),
    decimals: integer("decimals"),
    updated: text("updated"),
    valueCount: integer("value_count").notNull(),
    importedBy: uuid("imported_by").references(() => users.id),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }),
  },
  (t) => [index("indicator_imports_indicator_idx").on(t.indicatorId)],
);

/** One value of an imported series. A missing value is NULL (with its status symbol), never 0. */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    municipalityId: municipalityRef(),
    importId: uuid("import_id")
      .notNull()
      .references(() => indicatorImports.id, { onDelete: "cascade" }),
    /** The region as the file writes it ("K-3301", "3301", "0") and its label. */
    regionCode: text("region_code").notNull(),
    regionLabel: text("region_label").notNull().default(""),
    /** The municipality the code matched; NULL for the whole country. */
    regionMunicipalityId: uuid("region_municipality_id").references(() => municipalities.id),
    /** The four-digit municipality number, or "0" for the whole country. */
    regionNumber: text("region_number").notNull(),
    /** The period as the file gives it: "2023", "2023K1", "2023M01". */
    period: text("period").notNull(),
    category: text("category").notNull().default(""),
    categoryLabel: text("category_label").notNull().default(""),
    content: text("content").notNull().default(""),
    contentLabel: text("content_label").notNull().default(""),
    value: doublePrecision("value"),
    /** JSON-stat status symbol, e.g. ".." (not available), ":" (confidential), "." (not applicable). */
    status: text("status"),
  },
  (t) => [index("indicator_values_import_idx").on(t.importId)],
);
