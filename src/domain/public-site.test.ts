import { describe, expect, it } from "vitest";
import { type PublicSearchItem, searchPublicContent, snippetAround } from "./public-site.ts";

describe("Norwegian search over published content", () => {
  const items: PublicSearchItem[] = [
    { kind: "focus_area", id: "fa", title: "Helsenæring i Drammen", text: "Næring for helse og omsorg." },
    {
      kind: "measure",
      id: "T-1",
      title: "T-1 Møteplass for helsenæringen",
      text: "Bedrifter og sykehus møtes.",
      extra: "Næringsforeningen i Drammensregionen",
    },
    {
      kind: "measure",
      id: "T-2",
      title: "T-2 Havnedag",
      text: "Skoleelever møter havna.",
      extra: "Drammen Havn",
    },
    { kind: "goal", id: "g", title: "Grønneste kommune", text: "Mindre utslipp." },
  ];

  it("folds case and finds parts of words, æ ø å as letters of their own", () => {
    expect(searchPublicContent(items, "NÆRING").map((h) => h.id)).toEqual(["fa", "T-1"]);
    expect(searchPublicContent(items, "grønn").map((h) => h.id)).toEqual(["g"]);
    expect(searchPublicContent(items, "gronn")).toEqual([]);
  });

  it("needs every word, also from what is searched but not shown", () => {
    expect(searchPublicContent(items, "møteplass næringsforeningen").map((h) => h.id)).toEqual(["T-1"]);
    expect(searchPublicContent(items, "havn skoleelever").map((h) => h.id)).toEqual(["T-2"]);
    expect(searchPublicContent(items, "havn helse")).toEqual([]);
  });

  it("never shows the hidden text, and answers nothing to an empty query", () => {
    const [hit] = searchPublicContent(items, "næringsforeningen");
    expect(hit?.snippet).toBe("Bedrifter og sykehus møtes.");
    expect(JSON.stringify(hit)).not.toContain("Drammensregionen");
    expect(searchPublicContent(items, "  ")).toEqual([]);
  });

  it("ranks hits in the title first", () => {
    const ranked = searchPublicContent(
      [
        { kind: "measure", id: "a", title: "T-9 Kurs", text: "Om solceller." },
        { kind: "measure", id: "b", title: "T-10 Solceller", text: "Kurs." },
      ],
      "solceller",
    );
    expect(ranked.map((h) => h.id)).toEqual(["b", "a"]);
  });
});

describe("snippets", () => {
  it("keep short texts whole and cut long ones on word boundaries around the hit", () => {
    expect(snippetAround("Kort tekst.", "tekst")).toBe("Kort tekst.");
    const long = `${"ord ".repeat(80)}solceller på taket ${"mer ".repeat(80)}`;
    const snippet = snippetAround(long, "solceller", 60);
    expect(snippet).toContain("solceller på taket");
    expect(snippet.startsWith("… ")).toBe(true);
    expect(snippet.endsWith(" …")).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(66);
  });
});
