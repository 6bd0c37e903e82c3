import { describe, expect, it } from "vitest";
import { entityTag, matchesEntityTag } from "./entity-tag.ts";

describe("entity tags", () => {
  it("are the same for the same bytes and differ when one byte differs", () => {
    expect(entityTag("planen")).toBe(entityTag(Buffer.from("planen")));
    expect(entityTag("planen")).not.toBe(entityTag("planen."));
    expect(entityTag("x")).toMatch(/^"[\w-]{27}"$/);
  });

  it("match If-None-Match lists, weak tags and *", () => {
    const tag = entityTag("innhold");
    expect(matchesEntityTag(undefined, tag)).toBe(false);
    expect(matchesEntityTag(tag, tag)).toBe(true);
    expect(matchesEntityTag(`"annen", ${tag}`, tag)).toBe(true);
    expect(matchesEntityTag(`W/${tag}`, tag)).toBe(true);
    expect(matchesEntityTag("*", tag)).toBe(true);
    expect(matchesEntityTag('"annen"', tag)).toBe(false);
  });
});
