import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedInPlanner } from "../../../test/app.ts";
import { auditEvents, measures } from "../../db/schema/index.ts";
import { MAX_AMOUNT_NOK } from "../../domain/money.ts";
import type { BudgetSetupResponse } from "./budget.ts";
import type { MeasureDetailResponse } from "./measures.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A 2027 draft with a frame area (its municipal source) and an external source. */
async function draftWithSources() {
  const planner = await signedInPlanner(t.app, t.database.db);
  const { send } = planner;
  const plan = (
    await send("POST", "/plans", {
      title: "Næringsplan",
      startYear: 2023,
      endYear: 2030,
      firstBudgetYear: 2027,
    })
  ).json();
  const focusArea = (await send("POST", `/plans/${plan.id}/focus-areas`, { title: "Grønn vekst" })).json();
  const area = (await send("POST", "/frame-areas", { name: "Næringsutvikling – drift" })).json();
  const external = (
    await send("POST", "/funding-sources", { name: "Innovasjon Norge", kind: "external" })
  ).json();
  const setup = (await send("GET", "/budget-setup")).json() as BudgetSetupResponse;
  const municipalId = setup.fundingSources.find((s) => s.frameAreaId === area.id)?.id as string;
  return { ...planner, plan, focusArea, municipalId, externalId: external.id as string };
}

describe("a measure with its costs in one request", () => {
  it("creates the measure and its costs together, and edits both with one PUT", async () => {
    const f = await draftWithSources();
    const created = await f.send("POST", `/plans/${f.plan.id}/measures`, {
      title: "Landstrøm i havna",
      focusAreaId: f.focusArea.id,
      startYear: 2027,
      endYear: 2030,
      costs: [
        { year: 2027, fundingSourceId: f.municipalId, amountNok: 200_000 },
        { year: 2028, fundingSourceId: f.externalId, amountNok: 1_500_000, externalStatus: "applied" },
        { year: 2029, fundingSourceId: f.municipalId, amountNok: 0 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { reference } = created.json();
    const read = async () =>
      (await f.send("GET", `/measures/${reference}?year=2027`)).json() as MeasureDetailResponse;
    const measure = await read();
    expect(measure.costs.map((c) => [c.year, c.kind, c.amountNok, c.externalStatus]).sort()).toEqual([
      [2027, "municipal", 200_000, null],
      [2028, "external", 1_500_000, "applied"],
    ]);
    expect(measure.costByYear.find((c) => c.year === 2027)?.municipalNok).toBe(200_000);

    // Content and costs in one PUT; the measure's history has both.
    const updated = await f.send("PUT", `/measures/${reference}?year=2027`, {
      title: "Landstrøm i havna",
      focusAreaId: f.focusArea.id,
      startYear: 2027,
      endYear: 2030,
      version: measure.contentVersion,
      costs: [{ year: 2027, fundingSourceId: f.municipalId, amountNok: 250_000 }],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await read()).costs.map((c) => c.amountNok)).toEqual([250_000]);
    const [row] = await t.database.db
      .select({ id: measures.id })
      .from(measures)
      .where(and(eq(measures.municipalityId, f.municipality.id), eq(measures.reference, reference)));
    const actions = (
      await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.objectId, row?.id as string))
    ).map((e) => e.action);
    expect(actions.filter((a) => a === "set_financing")).toHaveLength(2);
    expect(actions).toContain("create");

    // A PUT without `costs` leaves them as they are.
    const titleOnly = await f.send("PUT", `/measures/${reference}?year=2027`, {
      title: "Landstrøm ved kai",
      focusAreaId: f.focusArea.id,
      startYear: 2027,
      endYear: 2030,
      version: (await read()).contentVersion,
    });
    expect(titleOnly.statusCode, titleOnly.body).toBe(200);
    expect((await read()).costs.map((c) => c.amountNok)).toEqual([250_000]);
  });

  it("refuses a bad cost on its field and writes nothing, not even the measure", async () => {
    const f = await draftWithSources();
    const refused = await f.send("POST", `/plans/${f.plan.id}/measures`, {
      title: "For dyrt",
      focusAreaId: f.focusArea.id,
      startYear: 2027,
      endYear: 2030,
      costs: [
        { year: 2027, fundingSourceId: f.municipalId, amountNok: 1000 },
        { year: 2040, fundingSourceId: f.municipalId, amountNok: 1000 },
      ],
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.details).toContainEqual({
      path: "/costs/1/year",
      message: "Året 2040 er utenfor perioden 2027–2030.",
    });
    const tooLarge = await f.send("POST", `/plans/${f.plan.id}/measures`, {
      title: "For dyrt",
      focusAreaId: f.focusArea.id,
      startYear: 2027,
      endYear: 2030,
      costs: [{ year: 2027, fundingSourceId: f.municipalId, amountNok: MAX_AMOUNT_NOK + 1 }],
    });
    expect(tooLarge.statusCode).toBe(400);
    expect(JSON.stringify(tooLarge.json().error.details)).toContain("/costs/0/amountNok");
    const written = await t.database.db
      .select()
      .from(measures)
      .where(eq(measures.municipalityId, f.municipality.id));
    expect(written).toHaveLength(0);
  });
});
