import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "../../../test/app.ts";
import {
  createActionPlanVersion,
  createFocusArea,
  createMeasure,
  createMunicipality,
  createPlan,
  createUser,
  testPassword,
} from "../../../test/factories.ts";
import {
  actionPlanVersions,
  auditEvents,
  measures,
  measureVersionPartners,
  measureVersions,
  organisationContacts,
  partnerOrganisations,
} from "../../db/schema/index.ts";
import type { Role } from "../../domain/permissions.ts";
import type { OrganisationDetailResponse, OrganisationSummaryResponse } from "./organisations.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
const signed = {} as Record<Role, Signed>;
let outsider: Signed;
let municipalityId: string;
const number = "9101";
const path = `/api/municipalities/${number}/organisations`;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  municipalityId = (await createMunicipality(db, { number, name: "Drammen test" })).id;
  const other = await createMunicipality(db, { number: "9102", name: "Lier test" });
  for (const role of ["planner", "partner", "viewer", "measure_owner", "admin"] as const) {
    const user = await createUser(db, { municipalityId, role });
    signed[role] = await signIn(t.app, user.email, testPassword);
  }
  const stranger = await createUser(db, { municipalityId: other.id, role: "planner" });
  outsider = await signIn(t.app, stranger.email, testPassword);
});
afterAll(() => t.close());

const usn = {
  name: "Universitetet i Sørøst-Norge",
  kind: "academia",
  organisationNumber: "974 760 673",
  website: "https://www.usn.no",
  contacts: [{ name: "Ola Forsker", title: "Professor", email: "ola@usn.no", phone: "+47 31 00 80 00" }],
};

async function create(body: Record<string, unknown>, as: Signed = signed.planner, url = path) {
  return t.app.inject({ method: "POST", url, headers: as.headers, payload: body });
}

async function created(body: Record<string, unknown>) {
  const response = await create(body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<OrganisationDetailResponse>();
}

const auditFor = (objectId: string) =>
  t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, objectId)).orderBy(auditEvents.id);

const countOrganisations = async () =>
  (
    await t.database.db
      .select()
      .from(partnerOrganisations)
      .where(eq(partnerOrganisations.municipalityId, municipalityId))
  ).length;

/** A measure in an action plan of the municipality, with the organisation taking part in it. */
async function linkToMeasure(
  organisationId: string,
  options: {
    reference: string;
    budgetYear: number;
    adopted: boolean;
    role?: "lead" | "contributor" | "funder";
    title?: string;
  },
) {
  const { db } = t.database;
  const plan = await createPlan(db, { municipalityId });
  const focusArea = await createFocusArea(db, { plan });
  const actionPlan = await createActionPlanVersion(db, { plan, budgetYear: options.budgetYear });
  if (options.adopted)
    await db
      .update(actionPlanVersions)
      .set({ status: "adopted" })
      .where(eq(actionPlanVersions.id, actionPlan.id));
  const { measure, version } = await createMeasure(db, {
    actionPlanVersion: actionPlan,
    focusAreaId: focusArea.id,
    reference: options.reference,
    title: options.title,
  });
  await db.insert(measureVersionPartners).values({
    municipalityId,
    measureVersionId: version.id,
    organisationId,
    role: options.role ?? "contributor",
  });
  return { measure, version, actionPlan, focusArea };
}

