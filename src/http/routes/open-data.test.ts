import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.ts";
import { createMunicipality, createPlan, createPublishedPlan } from "../../../test/factories.ts";
import { openActionPlanSchema, openMeasureSchema, openPlansSchema } from "./open-data.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "GET", url, headers });

describe("open data", () => {
  it("lists published plans with their adopted action plans only, under CC BY 4.0", async () => {
    const municipality = await createMunicipality(t.database.db);
    const { plan } = await createPublishedPlan(t.database.db, { municipalityId: municipality.id });
    await createPlan(t.database.db, { municipalityId: municipality.id, title: "Upublisert plan" });
    const response = await get(`/api/open/v1/kommune/${municipality.number}/planer`);
    expect(response.statusCode).toBe(200);
    const body = openPlansSchema.parse(response.json());
    expect(body.licence.name).toBe("CC BY 4.0");
    expect(body.attribution).toBe(`Kilde: ${municipality.name} kommune`);
    expect(body.plans.map((p) => p.title)).toEqual([plan.title]);
    // The 2027 draft is not there; only the adopted 2026.
    expect(body.plans[0]?.versions).toEqual([{ budgetYear: 2026, revision: 0, adoptedOn: "2026-12-10" }]);
    expect(response.headers["cache-control"]).toContain("public");
    expect(response.headers.link).toContain('rel="license"');
  });

  it("gives an adopted action plan as JSON with status and budget, with ETag and 304 on If-None-Match", async () => {
    const municipality = await createMunicipality(t.database.db);
    const { plan, focusArea } = await createPublishedPlan(t.database.db, { municipalityId: municipality.id });
    const url = `/api/open/v1/kommune/${municipality.number}/plan/${plan.id}/2026`;
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    const body = openActionPlanSchema.parse(response.json());
    expect(body.isNewest).toBe(true);
    expect(body.caseReference).toBe("26/123");
    const area = body.focusAreas.find((f) => f.id === focusArea.id);
    expect(area?.measures.map((m) => m.title)).toEqual(["Solceller på næringsbygg"]);
    expect(area?.measures[0]?.status).toBe("planned");
    expect(body.totals.find((r) => r.year === 2026)).toEqual({
      year: 2026,
      municipalNok: 1_250_000,
      externalNok: 0,
    });
    expect(JSON.stringify(body)).not.toContain("Hemmelig utkast");
    // No internal fields.
    expect(response.body).not.toMatch(/needsReview|reviewNote|priority|ownerUserId|contactPerson/);

    const tag = response.headers.etag as string;
    expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await get(url, { "if-none-match": tag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.etag).toBe(tag);
    const other = await get(url, { "if-none-match": '"something-else"' });
    expect(other.statusCode).toBe(200);

    // Compressed for clients that accept gzip, under a tag of its own.
    const gzipped = await get(url, { "accept-encoding": "gzip, br" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers.vary).toContain("Accept-Encoding");
    expect(JSON.parse(gunzipSync(gzipped.rawPayload).toString("utf8"))).toEqual(response.json());
    expect(gzipped.headers.etag).not.toBe(tag);
    const gzippedAgain = await get(url, {
      "accept-encoding": "gzip",
      "if-none-match": gzipped.headers.etag as string,
    });
    expect(gzippedAgain.statusCode).toBe(304);
  });

  it("gives the measures as CSV with the licence link, and 304 on a matching tag", async () => {
    const municipality = await createMunicipality(t.database.db);
    const { plan, adopted } = await createPublishedPlan(t.database.db, { municipalityId: municipality.id });
    const url = `/api/open/v1/kommune/${municipality.number}/plan/${plan.id}/2026/tiltak.csv`;
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers.link).toContain("creativecommons.org/licenses/by/4.0");
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("referanse;tiltak;satsingsområde");
    expect(lines[0]).toContain("kommunalt_2026;kommunalt_2027");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${adopted.measure.reference};Solceller på næringsbygg;Grønn næring`);
    expect(lines[1]).toContain(";planlagt;");
    expect(lines[1]).toContain(";1250000;");
    expect(lines[1]).toContain(`/kommune/${municipality.number}/tiltak/${adopted.measure.reference}`);
    const again = await get(url, { "if-none-match": response.headers.etag as string });
    expect(again.statusCode).toBe(304);
  });

  it("gives a published measure, and 404 for a draft measure, a draft year and an unpublished plan", async () => {
    const municipality = await createMunicipality(t.database.db);
    const { plan, adopted, draft } = await createPublishedPlan(t.database.db, {
      municipalityId: municipality.id,
    });
    const base = `/api/open/v1/kommune/${municipality.number}`;
    const measure = await get(`${base}/tiltak/${adopted.measure.reference}`);
    expect(measure.statusCode).toBe(200);
    const body = openMeasureSchema.parse(measure.json());
    expect(body.totalMunicipalNok).toBe(1_250_000);
    expect(body.totalExternalNok).toBe(500_000);
    expect(body.statusHistory).toEqual([]);
    expect(body.appearsIn.map((v) => v.budgetYear)).toEqual([2026]);

    expect((await get(`${base}/tiltak/${draft.measure.reference}`)).statusCode).toBe(404);
    expect((await get(`${base}/plan/${plan.id}/2027`)).statusCode).toBe(404);
    expect((await get(`${base}/plan/${plan.id}/2026/revisjon/1`)).statusCode).toBe(404);
    const hidden = await createPlan(t.database.db, { municipalityId: municipality.id });
    expect((await get(`${base}/plan/${hidden.id}/2026`)).statusCode).toBe(404);
    expect((await get(`${base}/plan/not-a-uuid/2026`)).statusCode).toBe(404);
    expect((await get(`/api/open/v1/kommune/0000/planer`)).statusCode).toBe(404);
  });

  it("is documented in the OpenAPI document with the licence", async () => {
    const doc = (await get("/api/openapi.json")).json();
    const paths = Object.keys(doc.paths);
    expect(paths).toContain("/api/open/v1/kommune/{municipalityNumber}/planer");
    expect(paths).toContain(
      "/api/open/v1/kommune/{municipalityNumber}/plan/{planId}/{budgetYear}/tiltak.csv",
    );
    expect(paths).toContain("/api/open/v1/kommune/{municipalityNumber}/tiltak/{reference}");
    expect(JSON.stringify(doc.paths["/api/open/v1/kommune/{municipalityNumber}/planer"])).toContain(
      "CC BY 4.0",
    );
  });
});
