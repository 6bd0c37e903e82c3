import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedInPlanner, signIn } from "../../../test/app.ts";
import { createUser, testPassword } from "../../../test/factories.ts";
import {
  actionPlanVersions,
  auditEvents,
  budgetFrames,
  cycles,
  measureCosts,
  measures,
  measureVersions,
} from "../../db/schema/index.ts";
import type { FrameCheckResponse } from "./budget.ts";
import type { ComparisonResponse, CycleResponse } from "./cycles.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A planner's plan for budget year 2027 with three measures and their municipal costs. */
async function planWithMeasures() {
  const { db } = t.database;
  const { municipality, session, base, send } = await signedInPlanner(t.app, db);
  const plan = (
    await send("POST", "/plans", {
      title: "Næringsplan",
      startYear: 2023,
      endYear: 2030,
      firstBudgetYear: 2027,
    })
  ).json();
  await send("PATCH", `/plans/${plan.id}`, { version: 1, published: true });
  const focusArea = (await send("POST", `/plans/${plan.id}/focus-areas`, { title: "Havnebyen" })).json();
  const measure = (title: string, endYear: number) =>
    send("POST", `/plans/${plan.id}/measures`, {
      title,
      focusAreaId: focusArea.id,
      startYear: 2027,
      endYear,
    });
  await measure("Landstrøm", 2030);
  await measure("Kartlegging", 2027);
  await measure("Havnefest", 2029);
  const area = (await send("POST", "/frame-areas", { name: "Næringsutvikling – drift" })).json();
  const setup = (await t.app.inject({ url: `${base}/budget-setup`, headers: session.headers })).json();
  const source = setup.fundingSources.find((x: { frameAreaId: string | null }) => x.frameAreaId === area.id);
  const versions = await db
    .select()
    .from(measureVersions)
    .where(eq(measureVersions.municipalityId, municipality.id));
  await db.insert(measureCosts).values(
    versions.flatMap((v) =>
      [2027, 2028, 2029, 2030].map((year) => ({
        municipalityId: municipality.id,
        measureVersionId: v.id,
        year,
        fundingSourceId: source.id,
        amountNok: 100_000,
      })),
    ),
  );
  const [firstCycle] = await db.select().from(cycles).where(eq(cycles.municipalityId, municipality.id));
  for (const year of [2027, 2028, 2029, 2030]) {
    const frame = await send("PUT", `/cycles/${firstCycle?.id}/frames`, {
      frameAreaId: area.id,
      year,
      amountNok: 1_000_000,
      status: "adopted",
      decisionDate: "2026-06-18",
      caseReference: "sak 68/26",
      version: 0,
    });
    expect(frame.statusCode, frame.body).toBe(200);
  }
  const cyclesOf = async () =>
    (await t.app.inject({ url: `${base}/plans/${plan.id}/cycles`, headers: session.headers })).json<
      CycleResponse[]
    >();
  return {
    municipality,
    base,
    send,
    plan,
    focusArea,
    cyclesOf,
    area,
    source,
    cycleId: firstCycle?.id as string,
  };
}

async function adopt2027(f: Awaited<ReturnType<typeof planWithMeasures>>) {
  let [cycle] = await f.cyclesOf();
  for (const to of ["utarbeidelse", "rammesak", "tilpasning", "vedtak"]) {
    const moved = await f.send("POST", `/cycles/${cycle?.id}/advance`, { version: cycle?.version, to });
    expect(moved.statusCode, moved.body).toBe(200);
    [cycle] = await f.cyclesOf();
  }
  const adopted = await f.send("POST", `/cycles/${cycle?.id}/adopt`, {
    adoptedOn: "2026-12-15",
    decisionBody: "Bystyret",
    caseReference: "sak 123/26",
  });
  expect(adopted.statusCode, adopted.body).toBe(200);
  return cycle as CycleResponse;
}

