import { describe, expect, it } from "vitest";
import { normaliseEmail, passwordProblem, signInDelaySeconds } from "./sign-in.ts";

describe("signInDelaySeconds", () => {
  it("forgives the first three failures, then doubles up to 15 minutes", () => {
    expect([1, 2, 3].map((n) => signInDelaySeconds(n))).toEqual([0, 0, 0]);
    expect([4, 5, 6, 7].map((n) => signInDelaySeconds(n))).toEqual([2, 4, 8, 16]);
    expect(signInDelaySeconds(40)).toBe(900);
    expect(signInDelaySeconds(20, 20)).toBe(0);
    expect(signInDelaySeconds(21, 20)).toBe(2);
  });

  it("normalises e-mail and checks password length", () => {
    expect(normaliseEmail("  Kari.Nordmann@Drammen.KOMMUNE.no ")).toBe("kari.nordmann@drammen.kommune.no");
    expect(passwordProblem("kort")).toMatch(/minst 12/);
    expect(passwordProblem("elleve-tegn")).toMatch(/minst 12/);
    expect(passwordProblem("tolv-tegn-ok")).toBeNull();
    expect(passwordProblem("et langt nok passord")).toBeNull();
  });
});
