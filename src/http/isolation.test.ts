import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../../test/app.ts";
import {
  appointRegionCoordinator,
  createActionPlanVersion,
  createFocusArea,
  createMeasure,
  createMunicipality,
  createPlan,
  createRegion,
  createUser,
  testPassword,
} from "../../test/factories.ts";
import { auditEvents, plans } from "../db/schema/index.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function twoMunicipalities() {
  const { db } = t.database;
  const a = await createMunicipality(db, { name: "Kommune A" });
  const b = await createMunicipality(db, { name: "Kommune B" });
  const planB = await createPlan(db, {
    municipalityId: b.id,
    title: "B sitt utkast",
    vision: "Intern visjon",
  });
  const adminB = await createUser(db, { municipalityId: b.id, role: "admin" });
  return { a, b, planB, adminB };
}

describe("each municipality's data is its own", () => {
  for (const role of ["partner", "viewer", "planner", "admin"] as const) {
    it(`a ${role} of A gets 404 and no data for any object of B`, async () => {
      const { a, b, planB } = await twoMunicipalities();
      const user = await createUser(t.database.db, { municipalityId: a.id, role });
      const { headers } = await signIn(t.app, user.email, testPassword);
      const base = `/api/municipalities/${b.number}`;
      const requests = [
        { method: "GET" as const, url: `${base}/plans/${planB.id}/history` },
        { method: "GET" as const, url: `${base}/members` },
        { method: "GET" as const, url: `${base}/audit` },
        { method: "GET" as const, url: `${base}/audit.csv` },
        {
          method: "PATCH" as const,
          url: `${base}/plans/${planB.id}`,
          payload: { version: 1, title: "Overtatt" },
        },
      ];
      for (const request of requests) {
        const response = await t.app.inject({ ...request, headers });
        expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
        expect(response.body).not.toContain("B sitt utkast");
        expect(response.body).not.toContain("Intern visjon");
      }
      const tree = await t.app.inject({ url: `${base}/plan-tree`, headers });
      expect(tree.json().plan).toBeNull();
      const [unchanged] = await t.database.db.select().from(plans).where(eq(plans.id, planB.id));
      expect(unchanged?.title).toBe("B sitt utkast");
    });
  }
});

describe("the region does not open one municipality's drafts to another", () => {
  it("a planner of A in the same region, and a regional coordinator, get 404 for B's unshared drafts", async () => {
    const { db } = t.database;
    const { a, b, planB } = await twoMunicipalities();
    const outsider = await createMunicipality(db, { name: "Kommune C" });
    const planC = await createPlan(db, { municipalityId: outsider.id, title: "C sitt utkast" });
    const region = await createRegion(db, { municipalityIds: [a.id, b.id] });
    const versionB = await createActionPlanVersion(db, { plan: planB });
    const focusArea = await createFocusArea(db, { plan: planB });
    await createMeasure(db, {
      actionPlanVersion: versionB,
      focusAreaId: focusArea.id,
      reference: "T-1",
      title: "B sitt hemmelige tiltak",
    });
    const plannerA = await createUser(db, { municipalityId: a.id, role: "planner" });
    const coordinator = await createUser(db);
    await appointRegionCoordinator(db, { regionId: region.id, userId: coordinator.id });
    for (const user of [plannerA, coordinator]) {
      const { headers } = await signIn(t.app, user.email, testPassword);
      const base = `/api/municipalities/${b.number}`;
      for (const url of [
        `${base}/measures/T-1`,
        `${base}/plans/${planB.id}/history`,
        `${base}/members`,
        `${base}/audit`,
        `/api/municipalities/${outsider.number}/plans/${planC.id}/history`,
      ]) {
        const response = await t.app.inject({ url, headers });
        expect(response.statusCode, url).toBe(404);
      }
      const list = await t.app.inject({ url: `${base}/plans/${planB.id}/measures`, headers });
      expect(list.body).not.toContain("B sitt hemmelige tiltak");
      const shared = await t.app.inject({ url: `${base}/shared-measures`, headers });
      expect(shared.body).not.toContain("B sitt hemmelige tiltak");
      const overview = await t.app.inject({ url: `/api/regions/${region.slug}`, headers });
      expect(overview.statusCode).toBe(200);
      expect(overview.body).not.toContain("B sitt hemmelige tiltak");
      // Writes on B's measures are refused without telling what exists.
      const write = await t.app.inject({
        method: "PATCH",
        url: `${base}/plans/${planB.id}`,
        headers,
        payload: { version: 1, title: "Overtatt" },
      });
      expect(write.statusCode).toBe(404);
    }
    // The coordinator reads B's plan like a partner does (its structure), but not A-only rights.
    const coordinatorSession = await signIn(t.app, coordinator.email, testPassword);
    const tree = await t.app.inject({
      url: `/api/municipalities/${b.number}/plan-tree`,
      headers: coordinatorSession.headers,
    });
    expect(tree.json().plan?.title).toBe("B sitt utkast");
    const treeC = await t.app.inject({
      url: `/api/municipalities/${outsider.number}/plan-tree`,
      headers: coordinatorSession.headers,
    });
    expect(treeC.json().plan).toBeNull();
  });
});

