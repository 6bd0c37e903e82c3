import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import { systemContext } from "../../test/factories.ts";
import {
  measures,
  measureVersionPartners,
  memberships,
  milestones,
  municipalities,
  objectives,
  organisationContacts,
  partnerOrganisations,
  users,
} from "../db/schema/index.ts";
import type { ServiceContext } from "../services/context.ts";
import { listMeasures } from "../services/measures/list-measures.ts";
import { getPlanTree } from "../services/plan/get-plan-tree.ts";
import { loadDemoDataIfEmpty } from "./load-demo-data.ts";

let database: TestDatabase;
let viewer: ServiceContext;
beforeAll(async () => {
  database = await createTestDatabase();
  const ctx = systemContext(database.db);
  expect(await loadDemoDataIfEmpty({ ctx })).toBe(true);
  expect(await loadDemoDataIfEmpty({ ctx })).toBe(false);

  // Lise Leser (viewer) reads internal drafts: she sees the 2027 draft action plan.
  const [drammen] = await database.db.select().from(municipalities).where(eq(municipalities.number, "3301"));
  const [leser] = await database.db.select().from(users).where(eq(users.email, "leser@demo.planverk.no"));
  if (!drammen || !leser) throw new Error("demo data has no Drammen or no viewer");
  viewer = {
    db: database.db,
    actor: {
      kind: "user",
      userId: leser.id,
      email: leser.email,
      name: leser.name,
      isSystemAdmin: false,
      roles: { [drammen.id]: "viewer" },
    },
  };
});
afterAll(() => database.drop());

const input = { municipalityNumber: "3301" };

