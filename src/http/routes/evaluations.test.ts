import { count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../../../test/app.ts";
import { createEvaluationSetting, createUser, testPassword } from "../../../test/factories.ts";
import { auditEvents, evaluationAnswers, evaluationRounds } from "../../db/schema/index.ts";
import { evaluationTasksFor } from "../../services/evaluations/evaluation-tasks.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const inAYear = `${new Date().getFullYear() + 1}-06-30`;

/** A setting with a round on both measures, the business and academia partners on the panel. */
async function setting() {
  const s = await createEvaluationSetting(t.database.db);
  const as = async (user: { email: string }) => {
    const session = await signIn(t.app, user.email, testPassword);
    return (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/municipalities/${s.municipality.number}${url}`,
        headers: session.headers,
        ...(payload ? { payload } : {}),
      });
  };
  const planner = await as(s.planner);
  const references = s.measures.map((m) => m.measure.reference);
  const created = await planner("POST", "/evaluations", {
    cycleId: s.cycleId,
    title: "Evaluering våren",
    criteria: [{ title: "Relevans for målene" }, { title: "Effekt så langt" }],
    deadline: inAYear,
    measures: references,
    panelistUserIds: [s.business.user.id, s.academia.user.id],
  });
  expect(created.statusCode, created.body).toBe(201);
  const roundId = created.json().id as string;
  return { ...s, as, planner, roundId, references };
}

describe("evaluation rounds", () => {
  it("lets panelists score, and shows the planner the aggregate with the split by sector", async () => {
    const s = await setting();
    const business = await s.as(s.business.user);
    const academia = await s.as(s.academia.user);
    const [ref] = s.references;
    const round = await business("GET", `/evaluations/${s.roundId}`);
    expect(round.statusCode, round.body).toBe(200);
    const [relevans, effekt] = round.json().criteria;
    // A partner can read the measures of the round, drafts included, through the round.
    expect(round.json().measures.map((m: { title: string }) => m.title)).toContain("Næringsklynge");
    expect(round.json().results).toBeNull();
    expect(round.json().panel).toBeNull();

    const first = await business("PUT", `/evaluations/${s.roundId}/answers/${ref}`, {
      version: null,
      scores: { [relevans.key]: 5, [effekt.key]: null },
      comment: "Godt samarbeid",
      recommendation: "scale_up",
    });
    expect(first.statusCode, first.body).toBe(200);
    const changed = await business("PUT", `/evaluations/${s.roundId}/answers/${ref}`, {
      version: first.json().version,
      scores: { [relevans.key]: 4, [effekt.key]: null },
      comment: "Godt samarbeid",
      recommendation: "scale_up",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const stale = await business("PUT", `/evaluations/${s.roundId}/answers/${ref}`, {
      version: first.json().version,
      scores: { [relevans.key]: 1 },
    });
    expect(stale.statusCode).toBe(409);
    await academia("PUT", `/evaluations/${s.roundId}/answers/${ref}`, {
      version: null,
      scores: { [relevans.key]: 2, [effekt.key]: 3 },
      recommendation: "adjust",
    });

    const results = (await s.planner("GET", `/evaluations/${s.roundId}`)).json();
    const measure = results.results.find((r: { reference: string }) => r.reference === ref);
    expect(measure.result.criteria[0]).toMatchObject({
      count: 2,
      mean: 3,
      min: 2,
      max: 4,
      standardDeviation: 1,
    });
    expect(measure.result.criteria[1]).toMatchObject({ count: 1, cannotAssess: 1, mean: 3 });
    expect(measure.result.criteria[0].bySector).toMatchObject({
      business: { mean: 4 },
      academia: { mean: 2 },
    });
    expect(measure.result.recommendations).toEqual({ continue: 0, adjust: 1, scale_up: 1, stop: 0 });
    expect(measure.individual.map((i: { name: string }) => i.name).sort()).toEqual(
      [s.business.user.name, s.academia.user.name].sort(),
    );
    expect(results.panel.find((p: { userId: string }) => p.userId === s.business.user.id)).toMatchObject({
      sector: "business",
      answered: 1,
      completed: 1,
    });

    // Each panelist sees only their own answers.
    const own = (await academia("GET", `/evaluations/${s.roundId}`)).json();
    expect(own.myAnswers).toHaveLength(1);
    expect(own.myAnswers[0].scores[relevans.key]).toBe(2);
    expect(JSON.stringify(own)).not.toContain("Godt samarbeid");
    expect((await academia("GET", `/evaluations/${s.roundId}/summary`)).statusCode).toBe(403);

    const tasks = await evaluationTasksFor(t.database.db, s.business.user.id);
    expect(tasks).toEqual([expect.objectContaining({ roundId: s.roundId, measureCount: 2, answered: 1 })]);
  });

  it("refuses a partner who is not on the panel: no reading, no scoring", async () => {
    const s = await setting();
    const outsider = await s.as(s.outsider.user);
    expect((await outsider("GET", `/evaluations/${s.roundId}`)).statusCode).toBe(403);
    const put = await outsider("PUT", `/evaluations/${s.roundId}/answers/${s.references[0]}`, {
      version: null,
      scores: {},
    });
    expect(put.statusCode).toBe(403);
    expect((await outsider("GET", "/evaluations")).json().rounds).toEqual([]);
    // Nor can they read the draft measure the normal way.
    expect((await outsider("GET", `/measures/${s.references[0]}`)).statusCode).toBe(404);
    const [row] = await t.database.db
      .select({ n: count() })
      .from(evaluationAnswers)
      .where(eq(evaluationAnswers.roundId, s.roundId));
    expect(row?.n).toBe(0);
  });

  it("refuses scores outside 1–5 and unknown criteria, and changes nothing", async () => {
    const s = await setting();
    const business = await s.as(s.business.user);
    const { criteria } = (await business("GET", `/evaluations/${s.roundId}`)).json();
    for (const scores of [
      { [criteria[0].key]: 6 },
      { [criteria[0].key]: 0 },
      { [criteria[0].key]: 2.5 },
      { annet: 3 },
    ]) {
      const response = await business("PUT", `/evaluations/${s.roundId}/answers/${s.references[0]}`, {
        version: null,
        scores,
      });
      expect(response.statusCode, JSON.stringify(scores)).toBe(400);
      expect(JSON.stringify(response.json().error)).toMatch(/minst 1|høyst 5|helt tall|kriteriet/);
    }
    const [row] = await t.database.db
      .select({ n: count() })
      .from(evaluationAnswers)
      .where(eq(evaluationAnswers.roundId, s.roundId));
    expect(row?.n).toBe(0);
  });

  it("refuses answers after the round is closed, and publishes only a closed round", async () => {
    const s = await setting();
    const business = await s.as(s.business.user);
    const { criteria, version } = (await s.planner("GET", `/evaluations/${s.roundId}`)).json();
    const early = await s.planner("POST", `/evaluations/${s.roundId}/state`, { version, change: "publish" });
    expect(early.statusCode).toBe(409);
    const closed = await s.planner("POST", `/evaluations/${s.roundId}/state`, { version, change: "close" });
    expect(closed.statusCode, closed.body).toBe(200);
    const late = await business("PUT", `/evaluations/${s.roundId}/answers/${s.references[0]}`, {
      version: null,
      scores: { [criteria[0].key]: 3 },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain("lukket");
    // The cycle's plan is a draft: its measures must not be published through a summary.
    const publish = await s.planner("POST", `/evaluations/${s.roundId}/state`, {
      version: closed.json().version,
      change: "publish",
    });
    expect(publish.statusCode).toBe(409);
    expect((await business("GET", `/evaluations/${s.roundId}`)).json().acceptsAnswers).toBe(false);
  });

  it("lets only planners open rounds, and validates the setup", async () => {
    const s = await setting();
    const business = await s.as(s.business.user);
    const body = {
      cycleId: s.cycleId,
      title: "Ny runde",
      criteria: [{ title: "Relevans" }],
      deadline: inAYear,
      measures: s.references,
      panelistUserIds: [s.business.user.id],
    };
    expect((await business("POST", "/evaluations", body)).statusCode).toBe(403);
    const before = await t.database.db.select({ n: count() }).from(evaluationRounds);
    const bad = await s.planner("POST", "/evaluations", {
      ...body,
      deadline: "2001-01-01",
      measures: ["T-99999"],
      criteria: [{ title: "Relevans" }, { title: "relevans" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("Fristen");
    expect(bad.json().error.message).toContain("T-99999");
    expect(bad.json().error.message).toContain("to ganger");
    expect(await t.database.db.select({ n: count() }).from(evaluationRounds)).toEqual(before);
  });

  it("lets the measure owner write the self-assessment of their own measure only", async () => {
    const s = await setting();
    const owner = await s.as(s.owner);
    const [own, other] = s.references;
    const view = (await owner("GET", `/evaluations/${s.roundId}`)).json();
    expect(view.selfAssessments.map((x: { reference: string }) => x.reference)).toEqual([own]);
    const saved = await owner("PUT", `/evaluations/${s.roundId}/self-assessments/${own}`, {
      version: null,
      text: "Vi er i rute.",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      (
        await owner("PUT", `/evaluations/${s.roundId}/self-assessments/${other}`, {
          version: null,
          text: "x",
        })
      ).statusCode,
    ).toBe(403);
    const planner = (await s.planner("GET", `/evaluations/${s.roundId}`)).json();
    expect(planner.selfAssessments.find((x: { reference: string }) => x.reference === own).text).toBe(
      "Vi er i rute.",
    );
    const audits = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.objectType, "evaluation_self_assessment"));
    expect(audits[0]?.n).toBeGreaterThan(0);
  });
});

describe("evaluation feeds", () => {
  it("gives prioritisation the latest closed round's score as value when asked, and the default uses it between equal priorities", async () => {
    const s = await setting();
    const business = await s.as(s.business.user);
    const { criteria, version } = (await s.planner("GET", `/evaluations/${s.roundId}`)).json();
    const [ref] = s.references;
    await business("PUT", `/evaluations/${s.roundId}/answers/${ref}`, {
      version: null,
      scores: { [criteria[0].key]: 5, [criteria[1].key]: 4 },
      recommendation: "scale_up",
    });
    await s.planner("POST", `/evaluations/${s.roundId}/state`, { version, change: "close" });
    const setup = (await s.planner("GET", `/cycles/${s.cycleId}/prioritisation`)).json();
    const scored = setup.measures.find((m: { reference: string }) => m.reference === ref);
    expect(scored.evaluationScore).toBe(4.5);
    expect(setup.measures.find((m: { reference: string }) => m.reference !== ref).evaluationScore).toBeNull();
    const byEvaluation = await s.planner("POST", `/cycles/${s.cycleId}/prioritisation`, {
      valueSource: "evaluation",
    });
    expect(byEvaluation.statusCode, byEvaluation.body).toBe(200);
    const values = Object.fromEntries(
      byEvaluation
        .json()
        .current.selected.map((m: { reference: string; value: number }) => [m.reference, m.value]),
    );
    expect(values[ref as string]).toBe(450);
    const byDefault = (await s.planner("POST", `/cycles/${s.cycleId}/prioritisation`, {})).json();
    const defaults = Object.fromEntries(
      byDefault.current.selected.map((m: { reference: string; value: number }) => [m.reference, m.value]),
    );
    expect(defaults[ref as string]).toBe(1450);
    expect(byDefault.valueRule).toMatchObject({
      source: "default",
      evaluated: 1,
      roundTitles: [expect.any(String)],
    });

    const latest = await s.planner("GET", `/measures/${ref}/evaluation`);
    expect(latest.statusCode, latest.body).toBe(200);
    expect(latest.json()).toMatchObject({ score: 4.5, answers: 1, recommendations: { scale_up: 1 } });
    const partner = await s.as(s.business.user);
    expect((await partner("GET", `/measures/${ref}/evaluation`)).statusCode).toBe(404);
  });
});

describe("a deleted draft measure", () => {
  it("leaves the rounds it was in, and its answers go with it", async () => {
    const s = await setting();
    const business = await s.as(s.business.user);
    const { criteria } = (await business("GET", `/evaluations/${s.roundId}`)).json();
    const [, gone] = s.references;
    await business("PUT", `/evaluations/${s.roundId}/answers/${gone}`, {
      version: null,
      scores: { [criteria[0].key]: 2 },
    });
    const { contentVersion } = (await s.planner("GET", `/measures/${gone}`)).json();
    const deleted = await s.planner("DELETE", `/measures/${gone}?version=${contentVersion}`);
    expect(deleted.statusCode, deleted.body).toBeLessThan(300);
    const round = (await s.planner("GET", `/evaluations/${s.roundId}`)).json();
    expect(round.measures.map((m: { reference: string }) => m.reference)).toEqual([s.references[0]]);
  });
});

describe("anonymity and warnings", () => {
  /** A round whose panel is 4 of the municipality's own, 2 from business and 1 from academia. */
  async function panelOfSeven() {
    const s = await createEvaluationSetting(t.database.db);
    const municipalityId = s.municipality.id;
    const own = [];
    for (let i = 0; i < 4; i++) own.push(await createUser(t.database.db, { municipalityId, role: "viewer" }));
    const panel = [...own, s.business.user, s.outsider.user, s.academia.user];
    const session = await signIn(t.app, s.planner.email, testPassword);
    const planner = (method: "GET" | "POST", url: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/municipalities/${s.municipality.number}${url}`,
        headers: session.headers,
        ...(payload ? { payload } : {}),
      });
    const created = await planner("POST", "/evaluations", {
      cycleId: s.cycleId,
      title: "Evaluering med lite panel",
      criteria: [{ title: "Relevans" }],
      deadline: inAYear,
      measures: s.measures.map((m) => m.measure.reference),
      panelistUserIds: panel.map((p) => p.id),
    });
    expect(created.statusCode, created.body).toBe(201);
    const roundId = created.json().id as string;
    const [round] = await t.database.db
      .select()
      .from(evaluationRounds)
      .where(eq(evaluationRounds.id, roundId));
    const key = round?.criteria[0]?.key as string;
    const answer = (userId: string, score: number) =>
      t.database.db.insert(evaluationAnswers).values({
        municipalityId,
        roundId,
        measureId: s.measures[0]?.measure.id as string,
        userId,
        scores: { [key]: score },
        recommendation: "continue",
      });
    return { ...s, plannerUser: s.planner, panel, own, planner, roundId, answer };
  }

  it("hides a sector with two respondents in the summary, and one the others would give away", async () => {
    const s = await panelOfSeven();
    for (const p of s.panel) await s.answer(p.id, p.id === s.business.user.id ? 1 : 4);
    const summary = await s.planner("GET", `/evaluations/${s.roundId}/summary`);
    expect(summary.statusCode, summary.body).toBe(200);
    const body = summary.json();
    expect(body.anonymity.minimumGroupSize).toBe(3);
    expect(body.anonymity.rule).toContain("færre enn 3");
    const [measure, untouched] = body.measures;
    expect(measure.result.answers).toBe(7);
    expect(measure.result.sectors.map((x: { sector: string }) => x.sector)).toEqual(["municipality"]);
    expect(measure.result.hiddenSectors.sort()).toEqual(["academia", "business"]);
    expect(Object.keys(measure.result.criteria[0].bySector)).toEqual(["municipality"]);
    expect(JSON.stringify(measure.result)).not.toContain('"business":');
    // Nobody answered the other measure: nothing of it shows.
    expect(untouched.result).toMatchObject({ hidden: true, answers: 0 });

    // Publishing names the groups it leaves out, in the person's language.
    const publish = await s.planner("GET", `/evaluations/${s.roundId}/consequences?change=publish`);
    expect(publish.statusCode, publish.body).toBe(200);
    expect(publish.json().warnings[0].text).toContain("næringsliv");
  });

  it("warns before closing a round with few answers, and keeps the warning in the audit trail", async () => {
    const s = await panelOfSeven();
    await s.answer(s.business.user.id, 3);
    await s.answer(s.academia.user.id, 3);
    const consequences = await s.planner("GET", `/evaluations/${s.roundId}/consequences?change=close`);
    expect(consequences.statusCode, consequences.body).toBe(200);
    expect(consequences.json().warnings.map((w: { text: string }) => w.text)).toEqual([
      "Bare 2 av 7 har svart.",
    ]);
    const english = await t.app.inject({
      url: `/api/municipalities/${s.municipality.number}/evaluations/${s.roundId}/consequences?change=close`,
      headers: {
        ...(await signIn(t.app, s.plannerUser.email, testPassword)).headers,
        "accept-language": "en",
      },
    });
    expect(english.json().warnings[0].text).toBe("Only 2 of 7 have answered.");
    const { version } = (await s.planner("GET", `/evaluations/${s.roundId}`)).json();
    const closed = await s.planner("POST", `/evaluations/${s.roundId}/state`, { version, change: "close" });
    expect(closed.statusCode, closed.body).toBe(200);
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.objectId, s.roundId))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1);
    expect(entry?.action).toBe("close");
    expect(entry?.changes).toMatchObject({ warnings: { after: ["Bare 2 av 7 har svart."] } });
    // Reopening still exists.
    const reopened = await s.planner("POST", `/evaluations/${s.roundId}/state`, {
      version: closed.json().version,
      change: "reopen",
    });
    expect(reopened.json().status).toBe("open");
  });

  it("marks a round past its deadline and still open as overdue", async () => {
    const s = await panelOfSeven();
    await t.database.db
      .update(evaluationRounds)
      .set({ deadline: "2020-01-31" })
      .where(eq(evaluationRounds.id, s.roundId));
    const list = (await s.planner("GET", "/evaluations")).json();
    expect(list.rounds.find((r: { id: string }) => r.id === s.roundId).overdue).toBe(true);
  });
});
