import { describe, expect, it } from "vitest";
import { defaultRegion, regionSlugPattern } from "../../domain/region.ts";
import register from "./kommuner-2024.json" with { type: "json" };

// Here rather than beside the domain rule: the domain does not read the database's reference data.
describe("the default region", () => {
  it("names Drammensregionen's municipalities by their 2024 numbers", () => {
    const names = defaultRegion.municipalityNumbers.map(
      (n) => register.kommuner.find((k) => k.kommunenummer === n)?.navn,
    );
    expect(names).toEqual(["Drammen", "Kongsberg", "Lier", "Øvre Eiker", "Asker", "Holmestrand"]);
    expect(regionSlugPattern.test(defaultRegion.slug)).toBe(true);
  });
});
