import { describe, expect, it } from "vitest";
import register from "../db/reference/kommuner-2024.json" with { type: "json" };
import { defaultRegion, partnersInSeveralMunicipalities, regionSlugPattern } from "./region.ts";

describe("the default region", () => {
  it("names Drammensregionen's municipalities by their 2024 numbers", () => {
    const names = defaultRegion.municipalityNumbers.map(
      (n) => register.kommuner.find((k) => k.kommunenummer === n)?.navn,
    );
    expect(names).toEqual(["Drammen", "Kongsberg", "Lier", "Øvre Eiker", "Asker", "Holmestrand"]);
    expect(regionSlugPattern.test(defaultRegion.slug)).toBe(true);
  });
});

describe("partnersInSeveralMunicipalities", () => {
  it("matches by organisation number, not by name", () => {
    const result = partnersInSeveralMunicipalities([
      { organisationNumber: "974760673", municipalityId: "drammen", name: "USN" },
      { organisationNumber: "974760673", municipalityId: "lier", name: "Universitetet i Sørøst-Norge" },
      { organisationNumber: "974760673", municipalityId: "lier", name: "USN" },
      { organisationNumber: "911111111", municipalityId: "drammen", name: "Bare i Drammen" },
      { organisationNumber: null, municipalityId: "drammen", name: "Næringsforeningen" },
      { organisationNumber: null, municipalityId: "lier", name: "Næringsforeningen" },
    ]);
    expect(result).toEqual([
      {
        organisationNumber: "974760673",
        names: ["Universitetet i Sørøst-Norge", "USN"],
        municipalityIds: ["drammen", "lier"],
      },
    ]);
  });
});
