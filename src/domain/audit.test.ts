import { describe, expect, it } from "vitest";
import { diffFields, toCsv } from "./audit.ts";

describe("diffFields", () => {
  it("lists only changed fields, before → after", () => {
    expect(diffFields({ a: 1, b: "x" }, { a: 2, b: "x" }, ["a", "b"])).toEqual({
      a: { before: 1, after: 2 },
    });
    expect(diffFields(null, { a: 1 }, ["a"])).toEqual({ a: { before: null, after: 1 } });
  });

  it("does not see a change where only the order of object keys differs", () => {
    expect(
      diffFields({ links: [{ url: "u", title: "t" }] }, { links: [{ title: "t", url: "u" }] }, ["links"]),
    ).toEqual({});
  });
});

describe("toCsv", () => {
  it("quotes, escapes and defuses formulas", () => {
    expect(toCsv(["a", "b"], [["=1+1", 'si "hei"; ja']])).toBe('a;b\r\n\'=1+1;"si ""hei""; ja"');
  });

  it("defuses every formula start in text, and leaves numbers alone", () => {
    expect(toCsv(["x"], [["+1+2"], ["-3+4"], ["@SUM(1;2)"], ["\t=1"], ["\r=1"], ['=HYPERLINK("u")']])).toBe(
      ["x", "'+1+2", "'-3+4", '"\'@SUM(1;2)"', "'\t=1", '"\'\r=1"', '"\'=HYPERLINK(""u"")"'].join("\r\n"),
    );
    expect(toCsv(["a", "b", "c"], [[-5, 12n, 0]])).toBe("a;b;c\r\n-5;12;0");
  });
});
