import type { Database } from "../src/db/client.ts";
import type { Role } from "../src/db/schema/accounts.ts";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  fundingSources,
  goalFocusAreas,
  goals,
  measureCosts,
  measures,
  measureVersionGoals,
  measureVersions,
  memberships,
  municipalities,
  plans,
  users,
} from "../src/db/schema/index.ts";
import { type ServiceContext, systemActor } from "../src/services/context.ts";
import { hashPassword } from "../src/services/passwords.ts";

/**
 * Factories build exactly the data a test needs and create any missing parent, so no test depends
 * on demo data or on another test.
 */
let counter = 0;
const next = () => ++counter;

function first<T>(rows: T[]): T {
  const row = rows[0];
  if (!row) throw new Error("insert returned no row");
  return row;
}

export type Municipality = typeof municipalities.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type ActionPlanVersion = typeof actionPlanVersions.$inferSelect;

export async function createMunicipality(
  db: Database,
  over: Partial<typeof municipalities.$inferInsert> = {},
) {
  const n = next();
  return first(
    await db
      .insert(municipalities)
      .values({ number: String(9000 + (n % 1000)).padStart(4, "0"), name: `Testkommune ${n}`, ...over })
      .returning(),
  );
}

export async function createPlan(db: Database, over: Partial<typeof plans.$inferInsert> = {}) {
  const municipalityId = over.municipalityId ?? (await createMunicipality(db)).id;
  return first(
    await db
      .insert(plans)
      .values({ title: `Plan ${next()}`, startYear: 2023, endYear: 2027, ...over, municipalityId })
      .returning(),
  );
}

export async function createGoal(
  db: Database,
  over: Partial<typeof goals.$inferInsert> & { plan?: Plan } = {},
) {
  const plan = over.plan ?? (await createPlan(db));
  const n = next();
  return first(
    await db
      .insert(goals)
      .values({
        title: `Mål ${n}`,
        position: n,
        ...over,
        planId: plan.id,
        municipalityId: plan.municipalityId,
      })
      .returning(),
  );
}

export async function createFocusArea(
  db: Database,
  over: Partial<typeof focusAreas.$inferInsert> & { plan?: Plan; goalIds?: string[] } = {},
) {
  const plan = over.plan ?? (await createPlan(db));
  const n = next();
  const focusArea = first(
    await db
      .insert(focusAreas)
      .values({
        title: `Satsingsområde ${n}`,
        position: n,
        ...over,
        planId: plan.id,
        municipalityId: plan.municipalityId,
      })
      .returning(),
  );
  for (const goalId of over.goalIds ?? []) {
    await db
      .insert(goalFocusAreas)
      .values({ municipalityId: plan.municipalityId, goalId, focusAreaId: focusArea.id });
  }
  return focusArea;
}

export async function createActionPlanVersion(db: Database, over: { plan?: Plan; budgetYear?: number } = {}) {
  const plan = over.plan ?? (await createPlan(db));
  const cycle = first(
    await db
      .insert(cycles)
      .values({ municipalityId: plan.municipalityId, planId: plan.id, budgetYear: over.budgetYear ?? 2027 })
      .returning(),
  );
  return first(
    await db
      .insert(actionPlanVersions)
      .values({ municipalityId: plan.municipalityId, cycleId: cycle.id })
      .returning(),
  );
}

export async function createFundingSource(
  db: Database,
  over: { municipalityId: string; kind?: "municipal" | "external" },
) {
  return first(
    await db
      .insert(fundingSources)
      .values({
        municipalityId: over.municipalityId,
        name: `Kilde ${next()}`,
        kind: over.kind ?? "municipal",
      })
      .returning(),
  );
}

export async function createMeasure(
  db: Database,
  over: {
    actionPlanVersion: ActionPlanVersion;
    focusAreaId: string;
    goalIds?: string[];
    reference?: string;
    title?: string;
    isExample?: boolean;
    costs?: { year: number; amountNok: number; kind?: "municipal" | "external" }[];
  },
) {
  const municipalityId = over.actionPlanVersion.municipalityId;
  const n = next();
  const measure = first(
    await db
      .insert(measures)
      .values({ municipalityId, reference: over.reference ?? `T-${n}`, isExample: over.isExample ?? false })
      .returning(),
  );
  const version = first(
    await db
      .insert(measureVersions)
      .values({
        municipalityId,
        measureId: measure.id,
        actionPlanVersionId: over.actionPlanVersion.id,
        focusAreaId: over.focusAreaId,
        title: over.title ?? `Tiltak ${n}`,
        startYear: 2027,
        endYear: 2030,
      })
      .returning(),
  );
  for (const goalId of over.goalIds ?? []) {
    await db.insert(measureVersionGoals).values({ municipalityId, measureVersionId: version.id, goalId });
  }
  const sources = new Map<string, string>();
  for (const cost of over.costs ?? []) {
    const kind = cost.kind ?? "municipal";
    let sourceId = sources.get(kind);
    if (!sourceId) {
      sourceId = (await createFundingSource(db, { municipalityId, kind })).id;
      sources.set(kind, sourceId);
    }
    await db.insert(measureCosts).values({
      municipalityId,
      measureVersionId: version.id,
      year: cost.year,
      fundingSourceId: sourceId,
      amountNok: cost.amountNok,
    });
  }
  return { measure, version };
}

export const systemContext = (db: Database): ServiceContext => ({ db, actor: systemActor("test") });

export const testPassword = "et-testpassord-som-er-langt";
let cachedHash: Promise<string> | undefined;

/** A user with a role in a municipality (or none); all share one password, hashed once per file. */
export async function createUser(
  db: Database,
  over: {
    municipalityId?: string;
    role?: Role;
    email?: string;
    isSystemAdmin?: boolean;
    isDemo?: boolean;
  } = {},
) {
  cachedHash ??= hashPassword(testPassword);
  const n = next();
  const user = first(
    await db
      .insert(users)
      .values({
        email: over.email ?? `person${n}-${Math.random().toString(36).slice(2, 8)}@test.no`,
        name: `Person ${n}`,
        passwordHash: await cachedHash,
        isSystemAdmin: over.isSystemAdmin ?? false,
        isDemo: over.isDemo ?? false,
      })
      .returning(),
  );
  if (over.role) {
    const municipalityId = over.municipalityId ?? (await createMunicipality(db)).id;
    await db.insert(memberships).values({ municipalityId, userId: user.id, role: over.role });
  }
  return user;
}

/** A region grouping these municipalities (issue 12). */
export async function createRegion(db: Database, over: { municipalityIds: string[]; name?: string }) {
  const { regionMunicipalities, regions } = await import("../src/db/schema/index.ts");
  const n = next();
  const region = first(
    await db
      .insert(regions)
      .values({
        slug: `region-${n}-${Math.random().toString(36).slice(2, 6)}`,
        name: over.name ?? `Region ${n}`,
      })
      .returning(),
  );
  if (over.municipalityIds.length > 0)
    await db
      .insert(regionMunicipalities)
      .values(over.municipalityIds.map((municipalityId) => ({ regionId: region.id, municipalityId })));
  return region;
}

/** Appoints a regional coordinator (issue 12). */
export async function appointRegionCoordinator(db: Database, over: { regionId: string; userId: string }) {
  const { regionCoordinators } = await import("../src/db/schema/index.ts");
  await db.insert(regionCoordinators).values(over);
}
