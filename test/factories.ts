import { eq } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  fundingSources,
  goalFocusAreas,
  goals,
  indicators,
  measureCosts,
  measures,
  measureVersionGoals,
  measureVersions,
  memberships,
  municipalities,
  partnerOrganisations,
  plans,
  users,
} from "../src/db/schema/index.ts";
import type { Role } from "../src/domain/permissions.ts";
import { hashPassword } from "../src/services/accounts/passwords.ts";
import { type ServiceContext, systemActor } from "../src/services/context.ts";

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

export async function createOrganisation(
  db: Database,
  over: { municipalityId: string; kind?: "business" | "academia" | "public" | "voluntary"; name?: string },
) {
  return first(
    await db
      .insert(partnerOrganisations)
      .values({
        municipalityId: over.municipalityId,
        name: over.name ?? `Partner ${next()} AS`,
        kind: over.kind ?? "business",
      })
      .returning(),
  );
}

/** A person with the partner role who speaks for an organisation. */
export async function createPartnerUser(
  db: Database,
  over: { municipalityId: string; organisationId: string },
) {
  const user = await createUser(db);
  await db.insert(memberships).values({
    municipalityId: over.municipalityId,
    userId: user.id,
    role: "partner",
    organisationId: over.organisationId,
  });
  return user;
}

/**
 * Status reporting: a municipality with a plan, two focus areas, an adopted action plan
 * for `budgetYear`, a municipal funding source on a frame area and an external one, a planner, two
 * measure owners owning one measure each (the second has a milestone), and a third measure without
 * owner; costs in the budget year. The cycle's reporting periods are not created.
 */
export async function createStatusReportingSetup(db: Database, over: { budgetYear?: number } = {}) {
  const { frameAreas, milestones } = await import("../src/db/schema/index.ts");
  const budgetYear = over.budgetYear ?? 2026;
  const municipality = await createMunicipality(db);
  const plan = await createPlan(db, { municipalityId: municipality.id, published: true });
  const harbour = await createFocusArea(db, { plan, title: "Havnebyen" });
  const knowledge = await createFocusArea(db, { plan, title: "Kunnskapsbyen" });
  const actionPlanVersion = await createActionPlanVersion(db, { plan, budgetYear });
  await db
    .update(actionPlanVersions)
    .set({ status: "adopted", adoptedOn: `${budgetYear - 1}-12-16`, frozenAt: new Date() })
    .where(eq(actionPlanVersions.id, actionPlanVersion.id));
  const area = first(
    await db
      .insert(frameAreas)
      .values({ municipalityId: municipality.id, name: `Næringsutvikling – drift ${next()}` })
      .returning(),
  );
  const municipal = first(
    await db
      .insert(fundingSources)
      .values({
        municipalityId: municipality.id,
        name: `Kommunal ${next()}`,
        kind: "municipal",
        frameAreaId: area.id,
      })
      .returning(),
  );
  const external = await createFundingSource(db, { municipalityId: municipality.id, kind: "external" });
  const planner = await createUser(db, { municipalityId: municipality.id, role: "planner" });
  const ownerA = await createUser(db, { municipalityId: municipality.id, role: "measure_owner" });
  const ownerB = await createUser(db, { municipalityId: municipality.id, role: "measure_owner" });
  const make = async (reference: string, title: string, focusAreaId: string, ownerUserId: string | null) => {
    const { measure, version } = await createMeasure(db, {
      actionPlanVersion,
      focusAreaId,
      reference,
      title,
    });
    await db.update(measureVersions).set({ ownerUserId }).where(eq(measureVersions.id, version.id));
    await db.insert(measureCosts).values([
      {
        municipalityId: municipality.id,
        measureVersionId: version.id,
        year: budgetYear,
        fundingSourceId: municipal.id,
        amountNok: 400_000,
      },
      {
        municipalityId: municipality.id,
        measureVersionId: version.id,
        year: budgetYear,
        fundingSourceId: external.id,
        amountNok: 100_000,
        externalStatus: "granted",
      },
    ]);
    return measure;
  };
  const landPower = await make("T-001", "Landstrøm i havna", harbour.id, ownerA.id);
  const campus = await make("T-002", "Campus Kongsberg – næringsklynge", knowledge.id, ownerB.id);
  const festival = await make("T-003", "Havnefestival", harbour.id, null);
  const milestone = first(
    await db
      .insert(milestones)
      .values({
        municipalityId: municipality.id,
        measureId: campus.id,
        dueDate: `${budgetYear}-03-31`,
        title: "Avtale med USN signert",
      })
      .returning(),
  );
  const [cycle] = await db.select().from(cycles).where(eq(cycles.id, actionPlanVersion.cycleId));
  if (!cycle) throw new Error("no cycle");
  return {
    municipality,
    plan,
    cycle,
    focusAreas: { harbour, knowledge },
    actionPlanVersion,
    fundingSources: { municipal, external },
    frameArea: area,
    users: { planner, ownerA, ownerB },
    measures: { landPower, campus, festival },
    milestone,
  };
}

