import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedInPlanner, signIn } from "../../../test/app.ts";
import { adoptActionPlanVersionForTest, createUser, testPassword } from "../../../test/factories.ts";
import { actionPlanVersions, auditEvents, measures } from "../../db/schema/index.ts";
import type { PrioritisationResponse, PrioritisationSetupResponse } from "./prioritisation.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const years = [2027, 2028, 2029, 2030];

/**
 * A planner's 2027 draft with four measures, each 100 000 kr a year of municipal money (T-004 also
 * 1 000 000 kr a year from an external source, which never counts), and adopted frames of
 * 500 000 kr a year: everything fits.
 */
async function draftWithFrames() {
  const { municipality, session, base, send } = await signedInPlanner(t.app, t.database.db);
  const plan = (
    await send("POST", "/plans", {
      title: "Næringsplan",
      startYear: 2023,
      endYear: 2030,
      firstBudgetYear: 2027,
    })
  ).json();
  const focusArea = (await send("POST", `/plans/${plan.id}/focus-areas`, { title: "Havnebyen" })).json();
  const references: string[] = [];
  for (const title of ["Landstrøm", "Kartlegging", "Havnefest", "Sjøfront"]) {
    const created = await send("POST", `/plans/${plan.id}/measures`, {
      title,
      focusAreaId: focusArea.id,
      startYear: 2027,
      endYear: 2030,
    });
    expect(created.statusCode, created.body).toBe(201);
    references.push(created.json().reference);
  }
  const area = (await send("POST", "/frame-areas", { name: "Næringsutvikling – drift" })).json();
  const external = (await send("POST", "/funding-sources", { name: "Innovasjon Norge" })).json();
  const setup = (await send("GET", "/budget-setup")).json();
  const source = setup.fundingSources.find((x: { frameAreaId: string | null }) => x.frameAreaId === area.id);
  for (const [i, reference] of references.entries()) {
    const financed = await send("PUT", `/measures/${reference}/financing`, {
      rows: years.flatMap((year) => [
        { year, fundingSourceId: source.id, amountNok: 100_000 },
        ...(i === 3
          ? [{ year, fundingSourceId: external.id, amountNok: 1_000_000, externalStatus: "expected" }]
          : []),
      ]),
    });
    expect(financed.statusCode, financed.body).toBe(200);
  }
  const cycleId = (await send("GET", `/plans/${plan.id}/cycles`)).json()[0].id as string;
  const frameVersions = new Map<number, number>();
  const setFrame = async (year: number, amountNok: number) => {
    const saved = await send("PUT", `/cycles/${cycleId}/frames`, {
      frameAreaId: area.id,
      year,
      amountNok,
      status: "adopted",
      decisionDate: "2026-06-18",
      caseReference: "sak 68/26",
      version: frameVersions.get(year) ?? 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    frameVersions.set(year, saved.json().version);
  };
  for (const year of years) await setFrame(year, 500_000);
  const propose = (overrides?: object[]) =>
    send("POST", `/cycles/${cycleId}/prioritisation`, overrides ? { overrides } : {});
  return { municipality, base, send, plan, area, cycleId, references, setFrame, propose, session };
}

describe("prioritisation under the frames", () => {
  it("documents its routes in the OpenAPI document", async () => {
    const response = await t.app.inject({ url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/municipalities/{municipalityNumber}/cycles/{cycleId}/prioritisation",
        "/api/municipalities/{municipalityNumber}/cycles/{cycleId}/prioritisation/apply",
        "/api/municipalities/{municipalityNumber}/cycles/{cycleId}/prioritisation/undo",
        "/api/municipalities/{municipalityNumber}/measures/{reference}/priority",
      ]),
    );
  });

  it("lists the draft's measures with priority, mandatory mark and municipal costs only", async () => {
    const f = await draftWithFrames();
    const response = await f.send("GET", `/cycles/${f.cycleId}/prioritisation`);
    expect(response.statusCode, response.body).toBe(200);
    const setup = response.json<PrioritisationSetupResponse>();
    expect(setup).toMatchObject({ budgetYear: 2027, years, draft: true, allowedActions: ["update"] });
    expect(setup.measures).toHaveLength(4);
    expect(setup.measures[3]).toMatchObject({ priority: null, mandatory: false, value: 1 });
    expect(setup.measures[3]?.costs).toEqual(
      years.map((year) => ({ frameAreaId: f.area.id, year, amountNok: 100_000 })),
    );
    expect(setup.frames).toHaveLength(4);
  });

  it("keeps everything while it fits, and proposes what to drop when a frame is cut, naming year and area", async () => {
    const f = await draftWithFrames();
    const fits = (await f.propose()).json<PrioritisationResponse>();
    expect(fits.current.status).toBe("optimal");
    expect(fits.current.selected).toHaveLength(4);
    expect(fits.current.dropped).toEqual([]);
    expect(fits.whatIf).toBeNull();

    // The council cuts 2028 to 250 000 kr: only two of the four measures fit that year.
    await f.setFrame(2028, 250_000);
    const [t1, t2, t3, t4] = f.references as [string, string, string, string];
    for (const [reference, priority] of [
      [t1, 5],
      [t2, 1],
      [t3, 3],
    ] as const) {
      const set = await f.send("PATCH", `/measures/${reference}/priority`, { priority, mandatory: false });
      expect(set.statusCode, set.body).toBe(200);
    }
    const response = await f.propose();
    expect(response.statusCode, response.body).toBe(200);
    const proposal = response.json<PrioritisationResponse>();
    expect(proposal.frameCheck.overruns).toEqual([
      expect.objectContaining({ year: 2028, frameNok: 250_000, sumNok: 400_000, excessNok: 150_000 }),
    ]);
    expect(proposal.current.status).toBe("optimal");
    expect(proposal.current.gap).toBe(0);
    // Highest value first: T1 (5) and T3 (3); T2 (1) and T4 (no priority: 1) fall out.
    expect(proposal.current.selected.map((m) => m.reference)).toEqual([t1, t3]);
    // The default value: priority × 1000, plus 300 for «no evaluation score» (the tie-breaker).
    expect(proposal.current.totalValue).toBe(8600);
    expect(proposal.valueRule).toEqual({ source: "default", roundTitles: [], evaluated: 0 });
    expect(proposal.current.dropped.map((m) => m.reference)).toEqual([t2, t4]);
    expect(proposal.current.dropped[0]?.why).toBe(
      "Gir for lite verdi for kostnaden i 2028 Næringsutvikling – drift (trenger 100\u00a0000\u00a0kr, bare 50\u00a0000\u00a0kr ledig), der rammen er brukt opp på tiltak som gir mer verdi",
    );
    for (const u of proposal.current.usage) expect(u.sumNok).toBeLessThanOrEqual(u.frameNok);
  });

  it("keeps mandatory measures, and explains when they alone exceed a frame (200, status «infeasible»)", async () => {
    const f = await draftWithFrames();
    await f.setFrame(2028, 250_000);
    const [t1, t2, t3, t4] = f.references as [string, string, string, string];
    await f.send("PATCH", `/measures/${t1}/priority`, { priority: 10, mandatory: false });
    await f.send("PATCH", `/measures/${t4}/priority`, { priority: null, mandatory: true });
    const kept = (await f.propose()).json<PrioritisationResponse>();
    expect(kept.current.selected.map((m) => [m.reference, m.mandatory])).toContainEqual([t4, true]);
    expect(kept.current.selected.map((m) => m.reference)).toContain(t1);

    for (const reference of [t2, t3])
      await f.send("PATCH", `/measures/${reference}/priority`, { priority: null, mandatory: true });
    const response = await f.propose();
    expect(response.statusCode).toBe(200);
    const infeasible = response.json<PrioritisationResponse>();
    expect(infeasible.current.status).toBe("infeasible");
    expect(infeasible.current.selected).toEqual([]);
    expect(infeasible.current.shortfalls).toEqual([
      expect.objectContaining({
        year: 2028,
        frameAreaName: "Næringsutvikling – drift",
        frameNok: 250_000,
        mandatoryNok: 300_000,
        excessNok: 50_000,
        references: [t2, t3, t4],
      }),
    ]);
    expect(infeasible.current.explanation).toContain(
      `de obligatoriske tiltakene alene (${t2}, ${t3}, ${t4}) koster 300\u00a0000\u00a0kr i 2028 Næringsutvikling – drift, men rammen er 250\u00a0000\u00a0kr, 50\u00a0000\u00a0kr for mye`,
    );
  });

  it("shows a what-if beside the current proposal, without saving the changed frame", async () => {
    const f = await draftWithFrames();
    const response = await f.propose([{ percent: -10, year: 2028 }]);
    expect(response.statusCode, response.body).toBe(200);
    const proposal = response.json<PrioritisationResponse>();
    expect(proposal.current.dropped).toEqual([]);
    expect(proposal.whatIf?.frames.find((x) => x.year === 2028)).toMatchObject({
      amountNok: 450_000,
      originalNok: 500_000,
      changed: true,
    });
    expect(proposal.whatIf?.selected).toHaveLength(4);
    const harder = (
      await f.propose([{ frameAreaId: f.area.id, year: 2029, amountNok: 150_000 }])
    ).json<PrioritisationResponse>();
    expect(harder.whatIf?.selected).toHaveLength(1);
    expect(harder.whatIf?.dropped).toHaveLength(3);
    expect(harder.current.selected).toHaveLength(4);
    const stored = (
      await f.send("GET", `/cycles/${f.cycleId}/prioritisation`)
    ).json<PrioritisationSetupResponse>();
    expect(stored.frames.find((x) => x.year === 2029)?.amountNok).toBe(500_000);

    const outside = await f.propose([{ percent: -10, year: 2035 }]);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toContain("utenfor perioden 2027–2030");
    const ambiguous = await f.propose([{ percent: -10, amountNok: 5 }]);
    expect(ambiguous.statusCode).toBe(400);
  });

  it("applies a proposal: the dropped measures leave the draft, audited, and the overrun disappears", async () => {
    const f = await draftWithFrames();
    await f.setFrame(2028, 250_000);
    const proposal = (await f.propose()).json<PrioritisationResponse>();
    const drop = proposal.current.dropped.map((m) => m.reference);
    expect(drop).toHaveLength(2);

    const applied = await f.send("POST", `/cycles/${f.cycleId}/prioritisation/apply`, { drop });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().dropped).toEqual(drop);
    expect(applied.json().frameCheck.overruns).toEqual([]);
    const check = (await f.send("GET", `/cycles/${f.cycleId}/frame-check`)).json();
    expect(check.overruns).toEqual([]);
    const setup = (
      await f.send("GET", `/cycles/${f.cycleId}/prioritisation`)
    ).json<PrioritisationSetupResponse>();
    expect(setup.measures.map((m) => m.reference)).toEqual(f.references.filter((r) => !drop.includes(r)));
    // The identities stay, with the reference taken, and each removal is in the audit trail.
    const identities = await t.database.db
      .select()
      .from(measures)
      .where(eq(measures.municipalityId, f.municipality.id));
    expect(identities).toHaveLength(4);
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.municipalityId, f.municipality.id), eq(auditEvents.action, "deprioritise")));
    expect(audited.map((a) => a.objectLabel.split(" ")[0]).sort()).toEqual([...drop].sort());

    // A stale list (already gone) and a mandatory measure are refused, and nothing changes.
    const again = await f.send("POST", `/cycles/${f.cycleId}/prioritisation/apply`, { drop });
    expect(again.statusCode).toBe(409);
    const kept = setup.measures[0]?.reference as string;
    await f.send("PATCH", `/measures/${kept}/priority`, { priority: 2, mandatory: true });
    const mandatory = await f.send("POST", `/cycles/${f.cycleId}/prioritisation/apply`, { drop: [kept] });
    expect(mandatory.statusCode).toBe(409);
    expect(mandatory.json().error.message).toContain("Obligatoriske tiltak kan ikke tas ut");
  });

  it("lists what an application took out, with the proposal's reasons, and undoes it in one step until adoption", async () => {
    const f = await draftWithFrames();
    await f.setFrame(2028, 250_000);
    const proposal = (await f.propose()).json<PrioritisationResponse>();
    const drop = proposal.current.dropped.map((m) => m.reference);
    const [first, second] = drop as [string, string];
    const applied = await f.send("POST", `/cycles/${f.cycleId}/prioritisation/apply`, {
      drop,
      reasons: { [first]: proposal.current.dropped[0]?.why },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const prioritisationId = applied.json().prioritisationId;
    expect(prioritisationId).toEqual(expect.any(String));

    const removed = (await f.send("GET", `/plans/${f.plan.id}/removed-measures`)).json();
    expect(removed.removed.map((r: { reference: string }) => r.reference).sort()).toEqual([...drop].sort());
    const byRef = Object.fromEntries(removed.removed.map((r: { reference: string }) => [r.reference, r]));
    expect(byRef[first]).toMatchObject({
      via: "prioritisation",
      reason: proposal.current.dropped[0]?.why,
      prioritisationId,
      mayPutBack: true,
    });
    expect(byRef[second]).toMatchObject({ reason: "Tatt ut ved prioritering" });

    const setup = (
      await f.send("GET", `/cycles/${f.cycleId}/prioritisation`)
    ).json<PrioritisationSetupResponse>();
    expect(setup.lastApplied).toMatchObject({
      id: prioritisationId,
      dropped: drop.map((reference) => ({ reference })),
    });

    // Undo: both come back with their references, in one step; then there is nothing to undo.
    const undone = await f.send("POST", `/cycles/${f.cycleId}/prioritisation/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().restored.sort()).toEqual([...drop].sort());
    const afterUndo = (
      await f.send("GET", `/cycles/${f.cycleId}/prioritisation`)
    ).json<PrioritisationSetupResponse>();
    expect(afterUndo.measures.map((m) => m.reference)).toEqual(f.references);
    expect(afterUndo.lastApplied).toBeNull();
    expect((await f.send("GET", `/plans/${f.plan.id}/removed-measures`)).json().removed).toEqual([]);
    expect((await f.send("POST", `/cycles/${f.cycleId}/prioritisation/undo`)).statusCode).toBe(409);
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.municipalityId, f.municipality.id), eq(auditEvents.action, "undo_prioritisation")),
      );
    expect(audited).toHaveLength(1);

    // Applied again and adopted: the undo is refused, and the list stays as history.
    await f.send("POST", `/cycles/${f.cycleId}/prioritisation/apply`, { drop: [first] });
    const [version] = await t.database.db
      .select()
      .from(actionPlanVersions)
      .where(eq(actionPlanVersions.municipalityId, f.municipality.id));
    if (!version) throw new Error("no action plan");
    await adoptActionPlanVersionForTest(t.database.db, version);
    const refused = await f.send("POST", `/cycles/${f.cycleId}/prioritisation/undo`);
    expect(refused.statusCode).toBe(409);
    expect((await f.send("GET", `/plans/${f.plan.id}/removed-measures`)).json().removed).toEqual([
      expect.objectContaining({ reference: first, mayPutBack: false }),
    ]);
  });

  it("sets priority and the mandatory mark in the draft, audited, with a version check", async () => {
    const f = await draftWithFrames();
    const reference = f.references[0] as string;
    const set = await f.send("PATCH", `/measures/${reference}/priority`, { priority: 7, mandatory: true });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ reference, priority: 7, mandatory: true, value: 7 });
    const stale = await f.send("PATCH", `/measures/${reference}/priority`, {
      priority: 1,
      mandatory: false,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const bad = await f.send("PATCH", `/measures/${reference}/priority`, { priority: 1.5, mandatory: false });
    expect(bad.statusCode).toBe(400);
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.municipalityId, f.municipality.id), eq(auditEvents.objectType, "measure")));
    expect(audited.at(-1)?.changes).toEqual({
      priority: { before: null, after: 7 },
      mandatory: { before: false, after: true },
    });
  });

  it("refuses people who are not planners, and other municipalities' planners", async () => {
    const f = await draftWithFrames();
    const reference = f.references[0] as string;
    const calls = [
      { method: "POST" as const, url: `${f.base}/cycles/${f.cycleId}/prioritisation`, payload: {} },
      {
        method: "POST" as const,
        url: `${f.base}/cycles/${f.cycleId}/prioritisation/apply`,
        payload: { drop: [reference] },
      },
      {
        method: "PATCH" as const,
        url: `${f.base}/measures/${reference}/priority`,
        payload: { priority: 1, mandatory: true },
      },
    ];
    for (const role of ["viewer", "measure_owner", "partner", "admin"] as const) {
      const user = await createUser(t.database.db, { municipalityId: f.municipality.id, role });
      const session = await signIn(t.app, user.email, testPassword);
      for (const call of calls) {
        const response = await t.app.inject({ ...call, headers: session.headers });
        expect(response.statusCode, `${role} ${call.url}`).toBe(403);
      }
    }
    const viewer = await createUser(t.database.db, { municipalityId: f.municipality.id, role: "viewer" });
    const viewerSession = await signIn(t.app, viewer.email, testPassword);
    const read = await t.app.inject({
      url: `${f.base}/cycles/${f.cycleId}/prioritisation`,
      headers: viewerSession.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().allowedActions).toEqual([]);

    const elsewhere = await createUser(t.database.db, { role: "planner" });
    const otherSession = await signIn(t.app, elsewhere.email, testPassword);
    for (const call of calls) {
      const response = await t.app.inject({ ...call, headers: otherSession.headers });
      expect(response.statusCode).toBe(404);
    }
    for (const call of calls) {
      const response = await t.app.inject(call);
      expect([401, 403, 404]).toContain(response.statusCode);
    }
    expect((await t.app.inject({ url: `${f.base}/cycles/${f.cycleId}/prioritisation` })).statusCode).toBe(
      404,
    );
  });
});
