import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { createMunicipality, systemContext } from "../../../test/factories.ts";
import {
  actionPlanVersions,
  measureCosts,
  measureParticipations,
  measures,
  measureVersions,
  municipalities,
  users,
} from "../../db/schema/index.ts";
import { regionDemoMunicipality, regionDemoShared } from "../../demo/data/region.ts";
import { loadDemoDataIfEmpty } from "../../demo/load-demo-data.ts";
import type { Role } from "../../domain/permissions.ts";
import type { ServiceContext } from "../context.ts";
import { getMeasure } from "./get-measure.ts";

let database: TestDatabase;
let drammenId: string;
const as = async (email: string, role: Role): Promise<ServiceContext> => {
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no demo user ${email}`);
  return {
    db: database.db,
    actor: {
      kind: "user",
      userId: user.id,
      email: user.email,
      name: user.name,
      isSystemAdmin: false,
      roles: { [drammenId]: role },
    },
  };
};
const input = (reference: string) => ({ municipalityNumber: "3301", reference });

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemoDataIfEmpty({ ctx: systemContext(database.db) });
  const [drammen] = await database.db.select().from(municipalities).where(eq(municipalities.number, "3301"));
  if (!drammen) throw new Error("demo data has no Drammen");
  drammenId = drammen.id;
});
afterAll(() => database.drop());

describe("getMeasure: «Felles tiltak»", () => {
  it("gives a shared measure's owner, participants with share and status, and each one's cost per year", async () => {
    const planner = await as("planlegger@demo.planverk.no", "planner");
    const m = await getMeasure({ ctx: planner, input: input(regionDemoShared.reference) });
    const shared = m.shared;
    expect(shared?.owner).toEqual({ number: "3301", name: "Drammen" });
    const municipal = m.costByYear.filter((c) => c.municipalNok !== 0);
    // Every year of the shown plan's period, 0 included.
    const years = [0, 1, 2, 3].map((i) => m.actionPlan.budgetYear + i);
    expect(shared?.years).toEqual(years);
    expect(shared?.parties.map((p) => [p.name, p.role, p.percent])).toEqual([
      ["Drammen", "owner", 100 - regionDemoShared.lierPercent],
      [regionDemoMunicipality.name, "participant", regionDemoShared.lierPercent],
    ]);
    // Every year, the parties' parts add up to exactly the measure's municipal cost of that year.
    for (const c of municipal) {
      const i = years.indexOf(c.year);
      const parts = shared?.parties.map((p) => p.byYear[i]?.amountNok ?? 0) ?? [];
      expect(parts.reduce((a, b) => a + b, 0)).toBe(c.municipalNok);
      expect(shared?.totalByYear[i]).toEqual({ year: c.year, amountNok: c.municipalNok });
      expect(parts[1]).toBe((c.municipalNok * regionDemoShared.lierPercent) / 100);
    }
    // A measure nobody shares has none.
    expect((await getMeasure({ ctx: planner, input: input("T-002") })).shared).toBeNull();
  });

  it("splits the version the person sees, and shows invitations only to those who see drafts", async () => {
    // T-001 is in the adopted 2026 plan and the 2027 draft. Lier joins with 25 %, another is invited.
    const [t001] = await database.db.select().from(measures).where(eq(measures.reference, "T-001"));
    const [lier] = await database.db
      .select()
      .from(municipalities)
      .where(eq(municipalities.number, regionDemoMunicipality.number));
    const other = await createMunicipality(database.db, { name: "Øvre Eksempel" });
    if (!t001 || !lier) throw new Error("demo data has no T-001 or no Lier");
    await database.db.insert(measureParticipations).values([
      {
        municipalityId: lier.id,
        measureId: t001.id,
        ownerMunicipalityId: drammenId,
        status: "joined",
        sharePercent: 25,
      },
      { municipalityId: other.id, measureId: t001.id, ownerMunicipalityId: drammenId, status: "invited" },
    ]);

    // The draft costs more than the adopted version, so the two splits differ.
    const draftVersion = await database.db
      .select({ id: measureVersions.id })
      .from(measureVersions)
      .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
      .where(and(eq(measureVersions.measureId, t001.id), eq(actionPlanVersions.status, "draft")));
    expect(draftVersion).toHaveLength(1);
    await database.db
      .update(measureCosts)
      .set({ amountNok: sql`${measureCosts.amountNok} + 100000` })
      .where(eq(measureCosts.measureVersionId, draftVersion[0]?.id ?? ""));

    // Planners open the draft by naming its year; by default they, too, see the plan in execution.
    const planner = await getMeasure({
      ctx: await as("planlegger@demo.planverk.no", "planner"),
      input: { ...input("T-001"), year: 2027 },
    });
    expect(planner.actionPlan.budgetYear).toBe(2027);
    expect(planner.shared?.parties.map((p) => [p.name, p.role, p.percent])).toEqual([
      ["Drammen", "owner", 75],
      ["Lier", "participant", 25],
      ["Øvre Eksempel", "invited", 0],
    ]);

    const partner = await getMeasure({
      ctx: await as("partner@demo.planverk.no", "partner"),
      input: input("T-001"),
    });
    expect(partner.actionPlan).toMatchObject({ budgetYear: 2026, status: "adopted" });
    expect(partner.shared?.parties.map((p) => [p.name, p.role, p.percent])).toEqual([
      ["Drammen", "owner", 75],
      ["Lier", "participant", 25],
    ]);
    // The split is of the adopted version's costs, not of the draft the partner may not see.
    expect(partner.shared?.totalByYear).not.toEqual(planner.shared?.totalByYear);
    expect(partner.shared?.totalByYear).toEqual(
      partner.costByYear
        .filter((c) => c.municipalNok !== 0)
        .map((c) => ({ year: c.year, amountNok: c.municipalNok })),
    );
  });
});
