import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "../../../test/app.ts";
import {
  createMunicipality,
  createPublishedPlan,
  createUser,
  testPassword,
} from "../../../test/factories.ts";
import { auditEvents } from "../../db/schema/index.ts";
import { organisationNumberCheckDigit } from "../../domain/organisation-number.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: Signed;
let planner: Signed;
let outsider: Signed;
let municipality: { id: string; number: string; name: string };
let planId: string;
const path = () => `/api/municipalities/${municipality.number}/public-settings`;
// A number that passes Brønnøysund's check, made here rather than taken from the register.
const organisationNumber = `99887766${organisationNumberCheckDigit("99887766")}`;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  municipality = await createMunicipality(db, { name: "Elvby" });
  planId = (await createPublishedPlan(db, { municipalityId: municipality.id })).plan.id;
  const other = await createMunicipality(db);
  admin = await signIn(
    t.app,
    (await createUser(db, { municipalityId: municipality.id, role: "admin" })).email,
    testPassword,
  );
  planner = await signIn(
    t.app,
    (await createUser(db, { municipalityId: municipality.id, role: "planner" })).email,
    testPassword,
  );
  outsider = await signIn(
    t.app,
    (await createUser(db, { municipalityId: other.id, role: "admin" })).email,
    testPassword,
  );
});
afterAll(() => t.close());

const put = (who: Signed | null, payload: object) =>
  t.app.inject({ method: "PUT", url: path(), headers: who?.headers ?? {}, payload });
const get = (url: string) => t.app.inject({ method: "GET", url });

describe("the accessibility statement and organisation number", () => {
  it("are set by the municipality's admins only, checked, and audited", async () => {
    const body = {
      accessibilityStatementUrl: "https://uustatus.no/nb/erklaringer/publisert/elvby",
      organisationNumber,
    };
    // Not signed in, the settings are not there (the facts themselves are public on the pages).
    expect((await t.app.inject({ method: "GET", url: path() })).statusCode).toBe(404);
    expect((await put(null, body)).statusCode).not.toBe(200);
    expect((await put(planner, body)).statusCode).toBe(403);
    expect((await put(outsider, body)).statusCode).toBe(404);

    const badNumber = await put(admin, { ...body, organisationNumber: "123456789" });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().error.details).toEqual([
      {
        path: "/organisationNumber",
        message: "Organisasjonsnummeret er ikke gyldig (det begynner alltid med 8 eller 9).",
      },
    ]);
    const badUrl = await put(admin, { ...body, accessibilityStatementUrl: "javascript:alert(1)" });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().error.details[0].path).toBe("/accessibilityStatementUrl");

    const saved = await put(admin, {
      ...body,
      organisationNumber: ` ${organisationNumber.slice(0, 3)} ${organisationNumber.slice(3, 6)} ${organisationNumber.slice(6)} `,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      accessibilityStatementUrl: body.accessibilityStatementUrl,
      organisationNumber,
    });
    const read = await t.app.inject({ method: "GET", url: path(), headers: admin.headers });
    expect(read.json().organisationNumber).toBe(organisationNumber);
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.objectId, municipality.id));
    expect(entry?.changes).toEqual({
      accessibilityStatementUrl: { before: "", after: body.accessibilityStatementUrl },
      organisationNumber: { before: null, after: organisationNumber },
    });

    // Every public page of the municipality links to it in the footer, beside the open data API.
    for (const url of [
      `/kommune/${municipality.number}`,
      `/kommune/${municipality.number}/plan/${planId}/2026`,
    ]) {
      const footer = (await get(url)).body.match(/<footer[\s\S]*<\/footer>/)?.[0] ?? "";
      expect(footer).toContain(
        `<a href="${body.accessibilityStatementUrl}" data-testid="accessibility-statement">Tilgjengelighetserklæring</a>`,
      );
      expect(footer).toContain('href="/apne-data"');
    }
    // The catalogue names the municipality by its organisation number.
    const catalogue = (await get("/api/open/v1/katalog.jsonld")).body;
    expect(catalogue).toContain(`https://data.brreg.no/enhetsregisteret/api/enheter/${organisationNumber}`);

    // Cleared: no link, and the catalogue falls back to the municipality's page as publisher.
    expect(
      (await put(admin, { accessibilityStatementUrl: "", organisationNumber: "" })).json(),
    ).toMatchObject({
      accessibilityStatementUrl: "",
      organisationNumber: null,
    });
    expect((await get(`/kommune/${municipality.number}?etter=tom`)).body).not.toContain(
      "accessibility-statement",
    );
    expect((await get("/api/open/v1/katalog.jsonld?etter=tom")).body).not.toContain(organisationNumber);
  });
});
