import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.ts";
import {
  adoptActionPlanVersionForTest,
  createMeasure,
  createMunicipality,
  createPublishedPlan,
  createRegion,
} from "../../../test/factories.ts";
import { createIndicatorWithFigures } from "../../../test/public-results.ts";
import {
  indicatorImports,
  indicatorValues,
  measureParticipations,
  measureVersions,
  removedMeasureVersions,
} from "../../db/schema/index.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ today: () => "2026-12-06" });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });
const section = (html: string, testId: string) =>
  html.match(new RegExp(`data-testid="${testId}"[\\s\\S]*?</section>`))?.[0] ?? "";

describe("the public regional page", () => {
  it("shows each member's measures, the shared measures with their split and the indicators compared", async () => {
    const db = t.database.db;
    const owner = await createMunicipality(db, { name: "Elvby" });
    const neighbour = await createMunicipality(db, { name: "Fjordby" });
    const outside = await createMunicipality(db, { name: "Langtvekkby" });
    const region = await createRegion(db, {
      municipalityIds: [owner.id, neighbour.id],
      name: "Elveregionen",
    });
    const { adopted, goal } = await createPublishedPlan(db, { municipalityId: owner.id });
    const theirs = await createPublishedPlan(db, { municipalityId: neighbour.id });
    await createPublishedPlan(db, { municipalityId: outside.id });
    // The owner's adopted measure is shared with the neighbour, 30 %.
    await db.insert(measureParticipations).values({
      municipalityId: neighbour.id,
      measureId: adopted.measure.id,
      ownerMunicipalityId: owner.id,
      status: "joined",
      sharePercent: 30,
    });
    const indicator = await createIndicatorWithFigures(db, owner, {
      name: "Sysselsettingsandel",
      published: true,
      target: 72,
      goalId: goal.id,
    });
    const [imported] = await db
      .select()
      .from(indicatorImports)
      .where(eq(indicatorImports.indicatorId, indicator.id));
    await db.insert(indicatorValues).values({
      municipalityId: owner.id,
      importId: imported?.id as string,
      regionCode: neighbour.number,
      regionLabel: neighbour.name,
      regionNumber: neighbour.number,
      period: "2024",
      value: 64.5,
    });
    await createIndicatorWithFigures(db, owner, { name: "Hemmelig", published: false, target: 1 });

    const response = await get(`/region/${region.slug}`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).not.toContain("Her kommer");
    expect(html).toContain("<h1>Elveregionen</h1>");
    // Measures by municipality: each member's adopted measures, never a draft, never a non-member.
    expect(html).toContain(`href="/kommune/${owner.number}/tiltak/${adopted.measure.reference}"`);
    expect(html).toContain(`href="/kommune/${neighbour.number}/tiltak/${theirs.adopted.measure.reference}"`);
    expect(html).not.toContain("Hemmelig utkast til tiltak");
    expect(html).not.toContain("Langtvekkby");
    // The shared measure and its split: 1 250 000 kr in 2026, 70 % and 30 %.
    const shared = section(html, "shared-measures");
    expect(shared).toContain(`${adopted.measure.reference} Solceller på næringsbygg`);
    expect(shared).toMatch(
      /Elvby \(eier\)<\/th><td class="num">70 %<\/td><td class="num">875[\s\u00a0]000[\s\u00a0]kr/,
    );
    expect(shared).toMatch(
      /Fjordby \(deltar\)<\/th><td class="num">30 %<\/td><td class="num">375[\s\u00a0]000[\s\u00a0]kr/,
    );
    // The region's money: each member's own share, external money left out.
    expect(html).toMatch(/data-testid="region-total">2[\s\u00a0]500[\s\u00a0]000[\s\u00a0]kr/);
    // Indicators compared across the members: a chart, its table and summary, source and licence.
    const indicators = section(html, "region-indicators");
    expect(indicators).toContain("<h3");
    expect(indicators).toContain("Sysselsettingsandel");
    expect(indicators).toContain("<svg");
    expect(indicators).toMatch(/Stolpediagram over Sysselsettingsandel \(prosent\) i 2024: .*Fjordby 64,5/);
    expect(indicators).toMatch(/<th scope="row">Fjordby<\/th><td class="num">64,5<\/td>/);
    expect(indicators).toContain('rel="license"');
    expect(html).not.toContain("Hemmelig<");

    // The members link to the region; unknown regions and years without adopted plans are 404.
    expect((await get(`/kommune/${owner.number}`)).body).toContain(`href="/region/${region.slug}"`);
    expect((await get(`/kommune/${outside.number}`)).body).not.toContain("/region/");
    expect((await get("/region/finnes-ikke")).statusCode).toBe(404);
    expect((await get(`/region/${region.slug}?aar=1999`)).statusCode).toBe(404);
    expect((await get(`/region/${region.slug}?aar=20x6`)).statusCode).toBe(404);
    expect((await get("/sitemap.xml")).body).toContain(`/region/${region.slug}</loc>`);
  });
});

