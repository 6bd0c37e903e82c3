import { describe, expect, it } from "vitest";
import { partnersInSeveralMunicipalities } from "./region.ts";

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