describe("POST /organisations", () => {
  it("registers an organisation with its contacts, the number normalised, in one audited write", async () => {
    const body = await created(usn);
    expect(body).toMatchObject({
      name: "Universitetet i Sørøst-Norge",
      kind: "academia",
      organisationNumber: "974760673",
      website: "https://www.usn.no",
      version: 1,
      measureCount: 0,
      measures: [],
      allowedActions: ["read", "create", "delete", "update"],
    });
    expect(body.contacts).toEqual([
      {
        id: expect.any(String),
        name: "Ola Forsker",
        title: "Professor",
        email: "ola@usn.no",
        phone: "+47 31 00 80 00",
      },
    ]);
    const [event, ...more] = await auditFor(body.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      municipalityId,
      objectType: "organisation",
      action: "create",
      objectLabel: usn.name,
    });
    expect(event?.actorLabel).toContain("@test.no");
    expect(event?.changes).toMatchObject({
      name: { before: null, after: usn.name },
      organisationNumber: { before: null, after: "974760673" },
      contacts: {
        before: null,
        after: [{ name: "Ola Forsker", title: "Professor", email: "ola@usn.no", phone: "+47 31 00 80 00" }],
      },
    });
  });

  it("takes an organisation with only a name and a kind", async () => {
    const body = await created({
      name: "  Frivilligsentralen  ",
      kind: "voluntary",
      organisationNumber: "",
      website: "",
    });
    expect(body).toMatchObject({
      name: "Frivilligsentralen",
      organisationNumber: null,
      website: null,
      contacts: [],
    });
  });

  it("refuses an invalid organisation number with the field and a Norwegian message, and writes nothing", async () => {
    const before = await countOrganisations();
    const response = await create({ name: "Feil AS", kind: "business", organisationNumber: "923 609 017" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "validation",
      details: [
        {
          path: "/organisationNumber",
          message: "Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke).",
        },
      ],
    });
    expect(await countOrganisations()).toBe(before);
  });

  it("refuses a number that cannot exist: 000000000 passes the check digit but starts with neither 8 nor 9", async () => {
    const response = await create({ name: "Null AS", kind: "business", organisationNumber: "000000000" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toContainEqual({
      path: "/organisationNumber",
      message: "Organisasjonsnummeret er ikke gyldig (det begynner alltid med 8 eller 9).",
    });
  });

  it("names every bad field at once", async () => {
    const response = await create({
      name: " ",
      kind: "industry",
      organisationNumber: "12345",
      website: "ftp://example.no",
      contacts: [{ name: "", email: "ikke-epost", phone: "ring meg" }],
    });
    expect(response.statusCode).toBe(400);
    const details = response.json().error.details as { path: string; message: string }[];
    expect(Object.fromEntries(details.map((d) => [d.path, d.message]))).toEqual({
      "/name": "Navnet må fylles ut.",
      "/kind":
        "Velg en type: business (næringsliv), academia (akademia), public (offentlig) eller voluntary (frivillig).",
      "/organisationNumber": "Organisasjonsnummeret må ha 9 sifre.",
      "/website": "Nettstedet må være en adresse som begynner med http:// eller https://.",
      "/contacts/0/name": "Kontaktpersonen må ha et navn.",
      "/contacts/0/email": "E-postadressen er ikke gyldig.",
      "/contacts/0/phone": "Telefonnummeret kan bare inneholde sifre, mellomrom, +, - og parenteser.",
    });
  });

  it("refuses a number already registered in the municipality with 409, however it is spaced", async () => {
    await created({ name: "Drammen Havn", kind: "public", organisationNumber: "938801363" });
    const before = await countOrganisations();
    const response = await create({ name: "Havna igjen", kind: "public", organisationNumber: "938 801 363" });
    expect(response.statusCode).toBe(409);
    const message =
      "Organisasjonsnummeret 938801363 er allerede registrert på en annen samarbeidspartner i kommunen.";
    expect(response.json().error).toEqual({
      code: "conflict",
      message,
      messageKey: "organisation.numberTaken",
      details: [{ path: "/organisationNumber", message }],
    });
    expect(await countOrganisations()).toBe(before);
  });

  it("answers two simultaneous registrations of one number with one 201 and one 409", async () => {
    const body = { name: "Samtidig AS", kind: "public", organisationNumber: "986105174" };
    const statuses = (await Promise.all([create(body), create(body), create(body)])).map((r) => r.statusCode);
    expect(statuses.sort()).toEqual([201, 409, 409]);
  });

  it("lets another municipality register the same number", async () => {
    const response = await create(
      { name: "Drammen Havn", kind: "public", organisationNumber: "938801363" },
      outsider,
      "/api/municipalities/9102/organisations",
    );
    expect(response.statusCode).toBe(201);
  });
});

describe("GET /organisations", () => {
  it("searches names the Norwegian way and filters by kind, sorted by name", async () => {
    const nfd = await created({
      name: "Næringsforeningen i Drammensregionen",
      kind: "business",
      organisationNumber: "923609016",
    });
    await created({ name: "Øvre Eiker Energi", kind: "business" });
    await created({ name: "Åsen Bygg", kind: "business" });
    await created({ name: "Sørøst Grafisk", kind: "voluntary" });

    const search = async (query: string) => {
      const response = await t.app.inject({ url: `${path}?${query}`, headers: signed.viewer.headers });
      expect(response.statusCode).toBe(200);
      return response.json<OrganisationSummaryResponse[]>();
    };
    expect((await search("q=n%C3%A6ring")).map((o) => o.name)).toEqual([
      "Næringsforeningen i Drammensregionen",
    ]);
    expect((await search(`q=${encodeURIComponent("NÆRINGSFORENINGEN  I")}`)).map((o) => o.id)).toEqual([
      nfd.id,
    ]);
    const southEast = (await search(`q=${encodeURIComponent("SØRØST")}`)).map((o) => o.name);
    expect(southEast).toContain("Sørøst Grafisk");
    expect(southEast.every((name) => name.toLocaleLowerCase("nb").includes("sørøst"))).toBe(true);
    expect((await search(`q=${encodeURIComponent("923 609")}`)).map((o) => o.id)).toEqual([nfd.id]);
    expect(await search("q=finnes-ikke")).toEqual([]);
    // Æ, Ø, Å come last in Norwegian.
    expect((await search("kind=business")).map((o) => o.name)).toEqual([
      "Næringsforeningen i Drammensregionen",
      "Øvre Eiker Energi",
      "Åsen Bygg",
    ]);
    const [first] = await search("q=n%C3%A6ring&kind=business");
    expect(first).toEqual({
      id: nfd.id,
      name: "Næringsforeningen i Drammensregionen",
      kind: "business",
      organisationNumber: "923609016",
      website: null,
      version: 1,
      measureCount: 0,
      allowedActions: ["read"],
    });
    expect(await search("q=n%C3%A6ring&kind=academia")).toEqual([]);
    const bad = await t.app.inject({ url: `${path}?kind=industry`, headers: signed.viewer.headers });
    expect(bad.statusCode).toBe(400);
  });
});

describe("GET /organisations/:id", () => {
  it("shows the measures it takes part in, the newest version each may see; drafts only to those who may read them", async () => {
    const org = await created({ name: "Buskerud Kollektivtrafikk", kind: "public" });
    const adopted = await linkToMeasure(org.id, {
      reference: "T-900",
      budgetYear: 2026,
      adopted: true,
      role: "contributor",
      title: "Bussfelt (vedtatt)",
    });
    await linkToMeasure(org.id, { reference: "T-1000", budgetYear: 2027, adopted: false, role: "lead" });
    await t.database.db
      .update(measures)
      .set({ status: "in_progress", progress: 40 })
      .where(eq(measures.id, adopted.measure.id));

    const as = async (role: Role) => {
      const response = await t.app.inject({ url: `${path}/${org.id}`, headers: signed[role].headers });
      expect(response.statusCode).toBe(200);
      return response.json<OrganisationDetailResponse>();
    };
    const viewer = await as("viewer");
    expect(viewer.measures).toEqual([
      {
        measureId: adopted.measure.id,
        reference: "T-900",
        title: "Bussfelt (vedtatt)",
        role: "contributor",
        status: "in_progress",
        progress: 40,
        budgetYear: 2026,
        actionPlanStatus: "adopted",
      },
      expect.objectContaining({
        reference: "T-1000",
        role: "lead",
        budgetYear: 2027,
        actionPlanStatus: "draft",
      }),
    ]);
    expect(viewer.measureCount).toBe(2);
    expect(viewer.allowedActions).toEqual(["read"]);

    // Partners read organisations, but not draft measures.
    const partner = await as("partner");
    expect(partner.measures.map((m) => m.reference)).toEqual(["T-900"]);
    expect(partner.measureCount).toBe(1);
    const list = (await t.app.inject({ url: `${path}?q=kollektiv`, headers: signed.partner.headers })).json<
      OrganisationSummaryResponse[]
    >();
    expect(list[0]?.measureCount).toBe(1);
  });

  it("picks the newest version of a measure the person may see", async () => {
    const { db } = t.database;
    const org = await created({ name: "Vestre Viken", kind: "public" });
    const old = await linkToMeasure(org.id, {
      reference: "T-950",
      budgetYear: 2026,
      adopted: true,
      role: "funder",
      title: "Gammel tittel",
    });
    const plan = await createPlan(db, { municipalityId });
    const nextYear = await createActionPlanVersion(db, { plan, budgetYear: 2027 });
    // Rolling copies the measure forward: a new version of the same identity in the 2027 draft.
    const [rolled] = await db
      .insert(measureVersions)
      .values({
        municipalityId,
        measureId: old.measure.id,
        actionPlanVersionId: nextYear.id,
        focusAreaId: old.focusArea.id,
        title: "Ny tittel",
        startYear: 2027,
        endYear: 2030,
      })
      .returning();
    if (!rolled) throw new Error("no row");
    await db
      .insert(measureVersionPartners)
      .values({ municipalityId, measureVersionId: rolled.id, organisationId: org.id, role: "lead" });

    const read = async (role: Role) =>
      (
        await t.app.inject({ url: `${path}/${org.id}`, headers: signed[role].headers })
      ).json<OrganisationDetailResponse>().measures;
    expect(await read("planner")).toEqual([
      expect.objectContaining({ title: "Ny tittel", role: "lead", budgetYear: 2027 }),
    ]);
    expect(await read("partner")).toEqual([
      expect.objectContaining({ title: "Gammel tittel", role: "funder", budgetYear: 2026 }),
    ]);
  });

  it("answers 404 for another municipality's organisation and for outsiders", async () => {
    const org = await created({ name: "Lokal bedrift", kind: "business" });
    const viaOther = await t.app.inject({
      url: `/api/municipalities/9102/organisations/${org.id}`,
      headers: outsider.headers,
    });
    expect(viaOther.statusCode).toBe(404);
    const outsiderHere = await t.app.inject({ url: `${path}/${org.id}`, headers: outsider.headers });
    expect(outsiderHere.statusCode).toBe(404);
    expect(JSON.stringify(outsiderHere.json())).not.toContain("Lokal bedrift");
    expect((await t.app.inject({ url: path, headers: outsider.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: path })).statusCode).toBe(404);
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/municipalities/9102/organisations/${org.id}`,
      headers: outsider.headers,
      payload: { version: 1, name: "Kapret" },
    });
    expect(patch.statusCode).toBe(404);
    const missing = await t.app.inject({
      url: `${path}/00000000-0000-4000-8000-000000000000`,
      headers: signed.viewer.headers,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe("Samarbeidspartneren finnes ikke.");
  });
});

describe("PATCH /organisations/:id", () => {
  it("edits, replaces the contacts, bumps the version and audits the changed fields only", async () => {
    const org = await created({ ...usn, name: "USN (gammelt navn)", organisationNumber: null });
    const response = await t.app.inject({
      method: "PATCH",
      url: `${path}/${org.id}`,
      headers: signed.planner.headers,
      payload: {
        version: 1,
        name: "USN Drammen",
        contacts: [{ name: "Kari Rektor", email: "kari@usn.no" }, { name: "Per Dekan" }],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<OrganisationDetailResponse>();
    expect(body).toMatchObject({ name: "USN Drammen", version: 2, website: "https://www.usn.no" });
    expect(body.contacts.map((c) => c.name)).toEqual(["Kari Rektor", "Per Dekan"]);
    const rows = await t.database.db
      .select()
      .from(organisationContacts)
      .where(eq(organisationContacts.organisationId, org.id));
    expect(rows.map((r) => r.name).sort()).toEqual(["Kari Rektor", "Per Dekan"]);

    const update = (await auditFor(org.id)).find((e) => e.action === "update");
    expect(Object.keys(update?.changes ?? {}).sort()).toEqual(["contacts", "name"]);
    expect(update?.changes.name).toEqual({ before: "USN (gammelt navn)", after: "USN Drammen" });
  });

  it("refuses a stale version with 409 and the current state, and changes nothing", async () => {
    const org = await created({ name: "Tresko AS", kind: "business" });
    const first = await t.app.inject({
      method: "PATCH",
      url: `${path}/${org.id}`,
      headers: signed.planner.headers,
      payload: { version: 1, website: "https://tresko.no" },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: "PATCH",
      url: `${path}/${org.id}`,
      headers: signed.planner.headers,
      payload: { version: 1, name: "Overskrevet" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details[0]).toMatchObject({ path: "/version", code: "stale" });
    expect(stale.json().error.details[0].current).toMatchObject({
      name: "Tresko AS",
      website: "https://tresko.no",
      version: 2,
    });
    const [row] = await t.database.db
      .select()
      .from(partnerOrganisations)
      .where(eq(partnerOrganisations.id, org.id));
    expect(row).toMatchObject({ name: "Tresko AS", version: 2 });
    expect((await auditFor(org.id)).map((e) => e.action)).toEqual(["create", "update"]);
  });

  it("refuses another organisation's number and an invalid one", async () => {
    const a = await created({ name: "A AS", kind: "business", organisationNumber: "923456783" });
    const b = await created({ name: "B AS", kind: "business" });
    const taken = await t.app.inject({
      method: "PATCH",
      url: `${path}/${b.id}`,
      headers: signed.planner.headers,
      payload: { version: 1, organisationNumber: "923 456 783" },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain("allerede registrert");
    const invalid = await t.app.inject({
      method: "PATCH",
      url: `${path}/${b.id}`,
      headers: signed.planner.headers,
      payload: { version: 1, organisationNumber: "912345670" },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details).toEqual([
      {
        path: "/organisationNumber",
        message: "Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke).",
      },
    ]);
    // Keeping one's own number is no conflict.
    const own = await t.app.inject({
      method: "PATCH",
      url: `${path}/${a.id}`,
      headers: signed.planner.headers,
      payload: { version: 1, organisationNumber: "923456783", name: "A AS (ny)" },
    });
    expect(own.statusCode).toBe(200);
  });
});

describe("DELETE /organisations/:id", () => {
  it("refuses while the organisation takes part in a measure, and changes nothing", async () => {
    const org = await created({ ...usn, name: "Deltaker AS", organisationNumber: "930000000" });
    await linkToMeasure(org.id, { reference: "T-700", budgetYear: 2026, adopted: true });
    const response = await t.app.inject({
      method: "DELETE",
      url: `${path}/${org.id}?version=1`,
      headers: signed.planner.headers,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain("Deltaker AS deltar i tiltak og kan ikke slettes");
    const [row] = await t.database.db
      .select()
      .from(partnerOrganisations)
      .where(eq(partnerOrganisations.id, org.id));
    expect(row).toBeDefined();
    expect(
      await t.database.db
        .select()
        .from(organisationContacts)
        .where(eq(organisationContacts.organisationId, org.id)),
    ).toHaveLength(1);
    expect((await auditFor(org.id)).map((e) => e.action)).toEqual(["create"]);
  });

  it("deletes an organisation without measures, with its contacts, audited; a stale version gets 409", async () => {
    const org = await created({ ...usn, name: "Nedlagt AS", organisationNumber: null });
    const stale = await t.app.inject({
      method: "DELETE",
      url: `${path}/${org.id}?version=7`,
      headers: signed.planner.headers,
    });
    expect(stale.statusCode).toBe(409);
    const response = await t.app.inject({
      method: "DELETE",
      url: `${path}/${org.id}?version=1`,
      headers: signed.planner.headers,
    });
    expect(response.statusCode).toBe(204);
    const { db } = t.database;
    expect(await db.select().from(partnerOrganisations).where(eq(partnerOrganisations.id, org.id))).toEqual(
      [],
    );
    expect(
      await db.select().from(organisationContacts).where(eq(organisationContacts.organisationId, org.id)),
    ).toEqual([]);
    const deleted = (await auditFor(org.id)).find((e) => e.action === "delete");
    expect(deleted?.changes).toMatchObject({
      name: { before: "Nedlagt AS", after: null },
      contacts: { before: [expect.objectContaining({ name: "Ola Forsker" })], after: null },
    });
    const again = await t.app.inject({ url: `${path}/${org.id}`, headers: signed.planner.headers });
    expect(again.statusCode).toBe(404);
  });
});

describe("permissions", () => {
  it.each(["partner", "viewer", "measure_owner", "admin"] as const)(
    "%s reads organisations but may not write them (403), and a refused write changes nothing",
    async (role) => {
      const org = await created({ name: `Lesbar for ${role}`, kind: "business" });
      const as = signed[role];
      expect((await t.app.inject({ url: path, headers: as.headers })).statusCode).toBe(200);
      expect((await t.app.inject({ url: `${path}/${org.id}`, headers: as.headers })).statusCode).toBe(200);
      const before = await countOrganisations();
      expect((await create({ name: "Ny", kind: "business" }, as)).statusCode).toBe(403);
      const patch = await t.app.inject({
        method: "PATCH",
        url: `${path}/${org.id}`,
        headers: as.headers,
        payload: { version: 1, name: "Endret" },
      });
      expect(patch.statusCode).toBe(403);
      const del = await t.app.inject({
        method: "DELETE",
        url: `${path}/${org.id}?version=1`,
        headers: as.headers,
      });
      expect(del.statusCode).toBe(403);
      expect(await countOrganisations()).toBe(before);
      const [row] = await t.database.db
        .select()
        .from(partnerOrganisations)
        .where(and(eq(partnerOrganisations.id, org.id), eq(partnerOrganisations.version, 1)));
      expect(row?.name).toBe(`Lesbar for ${role}`);
      expect((await auditFor(org.id)).map((e) => e.action)).toEqual(["create"]);
    },
  );
});

describe("OpenAPI", () => {
  it("documents the partner routes", async () => {
    const response = await t.app.inject({ url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths["/api/municipalities/{municipalityNumber}/organisations"] ?? {}).sort()).toEqual(
      ["get", "post"],
    );
    expect(
      Object.keys(
        paths["/api/municipalities/{municipalityNumber}/organisations/{organisationId}"] ?? {},
      ).sort(),
    ).toEqual(["delete", "get", "patch"]);
  });
});
