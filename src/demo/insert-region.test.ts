import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import { systemContext } from "../../test/factories.ts";
import { cycles, municipalities, users } from "../db/schema/index.ts";
import { loadSession, openSession } from "../services/accounts/sessions.ts";
import { computeFrameCheck } from "../services/budget/frame-check.ts";
import { getRegionOverview } from "../services/region/get-region-overview.ts";
import { listSharedMeasures } from "../services/region/list-shared-measures.ts";
import { regionDemoShared } from "./data/region.ts";
import { loadDemoDataIfEmpty } from "./load-demo-data.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemoDataIfEmpty({ ctx: systemContext(database.db) });
});
afterAll(() => database.drop());

describe("the region in the demo", () => {
  it("has Lier with a small plan and Drammen's freight measure shared with Lier, 70/30", async () => {
    const ctx = systemContext(database.db);
    const [lierMunicipality] = await database.db
      .select()
      .from(municipalities)
      .where(eq(municipalities.number, "3312"));
    const [coordinatorUser] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, "region@demo.planverk.no"));
    const lierPlanner = {
      db: database.db,
      actor: {
        kind: "user" as const,
        userId: "00000000-0000-4000-8000-000000000000",
        email: "lier@demo.planverk.no",
        name: "Lier",
        isSystemAdmin: false,
        roles: { [lierMunicipality?.id ?? ""]: "planner" as const },
      },
    };
    const lier = await listSharedMeasures({ ctx: lierPlanner, input: { municipalityNumber: "3312" } });
    expect(lier.measures).toHaveLength(1);
    const shared = lier.measures[0];
    expect(shared?.reference).toBe(regionDemoShared.reference);
    expect(shared?.owner.name).toBe("Drammen");
    expect(shared?.parties.map((p) => [p.name, p.percent])).toEqual([
      ["Drammen", 70],
      ["Lier", 30],
    ]);
    for (const [i] of shared?.years.entries() ?? []) {
      const total = shared?.totalByYear[i]?.amountNok ?? 0;
      expect(total).toBeGreaterThan(0);
      expect(shared?.parties.reduce((a, p) => a + (p.byYear[i]?.amountNok ?? 0), 0)).toBe(total);
    }

    // The coordinator (a person appointed for the region) sees the shared measure in the overview.
    const session = await openSession(
      database.db,
      { ...(coordinatorUser as typeof users.$inferSelect) },
      { action: "sign_in" },
    );
    const loaded = await loadSession(database.db, session.token);
    const overview = await getRegionOverview({
      ctx: { db: database.db, actor: loaded?.actor ?? ctx.actor },
      input: { slug: "drammensregionen" },
    });
    expect(overview.municipalities.map((m) => m.name)).toEqual(["Drammen", "Lier"]);
    expect(overview.sharedMeasures.map((m) => m.reference)).toEqual([regionDemoShared.reference]);
  });

  it("keeps both municipalities' 2027 drafts within their frames", async () => {
    const ctx = systemContext(database.db);
    for (const number of ["3301", "3312"]) {
      const [m] = await ctx.db.select().from(municipalities).where(eq(municipalities.number, number));
      const [cycle] = await ctx.db
        .select()
        .from(cycles)
        .where(and(eq(cycles.municipalityId, m?.id ?? ""), eq(cycles.budgetYear, 2027)));
      const check = await computeFrameCheck(ctx.db, m?.id ?? "", cycle?.id ?? "");
      expect(check.overruns).toEqual([]);
      expect(check.sharedMeasures.map((s) => s.reference)).toEqual([regionDemoShared.reference]);
    }
  });
});
