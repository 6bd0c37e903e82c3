import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../test/app.ts";
import { phaseNames } from "../domain/phases.ts";
import { languageCookie, languages } from "../i18n/language.ts";
import { formatMessage } from "../i18n/server-messages/index.ts";
import { nb } from "../i18n/server-messages/nb.ts";
import {
  loadMessages,
  translate,
  languageCookie as webLanguageCookie,
  languages as webLanguages,
} from "../web/i18n/messages.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A municipality that does not exist: the same refusal in every language. */
const unknownMunicipality = "/api/municipalities/9999/plan-tree";

describe("error answers in the person's language", () => {
  it("answers in bokmål by default, with the code and the message's key", async () => {
    const response = await t.app.inject({ url: unknownMunicipality });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: "not_found", message: "Kommunen finnes ikke.", messageKey: "notFound.municipality" },
    });
  });

  it("answers in nynorsk to Accept-Language: nn", async () => {
    const response = await t.app.inject({ url: unknownMunicipality, headers: { "accept-language": "nn" } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: "not_found", message: "Kommunen finst ikkje." });
    expect(response.headers.vary).toMatch(/Accept-Language/);
  });

  it("answers in English when the language cookie says so, before Accept-Language", async () => {
    const response = await t.app.inject({
      url: unknownMunicipality,
      headers: { cookie: "planverk_lang=en", "accept-language": "nb-NO,nb;q=0.9" },
    });
    expect(response.json().error).toMatchObject({
      code: "not_found",
      message: "The municipality does not exist.",
    });
  });

  it("reads «no» as bokmål and falls back to bokmål for a language it does not have", async () => {
    for (const language of ["no", "sv-SE,de;q=0.8"]) {
      const response = await t.app.inject({
        url: unknownMunicipality,
        headers: { "accept-language": language },
      });
      expect(response.json().error.message).toBe("Kommunen finnes ikke.");
    }
  });

  it("fills in parameters in the chosen language (an unknown address)", async () => {
    const response = await t.app.inject({ url: "/api/nowhere", headers: { "accept-language": "en" } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe("Unknown address: GET /api/nowhere");
  });

  it("names the first schema problem and its field in the request's language, and lists them all", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: 42 },
      headers: { "accept-language": "nn" },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("validation");
    expect(error.message).toBe("Feil i «email»: Må vere ein tekst. (og 1 feil til, sjå details)");
    expect(error.details).toEqual([
      { path: "/email", message: "Må vere ein tekst." },
      { path: "/password", message: "Manglar." },
    ]);
  });
});

describe("the server's messages agree with the rest of the app", () => {
  it("name the phases as the domain does in bokmål", () => {
    for (const [phase, name] of Object.entries(phaseNames))
      expect(nb[`cycle.phase.${phase}` as keyof typeof nb]).toBe(name);
  });

  it("name the phases as the web app does in every language", async () => {
    for (const language of languages) await loadMessages(language);
    for (const language of languages)
      for (const phase of Object.keys(phaseNames) as (keyof typeof phaseNames)[])
        expect(formatMessage(language, `cycle.phase.${phase}`)).toBe(translate(language, `phase.${phase}`));
  });

  it("share the language list and the language cookie with the web app", () => {
    expect(languageCookie).toBe(webLanguageCookie);
    expect([...languages]).toEqual([...webLanguages]);
  });
});
