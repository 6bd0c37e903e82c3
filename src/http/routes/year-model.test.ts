import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedInPlanner } from "../../../test/app.ts";
import { cycles, measureCosts, measureVersions } from "../../db/schema/index.ts";
import type { CycleResponse } from "./cycles.ts";

// The year model (ADR 0009): after rolling, the adopted plan stays what the views show by default,
// and every view answers for the year named in the address.

let clock = "2026-12-20";
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ today: () => clock });
});
afterAll(() => t.close());

/** A published plan with no goals, one focus area, three measures with costs; 2027 adopted. */
async function adoptedPlan() {
  const { db } = t.database;
  const { municipality, session, base, send } = await signedInPlanner(t.app, db);
  const plan = (
    await send("POST", "/plans", {
      title: "Næringsplan",
      startYear: 2023,
      endYear: 2030,
      firstBudgetYear: 2027,
    })
  ).json();
  await send("PATCH", `/plans/${plan.id}`, { version: 1, published: true });
  const focusArea = (await send("POST", `/plans/${plan.id}/focus-areas`, { title: "Havnebyen" })).json();
  for (const [title, endYear] of [
    ["Landstrøm", 2030],
    ["Kartlegging", 2027],
    ["Havnefest", 2029],
  ] as const) {
    const made = await send("POST", `/plans/${plan.id}/measures`, {
      title,
      focusAreaId: focusArea.id,
      startYear: 2027,
      endYear,
    });
    expect(made.statusCode, made.body).toBe(201);
  }
  const area = (await send("POST", "/frame-areas", { name: "Næringsutvikling – drift" })).json();
  const setup = (await t.app.inject({ url: `${base}/budget-setup`, headers: session.headers })).json();
  const source = setup.fundingSources.find((x: { frameAreaId: string | null }) => x.frameAreaId === area.id);
  const versions = await db
    .select()
    .from(measureVersions)
    .where(eq(measureVersions.municipalityId, municipality.id));
  await db.insert(measureCosts).values(
    versions.flatMap((v) =>
      [2027, 2028, 2029, 2030].map((year) => ({
        municipalityId: municipality.id,
        measureVersionId: v.id,
        year,
        fundingSourceId: source.id,
        amountNok: 100_000,
      })),
    ),
  );
  const [firstCycle] = await db.select().from(cycles).where(eq(cycles.municipalityId, municipality.id));
  for (const year of [2027, 2028, 2029, 2030]) {
    const frame = await send("PUT", `/cycles/${firstCycle?.id}/frames`, {
      frameAreaId: area.id,
      year,
      amountNok: 1_000_000,
      status: "adopted",
      decisionDate: "2026-06-18",
      caseReference: "sak 68/26",
      version: 0,
    });
    expect(frame.statusCode, frame.body).toBe(200);
  }
  const cyclesOf = async () =>
    (await t.app.inject({ url: `${base}/plans/${plan.id}/cycles`, headers: session.headers })).json<
      CycleResponse[]
    >();
  let [cycle] = await cyclesOf();
  for (const to of ["utarbeidelse", "rammesak", "tilpasning", "vedtak"]) {
    const moved = await send("POST", `/cycles/${cycle?.id}/advance`, { version: cycle?.version, to });
    expect(moved.statusCode, moved.body).toBe(200);
    [cycle] = await cyclesOf();
  }
  const adopted = await send("POST", `/cycles/${cycle?.id}/adopt`, {
    adoptedOn: "2026-12-15",
    decisionBody: "Bystyret",
    caseReference: "sak 123/26",
  });
  expect(adopted.statusCode, adopted.body).toBe(200);
  const get = (url: string, signedIn = true) =>
    t.app.inject({ url: `${base}${url}`, headers: signedIn ? session.headers : {} });
  return { base, send, get, plan, focusArea, cycleId: cycle?.id as string, cyclesOf };
}

/** The answer without the year choice, to compare with an answer from before the roll. */
const withoutChoice = ({ yearChoice: _y, ...rest }: { yearChoice: unknown }) => rest;