describe("two adopted action plans compared in public", () => {
  it("lists what was added, taken out (and why), changed, and the money of each", async () => {
    const db = t.database.db;
    const municipality = await createMunicipality(db);
    const { plan, adopted, adoptedPlan, draftVersion, draft, focusArea } = await createPublishedPlan(db, {
      municipalityId: municipality.id,
    });
    const kept = await createMeasure(db, {
      actionPlanVersion: adoptedPlan,
      focusAreaId: focusArea.id,
      title: "Næringshage",
      costs: [{ year: 2027, amountNok: 400_000 }],
    });
    await db.insert(measureVersions).values({
      municipalityId: municipality.id,
      measureId: kept.measure.id,
      actionPlanVersionId: draftVersion.id,
      focusAreaId: focusArea.id,
      title: "Næringshage i sentrum",
      startYear: 2027,
      endYear: 2030,
    });
    await db.insert(removedMeasureVersions).values({
      municipalityId: municipality.id,
      measureId: adopted.measure.id,
      actionPlanVersionId: draftVersion.id,
      snapshot: { version: {}, goalIds: [], objectiveIds: [], partners: [], costs: [] },
      via: "manual",
      reason: "Dekket av statlig ordning",
    });
    const base = `/kommune/${municipality.number}/plan/${plan.id}`;
    // Only one adopted year: nothing to compare with.
    expect((await get(`${base}/sammenlign/2026/2027`)).statusCode).toBe(404);
    // (A pinned revision: the plain address is kept in the public pages' 10-second cache.)
    expect((await get(`${base}/2026/revisjon/0`)).body).not.toContain("sammenlign");
    await adoptActionPlanVersionForTest(db, draftVersion, { adoptedOn: "2026-12-15" });

    const planPage = await get(`${base}/2027`);
    expect(planPage.body).toContain(`href="${base}/sammenlign/2026/2027"`);
    expect((await get(`${base}/2026`)).body).toContain(`href="${base}/sammenlign/2026/2027"`);

    const response = await get(`${base}/sammenlign/2026/2027`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain("Handlingsplan 2026 og 2027 sammenlignet");
    expect(section(html, "compare-added")).toContain(`${draft.measure.reference} Hemmelig utkast til tiltak`);
    const removed = section(html, "compare-removed");
    expect(removed).toContain(`${adopted.measure.reference} Solceller på næringsbygg`);
    expect(removed).toContain("Begrunnelse: Dekket av statlig ordning");
    const changed = section(html, "compare-changed");
    expect(changed).toContain("tittel: «Næringshage» → «Næringshage i sentrum»");
    expect(changed).toMatch(/kommunens midler 2027: 400[\s\u00a0]000[\s\u00a0]kr → 0[\s\u00a0]kr/);
    // Money: municipal and external apart, for each plan.
    const money = html.match(/data-testid="compare-money"[\s\S]*?<\/table>/)?.[0] ?? "";
    expect(money).toMatch(
      /Handlingsplan 2026<\/th><td class="num">1[\s\u00a0]650[\s\u00a0]000[\s\u00a0]kr<\/td><td class="num">500[\s\u00a0]000/,
    );
    expect(money).toMatch(
      /Handlingsplan 2027<\/th><td class="num">0[\s\u00a0]kr<\/td><td class="num">0[\s\u00a0]kr/,
    );

    expect((await get(`${base}/sammenlign/2027/2026`)).statusCode).toBe(404);
    expect((await get(`${base}/sammenlign/2026/2030`)).statusCode).toBe(404);
    expect((await get(`${base}/sammenlign/2026/abcd`)).statusCode).toBe(404);
  });
});
