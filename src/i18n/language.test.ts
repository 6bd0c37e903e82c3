import { describe, expect, it } from "vitest";
import { languageFromAcceptLanguage, languageFromCookie, requestLanguage } from "./language.ts";

describe("the language of a request", () => {
  it("reads Accept-Language by quality, with «no» as bokmål", () => {
    expect(languageFromAcceptLanguage("nn-NO,nn;q=0.9,nb;q=0.8")).toBe("nn");
    expect(languageFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(languageFromAcceptLanguage("no")).toBe("nb");
    expect(languageFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.5,nn;q=0.7")).toBe("nn");
    expect(languageFromAcceptLanguage("sv, *;q=0.1")).toBeUndefined();
    expect(languageFromAcceptLanguage("en;q=0, nb")).toBe("nb");
    expect(languageFromAcceptLanguage(undefined)).toBeUndefined();
  });

  it("reads the language cookie among others", () => {
    expect(languageFromCookie("a=1; planverk_lang=en; b=2")).toBe("en");
    expect(languageFromCookie("planverk_lang=xx")).toBeUndefined();
  });

  it("prefers the chosen language to the browser's, and defaults to bokmål", () => {
    expect(requestLanguage({ cookie: "planverk_lang=nn", acceptLanguage: "en" })).toBe("nn");
    expect(requestLanguage({ acceptLanguage: "en-US" })).toBe("en");
    expect(requestLanguage({})).toBe("nb");
  });
});
