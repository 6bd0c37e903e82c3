import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.ts";
import { createMunicipality, createPublishedPlan } from "../../../test/factories.ts";
import { createEvaluatedRound } from "../../../test/public-results.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });

async function evaluatedPlan(published: boolean) {
  const db = t.database.db;
  const municipality = await createMunicipality(db);
  const setting = await createPublishedPlan(db, { municipalityId: municipality.id });
  const roundId = await createEvaluatedRound(db, {
    municipalityId: municipality.id,
    cycleId: setting.adoptedPlan.cycleId,
    measureId: setting.adopted.measure.id,
    published,
  });
  return { municipality, roundId, ...setting };
}

describe("evaluations in public", () => {
  it("shows a published summary with means, spread and recommendations, small groups hidden", async () => {
    const { municipality, roundId, plan, adopted } = await evaluatedPlan(true);
    const url = `/kommune/${municipality.number}/evaluering/${roundId}`;

    // Linked from the plan and from the measure it covers.
    const planPage = await get(`/kommune/${municipality.number}/plan/${plan.id}/2026`);
    expect(planPage.body).toContain(`href="${url}"`);
    const measurePage = await get(`/kommune/${municipality.number}/tiltak/${adopted.measure.reference}`);
    expect(measurePage.body).toContain(`href="${url}"`);

    const response = await get(url);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain("Evaluering av handlingsplanen 2026");
    expect(html).toContain("6 har svart.");
    expect(html).toContain("grupper med færre enn 3 svar");
    // Everyone: relevance 4, 5, 3, 1, 3, 4 → mean 3,33; business 4, 5, 3 → mean 4.
    expect(html).toMatch(/<td>Alle<\/td><td class="num">3,33<\/td>/);
    expect(html).toMatch(/<td>Næringsliv<\/td><td class="num">4<\/td>/);
    // The single academia answer is hidden, its score nowhere.
    expect(html).toMatch(
      /<td>Akademia<\/td><td colSpan="3" class="muted">Skjult \(færre enn 3 svar\)<\/td>/i,
    );
    expect(html).not.toMatch(/<td>Akademia<\/td><td class="num">/);
    expect(html).toMatch(/<td>Andre<\/td><td colSpan="3" class="muted">Skjult \(færre enn 3 svar\)<\/td>/i);
    expect(html).toContain("Fortsette: 3");
    expect(html).toContain("Skalere opp: 1");
    expect(html).toContain("Tabellen kan rulles sideveis.");
  });

  it("answers 404 for a summary that is not published, and links to none", async () => {
    const { municipality, roundId, plan } = await evaluatedPlan(false);
    expect((await get(`/kommune/${municipality.number}/evaluering/${roundId}`)).statusCode).toBe(404);
    expect((await get(`/kommune/${municipality.number}/evaluering/noe-annet`)).statusCode).toBe(404);
    const planPage = await get(`/kommune/${municipality.number}/plan/${plan.id}/2026`);
    expect(planPage.body).not.toContain("/evaluering/");
  });
});
