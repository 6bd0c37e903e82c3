import { describe, expect, it } from "vitest";
import { normaliseRecoveryCode, secondFactorSetupRequired, totpCodeOf } from "./second-factor.ts";

describe("secondFactorSetupRequired", () => {
  const base = {
    requiredRoles: ["admin", "planner"] as const,
    roles: ["planner"] as const,
    isSystemAdmin: false,
    assurance: "password" as const,
    enabled: false,
  };
  it("requires it of a listed role without a second factor who signed in with a password", () => {
    expect(secondFactorSetupRequired(base)).toBe(true);
    expect(secondFactorSetupRequired({ ...base, roles: ["viewer", "admin"] })).toBe(true);
    expect(secondFactorSetupRequired({ ...base, roles: [], isSystemAdmin: true })).toBe(true);
  });
  it("not of other roles, nor when nothing is required", () => {
    expect(secondFactorSetupRequired({ ...base, roles: ["viewer", "measure_owner"] })).toBe(false);
    expect(secondFactorSetupRequired({ ...base, requiredRoles: [] })).toBe(false);
    expect(secondFactorSetupRequired({ ...base, requiredRoles: ["admin"] })).toBe(false);
  });
  it("not when they have one, or signed in through the identity provider", () => {
    expect(secondFactorSetupRequired({ ...base, enabled: true })).toBe(false);
    expect(secondFactorSetupRequired({ ...base, assurance: "oidc" })).toBe(false);
  });
});

describe("codes as typed", () => {
  it("takes six digits, with spaces", () => {
    expect(totpCodeOf("123 456")).toBe("123456");
    expect(totpCodeOf("12345")).toBeNull();
    expect(totpCodeOf("abcd-efgh-jkmn")).toBeNull();
  });
  it("reads a recovery code whatever its case and dashes", () => {
    expect(normaliseRecoveryCode(" ABCD-efgh-JKMN ")).toBe("abcdefghjkmn");
  });
});
