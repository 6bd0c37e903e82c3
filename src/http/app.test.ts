import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../test/app.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("operations endpoints", () => {
  it("GET /healthz says the process is up", async () => {
    const response = await t.app.inject({ url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("GET /readyz says the database is reachable, and 503 when it is not", async () => {
    expect((await t.app.inject({ url: "/readyz" })).json()).toEqual({ status: "ready" });
    // A second app on a database that is gone.
    const { buildApp } = await import("./app.ts");
    const { connectDatabase } = await import("../db/client.ts");
    const pino = (await import("pino")).default;
    const gone = connectDatabase("postgres://nobody:x@127.0.0.1:1/none", { max: 1 });
    const { loadConfig } = await import("../config.ts");
    const app = await buildApp({ config: loadConfig({}), db: gone.db, logger: pino({ level: "silent" }) });
    const response = await app.inject({ url: "/readyz" });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: "unavailable" });
    await app.close();
    await gone.close();
  });

  it("while starting (migrations running) says 503 «starting» and turns other requests away", async () => {
    const { buildApp } = await import("./app.ts");
    const pino = (await import("pino")).default;
    const { loadConfig } = await import("../config.ts");
    const readiness = { ready: false };
    const app = await buildApp({
      config: loadConfig({}),
      db: t.database.db,
      logger: pino({ level: "silent" }),
      readiness,
    });
    try {
      const starting = await app.inject({ url: "/readyz" });
      expect(starting.statusCode).toBe(503);
      expect(starting.json()).toEqual({ status: "starting" });
      expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
      const api = await app.inject({ url: "/api/session" });
      expect(api.statusCode).toBe(503);
      expect(api.headers["retry-after"]).toBe("5");
      readiness.ready = true;
      expect((await app.inject({ url: "/readyz" })).json()).toEqual({ status: "ready" });
      expect((await app.inject({ url: "/api/session" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("logs one line per request, when the answer has gone: method, url, status and time", async () => {
    const { buildApp } = await import("./app.ts");
    const pino = (await import("pino")).default;
    const { loadConfig } = await import("../config.ts");
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const app = await buildApp({ config: loadConfig({}), db: t.database.db, logger });
    try {
      await app.inject({ url: "/healthz?x=1" });
      const logged = lines.filter((l) => l.reqId);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        method: "GET",
        url: "/healthz?x=1",
        status: 200,
        msg: "GET /healthz?x=1 200",
      });
      expect(typeof logged[0]?.ms).toBe("number");
    } finally {
      await app.close();
    }
  });

  it("gives every response a request id, taking a sane one from the caller", async () => {
    const response = await t.app.inject({ url: "/healthz", headers: { "x-request-id": "abc-123" } });
    expect(response.statusCode).toBe(200);
  });
});

describe("OpenAPI", () => {
  it("serves a valid OpenAPI 3 document generated from the route schemas", async () => {
    const response = await t.app.inject({ url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe("Planverk API");
    const tree = doc.paths["/api/municipalities/{municipalityNumber}/plan-tree"].get;
    expect(tree.parameters.find((p: { name: string }) => p.name === "municipalityNumber")).toMatchObject({
      in: "path",
      required: true,
    });
    expect(tree.responses["200"].content["application/json"].schema.properties).toHaveProperty("goals");
    expect(doc.paths).toHaveProperty("/readyz");
  });

  it("serves a browsable reference at /api/docs that loads nothing from elsewhere", async () => {
    const page = await t.app.inject({ url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("swagger");
    const external = [...page.body.matchAll(/(?:src|href)="(https?:)?\/\/[^"]+"/g)];
    expect(external).toEqual([]);
  });
});

describe("errors", () => {
  it("answers unknown API paths with a JSON 404", async () => {
    const response = await t.app.inject({ url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
  });
});
