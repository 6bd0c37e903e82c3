import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.ts";
import {
  adoptActionPlanVersionForTest,
  createMeasure,
  createMunicipality,
  createPublishedPlan,
} from "../../../test/factories.ts";
import { createIndicatorWithFigures } from "../../../test/public-results.ts";
import { measureCosts, measures, removedMeasureVersions } from "../../db/schema/index.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });

const indicatorWithFigures = (
  municipality: { id: string; number: string; name: string },
  over: Parameters<typeof createIndicatorWithFigures>[2],
) => createIndicatorWithFigures(t.database.db, municipality, over);

describe("indicators in public", () => {
  it("shows the plan's overview and each goal's and focus area's published indicators with their status", async () => {
    const municipality = await createMunicipality(t.database.db);
    const { plan, goal, focusArea } = await createPublishedPlan(t.database.db, {
      municipalityId: municipality.id,
    });
    await indicatorWithFigures(municipality, {
      name: "Sysselsettingsandel",
      published: true,
      target: 72,
      goalId: goal.id,
    });
    await indicatorWithFigures(municipality, {
      name: "Andel grønne bedrifter",
      published: true,
      target: 80,
      focusAreaId: focusArea.id,
    });
    await indicatorWithFigures(municipality, {
      name: "Hemmelig indikator",
      published: false,
      target: 1,
      goalId: goal.id,
    });
    const response = await get(`/kommune/${municipality.number}/plan/${plan.id}/2026`);
    expect(response.statusCode).toBe(200);
    const overview = response.body.match(/data-testid="plan-overview"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(overview).toContain("1 mål");
    expect(overview).toContain("1 av 2 indikatorer er i rute");
    expect(overview).toContain("1 tiltak: 0 pågår, 0 fullført, 0 stoppet");
    expect(response.body).toMatch(
      /Sysselsettingsandel<\/a> <span class="track track-on_track">I rute<\/span>/,
    );
    expect(response.body).toMatch(
      /Andel grønne bedrifter<\/a> <span class="track track-off_track">Ikke i rute<\/span>/,
    );
    expect(response.body).toContain("Siste verdi 72,3 (2024), målverdi 72,0 for 2024.");
    expect(response.body).not.toContain("Hemmelig indikator");

    const focusPage = await get(
      `/kommune/${municipality.number}/plan/${plan.id}/2026/satsingsomrade/${focusArea.id}`,
    );
    expect(focusPage.body).toMatch(
      /<h2>Indikatorer<\/h2>[\s\S]*Andel grønne bedrifter<\/a> <span class="track track-off_track">/,
    );
    expect(focusPage.body).not.toContain("Sysselsettingsandel");
  });

  it("gives a published indicator a page with SVG charts, tables, summaries, source and licence", async () => {
    const municipality = await createMunicipality(t.database.db);
    const indicator = await indicatorWithFigures(municipality, {
      name: "Sysselsettingsandel",
      published: true,
      isExample: true,
      target: 75,
    });
    const hidden = await indicatorWithFigures(municipality, { name: "Skjult", published: false, target: 1 });

    const response = await get(`/kommune/${municipality.number}/indikator/${indicator.id}`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).not.toContain("<script");
    expect(html).toContain("Ikke i rute");
    expect(html).toContain("Eksempeltall – ikke offisiell statistikk");
    expect(html).toContain("Kilde: Statistisk sentralbyrå");
    expect(html).toMatch(
      /<a href="https:\/\/creativecommons.org\/licenses\/by\/4.0\/deed.no" rel="license">CC BY 4.0<\/a>/,
    );
    // The time series and the comparison, each an SVG with a table and a text summary.
    for (const kind of ["time", "comparison"]) {
      const figure = html.match(new RegExp(`data-testid="${kind}-chart"[\\s\\S]*?</section>`))?.[0] ?? "";
      expect(figure).toContain("<svg");
      expect(figure).toContain("<figcaption>");
      expect(figure).toMatch(/<table>[\s\S]*72,3[\s\S]*<\/table>/);
      expect(figure).toContain('class="table-scroll" aria-label="Tallene i figuren');
    }
    expect(html).toContain("Tabellen kan rulles sideveis.");

    expect((await get(`/kommune/${municipality.number}/indikator/${hidden.id}`)).statusCode).toBe(404);
    expect((await get(`/kommune/${municipality.number}/indikator/ikke-en-id`)).statusCode).toBe(404);
    const other = await createMunicipality(t.database.db);
    expect((await get(`/kommune/${other.number}/indikator/${indicator.id}`)).statusCode).toBe(404);
  });
});

describe("money told straight and why things changed", () => {
  it("keeps the municipality's adopted money apart from external money and its state", async () => {
    const municipality = await createMunicipality(t.database.db);
    const { plan, adopted } = await createPublishedPlan(t.database.db, { municipalityId: municipality.id });
    await t.database.db
      .update(measureCosts)
      .set({ externalStatus: "applied" })
      .where(eq(measureCosts.amountNok, 500_000));

    const page = await get(`/kommune/${municipality.number}/tiltak/${adopted.measure.reference}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/data-testid="municipal-money">1[\s\u00a0]250[\s\u00a0]000\skr</);
    expect(page.body).toMatch(/data-testid="external-money">500[\s\u00a0]000\skr</);
    expect(page.body).not.toMatch(/1[\s\u00a0]750[\s\u00a0]000/);
    expect(page.body).toContain("Eksterne midler (ikke vedtatt av kommunen)");
    const note = page.body.match(/data-testid="money-note"[\s\S]*?<\/div>/)?.[0] ?? "";
    expect(note).toMatch(/søkt 500[\s\u00a0]000\skr, innvilget 0\skr, forventet 0\skr/);
    expect(note).toContain("ikke en del av kommunens vedtatte budsjett");

    const planPage = await get(`/kommune/${municipality.number}/plan/${plan.id}/2026`);
    expect(planPage.body).toMatch(/Summen av kommunens vedtatte midler er 1[\s\u00a0]250[\s\u00a0]000\skr/);
    const json = await get(`/api/open/v1/kommune/${municipality.number}/tiltak/${adopted.measure.reference}`);
    expect(json.json().externalByStatus).toEqual({ applied: 500_000, granted: 0, expected: 0 });
  });

  it("says when a measure left the plan, or was stopped, and why", async () => {
    const db = t.database.db;
    const municipality = await createMunicipality(db);
    const { adopted, adoptedPlan, draftVersion, focusArea } = await createPublishedPlan(db, {
      municipalityId: municipality.id,
    });
    const stopped = await createMeasure(db, {
      actionPlanVersion: draftVersion,
      focusAreaId: focusArea.id,
      title: "Stoppet tiltak",
    });
    const byPrioritisation = await createMeasure(db, {
      actionPlanVersion: adoptedPlan,
      focusAreaId: focusArea.id,
      title: "Prioritert bort",
    });
    // Taken out of the 2027 draft: one by a planner with a reason, one by a prioritisation.
    const snapshot = { version: {}, goalIds: [], objectiveIds: [], partners: [], costs: [] };
    await db.insert(removedMeasureVersions).values([
      {
        municipalityId: municipality.id,
        measureId: adopted.measure.id,
        actionPlanVersionId: draftVersion.id,
        snapshot,
        via: "manual",
        reason: "Pengene ble flyttet til T-020",
      },
      {
        municipalityId: municipality.id,
        measureId: byPrioritisation.measure.id,
        actionPlanVersionId: draftVersion.id,
        snapshot,
        via: "prioritisation",
      },
    ]);
    await adoptActionPlanVersionForTest(db, draftVersion, { adoptedOn: "2027-12-09" });
    // The running state's reason is internal and not the reason it left.
    await db
      .update(measures)
      .set({ status: "in_progress", progress: 40, statusReason: "Venter på styremøtet" })
      .where(eq(measures.id, adopted.measure.id));
    await db
      .update(measures)
      .set({ status: "stopped", statusReason: "Ingen søkere", statusAsOf: "2027-08-31" })
      .where(eq(measures.id, stopped.measure.id));

    const removed = await get(`/kommune/${municipality.number}/tiltak/${adopted.measure.reference}`);
    const change = removed.body.match(/data-testid="measure-change"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(change).toContain("Tiltaket er ikke med i handlingsplanen for 2027.");
    expect(change).toContain("Begrunnelse: Pengene ble flyttet til T-020");
    expect(removed.body).toContain("Ikke videreført");
    expect(removed.body).not.toContain("Venter på styremøtet");

    const prioritised = await get(
      `/kommune/${municipality.number}/tiltak/${byPrioritisation.measure.reference}`,
    );
    const prioritisedChange =
      prioritised.body.match(/data-testid="measure-change"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(prioritisedChange).toContain("Tiltaket er ikke med i handlingsplanen for 2027.");
    expect(prioritisedChange).toContain("Tatt ut ved prioritering.");

    const stoppedPage = await get(`/kommune/${municipality.number}/tiltak/${stopped.measure.reference}`);
    const stoppedChange =
      stoppedPage.body.match(/data-testid="measure-change"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(stoppedChange).toContain("Tiltaket ble stoppet 2027.");
    expect(stoppedChange).toContain("Begrunnelse: Ingen søkere");

    const json = await get(`/api/open/v1/kommune/${municipality.number}/tiltak/${adopted.measure.reference}`);
    expect(json.json().change).toEqual({
      kind: "removed",
      year: 2027,
      reason: "Pengene ble flyttet til T-020",
      via: "manual",
    });
  });
});