/** An indicator of a municipality's knowledge base (creates the municipality when not given). */
export async function createIndicator(db: Database, over: Partial<typeof indicators.$inferInsert> = {}) {
  const municipalityId = over.municipalityId ?? (await createMunicipality(db)).id;
  return first(
    await db
      .insert(indicators)
      .values({ name: `Indikator ${next()}`, ...over, municipalityId })
      .returning(),
  );
}

/**
 * A plan with what its documents show: two focus areas, a frame area with adopted frames,
 * a municipal and an external funding source, two partners, last year's adopted action plan and this
 * year's draft (budget year 2027) with `measureCount` measures carried over or new, costs every year
 * and partners. References T-001 … ; T-001 is left out of this year, so the comparison has a removal.
 */
export async function createDocumentPlan(
  db: Database,
  over: { municipalityId: string; measureCount?: number },
) {
  const { budgetFrames, frameAreas, measureVersionPartners, partnerOrganisations } = await import(
    "../src/db/schema/index.ts"
  );
  const { eq } = await import("drizzle-orm");
  const municipalityId = over.municipalityId;
  const plan = await createPlan(db, {
    municipalityId,
    title: "Strategisk næringsplan 2023–2027",
    published: true,
  });
  const areas = [
    await createFocusArea(db, { plan, title: "Grønn vekst i Drammen", position: 1 }),
    await createFocusArea(db, { plan, title: "Kompetansebyen Drammen", position: 2 }),
  ];
  const frameArea = first(
    await db.insert(frameAreas).values({ municipalityId, name: "Næringsutvikling – drift" }).returning(),
  );
  const municipal = first(
    await db
      .insert(fundingSources)
      .values({ municipalityId, name: "Næringsfond", kind: "municipal", frameAreaId: frameArea.id })
      .returning(),
  );
  const external = first(
    await db
      .insert(fundingSources)
      .values({ municipalityId, name: "Viken fylkeskommune", kind: "external" })
      .returning(),
  );
  const partners = [
    first(
      await db
        .insert(partnerOrganisations)
        .values({ municipalityId, name: "Næringsforeningen i Drammensregionen", kind: "business" })
        .returning(),
    ),
    first(
      await db
        .insert(partnerOrganisations)
        .values({ municipalityId, name: "Universitetet i Sørøst-Norge", kind: "academia" })
        .returning(),
    ),
  ];
  const previous = await createActionPlanVersion(db, { plan, budgetYear: 2026 });
  await db
    .update(actionPlanVersions)
    .set({
      status: "adopted",
      adoptedOn: "2025-12-11",
      decisionBody: "Bystyret",
      caseReference: "2025/123",
      frozenAt: new Date(),
    })
    .where(eq(actionPlanVersions.id, previous.id));
  const draft = await createActionPlanVersion(db, { plan, budgetYear: 2027 });
  for (const year of [2027, 2028, 2029, 2030])
    await db.insert(budgetFrames).values({
      municipalityId,
      cycleId: draft.cycleId,
      frameAreaId: frameArea.id,
      year,
      amountNok: 50_000_000,
      status: "adopted",
    });
  const count = over.measureCount ?? 6;
  const created: { reference: string; title: string; municipalByYear: number[] }[] = [];
  for (let i = 1; i <= count + 1; i++) {
    const reference = `T-${String(i).padStart(3, "0")}`;
    const title =
      i % 3 === 0 ? `Grønt næringsareal på Holmen, fase ${i}` : `Kompetanseløft for små bedrifter ${i}`;
    const measure = first(await db.insert(measures).values({ municipalityId, reference }).returning());
    const versionIn = async (apv: ActionPlanVersion, t: string) =>
      first(
        await db
          .insert(measureVersions)
          .values({
            municipalityId,
            measureId: measure.id,
            actionPlanVersionId: apv.id,
            focusAreaId: (areas[i % 2] ?? areas[0])?.id ?? "",
            title: t,
            responsibleUnit: "Næring og byutvikling",
            contactPerson: "Kari Nordmann",
            startYear: 2026,
            endYear: 2030,
          })
          .returning(),
      );
    // T-1 only last year; the others in both, T-2 with a new title this year; the last one new.
    if (i <= count) await versionIn(previous, i === 2 ? `${title} (tidligere navn)` : title);
    if (i === 1) continue;
    const version = await versionIn(draft, title);
    const amounts = [0, 1, 2, 3].map((k) => 100_000 * i + 10_000 * k);
    for (const [k, year] of [2027, 2028, 2029, 2030].entries())
      await db.insert(measureCosts).values({
        municipalityId,
        measureVersionId: version.id,
        year,
        fundingSourceId: municipal.id,
        amountNok: amounts[k] ?? 0,
      });
    await db.insert(measureCosts).values({
      municipalityId,
      measureVersionId: version.id,
      year: 2027,
      fundingSourceId: external.id,
      amountNok: 50_000,
      externalStatus: "granted",
    });
    await db.insert(measureVersionPartners).values({
      municipalityId,
      measureVersionId: version.id,
      organisationId: (partners[i % 2] ?? partners[0])?.id ?? "",
      role: "lead",
    });
    created.push({ reference, title, municipalByYear: amounts });
  }
  return { plan, areas, frameArea, municipal, external, partners, previous, draft, measures: created };
}

