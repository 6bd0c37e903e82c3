import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { formatMessage, type ServerMessageKey } from "./index.ts";
import { nb } from "./nb.ts";
import { nn } from "./nn.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the server's message catalogues", () => {
  it("translate every bokmål key into nynorsk and English, and nothing else", () => {
    const keys = Object.keys(nb).sort();
    expect(Object.keys(nn).sort()).toEqual(keys);
    expect(Object.keys(en).sort()).toEqual(keys);
  });

  it("use the same placeholders in every language", () => {
    for (const key of Object.keys(nb) as ServerMessageKey[]) {
      expect([key, placeholders(nn[key] ?? "")]).toEqual([key, placeholders(nb[key])]);
      expect([key, placeholders(en[key] ?? "")]).toEqual([key, placeholders(nb[key])]);
    }
  });

  it("write nynorsk, not bokmål, where the two differ", () => {
    const text = Object.values(nn).join("\n");
    expect(text).not.toMatch(/(?<!\p{L})(finnes|ikke|noen|nå|hva|kun|hvis|allerede|bare|være)(?!\p{L})/iu);
  });
});

describe("formatMessage", () => {
  it("fills in parameters, numbers included", () => {
    expect(formatMessage("nb", "cycle.alreadyRolled", { year: 2027 })).toBe(
      "Rulleringen for 2027 finnes allerede. En syklus rulleres bare én gang.",
    );
    expect(formatMessage("nn", "notFound.measure")).toBe("Tiltaket finst ikkje.");
    expect(formatMessage("en", "measure.shareOnlySelfCanLeave", { municipality: "Lier" })).toBe(
      "Lier is part of the measure. Only Lier itself can leave.",
    );
  });

  it("renders a message given as a parameter in the same language", () => {
    const phase = { key: "cycle.phase.vedtak" } as const;
    expect(formatMessage("nb", "cycle.cannotAdvance", { phase, problems: "x" })).toBe(
      "Kan ikke gå til «Vedtak»: x",
    );
    expect(formatMessage("en", "cycle.cannotAdvance", { phase, problems: "x" })).toBe(
      "Cannot move to «Adoption»: x",
    );
  });

  it("leaves a placeholder without a value as it is", () => {
    expect(formatMessage("nb", "notFound.municipalityNumber")).toBe("Kommune {number} finnes ikke.");
  });
});