describe("no lost updates", () => {
  it("two concurrent edits of the same plan: one wins, the other gets 409 with the current state, one audit entry", async () => {
    const { db } = t.database;
    const municipality = await createMunicipality(db);
    const plan = await createPlan(db, { municipalityId: municipality.id, title: "Utgangspunkt" });
    const kari = await createUser(db, { municipalityId: municipality.id, role: "planner" });
    const ola = await createUser(db, { municipalityId: municipality.id, role: "planner" });
    const karisSession = await signIn(t.app, kari.email, testPassword);
    const olasSession = await signIn(t.app, ola.email, testPassword);
    const url = `/api/municipalities/${municipality.number}/plans/${plan.id}`;
    const [first, second] = await Promise.all([
      t.app.inject({
        method: "PATCH",
        url,
        headers: karisSession.headers,
        payload: { version: 1, title: "Karis tittel" },
      }),
      t.app.inject({
        method: "PATCH",
        url,
        headers: olasSession.headers,
        payload: { version: 1, title: "Olas tittel" },
      }),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = first.statusCode === 200 ? first : second;
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json().error.code).toBe("conflict");
    expect(loser.json().error.details).toEqual([
      expect.objectContaining({ path: "/version", code: "stale", message: expect.any(String) }),
    ]);
    expect(loser.json().error.details[0].current).toMatchObject({ title: winner.json().title, version: 2 });

    const trail = await db.select().from(auditEvents).where(eq(auditEvents.objectId, plan.id));
    expect(trail).toHaveLength(1);
    expect(trail[0]?.changes).toEqual({ title: { before: "Utgangspunkt", after: winner.json().title } });

    // The history endpoint shows the same single change.
    const history = await t.app.inject({ url: `${url}/history`, headers: karisSession.headers });
    expect(history.json()).toHaveLength(1);
  });
});

describe("the audit trail", () => {
  it("lets an admin filter by person, object and time, and export CSV", async () => {
    const { db } = t.database;
    const municipality = await createMunicipality(db);
    const plan = await createPlan(db, { municipalityId: municipality.id, title: "Før" });
    const planner = await createUser(db, { municipalityId: municipality.id, role: "planner" });
    const admin = await createUser(db, { municipalityId: municipality.id, role: "admin" });
    const plannerSession = await signIn(t.app, planner.email, testPassword);
    const adminSession = await signIn(t.app, admin.email, testPassword);
    await t.app.inject({
      method: "PATCH",
      url: `/api/municipalities/${municipality.number}/plans/${plan.id}`,
      headers: plannerSession.headers,
      payload: { version: 1, title: '=Etter; med "tegn"' },
    });
    const base = `/api/municipalities/${municipality.number}/audit`;
    const byPerson = await t.app.inject({
      url: `${base}?person=${encodeURIComponent(planner.email)}`,
      headers: adminSession.headers,
    });
    expect(byPerson.statusCode).toBe(200);
    expect(byPerson.json()).toHaveLength(1);
    expect(byPerson.json()[0]).toMatchObject({ objectType: "plan", objectId: plan.id, action: "update" });
    const future = await t.app.inject({ url: `${base}?from=2999-01-01`, headers: adminSession.headers });
    expect(future.json()).toEqual([]);
    const byObject = await t.app.inject({
      url: `${base}?objectType=plan&objectId=${plan.id}`,
      headers: adminSession.headers,
    });
    expect(byObject.json()).toHaveLength(1);

    const csv = await t.app.inject({ url: `${base}.csv`, headers: adminSession.headers });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("tidspunkt;hvem;objekttype");
    // A value that starts like a formula is defused; quotes are escaped.
    expect(csv.body).toContain("'=Etter");
    expect(csv.body).not.toMatch(/;=Etter/);

    const asPlanner = await t.app.inject({ url: base, headers: plannerSession.headers });
    expect(asPlanner.statusCode).toBe(403);
  });

  it("cannot be changed or deleted, not even with SQL", async () => {
    const { db } = t.database;
    const municipality = await createMunicipality(db);
    const plan = await createPlan(db, { municipalityId: municipality.id });
    const planner = await createUser(db, { municipalityId: municipality.id, role: "planner" });
    const session = await signIn(t.app, planner.email, testPassword);
    await t.app.inject({
      method: "PATCH",
      url: `/api/municipalities/${municipality.number}/plans/${plan.id}`,
      headers: session.headers,
      payload: { version: 1, title: "Endret" },
    });
    await expect(t.database.pool.query("update audit_events set action = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.pool.query("delete from audit_events")).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query("truncate audit_events")).rejects.toThrow(/append-only/);
  });
});
