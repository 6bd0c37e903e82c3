import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("uses defaults: port 3000, ./data, embedded PostgreSQL", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith("data")).toBe(true);
    expect(c.loadDemoData).toBe(true);
  });

  it("reads PORT, DATABASE_URL and PLANVERK_DATA_DIR", () => {
    const c = loadConfig({
      PORT: "4001",
      DATABASE_URL: "postgres://u:p@db:5432/planverk",
      PLANVERK_DATA_DIR: "/x",
    });
    expect(c.port).toBe(4001);
    expect(c.databaseUrl).toBe("postgres://u:p@db:5432/planverk");
    expect(c.dataDir).toBe("/x");
  });

  it("reads the owner's login for migrations beside the app's, and refuses it alone", () => {
    const c = loadConfig({
      DATABASE_URL: "postgres://planverk_app:a@db:5432/planverk",
      DATABASE_OWNER_URL: "postgres://planverk:o@db:5432/planverk",
    });
    expect(c.databaseOwnerUrl).toBe("postgres://planverk:o@db:5432/planverk");
    expect(loadConfig({}).databaseOwnerUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_OWNER_URL: "postgres://planverk:o@db:5432/planverk" })).toThrow(
      /DATABASE_OWNER_URL needs DATABASE_URL/,
    );
  });

  it("refuses bad values with a message naming the variable", () => {
    expect(() => loadConfig({ PORT: "nope" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("reads where «import by URL» may fetch: Statistics Norway over https by default", () => {
    expect(loadConfig({}).fetch).toEqual({ hosts: ["data.ssb.no", "www.ssb.no"], allowHttp: false });
    expect(loadConfig({ PLANVERK_FETCH_HOSTS: " data.ssb.no, Stat.Example.no " }).fetch.hosts).toEqual([
      "data.ssb.no",
      "stat.example.no",
    ]);
    expect(loadConfig({ PLANVERK_FETCH_HOSTS: "*", PLANVERK_FETCH_HTTP: "true" }).fetch).toEqual({
      hosts: null,
      allowHttp: true,
    });
    expect(() => loadConfig({ PLANVERK_FETCH_HOSTS: "http://x/" })).toThrow(/PLANVERK_FETCH_HOSTS/);
  });
});

describe("two-step sign-in settings", () => {
  it("requires it of nobody by default, and of the roles named", () => {
    expect(loadConfig({}).requireSecondFactorRoles).toEqual([]);
    expect(loadConfig({}).secretKey).toBeNull();
    expect(loadConfig({ PLANVERK_REQUIRE_2FA_ROLES: " planner , admin" }).requireSecondFactorRoles).toEqual([
      "admin",
      "planner",
    ]);
  });
  it("refuses other roles, and a short key", () => {
    expect(() => loadConfig({ PLANVERK_REQUIRE_2FA_ROLES: "admin,viewer" })).toThrow(
      /PLANVERK_REQUIRE_2FA_ROLES/,
    );
    expect(() => loadConfig({ PLANVERK_SECRET_KEY: "short" })).toThrow(/PLANVERK_SECRET_KEY/);
  });
});
