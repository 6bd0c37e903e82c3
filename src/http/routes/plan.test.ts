import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../../../test/app.ts";
import {
  createActionPlanVersion,
  createFocusArea,
  createGoal,
  createMeasure,
  createMunicipality,
  createPlan,
  createUser,
  testPassword,
} from "../../../test/factories.ts";
import { actionPlanVersions } from "../../db/schema/index.ts";
import type { PlanTreeResponse } from "./plan.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function planWithOneMeasure(number: string) {
  const { db } = t.database;
  const municipality = await createMunicipality(db, { number, name: `Kommune ${number}` });
  const plan = await createPlan(db, {
    municipalityId: municipality.id,
    title: "Næringsplan",
    published: true,
  });
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
  return { municipality, plan, actionPlan };
}

describe("GET /api/municipalities/:number/plan-tree", () => {
  it("returns goal → focus area → measure with costs summed per year, drafts to those who may read them", async () => {
    const { municipality } = await planWithOneMeasure("9301");
    await createUser(t.database.db, {
      municipalityId: municipality.id,
      role: "viewer",
      email: "leser@9301.no",
    });
    const viewer = await signIn(t.app, "leser@9301.no", testPassword);

    const response = await t.app.inject({
      url: "/api/municipalities/9301/plan-tree",
      headers: viewer.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<PlanTreeResponse>();
    expect(body.municipality).toEqual({ number: "9301", name: "Kommune 9301" });
    expect(body.plan?.title).toBe("Næringsplan");
    expect(body.plan?.allowedActions).toEqual(["read", "read_history"]);
    expect(body.cycle).toMatchObject({ budgetYear: 2027, startYear: 2027, endYear: 2030, phase: "innspill" });
    expect(body.cycle?.actionPlan).toMatchObject({ revision: 0, status: "draft" });
    expect(body.goals[0]?.title).toBe("Næringssentrum");
    expect(body.goals[0]?.focusAreas[0]?.title).toBe("Havnebyen");
    expect(body.goals[0]?.focusAreas[0]?.measures[0]).toMatchObject({
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

  it("shows the public only the published plan and its adopted action plan, never a draft", async () => {
    const { actionPlan } = await planWithOneMeasure("9302");
    const draft = (
      await t.app.inject({ url: "/api/municipalities/9302/plan-tree" })
    ).json<PlanTreeResponse>();
    expect(draft.plan?.title).toBe("Næringsplan");
    expect(draft.plan?.allowedActions).toEqual(["read"]);
    expect(draft.cycle).toBeNull();
    expect(draft.focusAreas.flatMap((f) => f.measures)).toEqual([]);

    await t.database.db
      .update(actionPlanVersions)
      .set({
        status: "adopted",
        adoptedOn: "2026-12-15",
        decisionBody: "Bystyret",
        caseReference: "sak 123/26",
      })
      .where(eq(actionPlanVersions.id, actionPlan.id));
    const adopted = (
      await t.app.inject({ url: "/api/municipalities/9302/plan-tree" })
    ).json<PlanTreeResponse>();
    expect(adopted.cycle?.actionPlan).toMatchObject({ status: "adopted", caseReference: "sak 123/26" });
    expect(adopted.focusAreas.flatMap((f) => f.measures.map((m) => m.reference))).toEqual(["T-014"]);
  });

  it("hides an unpublished plan from the public", async () => {
    const municipality = await createMunicipality(t.database.db, { number: "9303" });
    await createPlan(t.database.db, { municipalityId: municipality.id, title: "Hemmelig utkast" });
    const body = (await t.app.inject({ url: "/api/municipalities/9303/plan-tree" })).json<PlanTreeResponse>();
    expect(body.plan).toBeNull();
    expect(JSON.stringify(body)).not.toContain("Hemmelig");
  });

  it("shows only the asked municipality's plan", async () => {
    const { db } = t.database;
    const a = await createMunicipality(db, { number: "9312", name: "Lier" });
    const b = await createMunicipality(db, { number: "9314", name: "Øvre Eiker" });
    await createPlan(db, { municipalityId: a.id, title: "Liers plan", published: true });
    await createPlan(db, { municipalityId: b.id, title: "Øvre Eikers plan", published: true });
    const body = (await t.app.inject({ url: "/api/municipalities/9312/plan-tree" })).json<PlanTreeResponse>();
    expect(body.plan?.title).toBe("Liers plan");
  });

  it("answers a municipality without a plan with an empty tree", async () => {
    await createMunicipality(t.database.db, { number: "9338", name: "Kongsberg" });
    const body = (await t.app.inject({ url: "/api/municipalities/9338/plan-tree" })).json<PlanTreeResponse>();
    expect(body).toMatchObject({ plan: null, cycle: null, goals: [], focusAreas: [] });
  });

  it("answers an unknown municipality with 404 and a bad number with 400", async () => {
    const missing = await t.app.inject({ url: "/api/municipalities/0999/plan-tree" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: "not_found", message: "Kommunen finnes ikke.", messageKey: "notFound.municipality" },
    });
    const bad = await t.app.inject({ url: "/api/municipalities/drammen/plan-tree" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation");
  });
});

describe("GET /api/municipalities", () => {
  it("lists active municipalities only", async () => {
    const { db } = t.database;
    await createMunicipality(db, { number: "9403", name: "Kongsberg aktiv" });
    await createMunicipality(db, { number: "9405", name: "Ringerike inaktiv", active: false });
    const list = (await t.app.inject({ url: "/api/municipalities" })).json<{ number: string }[]>();
    expect(list.map((m) => m.number)).toContain("9403");
    expect(list.map((m) => m.number)).not.toContain("9405");
  });
});
