import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedInPlanner, signIn } from "../../../test/app.ts";
import { appointRegionCoordinator, createRegion, createUser, testPassword } from "../../../test/factories.ts";
import { MAX_AMOUNT_NOK } from "../../domain/money.ts";
import type { BudgetSetupResponse, FrameCheckResponse } from "./budget.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const years = [2027, 2028, 2029, 2030];
const measureCount = 3;

/** A 2027 draft with one frame area, its municipal source, an external source and three measures. */
async function planWithMeasures() {
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
  const external = await send("POST", "/funding-sources", { name: "Innovasjon Norge", kind: "external" });
  const setup = (await send("GET", "/budget-setup")).json() as BudgetSetupResponse;
  const municipal = setup.fundingSources.find((s) => s.frameAreaId === area.id);
  if (!municipal) throw new Error("no municipal source");
  const externalId = external.statusCode < 300 ? (external.json().id as string) : null;
  const references: string[] = [];
  for (let i = 0; i < measureCount; i++) {
    const created = await send("POST", `/plans/${plan.id}/measures`, {
      title: `Tiltak ${i + 1}`,
      focusAreaId: focusArea.id,
      startYear: 2027,
      endYear: 2030,
    });
    expect(created.statusCode, created.body).toBe(201);
    references.push(created.json().reference as string);
  }
  const cycleId = (await send("GET", `/plans/${plan.id}/cycles`)).json()[0].id as string;
  const region = await createRegion(t.database.db, { municipalityIds: [planner.municipality.id] });
  const coordinator = await createUser(t.database.db);
  await appointRegionCoordinator(t.database.db, { regionId: region.id, userId: coordinator.id });
  const coordinatorSession = await signIn(t.app, coordinator.email, testPassword);
  return {
    ...planner,
    plan,
    area,
    municipalId: municipal.id,
    externalId,
    references,
    cycleId,
    region,
    coordinatorSession,
  };
}

// Amounts up to the bound, at it, just past it, and far past it (past 2^53 too).
const amount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: MAX_AMOUNT_NOK }) },
  { weight: 2, arbitrary: fc.constantFrom(0, MAX_AMOUNT_NOK) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_AMOUNT_NOK + 1, max: Number.MAX_SAFE_INTEGER }) },
  { weight: 1, arbitrary: fc.constantFrom(9_007_199_254_740_992, 2 ** 60, MAX_AMOUNT_NOK + 1) },
);

