import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedInPlanner } from "../../../test/app.ts";
import { auditEvents, cycles, measureVersions, proposals } from "../../db/schema/index.ts";
import type { CycleResponse } from "./cycles.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A plan for 2023–2027 with a 2027 cycle holding one measure without money, and one proposal still undecided. */
async function planIn2027() {
  const { db } = t.database;
  const p = await signedInPlanner(t.app, db);
  const plan = (
    await p.send("POST", "/plans", {
      title: "Næringsplan",
      startYear: 2023,
      endYear: 2027,
      firstBudgetYear: 2027,
    })
  ).json();
  const focusArea = (await p.send("POST", `/plans/${plan.id}/focus-areas`, { title: "Havnebyen" })).json();
  const measure = await p.send("POST", `/plans/${plan.id}/measures`, {
    title: "Landstrøm",
    focusAreaId: focusArea.id,
    startYear: 2027,
    endYear: 2027,
  });
  expect(measure.statusCode, measure.body).toBe(201);
  const [cycle] = await db.select().from(cycles).where(eq(cycles.planId, plan.id));
  await db.insert(proposals).values({
    municipalityId: p.municipality.id,
    cycleId: cycle?.id as string,
    number: 1,
    title: "Sykkelvei langs havna",
    description: "Et innspill som ikke er behandlet",
    submittedByUserId: p.planner.id,
  });
  const cycleNow = async () =>
    (await p.send("GET", `/plans/${plan.id}/cycles`))
      .json<CycleResponse[]>()
      .find((c) => c.budgetYear === 2027) as CycleResponse;
  const lastAudit = async (objectId: string) =>
    (
      await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.objectId, objectId))
        .orderBy(desc(auditEvents.occurredAt))
        .limit(1)
    )[0];
  return { ...p, plan, cycleId: cycle?.id as string, cycleNow, lastAudit };
}

async function advanceTo(f: Awaited<ReturnType<typeof planIn2027>>, phases: string[]) {
  for (const to of phases) {
    const cycle = await f.cycleNow();
    const moved = await f.send("POST", `/cycles/${cycle.id}/advance`, { version: cycle.version, to });
    expect(moved.statusCode, moved.body).toBe(200);
  }
}

const decision = { adoptedOn: "2026-12-15", decisionBody: "Bystyret", caseReference: "sak 123/26" };