describe("the yearly cycle", () => {
  it("lets planners change a phase's planned dates, audited", async () => {
    const f = await planWithMeasures();
    const [cycle] = await f.cyclesOf();
    const moved = await f.send("PATCH", `/cycles/${cycle?.id}/phase-dates`, {
      version: cycle?.version,
      phase: "rammesak",
      start: "2026-06-10",
      end: "2026-06-25",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const [after] = await f.cyclesOf();
    expect(after?.phaseDates.rammesak).toEqual({ start: "2026-06-10", end: "2026-06-25" });
    expect(after?.phaseDates.vedtak).toEqual({ start: "2026-11-01", end: "2026-12-20" });
    const backwards = await f.send("PATCH", `/cycles/${cycle?.id}/phase-dates`, {
      version: after?.version,
      phase: "vedtak",
      start: "2026-12-20",
      end: "2026-12-01",
    });
    expect(backwards.statusCode).toBe(400);
  });

  it("moves one phase at a time and says what is missing", async () => {
    const f = await planWithMeasures();
    const [cycle] = await f.cyclesOf();
    expect(cycle).toMatchObject({
      budgetYear: 2027,
      startYear: 2027,
      endYear: 2030,
      phase: "innspill",
      nextPhase: "utarbeidelse",
    });
    expect(cycle?.phaseDates.vedtak).toEqual({ start: "2026-11-01", end: "2026-12-20" });
    const skip = await f.send("POST", `/cycles/${cycle?.id}/advance`, {
      version: cycle?.version,
      to: "vedtak",
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toMatch(/ett steg/);
    const early = await f.send("POST", `/cycles/${cycle?.id}/adopt`, {
      adoptedOn: "2026-12-15",
      decisionBody: "Bystyret",
      caseReference: "sak 1/26",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/vedtas i fasen «Vedtak»; rulleringen er i «Innspill»/);
  });

  it("freezes the adopted action plan: every write to it is refused and changes nothing", async () => {
    const f = await planWithMeasures();
    await adopt2027(f);
    const [before] = await t.database.db
      .select({ n: count() })
      .from(measureVersions)
      .where(eq(measureVersions.municipalityId, f.municipality.id));
    const edit = await f.send("PUT", "/measures/T-001", {
      title: "Endret",
      focusAreaId: f.focusArea.id,
      startYear: 2027,
      endYear: 2030,
      version: 1,
    });
    const create = await f.send("POST", `/plans/${f.plan.id}/measures`, {
      title: "Ny",
      focusAreaId: f.focusArea.id,
      startYear: 2027,
      endYear: 2027,
    });
    const remove = await f.send("DELETE", "/measures/T-002?version=1");
    for (const refused of [edit, create, remove]) {
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().error.message).toMatch(/vedtatt/);
    }
    const [after] = await t.database.db
      .select({ n: count() })
      .from(measureVersions)
      .where(eq(measureVersions.municipalityId, f.municipality.id));
    expect(after?.n).toBe(before?.n);
    const detail = (await t.app.inject({ url: `${f.base}/measures/T-001` })).json();
    expect(detail.title).toBe("Landstrøm");

    // The permanent page of the adopted version, readable by anyone.
    const record = await t.app.inject({ url: `${f.base}/plans/${f.plan.id}/action-plans/2027/0` });
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({
      status: "adopted",
      decisionBody: "Bystyret",
      caseReference: "sak 123/26",
      adoptedOn: "2026-12-15",
    });
    expect(record.json().measures).toHaveLength(3);
    expect(record.json().totals[0]).toEqual({ year: 2027, municipalNok: 300_000 });
  });

  it("revises an adopted plan as a numbered revision with a reason, leaving the adopted one as it was", async () => {
    const f = await planWithMeasures();
    const cycle = await adopt2027(f);
    const revision = await f.send("POST", `/cycles/${cycle.id}/revisions`, {
      reason: "Budsjettrevisjon 1. tertial",
    });
    expect(revision.statusCode, revision.body).toBe(201);
    expect(revision.json()).toEqual({ budgetYear: 2027, revision: 1, status: "draft" });
    const twice = await f.send("POST", `/cycles/${cycle.id}/revisions`, { reason: "Igjen" });
    expect(twice.statusCode).toBe(409);
    const edit = await f.send("PUT", "/measures/T-001", {
      title: "Landstrøm, utvidet",
      focusAreaId: f.focusArea.id,
      startYear: 2027,
      endYear: 2030,
      version: 1,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const original = (await t.app.inject({ url: `${f.base}/plans/${f.plan.id}/action-plans/2027/0` })).json();
    expect(original.measures.find((m: { reference: string }) => m.reference === "T-001").title).toBe(
      "Landstrøm",
    );
    const adopted = await f.send("POST", `/cycles/${cycle.id}/adopt`, {
      adoptedOn: "2027-05-20",
      decisionBody: "Bystyret",
      caseReference: "sak 45/27",
    });
    expect(adopted.json()).toEqual({ budgetYear: 2027, revision: 1, status: "adopted", warnings: [] });
  });

  it("rolls to next year: running measures carry over with the same reference, flagged; ended ones stay behind; only once", async () => {
    const f = await planWithMeasures();
    const cycle = await adopt2027(f);
    const rolled = await f.send("POST", `/cycles/${cycle.id}/roll`);
    expect(rolled.statusCode, rolled.body).toBe(201);
    expect(rolled.json()).toMatchObject({
      budgetYear: 2028,
      carried: 2,
      left: [{ reference: "T-002", why: "perioden sluttet 2027" }],
    });
    const again = await f.send("POST", `/cycles/${cycle.id}/roll`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/finnes allerede/);

    const [next] = await f.cyclesOf();
    expect(next).toMatchObject({
      budgetYear: 2028,
      startYear: 2028,
      endYear: 2031,
      phase: "innspill",
      rolledFromBudgetYear: 2027,
    });
    expect(next?.actionPlans[0]).toMatchObject({ status: "draft", measureCount: 2, needsReview: 2 });
    // Same identity, new version: the reference is the same measure.
    const t001 = await t.database.db
      .select()
      .from(measures)
      .where(and(eq(measures.municipalityId, f.municipality.id), eq(measures.reference, "T-001")));
    const versions = await t.database.db
      .select()
      .from(measureVersions)
      .where(eq(measureVersions.measureId, t001[0]?.id as string));
    expect(versions).toHaveLength(2);
    // Costs of 2028–2030 carried; 2027 left the period; 2031 starts empty.
    const newVersion = versions.find((v) => v.needsReview);
    const costs = await t.database.db
      .select()
      .from(measureCosts)
      .where(eq(measureCosts.measureVersionId, newVersion?.id as string));
    expect(costs.map((c) => c.year).sort()).toEqual([2028, 2029, 2030]);

    // Adoption is blocked until the flagged measures have been looked at.
    expect(next?.blockers).toEqual([]);
    const reviewed = await f.send("POST", "/measures/T-001/reviewed");
    expect(reviewed.statusCode).toBe(204);
    const [after] = await f.cyclesOf();
    expect(after?.actionPlans[0]?.needsReview).toBe(1);
  });

  it("compares two versions: added, removed, changed field by field, with totals", async () => {
    const f = await planWithMeasures();
    const cycle = await adopt2027(f);
    await f.send("POST", `/cycles/${cycle.id}/roll`);
    await f.send("PUT", "/measures/T-001", {
      title: "Landstrøm og lading",
      focusAreaId: f.focusArea.id,
      startYear: 2027,
      endYear: 2031,
      version: 1,
    });
    const [next, previous] = await f.cyclesOf();
    const url = `/compare?before=${previous?.actionPlans[0]?.id}&after=${next?.actionPlans[0]?.id}`;
    const comparison = (
      await t.app.inject({ url: `${f.base}${url}`, headers: {} })
    ).json<ComparisonResponse>();
    // Anonymous may not see the draft.
    expect(comparison).toMatchObject({ error: { code: "not_found" } });
    const seen = (
      await t.app.inject({ url: `${f.base}${url}`, headers: (await signInAgain(f)).headers })
    ).json<ComparisonResponse>();
    expect(seen.removed.map((m) => m.reference)).toEqual(["T-002"]);
    expect(seen.added).toEqual([]);
    const t001 = seen.changed.find((c) => c.reference === "T-001");
    expect(t001?.changes).toEqual(
      expect.arrayContaining([
        { field: "title", before: "Landstrøm", after: "Landstrøm og lading" },
        { field: "period", before: "2027–2030", after: "2027–2031" },
      ]),
    );
    expect(seen.totals.find((x) => x.year === 2027)).toEqual({
      year: 2027,
      before: 300_000,
      after: 0,
      difference: -300_000,
    });
    const csv = await t.app.inject({
      url: `${f.base}${url.replace("/compare", "/compare.csv")}`,
      headers: (await signInAgain(f)).headers,
    });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("T-001;Landstrøm og lading;endret;title;Landstrøm;Landstrøm og lading");
  });

  it("a failed rolling leaves nothing behind", async () => {
    const f = await planWithMeasures();
    const cycle = await adopt2027(f);
    const countRows = async () => ({
      cycles: (
        await t.database.db
          .select({ n: count() })
          .from(cycles)
          .where(eq(cycles.municipalityId, f.municipality.id))
      )[0]?.n,
      plans: (
        await t.database.db
          .select({ n: count() })
          .from(actionPlanVersions)
          .where(eq(actionPlanVersions.municipalityId, f.municipality.id))
      )[0]?.n,
      versions: (
        await t.database.db
          .select({ n: count() })
          .from(measureVersions)
          .where(eq(measureVersions.municipalityId, f.municipality.id))
      )[0]?.n,
      costs: (
        await t.database.db
          .select({ n: count() })
          .from(measureCosts)
          .where(eq(measureCosts.municipalityId, f.municipality.id))
      )[0]?.n,
    });
    const before = await countRows();
    // Make the very last step of the rolling (copying costs) fail inside the database.
    await t.database.db.execute(sql`
      create function fail_rolling() returns trigger language plpgsql as $$ begin raise exception 'simulert feil'; end; $$;
      create trigger fail_rolling before insert on measure_costs for each row when (new.year = 2030) execute function fail_rolling();
    `);
    try {
      const failed = await f.send("POST", `/cycles/${cycle.id}/roll`);
      expect(failed.statusCode).toBe(500);
      expect(await countRows()).toEqual(before);
    } finally {
      await t.database.db.execute(
        sql`drop trigger fail_rolling on measure_costs; drop function fail_rolling();`,
      );
    }
    expect((await f.send("POST", `/cycles/${cycle.id}/roll`)).statusCode).toBe(201);
  });
});

async function signInAgain(f: { municipality: { id: string } }) {
  const viewer = await createUser(t.database.db, { municipalityId: f.municipality.id, role: "viewer" });
  return signIn(t.app, viewer.email, testPassword);
}

describe("the budget frames", () => {
  it("refuse adoption over a frame, listing every overrun, and accept it once the plan is fitted", async () => {
    const f = await planWithMeasures();
    const check = await t.app.inject({ url: `${f.base}/cycles/${f.cycleId}/frame-check` });
    expect(check.statusCode).toBe(404);
    // The council cut 2028 to 200 000 kr: the three measures need 300 000 kr.
    const cut = await f.send("PUT", `/cycles/${f.cycleId}/frames`, {
      frameAreaId: f.area.id,
      year: 2028,
      amountNok: 200_000,
      status: "adopted",
      decisionDate: "2026-06-18",
      caseReference: "sak 68/26",
      version: 1,
    });
    expect(cut.statusCode, cut.body).toBe(200);
    let [cycle] = await f.cyclesOf();
    for (const to of ["utarbeidelse", "rammesak", "tilpasning", "vedtak"]) {
      await f.send("POST", `/cycles/${cycle?.id}/advance`, { version: cycle?.version, to });
      [cycle] = await f.cyclesOf();
    }
    const decision = { adoptedOn: "2026-12-15", decisionBody: "Bystyret", caseReference: "sak 123/26" };
    const refused = await f.send("POST", `/cycles/${f.cycleId}/adopt`, decision);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain(
      "2028, Næringsutvikling – drift: ramme 200\u00a0000\u00a0kr, sum 300\u00a0000\u00a0kr, over med 100\u00a0000\u00a0kr",
    );
    // details is a list, as in every refusal; the overrun problem carries the overruns.
    const details = refused.json().error.details as { path: string; message: string; overruns?: unknown[] }[];
    expect(Array.isArray(details)).toBe(true);
    expect(details.find((d) => d.overruns)?.overruns).toHaveLength(1);
    const [stillDraft] = await t.database.db
      .select()
      .from(actionPlanVersions)
      .where(eq(actionPlanVersions.cycleId, f.cycleId));
    expect(stillDraft?.status).toBe("draft");

    // Fit: T-003 gets no money in 2028.
    const fitted = await f.send("PUT", "/measures/T-003/financing", {
      rows: [2027, 2029, 2030].map((year) => ({ year, fundingSourceId: f.source.id, amountNok: 100_000 })),
    });
    expect(fitted.statusCode, fitted.body).toBe(200);
    const frameCheck = (
      await t.app.inject({
        url: `${f.base}/cycles/${f.cycleId}/frame-check`,
        headers: (await signInAgain(f)).headers,
      })
    ).json();
    expect(frameCheck.rows.find((r: { year: number }) => r.year === 2028)).toMatchObject({
      frameNok: 200_000,
      sumNok: 200_000,
      remainingNok: 0,
    });
    expect(frameCheck.overruns).toEqual([]);
    const accepted = await f.send("POST", `/cycles/${f.cycleId}/adopt`, decision);
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it("carry the adopted frames into the rolled cycle with their origin; the new last year starts unframed", async () => {
    const f = await planWithMeasures();
    const source = await adopt2027(f);
    const rolled = await f.send("POST", `/cycles/${source.id}/roll`);
    expect(rolled.statusCode, rolled.body).toBe(201);
    expect(rolled.json().carriedFrames).toBe(3);
    const [next] = await f.cyclesOf();
    const headers = (await signInAgain(f)).headers;
    const check = (
      await t.app.inject({ url: `${f.base}/cycles/${next?.id}/frame-check`, headers })
    ).json<FrameCheckResponse>();
    const before = (
      await t.app.inject({ url: `${f.base}/cycles/${source.id}/frame-check`, headers })
    ).json<FrameCheckResponse>();
    expect(check.years).toEqual([2028, 2029, 2030, 2031]);
    for (const year of [2028, 2029, 2030]) {
      const adopted = before.rows.find((r) => r.year === year);
      const carried = check.rows.find((r) => r.year === year);
      expect(carried).toMatchObject({
        frameNok: adopted?.frameNok,
        frameStatus: "adopted",
        state: "within",
        origin: {
          budgetYear: 2027,
          period: { startYear: 2027, endYear: 2030 },
          caseReference: "sak 68/26",
          decisionDate: "2026-06-18",
          amountNok: 1_000_000,
        },
      });
      expect(carried?.frameId).not.toBe(adopted?.frameId);
    }
    const stored = await t.database.db
      .select()
      .from(budgetFrames)
      .where(eq(budgetFrames.cycleId, next?.id as string));
    expect(stored.map((s) => [s.year, s.status, s.caseReference, s.decisionDate]).sort()).toEqual([
      [2028, "adopted", "sak 68/26", "2026-06-18"],
      [2029, "adopted", "sak 68/26", "2026-06-18"],
      [2030, "adopted", "sak 68/26", "2026-06-18"],
    ]);
    // 2031 has no frame and (the measures end by 2030) no money: empty, neither over nor a warning.
    expect(check.rows.find((r) => r.year === 2031)).toMatchObject({
      frameNok: null,
      state: "empty",
      origin: null,
    });
    expect(check.overBudget).toEqual([]);
    expect(check.unframed).toEqual([]);
    // Money in the new last year without a frame is «ikke rammesatt»: a warning, not an overrun in
    // the check, while adoption stays strict.
    await t.database.db.insert(measureCosts).values({
      municipalityId: f.municipality.id,
      measureVersionId: (
        await t.database.db
          .select({ id: measureVersions.id })
          .from(measureVersions)
          .where(eq(measureVersions.actionPlanVersionId, next?.actionPlans[0]?.id as string))
          .limit(1)
      )[0]?.id as string,
      year: 2031,
      fundingSourceId: f.source.id,
      amountNok: 40_000,
    });
    const after = (
      await t.app.inject({ url: `${f.base}/cycles/${next?.id}/frame-check`, headers })
    ).json<FrameCheckResponse>();
    expect(after.rows.find((r) => r.year === 2031)).toMatchObject({ state: "unframed", sumNok: 40_000 });
    expect(after.unframed).toEqual([
      { year: 2031, frameAreaId: f.area.id, frameAreaName: "Næringsutvikling – drift", sumNok: 40_000 },
    ]);
    expect(after.overBudget).toEqual([]);
    expect(after.overruns).toEqual([
      expect.objectContaining({ year: 2031, frameNok: null, excessNok: 40_000 }),
    ]);
    // The rolling's audit entry says how many frames it carried.
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, next?.id as string), eq(auditEvents.action, "roll")));
    expect(entry?.changes).toMatchObject({ carried_frames: { after: 3 } });
  });

  it("need adopted frames before the «vedtak» phase, and ignore external money", async () => {
    const f = await planWithMeasures();
    await f.send("PUT", `/cycles/${f.cycleId}/frames`, {
      frameAreaId: f.area.id,
      year: 2029,
      amountNok: 1_000_000,
      status: "proposed",
      version: 1,
    });
    let [cycle] = await f.cyclesOf();
    for (const to of ["utarbeidelse", "rammesak", "tilpasning"]) {
      await f.send("POST", `/cycles/${cycle?.id}/advance`, { version: cycle?.version, to });
      [cycle] = await f.cyclesOf();
    }
    expect(cycle?.blockers).toEqual(["Budsjettrammen er ikke vedtatt for 2029 Næringsutvikling – drift."]);
    const refused = await f.send("POST", `/cycles/${cycle?.id}/advance`, {
      version: cycle?.version,
      to: "vedtak",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("Budsjettrammen er ikke vedtatt for 2029");

    const external = (await f.send("POST", "/funding-sources", { name: "Innovasjon Norge" })).json();
    const withGrant = await f.send("PUT", "/measures/T-001/financing", {
      rows: [
        { year: 2027, fundingSourceId: f.source.id, amountNok: 100_000 },
        { year: 2027, fundingSourceId: external.id, amountNok: 5_000_000, externalStatus: "applied" },
      ],
    });
    expect(withGrant.statusCode, withGrant.body).toBe(200);
    const frameCheck = (
      await t.app.inject({
        url: `${f.base}/cycles/${f.cycleId}/frame-check`,
        headers: (await signInAgain(f)).headers,
      })
    ).json();
    expect(frameCheck.rows.find((r: { year: number }) => r.year === 2027).sumNok).toBe(300_000);
    const bad = await f.send("PUT", "/measures/T-001/financing", {
      rows: [{ year: 2035, fundingSourceId: f.source.id, amountNok: 1.5 }],
    });
    expect(bad.statusCode).toBe(400);
  });
});
