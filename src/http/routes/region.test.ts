import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedInPlanner, signIn } from "../../../test/app.ts";
import {
  adoptActionPlanVersionForTest,
  appointRegionCoordinator,
  createMunicipality,
  createRegion,
  createUser,
  testPassword,
} from "../../../test/factories.ts";
import { actionPlanVersions, auditEvents, measureParticipations } from "../../db/schema/index.ts";
import type { FrameCheckResponse } from "./budget.ts";
import type { RegionOverviewResponse, SharedMeasureListResponse } from "./region.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const years = [2027, 2028, 2029, 2030];
type Send = Awaited<ReturnType<typeof signedInPlanner>>["send"];

/** A municipality's 2027 draft with one frame area (1 000 000 kr a year, adopted) and measures. */
async function municipalityWithPlan(measureCosts: number[]) {
  const planner = await signedInPlanner(t.app, t.database.db);
  const { send } = planner;
  const plan = (
    await send("POST", "/plans", {
      title: "Næringsplan",
      startYear: 2023,
      endYear: 2030,
      firstBudgetYear: 2027,
    })
  ).json();
  const focusArea = (await send("POST", `/plans/${plan.id}/focus-areas`, { title: "Grønn vekst" })).json();
  const area = (await send("POST", "/frame-areas", { name: "Næringsutvikling – drift" })).json();
  const setup = (await send("GET", "/budget-setup")).json();
  const source = setup.fundingSources.find((x: { frameAreaId: string | null }) => x.frameAreaId === area.id);
  const references: string[] = [];
  for (const [i, amountNok] of measureCosts.entries()) {
    const created = await send("POST", `/plans/${plan.id}/measures`, {
      title: `Tiltak ${i + 1}`,
      focusAreaId: focusArea.id,
      startYear: 2027,
      endYear: 2030,
    });
    expect(created.statusCode, created.body).toBe(201);
    const reference = created.json().reference as string;
    references.push(reference);
    const financed = await send("PUT", `/measures/${reference}/financing`, {
      rows: years.map((year) => ({ year, fundingSourceId: source.id, amountNok })),
    });
    expect(financed.statusCode, financed.body).toBe(200);
  }
  const cycleId = (await send("GET", `/plans/${plan.id}/cycles`)).json()[0].id as string;
  for (const year of years) {
    const saved = await send("PUT", `/cycles/${cycleId}/frames`, {
      frameAreaId: area.id,
      year,
      amountNok: 1_000_000,
      status: "adopted",
      decisionDate: "2026-06-18",
      caseReference: "sak 68/26",
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  const frameSum = async (year: number) => {
    const check = (await send("GET", `/cycles/${cycleId}/frame-check`)).json() as FrameCheckResponse;
    return check.rows.find((r) => r.year === year && r.frameAreaId === area.id)?.sumNok;
  };
  return { ...planner, plan, area, cycleId, references, frameSum };
}

/** Records the adoption of a cycle's newest action plan version (the decision, not the steps). */
async function adoptCycle(cycleId: string) {
  const [version] = await t.database.db
    .select()
    .from(actionPlanVersions)
    .where(eq(actionPlanVersions.cycleId, cycleId))
    .orderBy(desc(actionPlanVersions.revision))
    .limit(1);
  if (!version) throw new Error("no action plan version");
  return adoptActionPlanVersionForTest(t.database.db, version);
}

async function sharedList(send: Send) {
  const response = await send("GET", "/shared-measures");
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as SharedMeasureListResponse;
}

describe("shared measures across a region", () => {
  it("owner invites, participants join with their share; each frame check counts only its share", async () => {
    const drammen = await municipalityWithPlan([300_001, 100_000]);
    const lier = await municipalityWithPlan([50_000]);
    const asker = await municipalityWithPlan([]);
    const region = await createRegion(t.database.db, {
      municipalityIds: [drammen.municipality.id, lier.municipality.id, asker.municipality.id],
    });
    const [shared] = drammen.references;

    // Drammen invites Lier and Asker to its first measure.
    for (const other of [lier, asker]) {
      const invited = await drammen.send("POST", `/measures/${shared}/participants`, {
        municipalityNumber: other.municipality.number,
      });
      expect(invited.statusCode, invited.body).toBe(201);
    }
    const again = await drammen.send("POST", `/measures/${shared}/participants`, {
      municipalityNumber: lier.municipality.number,
    });
    expect(again.statusCode).toBe(409);

    // Inviting does not change anyone's frame check: Lier has not decided yet.
    expect(await drammen.frameSum(2027)).toBe(400_001);
    expect(await lier.frameSum(2027)).toBe(50_000);

    // Lier's planner joins with 30 %, Asker's with 25 %; each counts against its own frame area.
    const lierInvitation = (await sharedList(lier.send)).measures[0];
    expect(lierInvitation?.role).toBe("invited");
    const joined = await lier.send("PUT", `/shared-measures/${lierInvitation?.participation?.id}`, {
      sharePercent: 30,
      frameAreaId: lier.area.id,
      version: lierInvitation?.participation?.version,
    });
    expect(joined.statusCode, joined.body).toBe(200);
    const askerInvitation = (await sharedList(asker.send)).measures[0];
    // More than what is left (70 %) is refused with a clear message and changes nothing.
    const tooMuch = await asker.send("PUT", `/shared-measures/${askerInvitation?.participation?.id}`, {
      sharePercent: 71,
      frameAreaId: asker.area.id,
      version: askerInvitation?.participation?.version,
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.message).toContain("høyst 70 %");
    // Another municipality's frame area is refused.
    const foreignArea = await asker.send("PUT", `/shared-measures/${askerInvitation?.participation?.id}`, {
      sharePercent: 25,
      frameAreaId: lier.area.id,
      version: askerInvitation?.participation?.version,
    });
    expect(foreignArea.statusCode).toBe(400);
    const askerJoined = await asker.send("PUT", `/shared-measures/${askerInvitation?.participation?.id}`, {
      sharePercent: 25,
      frameAreaId: asker.area.id,
      version: askerInvitation?.participation?.version,
    });
    expect(askerJoined.statusCode, askerJoined.body).toBe(200);

    // A participant counts the owner's ADOPTED split, never its draft: nothing until Drammen adopts.
    expect(await lier.frameSum(2027)).toBe(50_000);
    await adoptCycle(drammen.cycleId);

    // 300 001 kr a year: Drammen 45 % = 135 000.45, Lier 30 % = 90 000.3, Asker 25 % = 75 000.25;
    // the krone left over goes to the largest remainder (Drammen's 0.45).
    expect(await drammen.frameSum(2027)).toBe(135_001 + 100_000);
    expect(await lier.frameSum(2027)).toBe(90_000 + 50_000);
    expect(await asker.frameSum(2027)).toBe(75_000);
    const split = (await sharedList(drammen.send)).measures[0];
    expect(split?.parties.map((p) => [p.name, p.percent, p.byYear[0]?.amountNok])).toEqual([
      [drammen.municipality.name, 45, 135_001],
      [lier.municipality.name, 30, 90_000],
      [asker.municipality.name, 25, 75_000],
    ]);
    for (const [i, year] of years.entries()) {
      expect(split?.parties.reduce((a, p) => a + (p.byYear[i]?.amountNok ?? 0), 0)).toBe(300_001);
      expect(split?.totalByYear[i]).toEqual({ year, amountNok: 300_001 });
    }
    const check = (
      await lier.send("GET", `/cycles/${lier.cycleId}/frame-check`)
    ).json() as FrameCheckResponse;
    expect(check.sharedMeasures).toEqual([
      expect.objectContaining({ reference: shared, role: "participant", sharePercent: 30 }),
    ]);

    // The measure appears in Lier's measure list as a shared measure, with the split.
    const lierList = (await lier.send("GET", `/plans/${lier.plan.id}/measures`)).json();
    expect(lierList.sharedMeasures).toHaveLength(1);
    expect(lierList.sharedMeasures[0].owner.name).toBe(drammen.municipality.name);

    // Each decision is in the deciding municipality's own trail.
    const lierTrail = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.municipalityId, lier.municipality.id),
          eq(auditEvents.objectType, "shared_measure"),
        ),
      );
    expect(lierTrail.map((e) => e.action)).toEqual(["join"]);
    const drammenTrail = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.municipalityId, drammen.municipality.id), eq(auditEvents.action, "share_invite")),
      );
    expect(drammenTrail).toHaveLength(2);

    // The overview shows both, and each municipality's budget is its own share.
    const coordinator = await createUser(t.database.db);
    await appointRegionCoordinator(t.database.db, { regionId: region.id, userId: coordinator.id });
    const coordinatorSession = await signIn(t.app, coordinator.email, testPassword);
    const overview = await t.app.inject({
      method: "GET",
      url: `/api/regions/${region.slug}`,
      headers: coordinatorSession.headers,
    });
    expect(overview.statusCode, overview.body).toBe(200);
    const body = overview.json() as RegionOverviewResponse;
    expect(body.sharedMeasures.map((m) => m.reference)).toEqual([shared]);
    // Drafts are not the coordinator's to read: only the shared measure shows, and its split.
    expect(body.sharedMeasures[0]?.parties.map((p) => p.percent)).toEqual([45, 30, 25]);
    expect(body.municipalities.find((m) => m.number === drammen.municipality.number)?.measureCount).toBe(0);

    // A planner of a member municipality sees its own drafts and budget share in the overview.
    const own = (
      await t.app.inject({
        method: "GET",
        url: `/api/regions/${region.slug}`,
        headers: drammen.session.headers,
      })
    ).json() as RegionOverviewResponse;
    const drammenRow = own.municipalities.find((m) => m.number === drammen.municipality.number);
    expect(drammenRow?.measureCount).toBe(2);
    expect(drammenRow?.budgetByYear[0]).toEqual({ year: 2027, amountNok: 235_001 });
    expect(drammenRow?.focusAreas[0]?.measures.find((m) => m.reference === shared)?.shared).toBe(true);
    // Lier's draft is not Drammen's to read.
    expect(own.municipalities.find((m) => m.number === lier.municipality.number)?.measureCount).toBe(0);

    // Lier leaves by its own decision; its frame check drops the share, Drammen's takes it back.
    const current = (await sharedList(lier.send)).measures[0]?.participation;
    const left = await lier.send("DELETE", `/shared-measures/${current?.id}?version=${current?.version}`);
    expect(left.statusCode, left.body).toBe(204);
    expect(await lier.frameSum(2027)).toBe(50_000);
    // 300 001 at 75/25: 225 000.75 and 75 000.25 → 225 001 and 75 000.
    expect(await drammen.frameSum(2027)).toBe(225_001 + 100_000);
  });

  it("a planner of A cannot change, remove or join for B", async () => {
    const a = await municipalityWithPlan([100_000]);
    const b = await municipalityWithPlan([]);
    const c = await municipalityWithPlan([]);
    await createRegion(t.database.db, { municipalityIds: [a.municipality.id, b.municipality.id] });
    const [reference] = a.references;
    await a.send("POST", `/measures/${reference}/participants`, {
      municipalityNumber: b.municipality.number,
    });
    const invitation = (await sharedList(b.send)).measures[0]?.participation;
    const joined = await b.send("PUT", `/shared-measures/${invitation?.id}`, {
      sharePercent: 40,
      frameAreaId: b.area.id,
      version: invitation?.version,
    });
    expect(joined.statusCode).toBe(200);
    const before = await t.database.db.select().from(measureParticipations);

    // Through B's address: A's planner has no role in B, so B's participation does not exist for them.
    const base = `/api/municipalities/${b.municipality.number}/shared-measures/${invitation?.id}`;
    const change = await t.app.inject({
      method: "PUT",
      url: base,
      headers: a.session.headers,
      payload: { sharePercent: 10, frameAreaId: b.area.id, version: 2 },
    });
    expect(change.statusCode).toBe(404);
    const remove = await t.app.inject({
      method: "DELETE",
      url: `${base}?version=2`,
      headers: a.session.headers,
    });
    expect(remove.statusCode).toBe(404);
    // Through A's own address with B's participation id: not A's participation.
    const viaOwn = await a.send("PUT", `/shared-measures/${invitation?.id}`, {
      sharePercent: 10,
      frameAreaId: a.area.id,
      version: 2,
    });
    expect(viaOwn.statusCode).toBe(404);
    // The owner cannot push B out: only B decides to leave.
    const withdraw = await a.send("DELETE", `/measures/${reference}/participants/${b.municipality.number}`);
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().error.message).toContain("selv kan melde seg ut");
    // A municipality outside the region cannot be invited.
    const outside = await a.send("POST", `/measures/${reference}/participants`, {
      municipalityNumber: c.municipality.number,
    });
    expect(outside.statusCode).toBe(400);
    expect(await t.database.db.select().from(measureParticipations)).toEqual(before);

    // A viewer of B may read but not decide.
    const viewer = await createUser(t.database.db, { municipalityId: b.municipality.id, role: "viewer" });
    const viewerSession = await signIn(t.app, viewer.email, testPassword);
    const byViewer = await t.app.inject({
      method: "PUT",
      url: base,
      headers: viewerSession.headers,
      payload: { sharePercent: 10, frameAreaId: b.area.id, version: 2 },
    });
    expect(byViewer.statusCode).toBe(403);
    // Stale version: conflict.
    const stale = await b.send("PUT", `/shared-measures/${invitation?.id}`, {
      sharePercent: 10,
      frameAreaId: b.area.id,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe("regions", () => {
  it("starts with Drammensregionen; only installation admins change members and coordinators", async () => {
    const { ensureDefaultRegion } = await import("../../services/region/ensure-default-region.ts");
    const { syncMunicipalityRegister } = await import(
      "../../services/municipalities/sync-municipality-register.ts"
    );
    const ctx = { db: t.database.db, actor: { kind: "system" as const, label: "test" } };
    await syncMunicipalityRegister({ ctx });
    await ensureDefaultRegion({ ctx });
    await ensureDefaultRegion({ ctx }); // idempotent
    const regions = (await t.app.inject({ method: "GET", url: "/api/regions" })).json();
    const drammensregionen = regions.find((r: { slug: string }) => r.slug === "drammensregionen");
    expect(drammensregionen.municipalities.map((m: { number: string }) => m.number).sort()).toEqual([
      "3203",
      "3301",
      "3303",
      "3312",
      "3314",
      "3903",
    ]);

    const { session } = await signedInPlanner(t.app, t.database.db);
    const refused = await t.app.inject({
      method: "PUT",
      url: "/api/regions/drammensregionen",
      headers: session.headers,
      payload: { name: "Drammensregionen", municipalityNumbers: ["3301"], version: 1 },
    });
    expect(refused.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: "GET", url: "/api/regions/drammensregionen/settings" });
    expect(anonymous.statusCode).toBe(401);

    const admin = await createUser(t.database.db, { isSystemAdmin: true });
    const adminSession = await signIn(t.app, admin.email, testPassword);
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/regions/drammensregionen",
      headers: adminSession.headers,
      payload: { name: "Drammensregionen", municipalityNumbers: ["3301", "0000"], version: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("0000");
    const saved = await t.app.inject({
      method: "PUT",
      url: "/api/regions/drammensregionen",
      headers: adminSession.headers,
      payload: { name: "Drammensregionen", municipalityNumbers: ["3301", "3312", "3303"], version: 1 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await ensureDefaultRegion({ ctx }); // the admin's change stays
    const person = await createUser(t.database.db);
    const appointed = await t.app.inject({
      method: "POST",
      url: "/api/regions/drammensregionen/coordinators",
      headers: adminSession.headers,
      payload: { email: person.email },
    });
    expect(appointed.statusCode, appointed.body).toBe(201);
    const settings = (
      await t.app.inject({
        method: "GET",
        url: "/api/regions/drammensregionen/settings",
        headers: adminSession.headers,
      })
    ).json();
    expect(settings.municipalityNumbers).toEqual(["3301", "3303", "3312"]);
    expect(settings.coordinators.map((c: { email: string }) => c.email)).toEqual([person.email]);
    const trail = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectType, "region"));
    expect(trail.map((e) => e.action).sort()).toEqual(["appoint_coordinator", "update"]);
  });

  it("a coordinator reads shared measures of the region's municipalities, not other drafts", async () => {
    const a = await municipalityWithPlan([100_000, 200_000]);
    const b = await municipalityWithPlan([]);
    const outsider = await createMunicipality(t.database.db);
    const region = await createRegion(t.database.db, {
      municipalityIds: [a.municipality.id, b.municipality.id],
    });
    const person = await createUser(t.database.db);
    await appointRegionCoordinator(t.database.db, { regionId: region.id, userId: person.id });
    const session = await signIn(t.app, person.email, testPassword);
    const get = (url: string) => t.app.inject({ method: "GET", url, headers: session.headers });
    const [sharedRef, privateRef] = a.references;
    await a.send("POST", `/measures/${sharedRef}/participants`, {
      municipalityNumber: b.municipality.number,
    });

    // The draft measure list is not theirs; the shared measure is.
    const list = (await get(`/api/municipalities/${a.municipality.number}/shared-measures`)).json();
    expect(list.measures.map((m: { reference: string }) => m.reference)).toEqual([sharedRef]);
    expect(
      (await get(`/api/municipalities/${a.municipality.number}/measures/${privateRef}`)).statusCode,
    ).toBe(404);
    // Only the owner's planner invites: a coordinator cannot expose a draft they cannot read.
    const invite = await t.app.inject({
      method: "POST",
      url: `/api/municipalities/${a.municipality.number}/measures/${privateRef}/participants`,
      headers: session.headers,
      payload: { municipalityNumber: b.municipality.number },
    });
    expect(invite.statusCode, invite.body).toBe(404);
    // Outside the region they are nobody.
    const outside = await get(`/api/municipalities/${outsider.number}/shared-measures`);
    expect([200, 404]).toContain(outside.statusCode);
    if (outside.statusCode === 200) expect(outside.json().measures).toEqual([]);
  });
});
