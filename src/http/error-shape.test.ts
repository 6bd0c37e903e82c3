import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "../../test/app.ts";
import { createMunicipality, createUser, testPassword } from "../../test/factories.ts";

// One error shape everywhere: { error: { code, message, messageKey, details: [{ path, message }] } },
// the message naming the first problem and its field, in the request's language.

type Operation = {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, unknown> };
  security?: unknown[];
};
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, { type: string; in: string; name: string }> };
  security?: Record<string, string[]>[];
};

let t: Awaited<ReturnType<typeof createTestApp>>;
let planner: Signed;
let municipalityNumber: string;
let doc: OpenApi;
beforeAll(async () => {
  t = await createTestApp();
  const municipality = await createMunicipality(t.database.db);
  municipalityNumber = municipality.number;
  const user = await createUser(t.database.db, { municipalityId: municipality.id, role: "planner" });
  planner = await signIn(t.app, user.email, testPassword);
  doc = (await t.app.inject({ url: "/api/openapi.json" })).json() as OpenApi;
}, 60_000);
afterAll(() => t?.close());

const english =
  /expected|received|Invalid input|Too (big|small)|Unrecognized|Unexpected token|in JSON at|Body cannot be empty/i;

/** Checks the one error shape and that the message is ours, not a library's. */
function expectErrorShape(response: { statusCode: number; body: string }, where: string) {
  expect(response.statusCode, `${where}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, `${where}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  const { error } = JSON.parse(response.body) as {
    error: { code: string; message: string; messageKey?: string; details?: unknown };
  };
  expect(typeof error.code, where).toBe("string");
  expect(error.message, where).toBeTruthy();
  expect(error.message, where).not.toMatch(english);
  expect(error.message, where).not.toBe("Ugyldig forespørsel.");
  expect(typeof error.messageKey, where).toBe("string");
  if (error.details !== undefined) {
    expect(Array.isArray(error.details), `${where}: details is a list`).toBe(true);
    for (const d of error.details as { path: unknown; message: unknown }[]) {
      expect(typeof d.path, where).toBe("string");
      expect(typeof d.message, where).toBe("string");
      expect(d.message as string, where).not.toMatch(english);
    }
  }
  return error;
}

const fill = (path: string) =>
  path
    .replace("{municipalityNumber}", municipalityNumber)
    .replace("{reference}", "T-001")
    .replace(/\{(budgetYear|year)\}/g, "2027")
    .replace("{revision}", "0")
    .replace("{format}", "xlsx")
    .replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");

describe("the one error shape", () => {
  it("every JSON write in the OpenAPI document refuses a bad body in the one shape, naming the field", async () => {
    let checked = 0;
    let refusedForTheBody = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!["post", "put", "patch"].includes(method)) continue;
        const content = operation.requestBody?.content ?? {};
        if (!("application/json" in content)) continue;
        const url = fill(path);
        const where = `${method.toUpperCase()} ${path}`;
        // A list where an object is expected: the body itself is wrong.
        const response = await t.app.inject({
          method: method.toUpperCase() as "POST",
          url,
          headers: { ...planner.headers, "content-type": "application/json" },
          payload: "[]",
        });
        const error = expectErrorShape(response, where);
        if (response.statusCode === 400) {
          expect(error.code, where).toBe("validation");
          expect(error.message, where).toMatch(/^Feil i «.+»: /);
          refusedForTheBody++;
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(refusedForTheBody).toBeGreaterThan(checked * 0.8);
  }, 120_000);

  it("a missing field says it is missing; the query's `version` never says NaN", async () => {
    const response = await t.app.inject({
      method: "DELETE",
      url: `/api/municipalities/${municipalityNumber}/measures/T-001`,
      headers: planner.headers,
    });
    const error = expectErrorShape(response, "DELETE measure without version");
    expect(response.statusCode).toBe(400);
    expect(error.message).toBe("Feil i «version»: Mangler.");
    expect(error.details).toEqual([{ path: "/version", message: "Mangler." }]);
    expect(response.body).not.toContain("NaN");
  });

  it("an enum lists the accepted values, and a bad amount names the bound", async () => {
    const organisation = await t.app.inject({
      method: "POST",
      url: `/api/municipalities/${municipalityNumber}/organisations`,
      headers: planner.headers,
      payload: { name: "Test AS", kind: "industry" },
    });
    const orgError = expectErrorShape(organisation, "organisation kind");
    expect(orgError.message).toContain("business");
    expect(orgError.message).toContain("voluntary");
    const phase = await t.app.inject({
      method: "POST",
      url: `/api/municipalities/${municipalityNumber}/cycles/00000000-0000-4000-8000-000000000000/advance`,
      headers: planner.headers,
      payload: { version: 1, to: "ferdig" },
    });
    expect(expectErrorShape(phase, "phase").message).toMatch(
      /Feil i «to»: Må være en av: innspill, utarbeidelse/,
    );
  });

  it("JSON that does not parse, an empty JSON body and a wrong content type answer in the same shape and language", async () => {
    const url = `/api/municipalities/${municipalityNumber}/organisations`;
    const bad = await t.app.inject({
      method: "POST",
      url,
      headers: { ...planner.headers, "content-type": "application/json" },
      payload: '{"name": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(expectErrorShape(bad, "bad JSON").message).toBe("Forespørselen er ikke gyldig JSON.");
    const empty = await t.app.inject({
      method: "POST",
      url,
      headers: { ...planner.headers, "content-type": "application/json" },
      payload: "",
    });
    expectErrorShape(empty, "empty JSON");
    const xml = await t.app.inject({
      method: "POST",
      url,
      headers: { ...planner.headers, "content-type": "application/xml" },
      payload: "<a/>",
    });
    expect(xml.statusCode).toBe(415);
    expect(expectErrorShape(xml, "xml").message).toContain("application/xml");
    const english = await t.app.inject({
      method: "POST",
      url,
      headers: { ...planner.headers, "content-type": "application/json", "accept-language": "en" },
      payload: '{"name": ',
    });
    expect(JSON.parse(english.body).error.message).toBe("The request is not valid JSON.");
    const nynorsk = await t.app.inject({
      method: "DELETE",
      url: `/api/municipalities/${municipalityNumber}/measures/T-001`,
      headers: { ...planner.headers, "accept-language": "nn" },
    });
    expect(JSON.parse(nynorsk.body).error.message).toBe("Feil i «version»: Manglar.");
  });

  it("the OpenAPI document states sign-in, the session cookie and the CSRF header", () => {
    expect(doc.components?.securitySchemes?.session).toMatchObject({
      type: "apiKey",
      in: "cookie",
      name: "planverk_session",
    });
    expect(doc.components?.securitySchemes?.csrf).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "x-csrf-token",
    });
    expect(doc.security).toContainEqual({ session: [], csrf: [] });
    const signInOperation = doc.paths["/api/session"]?.post as Operation & {
      requestBody: { content: { "application/json": { schema: { examples?: unknown[] } } } };
    };
    expect(signInOperation.security).toEqual([]);
    // Amounts are documented as whole numbers.
    const frameCheck = JSON.stringify(
      doc.paths["/api/municipalities/{municipalityNumber}/cycles/{cycleId}/frame-check"]?.get,
    );
    expect(frameCheck).toMatch(/"sumNok":\{[^}]*"type":"integer"/);
    expect(JSON.stringify(signInOperation.requestBody)).toContain("planlegger@drammen.kommune.no");
  });

  it("a stale version answers 409 with `details` a list: one item { path: /version, code: stale, current }", async () => {
    const url = `/api/municipalities/${municipalityNumber}/organisations`;
    const created = await t.app.inject({
      method: "POST",
      url,
      headers: planner.headers,
      payload: { name: "Foreldet AS", kind: "business" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const patch = (name: string) =>
      t.app.inject({
        method: "PATCH",
        url: `${url}/${id}`,
        headers: planner.headers,
        payload: { version: 1, name },
      });
    expect((await patch("Først AS")).statusCode).toBe(200);
    const stale = await patch("Sist AS");
    expect(stale.statusCode).toBe(409);
    const error = expectErrorShape(stale, "stale PATCH");
    expect(error.code).toBe("conflict");
    expect(error.details).toEqual([
      {
        path: "/version",
        code: "stale",
        message: error.message,
        current: expect.objectContaining({ name: "Først AS", version: 2 }),
      },
    ]);
    // The document says so: every 409 has `details` as a list of items with a `code` and `current`.
    const refusal = JSON.stringify(
      doc.paths["/api/municipalities/{municipalityNumber}/organisations/{organisationId}"]?.patch,
    );
    expect(refusal).toMatch(/"details":\{"type":"array","items":\{[\s\S]*"code":\{[\s\S]*"current":/);
  });
});