describe("the year model", () => {
  it("after rolling, the plan tree, the measures and a measure answer for 2027 as before the roll", async () => {
    clock = "2026-12-20";
    const f = await adoptedPlan();
    const views = ["/plan-tree", `/plans/${f.plan.id}/measures`, "/measures/T-001", "/measures/T-002"];
    const before = await Promise.all(views.map(async (url) => (await f.get(url)).json()));
    const anonymousBefore = (await f.get("/plan-tree", false)).json();
    expect(before[0].yearChoice.shown).toMatchObject({
      budgetYear: 2027,
      status: "adopted",
      role: "execution",
      chosenBy: "default",
      adoptedOn: "2026-12-15",
      caseReference: "sak 123/26",
    });

    const rolled = await f.send("POST", `/cycles/${f.cycleId}/roll`);
    expect(rolled.statusCode, rolled.body).toBe(201);

    for (const [i, url] of views.entries()) {
      const byAddress = (await f.get(`${url}${url.includes("?") ? "&" : "?"}year=2027`)).json();
      expect(withoutChoice(byAddress), url).toEqual(withoutChoice(before[i]));
      expect(byAddress.yearChoice.shown).toMatchObject({
        budgetYear: 2027,
        role: "execution",
        chosenBy: "address",
      });
      // The default is the plan in execution, not the newest draft.
      const byDefault = (await f.get(url)).json();
      expect(withoutChoice(byDefault), url).toEqual(withoutChoice(before[i]));
      expect(byDefault.yearChoice.shown).toMatchObject({
        budgetYear: 2027,
        role: "execution",
        chosenBy: "default",
      });
    }
    expect((await f.get("/plan-tree", false)).json()).toEqual(anonymousBefore);

    // Planners see both plans and may open the draft.
    const draft = (await f.get("/plan-tree?year=2028")).json();
    expect(draft.cycle).toMatchObject({ budgetYear: 2028, actionPlan: { status: "draft" } });
    expect(draft.yearChoice.alive).toEqual([
      { budgetYear: 2028, role: "preparation", status: "draft", adoptedOn: null, phase: "innspill" },
      { budgetYear: 2027, role: "execution", status: "adopted", adoptedOn: "2026-12-15", phase: "vedtak" },
    ]);
    const draftMeasures = (await f.get(`/plans/${f.plan.id}/measures?year=2028`)).json();
    expect(draftMeasures.actionPlan).toMatchObject({ budgetYear: 2028, status: "draft" });
    expect(draftMeasures.items.map((m: { reference: string }) => m.reference)).toEqual(["T-001", "T-003"]);
    const draftMeasure = (await f.get("/measures/T-001?year=2028")).json();
    expect(draftMeasure.actionPlan).toMatchObject({ budgetYear: 2028, status: "draft" });
    expect(draftMeasure.costByYear.map((c: { year: number }) => c.year)).toEqual([2028, 2029, 2030]);
    expect(draftMeasure.yearChoice.alive.map((a: { budgetYear: number }) => a.budgetYear)).toEqual([
      2028, 2027,
    ]);
    // A measure that ended in 2027 is not in the 2028 draft; its page offers only 2027.
    const ended = await f.get("/measures/T-002?year=2028");
    expect(ended.statusCode).toBe(404);
    expect(ended.json().error.message).toMatch(/ikke med i handlingsplan 2028/);
    expect((await f.get("/measures/T-002")).json().yearChoice.alive).toHaveLength(1);

    // Anonymous visitors read only the adopted plan; the draft's year does not exist for them.
    const anonymous = (await f.get("/plan-tree", false)).json();
    expect(anonymous.yearChoice.alive.map((a: { budgetYear: number }) => a.budgetYear)).toEqual([2027]);
    expect((await f.get("/plan-tree?year=2028", false)).statusCode).toBe(404);
    expect((await f.get("/plan-tree?year=2031")).json().error.message).toMatch(
      /Handlingsplan 2031 finnes ikke/,
    );

    // The cycles list says each cycle's role and the day it is computed for.
    const list = await f.cyclesOf();
    expect(list.map((c) => [c.budgetYear, c.role, c.today])).toEqual([
      [2028, "preparation", "2026-12-20"],
      [2027, "execution", "2026-12-20"],
    ]);
  });

  it("edits the draft named by the address; the adopted plan is refused", async () => {
    clock = "2026-12-20";
    const f = await adoptedPlan();
    await f.send("POST", `/cycles/${f.cycleId}/roll`);
    const content = {
      title: "Landstrøm og lading",
      focusAreaId: f.focusArea.id,
      startYear: 2027,
      endYear: 2031,
    };
    const adopted = await f.send("PUT", "/measures/T-001?year=2027", { ...content, version: 1 });
    expect(adopted.statusCode).toBe(409);
    const edited = await f.send("PUT", "/measures/T-001?year=2028", { ...content, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await f.get("/measures/T-001?year=2028")).json().title).toBe("Landstrøm og lading");
    expect((await f.get("/measures/T-001")).json().title).toBe("Landstrøm");
    const financing = await f.send("PUT", "/measures/T-001/financing?year=2027", { rows: [] });
    expect(financing.statusCode).toBe(409);
  });

  it("when 2027 begins, the 2027 plan is in execution by its own year", async () => {
    clock = "2027-01-05";
    const f = await adoptedPlan();
    await f.send("POST", `/cycles/${f.cycleId}/roll`);
    expect((await f.get("/plan-tree")).json().yearChoice.shown).toMatchObject({
      budgetYear: 2027,
      role: "execution",
    });
  });

  it("a plan without goals shows its measures under «Uten samfunnsmål»", async () => {
    clock = "2026-12-20";
    const f = await adoptedPlan();
    const tree = (await f.get("/plan-tree", false)).json();
    expect(tree.goals).toEqual([]);
    expect(tree.withoutGoal.measures.map((m: { reference: string }) => m.reference)).toEqual([
      "T-001",
      "T-002",
      "T-003",
    ]);
    expect(tree.withoutGoal.rollUp.counted).toBe(3);
  });
});
