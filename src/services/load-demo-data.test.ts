import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import { systemContext } from "../../test/factories.ts";
import { measures } from "../db/schema/index.ts";
import { getPlanTree } from "./get-plan-tree.ts";
import { loadDemoDataIfEmpty } from "./load-demo-data.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("loadDemoDataIfEmpty", () => {
  it("loads Drammen's plan once: three goals, five focus areas, example measures", async () => {
    const ctx = systemContext(database.db);
    expect(await loadDemoDataIfEmpty({ ctx })).toBe(true);
    expect(await loadDemoDataIfEmpty({ ctx })).toBe(false);

    const tree = await getPlanTree({ ctx, input: { municipalityNumber: "3301" } });
    expect(tree.municipality.name).toBe("Drammen");
    expect(tree.goals.map((g) => g.title)).toEqual([
      "Drammen skal være et næringssentrum",
      "Norges grønneste kommune",
      "Det foretrukne regionssenteret nasjonalt",
    ]);
    expect(tree.focusAreas.map((f) => f.title)).toEqual([
      "Attraktive Drammen",
      "Grønn vekst i Drammen",
      "Helsenæring i Drammen",
      "Havnebyen Drammen",
      "Kompetansebyen Drammen",
    ]);
    const all = await database.db.select().from(measures);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.every((m) => m.isExample)).toBe(true);
    // Every focus area has at least one measure, and every measure serves a goal.
    expect(tree.focusAreas.every((f) => f.measures.length > 0)).toBe(true);
    expect(tree.focusAreas.flatMap((f) => f.measures).every((m) => m.goalIds.length > 0)).toBe(true);
  });
});
