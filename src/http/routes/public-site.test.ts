import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../../../test/app.ts";
import {
  adoptActionPlanVersionForTest,
  createActionPlanVersion,
  createMeasure,
  createMunicipality,
  createOrganisation,
  createPublishedPlan,
  createUser,
  testPassword,
} from "../../../test/factories.ts";
import { proposals } from "../../db/schema/index.ts";
import { publicStylesheetPath } from "./public-site.tsx";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "GET", url, headers });

describe("public pages (server-rendered HTML)", () => {
  it("serve a plan page with title, description, Open Graph, no script, ETag and 304", async () => {
    const municipality = await createMunicipality(t.database.db, { name: "Elvby" });
    const { plan } = await createPublishedPlan(t.database.db, { municipalityId: municipality.id });
    const url = `/kommune/${municipality.number}/plan/${plan.id}/2026`;
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    const html = response.body;
    expect(html).toMatch(/^<!doctype html><html lang="nb">/);
    expect(html).toContain("<title>Næringsplan for Testby: Handlingsplan 2026 – Elvby kommune</title>");
    expect(html).toContain('<meta property="og:title"');
    expect(html).toContain(`<meta property="og:url" content="http://localhost:3000${url}"/>`);
    expect(html).toContain('<meta name="description" content="Handlingsplan 2026 for Næringsplan for Testby');
    expect(html).toContain(`href="${publicStylesheetPath}"`);
    expect(html).not.toContain("<script");
    expect(html).toContain("Grønn næring");
    expect(html).toContain("Planlagt: 1");
    expect(html).not.toContain("Hemmelig utkast");
    expect(response.headers["cache-control"]).toContain("public");
    expect(response.headers.vary).toContain("Cookie");
    const again = await get(url, { "if-none-match": response.headers.etag as string });
    expect(again.statusCode).toBe(304);
  });

  it("keeps an older action plan at its address, pointing to the newest", async () => {
    const municipality = await createMunicipality(t.database.db);
    const { plan, focusArea } = await createPublishedPlan(t.database.db, {
      municipalityId: municipality.id,
      budgetYear: 2025,
    });
    // Next year's plan is adopted too: 2025 stays where it was, with a link to 2026.
    const next = await createActionPlanVersion(t.database.db, { plan, budgetYear: 2027 });
    await createMeasure(t.database.db, {
      actionPlanVersion: next,
      focusAreaId: focusArea.id,
      title: "Nytt år",
    });
    await adoptActionPlanVersionForTest(t.database.db, next);
    const base = `/kommune/${municipality.number}/plan/${plan.id}`;
    const old = await get(`${base}/2025`);
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain("Dette er en eldre versjon av handlingsplanen.");
    expect(old.body).toContain(`href="${base}/2027"`);
    const oldArea = await get(`${base}/2025/satsingsomrade/${focusArea.id}`);
    expect(oldArea.body).toContain("Solceller på næringsbygg");
    expect(oldArea.body).not.toContain("Nytt år");
    expect((await get(`${base}/2027/satsingsomrade/${focusArea.id}`)).body).toContain("Nytt år");
    const pinned = await get(`${base}/2025/revisjon/0`);
    expect(pinned.statusCode).toBe(200);
    expect(pinned.body).toContain(`href="${base}/2025/revisjon/0/satsingsomrade/${focusArea.id}"`);
    const newest = await get(`${base}/2027`);
    expect(newest.body).not.toContain("eldre versjon");
    const redirect = await get(base);
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe(`${base}/2027`);
  });

  it("answers 404 pages for drafts, unpublished and unknown things, also to a signed-in planner", async () => {
    const municipality = await createMunicipality(t.database.db);
    const { plan, draft } = await createPublishedPlan(t.database.db, { municipalityId: municipality.id });
    const planner = await createUser(t.database.db, { municipalityId: municipality.id, role: "planner" });
    const session = await signIn(t.app, planner.email, testPassword);
    const nr = municipality.number;
    for (const url of [
      `/kommune/${nr}/tiltak/${draft.measure.reference}`,
      `/kommune/${nr}/plan/${plan.id}/2027`,
      `/kommune/${nr}/plan/${plan.id}/2026/satsingsomrade/00000000-0000-0000-0000-000000000000`,
      `/kommune/${nr}/plan/${plan.id}/20x6`,
      `/kommune/${nr}/plan/ikke-en-plan/2026`,
      "/kommune/0000",
    ]) {
      for (const headers of [{}, { cookie: session.cookie }] as Record<string, string>[]) {
        const response = await get(url, headers);
        expect(response.statusCode, url).toBe(404);
        expect(response.body).toContain("Fant ikke siden");
        expect(response.body).not.toContain("Hemmelig utkast");
      }
    }
  });

  it("remembers the chosen language and serves the stylesheet under a hashed, immutable name", async () => {
    const municipality = await createMunicipality(t.database.db);
    await createPublishedPlan(t.database.db, { municipalityId: municipality.id });
    const chosen = await get(`/kommune/${municipality.number}?lang=en`);
    expect(chosen.body).toContain('<html lang="en">');
    expect(chosen.headers["set-cookie"]).toContain("planverk_lang=en");
    expect(chosen.headers["cache-control"]).toContain("private");
    const later = await get(`/kommune/${municipality.number}`, { cookie: "planverk_lang=nn" });
    expect(later.body).toContain('<html lang="nn">');
    expect(later.body).toContain("Planar i");
    const css = await get(publicStylesheetPath);
    expect(css.statusCode).toBe(200);
    expect(css.headers["cache-control"]).toContain("immutable");
    expect(css.body).toContain("@media print");
  });
});

describe("partners' proposals on a public measure page", () => {
  it("are shown once published, never before", async () => {
    const { db } = t.database;
    const municipality = await createMunicipality(db);
    const { adopted, adoptedPlan } = await createPublishedPlan(db, { municipalityId: municipality.id });
    const organisation = await createOrganisation(db, {
      municipalityId: municipality.id,
      name: "Næringsforum Øst",
    });
    const author = await createUser(db, { municipalityId: municipality.id, role: "planner" });
    const proposal = (number: number, title: string, publishedAt: Date | null) => ({
      municipalityId: municipality.id,
      cycleId: adoptedPlan.cycleId,
      number,
      title,
      description: "Beskrivelse",
      organisationId: organisation.id,
      submittedByUserId: author.id,
      status: "accepted" as const,
      measureId: adopted.measure.id,
      publishedAt,
    });
    await db
      .insert(proposals)
      .values([proposal(1, "Solenergi for bedrifter", new Date()), proposal(2, "Ikke publisert ennå", null)]);
    const html = (await get(`/kommune/${municipality.number}/tiltak/${adopted.measure.reference}`)).body;
    expect(html).toContain("Innspill fra partnere");
    expect(html).toContain("Innspill 1: Solenergi for bedrifter (Næringsforum Øst): tatt inn");
    expect(html).not.toContain("Ikke publisert ennå");
  });
});
