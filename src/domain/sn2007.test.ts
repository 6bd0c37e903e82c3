import { describe, expect, it } from "vitest";
import { sn2007SectionOf, sn2007Sections } from "./sn2007.ts";

describe("sn2007SectionOf", () => {
  it("knows all 21 sections, from letters, divisions and ranges of divisions", () => {
    expect(sn2007Sections).toHaveLength(21);
    expect(sn2007SectionOf("C")?.shortName).toBe("Industri");
    expect(sn2007SectionOf("10-33")?.code).toBe("C");
    expect(sn2007SectionOf("45-47")?.code).toBe("G");
    expect(sn2007SectionOf("86")?.code).toBe("Q");
    expect(sn2007SectionOf("00-99")).toBeNull();
    expect(sn2007SectionOf("99")?.code).toBe("U");
    expect(sn2007SectionOf("Totalt")).toBeNull();
  });
});
