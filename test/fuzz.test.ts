/**
 * Bad input: property-based fuzzing of every write route the OpenAPI document lists
 * (POST, PUT, PATCH, DELETE — discovered from GET /api/openapi.json, so new routes are covered
 * without touching this file). Each route gets generated requests — hostile JSON bodies guided by
 * the route's schema (wrong types, missing fields, huge strings, NUL bytes, unicode, numbers out of
 * range, null, nested junk), random query strings, path parameters with junk and with plausible
 * values (a real municipality number, real ids, random uuids, "T-001") — signed in as a planner and
 * anonymously. Properties: the status is never 5xx, and a refused request (4xx) changes nothing in
 * the database (row counts of every table, and the last audit event).
 *
 * The default run is short (15 runs per route). The long version:
 *   FUZZ_RUNS=300 npx vitest run test/fuzz.test.ts --testTimeout=0
 * A failure names the route, fast-check's seed and path; replay just that case with
 *   FUZZ_ROUTE="POST /api/municipalities/{municipalityNumber}/comments" FUZZ_SEED=<seed> FUZZ_PATH=<path>
 */

import { sql } from "drizzle-orm";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "./app.ts";
import {
  createDocumentPlan,
  createIndicator,
  createMunicipality,
  createUser,
  testPassword,
} from "./factories.ts";

const numRuns = Number(process.env.FUZZ_RUNS ?? 15);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const path = process.env.FUZZ_PATH;
const onlyRoute = process.env.FUZZ_ROUTE;
const writeMethods = ["post", "put", "patch", "delete"] as const;
type Method = (typeof writeMethods)[number];
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};
type Operation = {
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Route = { method: Method; path: string; operation: Operation };

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: FastifyInstance;
let planner: Signed;
let plannerEmail: string;
let municipalityNumber: string;
let otherMunicipalityNumber: string;
let realIds: string[] = [];
let routes: Route[] = [];

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  const municipality = await createMunicipality(t.database.db);
  const other = await createMunicipality(t.database.db);
  municipalityNumber = municipality.number;
  otherMunicipalityNumber = other.number;
  const user = await createUser(t.database.db, { municipalityId: municipality.id, role: "planner" });
  plannerEmail = user.email;
  await createDocumentPlan(t.database.db, { municipalityId: municipality.id, measureCount: 3 });
  await createIndicator(t.database.db, { municipalityId: municipality.id });
  planner = await signIn(app, plannerEmail, testPassword);
  realIds = await collectIds();
  const doc = (await app.inject({ url: "/api/openapi.json" })).json() as {
    paths: Record<string, Partial<Record<string, Operation>>>;
  };
  routes = Object.entries(doc.paths).flatMap(([p, item]) =>
    writeMethods.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method, path: p, operation }] : [];
    }),
  );
}, 120_000);
afterAll(() => t?.close());

/** A few real uuids of every table with an `id` column: plausible path parameters. */
async function collectIds(): Promise<string[]> {
  const tables = await t.database.db.execute<{ table_name: string }>(sql`
    select c.table_name from information_schema.columns c
    join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid' and tb.table_type = 'BASE TABLE'`);
  const ids: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await t.database.db.execute<{ id: string }>(
      sql.raw(`select id::text as id from "${table_name}" limit 2`),
    );
    ids.push(...rows.rows.map((r) => r.id));
  }
  return ids;
}