describe("loadDemoDataIfEmpty", () => {
  it("loads Drammen's plan once: three goals, five focus areas with objectives", async () => {
    const tree = await getPlanTree({ ctx: systemContext(database.db), input });
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
    for (const focusArea of tree.focusAreas) {
      expect(focusArea.objectives.length).toBeGreaterThanOrEqual(1);
      expect(focusArea.objectives.length).toBeLessThanOrEqual(3);
    }
    expect((await database.db.select().from(objectives)).length).toBe(
      tree.focusAreas.flatMap((f) => f.objectives).length,
    );
  });

  it("has 15–25 example measures with mixed running state and some milestones", async () => {
    const all = await database.db.select().from(measures);
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all.every((m) => m.isExample)).toBe(true);
    const statuses = new Set(all.map((m) => m.status));
    expect([...statuses].sort()).toEqual(["completed", "delayed", "in_progress", "planned", "stopped"]);
    for (const m of all.filter((x) => x.status === "delayed" || x.status === "stopped")) {
      expect(m.statusReason).not.toBe("");
    }
    expect(all.some((m) => m.progress === null)).toBe(true);
    expect(all.some((m) => m.progress !== null && m.progress > 0 && m.progress < 100)).toBe(true);
    expect((await database.db.select().from(milestones)).length).toBeGreaterThan(0);
  });

  it("shows measures in every focus area in the adopted 2026 plan, each serving 1–2 goals", async () => {
    const tree = await getPlanTree({ ctx: systemContext(database.db), input });
    expect(tree.cycle?.budgetYear).toBe(2026);
    expect(tree.cycle?.actionPlan?.status).toBe("adopted");
    expect(tree.focusAreas.every((f) => f.measures.length > 0)).toBe(true);
    const shown = tree.focusAreas.flatMap((f) => f.measures);
    expect(shown.every((m) => m.isExample && m.goalIds.length >= 1 && m.goalIds.length <= 2)).toBe(true);
    expect(shown.every((m) => m.totalMunicipalNok > 0)).toBe(true);
    expect(shown.some((m) => m.totalExternalNok > 0)).toBe(true);
    // The roll-up has something to show: progress between nothing and everything, one stopped.
    const rollUps = tree.focusAreas.map((f) => f.rollUp);
    expect(rollUps.some((r) => r.progress !== null && r.progress > 0 && r.progress < 100)).toBe(true);
    expect(rollUps.reduce((n, r) => n + r.stopped, 0)).toBeGreaterThanOrEqual(1);
  });

  it("shows measures in every focus area in the 2027 draft to a viewer, carried over or new", async () => {
    const adopted = await getPlanTree({ ctx: systemContext(database.db), input });
    // By default everyone sees the plan in execution; the draft is named by its year.
    const draft = await getPlanTree({ ctx: viewer, input: { ...input, year: 2027 } });
    expect(draft.cycle?.budgetYear).toBe(2027);
    expect(draft.cycle?.actionPlan?.status).toBe("draft");
    expect(draft.focusAreas.every((f) => f.measures.length > 0)).toBe(true);

    const refs = (tree: typeof draft) =>
      new Set(tree.focusAreas.flatMap((f) => f.measures.map((m) => m.reference)));
    const in2026 = refs(adopted);
    const in2027 = refs(draft);
    const carried = [...in2027].filter((r) => in2026.has(r));
    expect(carried.length).toBeGreaterThan(0); // same identity in both plans
    expect([...in2026].some((r) => !in2027.has(r))).toBe(true); // finished in 2026
    expect([...in2027].some((r) => !in2026.has(r))).toBe(true); // new in 2027
    // A measure carried over keeps one identity: one measures row per reference (Drammen's; the
    // demo's second municipality, Lier, has references of its own).
    const [drammen] = await database.db
      .select()
      .from(municipalities)
      .where(eq(municipalities.number, "3301"));
    const all = await database.db
      .select()
      .from(measures)
      .where(eq(measures.municipalityId, drammen?.id ?? ""));
    expect(new Set(all.map((m) => m.reference)).size).toBe(all.length);
    expect(new Set([...in2026, ...in2027]).size).toBe(all.length);
  });

  it("links measures to partner organisations, with contacts and no invented organisation numbers", async () => {
    const organisations = await database.db.select().from(partnerOrganisations);
    expect(organisations.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        "Næringsforeningen i Drammensregionen",
        "Universitetet i Sørøst-Norge (USN)",
        "Buskerud fylkeskommune",
        "Drammen Havn",
      ]),
    );
    expect(new Set(organisations.map((o) => o.kind))).toEqual(
      new Set(["business", "academia", "public", "voluntary"]),
    );
    expect(organisations.every((o) => o.organisationNumber === null)).toBe(true);
    expect((await database.db.select().from(organisationContacts)).length).toBeGreaterThan(0);
    // The demo partner speaks for Næringsforeningen (set once, where the demo users are made).
    const linked = await database.db
      .select({ email: users.email, organisation: partnerOrganisations.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, memberships.organisationId))
      .where(eq(partnerOrganisations.municipalityId, memberships.municipalityId));
    expect(linked.filter((l) => l.email === "partner@demo.planverk.no")).toEqual([
      { email: "partner@demo.planverk.no", organisation: "Næringsforeningen i Drammensregionen" },
    ]);
    const links = await database.db.select().from(measureVersionPartners);
    expect(new Set(links.map((l) => l.role))).toEqual(new Set(["lead", "contributor", "funder"]));

    // The measure table of the draft: owners, tags, links, objectives and partners filled in.
    const planId = (await getPlanTree({ ctx: viewer, input })).plan?.id;
    if (!planId) throw new Error("demo data has no plan");
    const list = await listMeasures({ ctx: viewer, input: { ...input, planId, year: 2027, limit: 200 } });
    expect(list.actionPlan?.budgetYear).toBe(2027);
    expect(list.items.length).toBe(list.total);
    expect(list.items.filter((m) => m.partners.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(list.items.some((m) => m.ownerName === "Tiril Tiltakseier (demo)")).toBe(true);
    expect(list.items.some((m) => m.ownerName === "Per Planlegger (demo)")).toBe(true);
    expect(list.items.some((m) => m.ownerUserId === null)).toBe(true);
    expect(list.items.every((m) => m.tags.length > 0 && m.objectiveIds.length > 0)).toBe(true);
    const havn = await listMeasures({ ctx: viewer, input: { ...input, planId, tag: "havn", year: 2027 } });
    expect(havn.items.length).toBeGreaterThan(0);
  });
});
