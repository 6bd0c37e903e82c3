import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import {
  createActionPlanVersion,
  createFocusArea,
  createGoal,
  createMeasure,
  createMunicipality,
  createPlan,
  createUser,
} from "../../../test/factories.ts";
import { anonymous, type ServiceContext } from "../context.ts";
import { listMeasures } from "../measures/list-measures.ts";
import { createPlan as createPlanService } from "./create-plan.ts";
import { getPlanTree } from "./get-plan-tree.ts";
import { listPlans } from "./list-plans.ts";

let database: TestDatabase;
let ctx: ServiceContext;
let number: string;
let business: { id: string };
let climate: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const municipality = await createMunicipality(database.db);
  number = municipality.number;
  const planner = await createUser(database.db, { municipalityId: municipality.id, role: "planner" });
  ctx = {
    db: database.db,
    actor: {
      kind: "user",
      userId: planner.id,
      email: planner.email,
      name: planner.name,
      isSystemAdmin: false,
      roles: { [municipality.id]: "planner" },
    },
  };
  // Two plans of one municipality, each with its own goal, focus area, cycle and measure.
  for (const [title, startYear, reference, published] of [
    ["Strategisk næringsplan", 2023, "T-001", true],
    ["Klima- og energiplan", 2027, "T-002", false],
  ] as const) {
    const plan = await createPlan(database.db, {
      municipalityId: municipality.id,
      title,
      startYear,
      published,
    });
    const goal = await createGoal(database.db, { plan, title: `Mål i ${title}` });
    const focusArea = await createFocusArea(database.db, {
      plan,
      goalIds: [goal.id],
      title: `Område i ${title}`,
    });
    const actionPlanVersion = await createActionPlanVersion(database.db, { plan, budgetYear: 2027 });
    await createMeasure(database.db, {
      actionPlanVersion,
      focusAreaId: focusArea.id,
      goalIds: [goal.id],
      reference,
      title: `Tiltak i ${title}`,
    });
    if (startYear === 2023) business = plan;
    else climate = plan;
  }
});

afterAll(() => database?.drop());

describe("several plans per municipality", () => {
  it("lists the plans newest first, each with its own goals, measures and years", async () => {
    const { plans, defaultPlanId } = await listPlans({ ctx, input: { municipalityNumber: number } });
    expect(defaultPlanId).toBe(business.id);
    expect(plans.map((p) => [p.title, p.goalCount, p.measureCount, p.budgetYears])).toEqual([
      ["Klima- og energiplan", 1, 1, [2027]],
      ["Strategisk næringsplan", 1, 1, [2027]],
    ]);
  });

  it("shows the plan asked for, with only its own goals and measures; the newest published by default", async () => {
    const chosen = await getPlanTree({ ctx, input: { municipalityNumber: number, planId: business.id } });
    expect(chosen.plan?.title).toBe("Strategisk næringsplan");
    expect(chosen.goals.map((g) => g.title)).toEqual(["Mål i Strategisk næringsplan"]);
    expect(
      chosen.goals.flatMap((g) => g.focusAreas.flatMap((f) => f.measures.map((m) => m.reference))),
    ).toEqual(["T-001"]);
    expect(chosen.plans).toHaveLength(2);
    const byDefault = await getPlanTree({ ctx, input: { municipalityNumber: number } });
    expect(byDefault.plan?.id).toBe(business.id);
    const climateTree = await getPlanTree({ ctx, input: { municipalityNumber: number, planId: climate.id } });
    expect(climateTree.goals.map((g) => g.title)).toEqual(["Mål i Klima- og energiplan"]);
  });

  it("lists the measures of one plan only", async () => {
    const list = await listMeasures({ ctx, input: { municipalityNumber: number, planId: climate.id } });
    expect(list.items.map((m) => m.reference)).toEqual(["T-002"]);
  });

  it("keeps an unpublished plan from the public, and answers 404 when it is asked for", async () => {
    const publicCtx = { db: database.db, actor: anonymous };
    const { plans } = await listPlans({ ctx: publicCtx, input: { municipalityNumber: number } });
    expect(plans.map((p) => p.title)).toEqual(["Strategisk næringsplan"]);
    const tree = await getPlanTree({ ctx: publicCtx, input: { municipalityNumber: number } });
    expect(tree.plan?.title).toBe("Strategisk næringsplan");
    await expect(
      getPlanTree({ ctx: publicCtx, input: { municipalityNumber: number, planId: climate.id } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("creates a further plan with its basis, its first cycle and a draft action plan", async () => {
    const created = await createPlanService({
      ctx,
      input: {
        municipalityNumber: number,
        title: "Handlingsplan for folkehelse",
        basis: "Kommuneplanens samfunnsdel 2024–2036",
        startYear: 2028,
        endYear: 2031,
        firstBudgetYear: 2028,
      },
    });
    expect(created.basis).toBe("Kommuneplanens samfunnsdel 2024–2036");
    const { plans } = await listPlans({ ctx, input: { municipalityNumber: number } });
    expect(plans[0]).toMatchObject({ id: created.id, budgetYears: [2028], goalCount: 0, measureCount: 0 });
  });
});
