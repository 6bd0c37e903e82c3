import { desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedInPlanner } from "../../../test/app.ts";
import { adoptActionPlanVersionForTest, createRegion } from "../../../test/factories.ts";
import { actionPlanVersions } from "../../db/schema/index.ts";
import { sharedSheetName } from "../../documents/action-plan-xlsx.ts";
import { splitAmount } from "../../domain/cost-split.ts";
import type { FrameCheckResponse } from "./budget.ts";
import type { CycleResponse } from "./cycles.ts";
import type { RegionOverviewResponse, SharedMeasureListResponse } from "./region.ts";

/**
 * One split, five places: for every year of the period, a participant's share of a shared measure
 * is the same in its frame check, in the owner's and its own split tables, in the regional
 * overview, on the measure page and in the Excel download — before any rolling, after the owner
 * rolls, and after the participant rolls.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const periodOf = (budgetYear: number) => [0, 1, 2, 3].map((i) => budgetYear + i);
type ByYear = { year: number; amountNok: number }[];

/** A municipality with a plan for 2027, a frame area, and (for the owner) one measure with costs. */
async function member(costs?: number[]) {
  const planner = await signedInPlanner(t.app, t.database.db);
  const { send } = planner;
  const plan = (
    await send("POST", "/plans", {
      title: "Næringsplan",
      startYear: 2023,
      endYear: 2032,
      firstBudgetYear: 2027,
    })
  ).json();
  await send("PATCH", `/plans/${plan.id}`, { version: 1, published: true });
  const focusArea = (await send("POST", `/plans/${plan.id}/focus-areas`, { title: "Vekst" })).json();
  const area = (await send("POST", "/frame-areas", { name: "Næring" })).json();
  const setup = (await send("GET", "/budget-setup")).json();
  const source = setup.fundingSources.find((x: { frameAreaId: string | null }) => x.frameAreaId === area.id);
  let reference = "";
  if (costs) {
    const created = await send("POST", `/plans/${plan.id}/measures`, {
      title: "Felles næringssatsing",
      focusAreaId: focusArea.id,
      startYear: 2027,
      endYear: 2030,
    });
    expect(created.statusCode, created.body).toBe(201);
    reference = created.json().reference;
    const rows = periodOf(2027)
      .map((year, i) => ({ year, fundingSourceId: source.id, amountNok: costs[i] ?? 0 }))
      .filter((r) => r.amountNok > 0);
    const financed = await send("PUT", `/measures/${reference}/financing`, { rows });
    expect(financed.statusCode, financed.body).toBe(200);
  }
  const cycles = async () => (await send("GET", `/plans/${plan.id}/cycles`)).json() as CycleResponse[];
  const cycleOf = async (budgetYear: number) => (await cycles()).find((c) => c.budgetYear === budgetYear);
  return { ...planner, plan, area, reference, cycleOf };
}
type Member = Awaited<ReturnType<typeof member>>;

async function adoptNewest(cycleId: string) {
  const [version] = await t.database.db
    .select()
    .from(actionPlanVersions)
    .where(eq(actionPlanVersions.cycleId, cycleId))
    .orderBy(desc(actionPlanVersions.revision))
    .limit(1);
  if (!version) throw new Error("no version");
  await adoptActionPlanVersionForTest(t.database.db, version);
}

async function roll(m: Member, budgetYear: number) {
  const cycle = await m.cycleOf(budgetYear);
  const rolled = await m.send("POST", `/cycles/${cycle?.id}/roll`);
  expect(rolled.statusCode, rolled.body).toBe(201);
}

/** The expected part of each party: every cost line of the owner's adopted lines in the period, split. */
function expectedSplit(costs: number[], parties: { id: string; percent: number }[], budgetYear: number) {
  const years = periodOf(budgetYear);
  return new Map(
    parties.map((p) => [
      p.id,
      years.map((year) => {
        const i = year - 2027;
        const amount = i >= 0 && i < costs.length ? (costs[i] ?? 0) : 0;
        const shares = splitAmount(
          amount,
          parties.map((x) => ({ municipalityId: x.id, percent: x.percent })),
        );
        return { year, amountNok: shares.get(p.id) ?? 0 };
      }),
    ]),
  );
}

async function xlsxShare(m: Member, budgetYear: number, reference: string): Promise<ByYear> {
  const cycle = await m.cycleOf(budgetYear);
  const revision = cycle?.actionPlans[0]?.revision ?? 0;
  const response = await m.send(
    "GET",
    `/plans/${m.plan.id}/action-plans/${budgetYear}/${revision}/handlingsplan.xlsx`,
  );
  expect(response.statusCode, response.body).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(sharedSheetName);
  if (!sheet) return periodOf(budgetYear).map((year) => ({ year, amountNok: 0 }));
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  let found: ByYear | null = null;
  sheet.eachRow((row, n) => {
    if (n === 1 || row.getCell(1).value !== reference) return;
    found = periodOf(budgetYear).map((year) => ({
      year,
      amountNok: Number(row.getCell(header.indexOf(String(year))).value ?? 0),
    }));
  });
  return found ?? periodOf(budgetYear).map((year) => ({ year, amountNok: 0 }));
}

