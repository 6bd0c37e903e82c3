import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import createClient, { type Middleware } from "openapi-fetch";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../../test/app.ts";
import { createMunicipality, createUser, testPassword } from "../../test/factories.ts";

// A client generated from the app's own OpenAPI document (openapi-typescript + openapi-fetch) signs
// in, creates a measure and reads it back, over a real port. The types are generated during the
// run, and the calls below are typechecked against them, so the test fails when the document drifts.

let t: Awaited<ReturnType<typeof createTestApp>>;
let baseUrl: string;
let dir: string;
const setup = { email: "", municipalityNumber: "", planId: "", focusAreaId: "" };

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  // Inside the project, so the generated code resolves openapi-fetch from its node_modules.
  mkdirSync(path.resolve("node_modules/.cache"), { recursive: true });
  dir = mkdtempSync(path.resolve("node_modules/.cache/planverk-client-"));
  const db = t.database.db;
  const municipality = await createMunicipality(db);
  const planner = await createUser(db, { municipalityId: municipality.id, role: "planner" });
  const session = await signIn(t.app, planner.email, testPassword);
  const base = `/api/municipalities/${municipality.number}`;
  const post = (url: string, payload: object) =>
    t.app.inject({ method: "POST", url: `${base}${url}`, headers: session.headers, payload });
  const plan = (
    await post("/plans", { title: "Næringsplan", startYear: 2023, endYear: 2027, firstBudgetYear: 2027 })
  ).json();
  const focusArea = (await post(`/plans/${plan.id}/focus-areas`, { title: "Havnebyen" })).json();
  Object.assign(setup, {
    email: planner.email,
    municipalityNumber: municipality.number,
    planId: plan.id,
    focusAreaId: focusArea.id,
  });
}, 60_000);
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

/** What the calls of this test look like, typechecked against the generated `paths`. */
const usage = `
import createClient from "openapi-fetch";
import type { paths } from "./api.ts";

declare const email: string;
declare const password: string;
declare const municipalityNumber: string;
declare const planId: string;
declare const focusAreaId: string;

export async function walk() {
  const client = createClient<paths>({ baseUrl: "http://localhost" });
  const signedIn = await client.POST("/api/session", { body: { email, password } });
  const csrfToken: string | null | undefined = signedIn.data?.csrfToken;
  const created = await client.POST("/api/municipalities/{municipalityNumber}/plans/{planId}/measures", {
    params: { path: { municipalityNumber, planId } },
    body: { title: "Landstrøm i havna", focusAreaId, startYear: 2027, endYear: 2029 },
  });
  const reference: string | undefined = created.data?.reference;
  const read = await client.GET("/api/municipalities/{municipalityNumber}/measures/{reference}", {
    params: { path: { municipalityNumber, reference: reference ?? "" }, query: { year: 2027 } },
  });
  const title: string | undefined = read.data?.title;
  const focusArea: string | undefined = read.data?.focusAreaId;
  const refusal: string | undefined = read.error?.error.message;
  const stale = created.error?.error.details?.find((d) => d.code === "stale")?.current;
  const page = await client.GET("/api/municipalities/{municipalityNumber}/organisations", {
    params: { path: { municipalityNumber }, query: { limit: 10, cursor: "x" } },
  });
  const names: string[] | undefined = page.data?.map((o) => o.name);
  return { csrfToken, title, focusArea, refusal, stale, names };
}
`;

describe("a client generated from the OpenAPI document", () => {
  it("generates types that the calls typecheck against", async () => {
    const document = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as OpenAPI3;
    const types = astToString(await openapiTS(document));
    expect(types).toContain('"/api/session"');
    writeFileSync(path.join(dir, "api.ts"), types);
    writeFileSync(path.join(dir, "usage.ts"), usage);
    const program = ts.createProgram([path.join(dir, "usage.ts")], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      types: [],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  }, 120_000);

  it("signs in, sends the CSRF token the document names, creates a measure and reads it back", async () => {
    const document = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as {
      components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
    };
    // The cookie and the header are the ones the document's security schemes name.
    const schemes = Object.values(document.components.securitySchemes);
    const cookieScheme = schemes.find((s) => s.type === "apiKey" && s.in === "cookie");
    const headerScheme = schemes.find((s) => s.type === "apiKey" && s.in === "header");
    if (!cookieScheme || !headerScheme) throw new Error("no session cookie or CSRF header in the document");

    // The generated types are checked in the test above; at run time the client is the same code.
    // biome-ignore lint/suspicious/noExplicitAny: the generated `paths` exist only inside the run
    const client = createClient<any>({ baseUrl });
    let cookie = "";
    let csrfToken = "";
    const session: Middleware = {
      onRequest({ request }) {
        if (cookie) request.headers.set("cookie", cookie);
        if (csrfToken) request.headers.set(headerScheme.name, csrfToken);
        return request;
      },
      onResponse({ response }) {
        for (const setCookie of response.headers.getSetCookie()) {
          const [pair] = setCookie.split(";");
          if (pair?.startsWith(`${cookieScheme.name}=`)) cookie = pair;
        }
        return response;
      },
    };
    client.use(session);

    const signedIn = await client.POST("/api/session", {
      body: { email: setup.email, password: testPassword },
    });
    expect(signedIn.response.status).toBe(200);
    csrfToken = signedIn.data.csrfToken;
    expect(cookie).toMatch(new RegExp(`^${cookieScheme.name}=.+`));
    expect(csrfToken).toBeTruthy();

    const { municipalityNumber, planId, focusAreaId } = setup;
    const created = await client.POST("/api/municipalities/{municipalityNumber}/plans/{planId}/measures", {
      params: { path: { municipalityNumber, planId } },
      body: { title: "Landstrøm i havna", focusAreaId, startYear: 2027, endYear: 2029 },
    });
    expect(created.response.status, JSON.stringify(created.error)).toBe(201);
    const reference = created.data.reference as string;
    expect(reference).toBe("T-001");

    const read = await client.GET("/api/municipalities/{municipalityNumber}/measures/{reference}", {
      params: { path: { municipalityNumber, reference }, query: { year: 2027 } },
    });
    expect(read.response.status).toBe(200);
    expect(read.data).toMatchObject({ reference, title: "Landstrøm i havna", focusAreaId });

    // Without the CSRF header the same write is refused in the one error shape.
    csrfToken = "";
    const refused = await client.POST("/api/municipalities/{municipalityNumber}/plans/{planId}/measures", {
      params: { path: { municipalityNumber, planId } },
      body: { title: "Uten token", focusAreaId, startYear: 2027, endYear: 2029 },
    });
    expect(refused.response.status).toBe(403);
    expect(refused.error.error.code).toBe("forbidden");
  });
});