describe("deliberate steps of a cycle", () => {
  it("says what advancing does, and steps a phase back before adoption, audited with the reason", async () => {
    const f = await planIn2027();
    const advance = await f.send("GET", `/cycles/${f.cycleId}/consequences?action=advance`);
    expect(advance.statusCode, advance.body).toBe(200);
    expect(advance.json().consequences.map((c: { text: string }) => c.text)).toEqual([
      "Rulleringen går fra «Innspill» til «Utarbeidelse».",
      "Innspill kan ikke lenger sendes inn.",
    ]);
    await advanceTo(f, ["utarbeidelse", "rammesak"]);
    const back = await f.send("GET", `/cycles/${f.cycleId}/consequences?action=step_back`);
    expect(back.json()).toMatchObject({ targetPhase: "utarbeidelse" });
    expect(back.json().consequences[0].text).toBe(
      "Rulleringen går tilbake fra «Rammesak» til «Utarbeidelse».",
    );

    const cycle = await f.cycleNow();
    const noReason = await f.send("POST", `/cycles/${f.cycleId}/step-back`, {
      version: cycle.version,
      reason: " ",
    });
    expect(noReason.statusCode).toBe(400);
    const stale = await f.send("POST", `/cycles/${f.cycleId}/step-back`, {
      version: cycle.version - 1,
      reason: "Feil fase",
    });
    expect(stale.statusCode).toBe(409);
    const stepped = await f.send("POST", `/cycles/${f.cycleId}/step-back`, {
      version: cycle.version,
      reason: "Rammesaken er utsatt til september",
    });
    expect(stepped.statusCode, stepped.body).toBe(200);
    expect(stepped.json().phase).toBe("utarbeidelse");
    expect((await f.cycleNow()).phase).toBe("utarbeidelse");
    const entry = await f.lastAudit(f.cycleId);
    expect(entry).toMatchObject({
      action: "step_back_phase",
      changes: {
        phase: { before: "rammesak", after: "utarbeidelse" },
        reason: { after: "Rammesaken er utsatt til september" },
      },
    });
  });

  it("warns about proposals not decided before adopting, adopts anyway, and keeps the warning", async () => {
    const f = await planIn2027();
    await advanceTo(f, ["utarbeidelse", "rammesak", "tilpasning"]);
    const beforeVedtak = await f.send("GET", `/cycles/${f.cycleId}/consequences?action=advance`);
    expect(beforeVedtak.json().warnings[0].text).toBe("1 innspill er ikke behandlet.");
    await advanceTo(f, ["vedtak"]);
    const adopt = await f.send("GET", `/cycles/${f.cycleId}/consequences?action=adopt`);
    expect(adopt.json()).toMatchObject({
      consequences: [{ key: "consequence.adoptLocks", text: "Handlingsplan 2027 blir låst." }],
      warnings: [
        { key: "consequence.adoptUndecided", params: { count: 1 }, text: "1 innspill er ikke behandlet." },
      ],
    });
    const adopted = await f.send("POST", `/cycles/${f.cycleId}/adopt`, decision);
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json().warnings.map((w: { text: string }) => w.text)).toEqual([
      "1 innspill er ikke behandlet.",
    ]);
    const version = (await f.cycleNow()).actionPlans[0];
    expect(await f.lastAudit(version?.id as string)).toMatchObject({
      action: "adopt",
      changes: { warnings: { after: ["1 innspill er ikke behandlet."] } },
    });
    // Once adopted, the cycle cannot step back.
    const cycle = await f.cycleNow();
    const back = await f.send("POST", `/cycles/${f.cycleId}/step-back`, {
      version: cycle.version,
      reason: "x",
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.messageKey).toBe("cycle.cannotStepBack.adopted");
  });

  it("warns that a rolling goes beyond the plan period, and offers the end year to extend it to", async () => {
    const f = await planIn2027();
    await advanceTo(f, ["utarbeidelse", "rammesak", "tilpasning", "vedtak"]);
    await f.send("POST", `/cycles/${f.cycleId}/adopt`, decision);
    const roll = await f.send("GET", `/cycles/${f.cycleId}/consequences?action=roll`);
    expect(roll.statusCode, roll.body).toBe(200);
    expect(roll.json().consequences[0].text).toBe(
      "Et utkast for 2028 opprettes; vedtatt 2027 vises som før.",
    );
    expect(roll.json().warnings[0].text).toContain("Planperioden 2023–2027 slutter før 2028");
    expect(roll.json().extendPlan).toMatchObject({ planId: f.plan.id, endYear: 2028 });
    const english = await t.app.inject({
      url: `${f.base}/cycles/${f.cycleId}/consequences?action=roll`,
      headers: { ...f.session.headers, "accept-language": "en" },
    });
    expect(english.json().warnings[0].text).toContain("The plan period 2023–2027 ends before 2028");
    const extended = await f.send("PATCH", `/plans/${f.plan.id}`, {
      version: roll.json().extendPlan.version,
      endYear: 2028,
    });
    expect(extended.statusCode, extended.body).toBe(200);
    const after = await f.send("GET", `/cycles/${f.cycleId}/consequences?action=roll`);
    expect(after.json()).toMatchObject({ warnings: [], extendPlan: null });
  });

  it("corrects a recorded decision as an audited correction; the content stays frozen", async () => {
    const f = await planIn2027();
    await advanceTo(f, ["utarbeidelse", "rammesak", "tilpasning", "vedtak"]);
    const draft = await f.send("PATCH", `/cycles/${f.cycleId}/action-plans/0/decision`, {
      caseReference: "sak 124/26",
      reason: "Skrivefeil",
    });
    expect(draft.statusCode).toBe(409);
    await f.send("POST", `/cycles/${f.cycleId}/adopt`, decision);
    const noReason = await f.send("PATCH", `/cycles/${f.cycleId}/action-plans/0/decision`, {
      caseReference: "sak 124/26",
    });
    expect(noReason.statusCode).toBe(400);
    const corrected = await f.send("PATCH", `/cycles/${f.cycleId}/action-plans/0/decision`, {
      caseReference: "sak 124/26",
      reason: "Skrivefeil i saksnummeret",
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({
      caseReference: "sak 124/26",
      decisionBody: "Bystyret",
      adoptedOn: "2026-12-15",
    });
    const [version] = (await f.cycleNow()).actionPlans;
    expect(version).toMatchObject({ status: "adopted", caseReference: "sak 124/26", measureCount: 1 });
    expect(await f.lastAudit(version?.id as string)).toMatchObject({
      action: "correct_decision",
      changes: {
        caseReference: { before: "sak 123/26", after: "sak 124/26" },
        reason: { after: "Skrivefeil i saksnummeret" },
      },
    });
    const same = await f.send("PATCH", `/cycles/${f.cycleId}/action-plans/0/decision`, {
      caseReference: "sak 124/26",
      reason: "Igjen",
    });
    expect(same.statusCode).toBe(400);
    // Nothing but the decision changed: the measures of the adopted version are as they were.
    const rows = await t.database.db
      .select()
      .from(measureVersions)
      .where(and(eq(measureVersions.actionPlanVersionId, version?.id as string)));
    expect(rows.map((r) => r.title)).toEqual(["Landstrøm"]);
  });
});