describe("money through the API", () => {
  it("writes random amounts up to the bound and beyond; every view answers with sums exact to a BigInt oracle", async () => {
    const f = await planWithMeasures();
    // What the database holds, by measure and year (municipal money only counts against frames).
    const stored = new Map<string, bigint>();
    const storedExternal = new Map<string, bigint>();
    const key = (i: number, year: number) => `${i}|${year}`;

    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: measureCount - 1 }),
        fc.array(amount, { minLength: years.length, maxLength: years.length }),
        fc.array(amount, { minLength: years.length, maxLength: years.length }),
        amount,
        async (i, municipalAmounts, externalAmounts, frameAmount) => {
          const reference = f.references[i] as string;
          const rows = years.flatMap((year, y) => [
            { year, fundingSourceId: f.municipalId, amountNok: municipalAmounts[y] as number },
            ...(f.externalId
              ? [{ year, fundingSourceId: f.externalId, amountNok: externalAmounts[y] as number }]
              : []),
          ]);
          const financed = await f.send("PUT", `/measures/${reference}/financing`, { rows });
          const tooLarge = rows.findIndex((r) => r.amountNok > MAX_AMOUNT_NOK);
          if (tooLarge >= 0) {
            expect(financed.statusCode, financed.body).toBe(400);
            const error = financed.json().error;
            expect(JSON.stringify(error)).toContain("Beløpet kan ikke være over 100 000 000 000 kr.");
            expect(JSON.stringify(error)).not.toContain("Hele kroner");
            expect(JSON.stringify(error)).toContain(`/rows/${tooLarge}/amountNok`);
          } else {
            expect(financed.statusCode, financed.body).toBe(200);
            years.forEach((year, y) => {
              stored.set(key(i, year), BigInt(municipalAmounts[y] as number));
              if (f.externalId) storedExternal.set(key(i, year), BigInt(externalAmounts[y] as number));
            });
          }

          // A frame for the first year, at a random amount.
          const before = (
            await f.send("GET", `/cycles/${f.cycleId}/frame-check`)
          ).json() as FrameCheckResponse;
          const frameRow = before.rows.find((r) => r.year === 2027 && r.frameAreaId === f.area.id);
          const frame = await f.send("PUT", `/cycles/${f.cycleId}/frames`, {
            frameAreaId: f.area.id,
            year: 2027,
            amountNok: frameAmount,
            status: "proposed",
            version: frameRow?.frameVersion ?? 0,
          });
          expect(frame.statusCode, frame.body).toBe(frameAmount > MAX_AMOUNT_NOK ? 400 : 200);
          if (frameAmount > MAX_AMOUNT_NOK)
            expect(frame.json().error.details).toContainEqual({
              path: "/amountNok",
              message: "Beløpet kan ikke være over 100 000 000 000 kr.",
            });

          // Spending for the first measure's first year.
          const spent = await f.send("PUT", `/measures/${reference}/spending/2027`, {
            rows: [{ fundingSourceId: f.municipalId, amountNok: frameAmount }],
          });
          expect(spent.statusCode, spent.body).toBe(frameAmount > MAX_AMOUNT_NOK ? 400 : 200);

          // Every view of the plan answers, and its sums are exact.
          const oracle = (year: number) =>
            Array.from({ length: measureCount }, (_, m) => stored.get(key(m, year)) ?? 0n).reduce(
              (a, b) => a + b,
              0n,
            );
          const views = [
            `/plan-tree`,
            `/plans/${f.plan.id}/measures`,
            `/plans/${f.plan.id}/cycles`,
            `/plans/${f.plan.id}/action-plans/2027/0`,
            `/cycles/${f.cycleId}/frame-check`,
            `/plans/${f.plan.id}/action-plans/2027/0/handlingsplan.xlsx`,
            ...f.references.map((r) => `/measures/${r}`),
          ];
          for (const view of views) {
            const response = await f.send("GET", view);
            expect(response.statusCode, `${view}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
            expect(response.statusCode, `${view}: ${response.body.slice(0, 300)}`).toBe(200);
          }
          const region = await t.app.inject({
            url: `/api/regions/${f.region.slug}`,
            headers: f.coordinatorSession.headers,
          });
          expect(region.statusCode, region.body).toBe(200);

          const check = (
            await f.send("GET", `/cycles/${f.cycleId}/frame-check`)
          ).json() as FrameCheckResponse;
          for (const year of years) {
            const row = check.rows.find((r) => r.year === year && r.frameAreaId === f.area.id);
            expect(BigInt(row?.sumNok ?? 0)).toBe(oracle(year));
          }
          const actionPlan = (await f.send("GET", `/plans/${f.plan.id}/action-plans/2027/0`)).json();
          for (const year of years) {
            const total = actionPlan.totals.find((x: { year: number }) => x.year === year);
            expect(BigInt(total?.municipalNok ?? 0)).toBe(oracle(year));
          }
          for (const [m, ref] of f.references.entries()) {
            const measure = (await f.send("GET", `/measures/${ref}`)).json();
            const municipal = years.reduce((s, year) => s + (stored.get(key(m, year)) ?? 0n), 0n);
            const externalTotal = years.reduce((s, year) => s + (storedExternal.get(key(m, year)) ?? 0n), 0n);
            expect(BigInt(measure.totalMunicipalNok)).toBe(municipal);
            if (f.externalId) expect(BigInt(measure.totalExternalNok)).toBe(externalTotal);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});

describe("amounts stored before the bound", () => {
  it("a plan whose stored amounts sum past 2^53 − 1 can still be read: every view answers", async () => {
    const f = await planWithMeasures();
    const ok = await f.send("PUT", `/measures/${f.references[0]}/financing`, {
      rows: years.map((year) => ({ year, fundingSourceId: f.municipalId, amountNok: 1 })),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // Written straight into the database, as an amount could have been before the bound existed.
    await t.database.db.execute(
      sql`update measure_costs set amount_nok = 9000000000000000 where municipality_id = ${f.municipality.id}`,
    );
    const views = [
      `/plan-tree`,
      `/plans/${f.plan.id}/measures`,
      `/plans/${f.plan.id}/cycles`,
      `/plans/${f.plan.id}/action-plans/2027/0`,
      `/cycles/${f.cycleId}/frame-check`,
      `/plans/${f.plan.id}/action-plans/2027/0/handlingsplan.xlsx`,
      `/measures/${f.references[0]}`,
    ];
    for (const view of views) {
      const response = await f.send("GET", view);
      expect(response.statusCode, `${view}: ${response.body.slice(0, 300)}`).toBe(200);
    }
    const region = await t.app.inject({
      url: `/api/regions/${f.region.slug}`,
      headers: f.coordinatorSession.headers,
    });
    expect(region.statusCode, region.body).toBe(200);
  });
});