/** Row counts of every table in the public schema, and the last audit event. */
async function fingerprint(): Promise<string> {
  const tables = await t.database.db.execute<{ table_name: string }>(sql`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  // A refused sign-in is counted on purpose (throttling) and audited as a failed sign-in: the only
  // writes a refusal may make.
  const notFailedSignIn = `where action <> 'sign_in_failed'`;
  const counts = tables.rows
    .filter(({ table_name }) => table_name !== "sign_in_throttle")
    .map(
      ({ table_name }) =>
        `select '${table_name}' as t, count(*)::text as n from "${table_name}"${table_name === "audit_events" ? ` ${notFailedSignIn}` : ""}`,
    )
    .join(" union all ");
  const rows = await t.database.db.execute<{ t: string; n: string }>(
    sql.raw(
      `${counts} union all select 'max(audit_events.id)', coalesce(max(id), 0)::text from audit_events ${notFailedSignIn}`,
    ),
  );
  return rows.rows.map((r) => `${r.t}=${r.n}`).join("\n");
}

// ---------------------------------------------------------------------------------------------
// Generators

const hugeString = fc.constantFrom("x".repeat(100_000), "ø".repeat(20_000), "\u0000".repeat(10));
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "💥🇳🇴",
    "Ærlig Øl Å",
    "'; drop table users; --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "NaN",
    "-1",
    "1e309",
    "2027",
    "T-001",
    "0000",
    "null",
  ),
  hugeString,
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    -(2 ** 53),
    1e20,
    -1e20,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    9999,
    10000,
  ),
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: "small" },
  fc.constant(null),
  fc.boolean(),
  hostileNumber,
  hostileString,
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
  fc.array(fc.constant([[[[[[[[[[]]]]]]]]]]), { maxLength: 3 }),
);

const uuid = () => fc.oneof(fc.uuid(), fc.constantFrom(...(realIds.length ? realIds : ["x"])));

/** Mostly well-formed values by the schema, at its edges; now and then the wrong thing entirely. */
function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return junk;
  const alternatives = schema.anyOf ?? schema.oneOf;
  const wellFormed = ((): fc.Arbitrary<unknown> => {
    if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)));
    if (schema.allOf?.length) return fromSchema(schema.allOf[0], depth + 1);
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    if (schema.const !== undefined) return fc.constant(schema.const);
    const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    if (type.length > 1)
      return fc.oneof(...type.map((one) => fromSchema({ ...schema, type: one }, depth + 1)));
    switch (type[0]) {
      case "object": {
        const properties = Object.entries(schema.properties ?? {});
        if (!properties.length) return fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 3 });
        const required = new Set(schema.required ?? []);
        return fc.record(Object.fromEntries(properties.map(([k, s]) => [k, fromSchema(s, depth + 1)])), {
          requiredKeys: properties.map(([k]) => k).filter((k) => required.has(k)),
        });
      }
      case "array":
        return fc.array(fromSchema(schema.items, depth + 1), {
          minLength: Math.min(schema.minItems ?? 0, 5),
          maxLength: Math.min(Math.max(schema.minItems ?? 0, 4), 50),
        });
      case "string":
        return stringFor(schema);
      case "integer":
        return fc.oneof(
          fc.integer({
            min: Math.max(schema.minimum ?? -(2 ** 31), Number.MIN_SAFE_INTEGER),
            max: Math.min(schema.maximum ?? 2 ** 31, Number.MAX_SAFE_INTEGER),
          }),
          fc.constantFrom(
            ...[schema.minimum, schema.maximum, 0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1].filter(
              (n): n is number => typeof n === "number",
            ),
          ),
        );
      case "number":
        return fc.oneof(
          hostileNumber,
          fc.constantFrom(...[0, schema.minimum, schema.maximum].filter((n) => typeof n === "number")),
        );
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      default:
        return junk;
    }
  })();
  return fc.oneof({ weight: 8, arbitrary: wellFormed }, { weight: 1, arbitrary: junk });
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 200;
  const min = schema.minLength ?? 0;
  const sized = fc.oneof(
    fc.string({ minLength: min, maxLength: Math.min(max, 60) }),
    fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, 60) }),
    fc.constant("x".repeat(Math.min(max, 200_000))),
    fc.constant(`a\u0000${"b".repeat(Math.max(0, min - 2))}`.slice(0, Math.max(max, 2))),
  );
  switch (schema.format) {
    case "uuid":
      return uuid();
    case "date":
      return fc.constantFrom("2026-01-01", "2026-02-30", "0001-01-01", "9999-12-31", "2027-12-31");
    case "date-time":
      return fc.constantFrom("2026-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z");
    case "email":
      return fc.oneof(fc.emailAddress(), fc.constant(`${"a".repeat(250)}@example.no`));
    case "uri":
      // Never the network: a port nothing listens on.
      return fc.constantFrom("http://127.0.0.1:1/x", "https://127.0.0.1:1/");
    default:
      return fc.oneof(sized, hostileString);
  }
}

const pathValue = (name: string): fc.Arbitrary<string> => {
  const junkSegment = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom("0", "-1", "99999999999999999999", "2027", "1e3", "%00", "%F0%9F", "..", "T-001", " "),
    fc.constant("x".repeat(3000)),
  );
  const plausible =
    name === "municipalityNumber"
      ? fc.constantFrom(municipalityNumber, municipalityNumber, otherMunicipalityNumber, "0000", "9999")
      : /year/i.test(name)
        ? fc.constantFrom("2026", "2027", "0", "2147483648", "-2027")
        : /revision|position|index|number|version/i.test(name)
          ? fc.constantFrom("0", "1", "2", "2147483648", "9007199254740991", "-1", "1.5")
          : /reference/i.test(name)
            ? fc.constantFrom("T-001", "T-002")
            : fc.oneof(uuid(), fc.constant("T-001"));
  return fc
    .oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: junkSegment })
    .map((v) => encodeURIComponent(v));
};

/** The route's own query parameters (by their schema, or junk), and now and then unknown ones. */
function queryFor(operation: Operation): fc.Arbitrary<string> {
  const scalar = (value: unknown) => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
  const known = (operation.parameters ?? [])
    .filter((p) => p.in === "query")
    .map((p) => [p.name, fromSchema(p.schema).map(scalar)] as const);
  const listed = fc.record(Object.fromEntries(known), { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, string>
  >;
  const unknown = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 10 }),
    fc.oneof(hostileString, fc.constant("")),
    {
      maxKeys: 4,
    },
  );
  return fc
    .oneof({ weight: known.length ? 3 : 0, arbitrary: listed }, { weight: 1, arbitrary: unknown })
    .map((q) => new URLSearchParams(q).toString());
}

function bodyFor(operation: Operation): fc.Arbitrary<{ contentType?: string; payload?: string | Buffer }> {
  const content = operation.requestBody?.content ?? {};
  const json = content["application/json"]?.schema;
  const binary = Object.keys(content).some((type) => type !== "application/json");
  const jsonBody = fromSchema(json).map((value) => ({
    contentType: "application/json",
    payload: JSON.stringify(value) ?? "null",
  }));
  const options: fc.Arbitrary<{ contentType?: string; payload?: string | Buffer }>[] = [
    jsonBody,
    jsonBody,
    jsonBody,
    junk.map((value) => ({ contentType: "application/json", payload: JSON.stringify(value) ?? "null" })),
    fc.constantFrom(
      { contentType: "application/json", payload: "{" },
      { contentType: "application/json", payload: "" },
      { contentType: "text/plain", payload: "hei" },
      {},
    ),
  ];
  if (binary) {
    const type = Object.keys(content).find((k) => k !== "application/json") ?? "application/octet-stream";
    options.push(
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ contentType: type, payload: Buffer.from(bytes) })),
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({
        contentType: type,
        payload: Buffer.concat([Buffer.from("PK\u0003\u0004"), bytes]),
      })),
      fc.constant({ contentType: type, payload: Buffer.alloc(30 * 1024 * 1024, 0x41) }),
    );
  }
  return fc.oneof(...options);
}

/** Signs the planner in again when a request (a 2xx sign-out) ended the session. */
async function ensureSignedIn() {
  const response = await app.inject({ url: "/api/session", headers: planner.headers });
  if (response.statusCode !== 200 || !response.json().user) {
    // The fuzzed sign-ins fail by the hundred; their throttle must not keep the planner out.
    await t.database.db.execute(sql`delete from sign_in_throttle`);
    planner = await signIn(app, plannerEmail, testPassword);
  }
}

describe("fuzzing every write route of the OpenAPI document", () => {
  it("finds the write routes", () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.some((r) => r.path.endsWith("/measures-import/preview"))).toBe(true);
  });

  it("never answers 5xx, and a refused request changes nothing", { timeout: 0 }, async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (onlyRoute && `${route.method.toUpperCase()} ${route.path}` !== onlyRoute) continue;
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      const params = fc.tuple(...names.map(pathValue));
      const result = await fc.check(
        fc.asyncProperty(
          params,
          fc.option(queryFor(route.operation), { freq: 3 }),
          bodyFor(route.operation),
          fc.boolean(),
          async (values, query, body, anonymous) => {
            let url = route.path;
            names.forEach((name, i) => {
              url = url.replace(`{${name}}`, values[i] as string);
            });
            if (query) url = `${url}?${query}`;
            const before = await fingerprint();
            const response = await app.inject({
              method: route.method.toUpperCase() as "POST",
              url,
              headers: {
                ...(anonymous ? {} : planner.headers),
                ...(body.contentType ? { "content-type": body.contentType } : {}),
              },
              ...(body.payload !== undefined ? { payload: body.payload } : {}),
            });
            const sent = Buffer.isBuffer(body.payload) ? `${body.payload.length} bytes` : body.payload;
            const where = `${route.method.toUpperCase()} ${url.slice(0, 300)} [${anonymous ? "anonymous" : "planner"}, ${body.contentType}: ${String(sent).slice(0, 500)}] → ${response.statusCode} ${response.body.slice(0, 300)}`;
            expect(response.statusCode, where).toBeLessThan(500);
            if (response.statusCode >= 400) expect(await fingerprint(), where).toBe(before);
            else await ensureSignedIn();
          },
        ),
        { numRuns, seed, path, endOnFailure: true },
      );
      if (result.failed)
        failures.push(
          `FUZZ_ROUTE="${route.method.toUpperCase()} ${route.path}" FUZZ_SEED=${result.seed} FUZZ_PATH=${result.counterexamplePath}: ${String(result.errorInstance).slice(0, 1500)}`,
        );
    }
    expect(failures, `${routes.length} routes, ${failures.length} failing`).toEqual([]);
  });
});

describe("a zip bomb", () => {
  it("uploading an .xlsx that unpacks to far more than the upload limit gets a clear 4xx", async () => {
    const route = routes.find((r) => r.method === "post" && r.path.endsWith("/measures-import/preview"));
    if (!route) throw new Error("no measures import preview route");
    const plan = await t.database.db.execute<{ id: string }>(
      sql`select p.id from plans p join municipalities m on m.id = p.municipality_id where m.number = ${municipalityNumber} limit 1`,
    );
    // Three entries of 60 MB each (one compressible string): a small file that unpacks to 180 MB.
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
    const filler = "<a>".padEnd(60 * 1024 * 1024, "A");
    for (const n of [1, 2, 3]) zip.file(`xl/worksheets/sheet${n}.xml`, filler);
    const bomb = await zip.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
    });
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const url = route.path
      .replace("{municipalityNumber}", municipalityNumber)
      .replace("{planId}", plan.rows[0]?.id ?? "");
    const started = Date.now();
    const response = await app.inject({
      method: "POST",
      url,
      headers: {
        ...planner.headers,
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
      payload: bomb,
    });
    expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
    expect(response.statusCode, response.body).toBeLessThan(500);
    expect(response.json().error.message).toMatch(/pakkes ut til mer enn/);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);
});