/** Marks an action plan version adopted (frozen), as the council's decision does. */
export async function adoptActionPlanVersionForTest(
  db: Database,
  version: ActionPlanVersion,
  over: { adoptedOn?: string; caseReference?: string } = {},
) {
  const { eq } = await import("drizzle-orm");
  return first(
    await db
      .update(actionPlanVersions)
      .set({
        status: "adopted",
        adoptedOn: over.adoptedOn ?? "2026-12-10",
        decisionBody: "bystyret",
        caseReference: over.caseReference ?? "26/123",
        frozenAt: new Date(),
      })
      .where(eq(actionPlanVersions.id, version.id))
      .returning(),
  );
}

/**
 * A published plan with a goal, a focus area and an adopted action plan for `budgetYear` holding one
 * measure, and a draft for the next year with a measure of its own: what the public pages show.
 */
export async function createPublishedPlan(
  db: Database,
  over: { municipalityId?: string; budgetYear?: number } = {},
) {
  const municipalityId = over.municipalityId ?? (await createMunicipality(db)).id;
  const budgetYear = over.budgetYear ?? 2026;
  const plan = await createPlan(db, { municipalityId, published: true, title: "Næringsplan for Testby" });
  const goal = await createGoal(db, { plan, title: "Flere arbeidsplasser i regionen" });
  const focusArea = await createFocusArea(db, {
    plan,
    title: "Grønn næring",
    description: "Grønn omstilling i næringslivet.",
    goalIds: [goal.id],
  });
  const adoptedVersion = await createActionPlanVersion(db, { plan, budgetYear });
  const adopted = await createMeasure(db, {
    actionPlanVersion: adoptedVersion,
    focusAreaId: focusArea.id,
    goalIds: [goal.id],
    title: "Solceller på næringsbygg",
    costs: [
      { year: budgetYear, amountNok: 1_250_000 },
      { year: budgetYear + 1, amountNok: 500_000, kind: "external" },
    ],
  });
  const adoptedPlan = await adoptActionPlanVersionForTest(db, adoptedVersion);
  const draftVersion = await createActionPlanVersion(db, { plan, budgetYear: budgetYear + 1 });
  const draft = await createMeasure(db, {
    actionPlanVersion: draftVersion,
    focusAreaId: focusArea.id,
    title: "Hemmelig utkast til tiltak",
  });
  return { plan, goal, focusArea, adoptedPlan, adopted, draftVersion, draft };
}

/** A person with the partner role who speaks for a new organisation of the given kind. */
export async function createPartnerOfKind(
  db: Database,
  over: { municipalityId: string; kind?: "business" | "academia" | "public" | "voluntary" },
) {
  const organisation = await createOrganisation(db, over);
  const user = await createPartnerUser(db, {
    municipalityId: over.municipalityId,
    organisationId: organisation.id,
  });
  return { user, organisation };
}

/**
 * A municipality with a draft cycle of two measures (one owned by a measure owner), a planner, and
 * panel candidates: a business partner, an academia partner, and an outsider partner.
 */
export async function createEvaluationSetting(db: Database) {
  const { eq } = await import("drizzle-orm");
  const municipality = await createMunicipality(db);
  const plan = await createPlan(db, { municipalityId: municipality.id });
  const actionPlanVersion = await createActionPlanVersion(db, { plan });
  const focusArea = await createFocusArea(db, { plan });
  const owner = await createUser(db, { municipalityId: municipality.id, role: "measure_owner" });
  const cluster = await createMeasure(db, {
    actionPlanVersion,
    focusAreaId: focusArea.id,
    title: "Næringsklynge",
  });
  const harbour = await createMeasure(db, {
    actionPlanVersion,
    focusAreaId: focusArea.id,
    title: "Havnepromenade",
  });
  await db
    .update(measureVersions)
    .set({ ownerUserId: owner.id })
    .where(eq(measureVersions.id, cluster.version.id));
  const planner = await createUser(db, { municipalityId: municipality.id, role: "planner" });
  const business = await createPartnerOfKind(db, { municipalityId: municipality.id, kind: "business" });
  const academia = await createPartnerOfKind(db, { municipalityId: municipality.id, kind: "academia" });
  const outsider = await createPartnerOfKind(db, { municipalityId: municipality.id, kind: "business" });
  return {
    municipality,
    plan,
    actionPlanVersion,
    cycleId: actionPlanVersion.cycleId,
    measures: [cluster, harbour],
    owner,
    planner,
    business,
    academia,
    outsider,
  };
}

/** A region grouping these municipalities. */
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

/** Appoints a regional coordinator. */
export async function appointRegionCoordinator(db: Database, over: { regionId: string; userId: string }) {
  const { regionCoordinators } = await import("../src/db/schema/index.ts");
  await db.insert(regionCoordinators).values(over);
}