describe("one split for a shared measure", () => {
  it("gives the same kroner per municipality and year everywhere, before and after each rolls", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 45 }), { minLength: 1, maxLength: 2 }),
        fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 4, maxLength: 4 }),
        async (percents, costs) => {
          const owner = await member(costs);
          const participants: Member[] = [];
          for (const _ of percents) participants.push(await member());
          const region = await createRegion(t.database.db, {
            municipalityIds: [owner, ...participants].map((m) => m.municipality.id),
          });
          for (const [i, p] of participants.entries()) {
            await owner.send("POST", `/measures/${owner.reference}/participants`, {
              municipalityNumber: p.municipality.number,
            });
            const list = (await p.send("GET", "/shared-measures")).json() as SharedMeasureListResponse;
            const invitation = list.measures[0]?.participation;
            const joined = await p.send("PUT", `/shared-measures/${invitation?.id}`, {
              sharePercent: percents[i],
              frameAreaId: p.area.id,
              version: invitation?.version,
            });
            expect(joined.statusCode, joined.body).toBe(200);
          }
          // Split order: the owner first, then the participants by municipality number.
          const ordered = [...participants].sort((a, b) =>
            a.municipality.number.localeCompare(b.municipality.number),
          );
          const parties = [
            { id: owner.municipality.id, percent: 100 - percents.reduce((a, b) => a + b, 0) },
            ...ordered.map((p) => ({
              id: p.municipality.id,
              percent: percents[participants.indexOf(p)] ?? 0,
            })),
          ];
          const nameOf = (m: Member) => m.municipality.name;

          /** Every place for budget year B, for every participant, against the expected split. */
          const agree = async (budgetYear: number, participantYear: number) => {
            const expected = expectedSplit(costs, parties, budgetYear);
            const ownerList = (
              await owner.send("GET", `/shared-measures?year=${budgetYear}`)
            ).json() as SharedMeasureListResponse;
            const page = (await owner.send("GET", `/measures/${owner.reference}`)).json();
            for (const p of participants) {
              const want = expected.get(p.municipality.id);
              // 1. The participant's frame check of its cycle for that year.
              if (participantYear === budgetYear) {
                const cycle = await p.cycleOf(budgetYear);
                const check = (
                  await p.send("GET", `/cycles/${cycle?.id}/frame-check`)
                ).json() as FrameCheckResponse;
                expect(check.sharedMeasures[0]?.byYear).toEqual(want);
                // 5. Its Excel download (the frame check's shared measures).
                expect(await xlsxShare(p, budgetYear, owner.reference)).toEqual(want);
                // 6. Its measure list (/tiltak) for that year.
                const listed = (
                  await p.send("GET", `/plans/${p.plan.id}/measures?year=${budgetYear}`)
                ).json();
                expect(
                  listed.sharedMeasures
                    .find((m: { reference: string }) => m.reference === owner.reference)
                    ?.parties.find((x: { name: string }) => x.name === nameOf(p))?.byYear,
                ).toEqual(want);
              }
              // 2. The owner's split table for that year.
              const ownerView = ownerList.measures.find((m) => m.reference === owner.reference);
              expect(ownerView?.parties.find((x) => x.name === nameOf(p))?.byYear).toEqual(want);
              // 3. The regional overview for that year, as the participant's planner sees it.
              const overview = (
                await t.app.inject({
                  url: `/api/regions/${region.slug}?year=${budgetYear}`,
                  headers: p.session.headers,
                })
              ).json() as RegionOverviewResponse;
              expect(
                overview.municipalities.find((m) => m.number === p.municipality.number)?.budgetByYear,
              ).toEqual(want);
              // 4. The measure page's split, when the page shows that year's version.
              if (page.actionPlan.budgetYear === budgetYear)
                expect(
                  page.shared.parties.find((x: { name: string }) => x.name === nameOf(p))?.byYear,
                ).toEqual(want);
            }
          };

          // The owner adopts 2027 (a participant never counts the owner's draft).
          await adoptNewest((await owner.cycleOf(2027))?.id as string);
          await agree(2027, 2027);
          // The owner rolls to 2028: nothing changes for 2027, and 2028 follows the adopted plan.
          await roll(owner, 2027);
          await agree(2027, 2027);
          await agree(2028, 2027);
          // Each participant adopts and rolls: its 2028 plan counts the same split.
          for (const p of participants) {
            await adoptNewest((await p.cycleOf(2027))?.id as string);
            await roll(p, 2027);
          }
          await agree(2027, 2027);
          await agree(2028, 2028);
        },
      ),
      { numRuns: 8 },
    );
  }, 600_000);
});
