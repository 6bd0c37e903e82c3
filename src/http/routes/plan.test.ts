import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.ts";
import {
  createActionPlanVersion,
  createFocusArea,
  createGoal,
  createMeasure,
  createMunicipality,
  createPlan,
} from "../../../test/factories.ts";
import type { PlanTreeResponse } from "./plan.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("GET /api/municipalities/:number/plan-tree", () => {
  it("returns goal → focus area → measure with costs summed per year", async () => {
    const { db } = t.database;
    const municipality = await createMunicipality(db, { number: "3301", name: "Drammen" });
    const plan = await createPlan(db, { municipalityId: municipality.id, title: "Næringsplan" });
    const goal = await createGoal(db, { plan, title: "Næringssentrum" });
    const focusArea = await createFocusArea(db, { plan, title: "Havnebyen", goalIds: [goal.id] });
    const actionPlan = await createActionPlanVersion(db, { plan, budgetYear: 2027 });
    await createMeasure(db, {
      actionPlanVersion: actionPlan,
      focusAreaId: focusArea.id,
      goalIds: [goal.id],
      reference: "T-014",
      title: "Landstrøm",
      costs: [
        { year: 2027, amountNok: 1_250_000 },
        { year: 2028, amountNok: 500_000 },
        { year: 2027, amountNok: 300_000, kind: "external" },
      ],
    });

    const response = await t.app.inject({ url: "/api/municipalities/3301/plan-tree" });
    expect(response.statusCode).toBe(200);
    const body = response.json<PlanTreeResponse>();
    expect(body.municipality).toEqual({ number: "3301", name: "Drammen" });
    expect(body.plan?.title).toBe("Næringsplan");
    expect(body.cycle).toMatchObject({ budgetYear: 2027, startYear: 2027, endYear: 2030, phase: "innspill" });
    expect(body.cycle?.actionPlan).toEqual({ revision: 0, status: "draft" });
    const measure = body.goals[0]?.focusAreas[0]?.measures[0];
    expect(body.goals[0]?.title).toBe("Næringssentrum");
    expect(body.goals[0]?.focusAreas[0]?.title).toBe("Havnebyen");
    expect(measure).toMatchObject({
      reference: "T-014",
      title: "Landstrøm",
      totalMunicipalNok: 1_750_000,
      totalExternalNok: 300_000,
      costByYear: [
        { year: 2027, municipalNok: 1_250_000, externalNok: 300_000 },
        { year: 2028, municipalNok: 500_000, externalNok: 0 },
      ],
    });
  });

  it("shows only the asked municipality's plan", async () => {
    const { db } = t.database;
    const a = await createMunicipality(db, { number: "3312", name: "Lier" });
    const b = await createMunicipality(db, { number: "3314", name: "Øvre Eiker" });
    await createPlan(db, { municipalityId: a.id, title: "Liers plan" });
    await createPlan(db, { municipalityId: b.id, title: "Øvre Eikers plan" });
    const body = (await t.app.inject({ url: "/api/municipalities/3312/plan-tree" })).json<PlanTreeResponse>();
    expect(body.plan?.title).toBe("Liers plan");
  });

  it("answers a municipality without a plan with an empty tree", async () => {
    await createMunicipality(t.database.db, { number: "3338", name: "Kongsberg" });
    const body = (await t.app.inject({ url: "/api/municipalities/3338/plan-tree" })).json<PlanTreeResponse>();
    expect(body).toMatchObject({ plan: null, cycle: null, goals: [], focusAreas: [] });
  });

  it("answers an unknown municipality with 404 and a bad number with 400", async () => {
    const missing = await t.app.inject({ url: "/api/municipalities/0999/plan-tree" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: "not_found", message: "Kommunen finnes ikke." } });
    const bad = await t.app.inject({ url: "/api/municipalities/drammen/plan-tree" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation");
  });
});

describe("GET /api/municipalities", () => {
  it("lists active municipalities only", async () => {
    const { db } = t.database;
    await createMunicipality(db, { number: "3303", name: "Kongsberg aktiv" });
    await createMunicipality(db, { number: "3305", name: "Ringerike inaktiv", active: false });
    const list = (await t.app.inject({ url: "/api/municipalities" })).json<{ number: string }[]>();
    expect(list.map((m) => m.number)).toContain("3303");
    expect(list.map((m) => m.number)).not.toContain("3305");
  });
});
