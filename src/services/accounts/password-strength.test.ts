import { describe, expect, it } from "vitest";
import { newPasswordProblem } from "./password-strength.ts";

describe("newPasswordProblem", () => {
  it("refuses short, common, breached and personal passwords with a Norwegian hint", () => {
    expect(newPasswordProblem("elleve-tegn")).toBe("Passordet må ha minst 12 tegn.");
    for (const weak of [
      "password1234",
      "123456789012",
      "qwertyuiop123",
      "passordpassord",
      "drammen12345",
      "Velkommen123",
    ]) {
      const problem = newPasswordProblem(weak);
      expect(problem, weak).toMatch(/^Passordet er for lett å gjette\./);
      expect(problem, weak).not.toMatch(/\b(the|is|are|easy)\b/);
    }
    expect(
      newPasswordProblem("karinordmann1", ["Kari Nordmann", "kari.nordmann@drammen.kommune.no"]),
    ).toMatch(/for lett å gjette/);
  });

  it("accepts a long passphrase of unrelated words", () => {
    expect(newPasswordProblem("blå-sykkel-under-tretten-fjorder")).toBeNull();
    expect(newPasswordProblem("et-testpassord-som-er-langt")).toBeNull();
  });
});
