import { describe, expect, it } from "vitest";
import {
  formatOrganisationNumber,
  isValidOrganisationNumber,
  organisationNumberCheckDigit,
  parseOrganisationNumber,
} from "./organisation-number.ts";

describe("parseOrganisationNumber", () => {
  it.each(["923609016", "974760673", "938801363"])("accepts the registered number %s", (number) => {
    expect(parseOrganisationNumber(number)).toEqual({ ok: true, value: number });
  });

  it("accepts numbers built by the rule, including check digit 0 (when 11 − remainder is 11)", () => {
    // 9·3 + 2·2 + 3·7 + 4·6 + 5·5 + 6·4 + 7·3 + 8·2 = 162; 162 mod 11 = 8; 11 − 8 = 3.
    expect(parseOrganisationNumber("923456783")).toEqual({ ok: true, value: "923456783" });
    // A sub-unit (underenhet) starts with 8: 8·3 + 2·2 + … = 159; 159 mod 11 = 5; 11 − 5 = 6.
    expect(parseOrganisationNumber("823456786")).toEqual({ ok: true, value: "823456786" });
    // 9·3 + 3·2 = 33; 33 mod 11 = 0; 11 − 0 = 11, written 0.
    expect(organisationNumberCheckDigit("93000000")).toBe(0);
    expect(parseOrganisationNumber("930000000")).toEqual({ ok: true, value: "930000000" });
  });

  it("takes spaces as a person types them and gives back 9 digits", () => {
    expect(parseOrganisationNumber("923 609 016")).toEqual({ ok: true, value: "923609016" });
    expect(parseOrganisationNumber(" 974\u00a0760\u00a0673 ")).toEqual({ ok: true, value: "974760673" });
  });

  it.each(["", "92360901", "9236090160", "923 609 01"])("refuses %j for its length", (input) => {
    expect(parseOrganisationNumber(input)).toMatchObject({
      ok: false,
      problem: "length",
      message: "Organisasjonsnummeret må ha 9 sifre.",
    });
  });

  it.each(["92360901A", "NO923609016", "923-609-016", "923.609.016"])(
    "refuses %j for its characters",
    (input) => {
      expect(parseOrganisationNumber(input)).toMatchObject({ ok: false, problem: "characters" });
    },
  );

  it.each(["000000000", "123456785", "700000000", "012345678"])(
    "refuses %s: no organisation number starts with anything but 8 or 9",
    (input) => {
      expect(parseOrganisationNumber(input)).toEqual({
        ok: false,
        problem: "first_digit",
        message: "Organisasjonsnummeret er ikke gyldig (det begynner alltid med 8 eller 9).",
      });
    },
  );

  it.each(["923609017", "974760670", "938801369", "923456789"])("refuses %s for its check digit", (input) => {
    expect(parseOrganisationNumber(input)).toEqual({
      ok: false,
      problem: "check_digit",
      message: "Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke).",
    });
  });

  it("refuses every number whose first 8 digits give check digit 10, whatever the last digit", () => {
    // 9·3 + 1·2 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 = 133; 133 mod 11 = 1; 11 − 1 = 10.
    expect(organisationNumberCheckDigit("91234567")).toBeNull();
    for (let last = 0; last <= 9; last++) {
      expect(isValidOrganisationNumber(`91234567${last}`)).toBe(false);
      expect(parseOrganisationNumber(`91234567${last}`)).toMatchObject({ problem: "check_digit" });
    }
  });

  it("has exactly one valid last digit for other first 8 digits", () => {
    const valid = Array.from({ length: 10 }, (_, d) => `92345678${d}`).filter(isValidOrganisationNumber);
    expect(valid).toEqual(["923456783"]);
  });
});

describe("formatOrganisationNumber", () => {
  it("groups 9 digits in threes and leaves anything else alone", () => {
    expect(formatOrganisationNumber("923609016")).toBe("923 609 016");
    expect(formatOrganisationNumber("12345")).toBe("12345");
  });
});

describe("organisationNumberCheckDigit", () => {
  it("insists on 8 digits", () => {
    expect(() => organisationNumberCheckDigit("1234567")).toThrow();
  });
});
