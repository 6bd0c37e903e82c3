import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "../../../test/app.ts";
import { createMunicipality, createUser, testPassword } from "../../../test/factories.ts";
import {
  actionPlanVersions,
  auditEvents,
  fundingSources,
  measures,
  partnerOrganisations,
} from "../../db/schema/index.ts";
import type { MeasureDetailResponse, MeasureListResponse } from "./measures.ts";
import type { PlanTreeResponse } from "./plan.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A municipality with a planner who builds a plan through the API, as the interface does. */
async function plannerWithPlan() {
  const { db } = t.database;
  const municipality = await createMunicipality(db);
  const planner = await createUser(db, { municipalityId: municipality.id, role: "planner" });
  const owner = await createUser(db, { municipalityId: municipality.id, role: "measure_owner" });
  const viewer = await createUser(db, { municipalityId: municipality.id, role: "viewer" });
  const session = await signIn(t.app, planner.email, testPassword);
  const base = `/api/municipalities/${municipality.number}`;
  const post = async (url: string, payload: object, as: Signed = session) =>
    t.app.inject({ method: "POST", url: `${base}${url}`, headers: as.headers, payload });
  const plan = (
    await post("/plans", { title: "Næringsplan", startYear: 2023, endYear: 2027, firstBudgetYear: 2027 })
  ).json();
  const goal = (await post(`/plans/${plan.id}/goals`, { title: "Næringssentrum" })).json();
  const otherGoal = (await post(`/plans/${plan.id}/goals`, { title: "Grønnest" })).json();
  const focusArea = (
    await post(`/plans/${plan.id}/focus-areas`, { title: "Havnebyen", goalIds: [goal.id] })
  ).json();
  const objective = (
    await post(`/plans/${plan.id}/focus-areas/${focusArea.id}/objectives`, { title: "Mer gods på sjø" })
  ).json();
  const [organisation] = await db
    .insert(partnerOrganisations)
    .values({
      municipalityId: municipality.id,
      name: "Næringsforeningen i Drammensregionen",
      kind: "business",
    })
    .returning();
  if (!organisation) throw new Error("organisation not inserted");
  return {
    municipality,
    planner,
    owner,
    viewer,
    session,
    base,
    post,
    plan,
    goal,
    otherGoal,
    focusArea,
    objective,
    organisation,
  };
}

const content = (f: Awaited<ReturnType<typeof plannerWithPlan>>, over: object = {}) => ({
  title: "Landstrøm i havna",
  description: "<p>Strøm til skip ved kai.</p><script>alert(1)</script>",
  focusAreaId: f.focusArea.id,
  goalIds: [f.goal.id],
  objectiveIds: [f.objective.id],
  responsibleUnit: "Drammen havn",
  contactPerson: "Kari Nordmann",
  ownerUserId: f.owner.id,
  partners: [{ organisationId: f.organisation.id, role: "lead" }],
  startYear: 2027,
  endYear: 2029,
  tags: ["Klima", "havn", "klima"],
  links: [{ title: "Utredning", url: "https://example.org/landstrom.pdf" }],
  ...over,
});

describe("measures", () => {
  it("creates a measure with a stable reference and everything a measure has, sanitised", async () => {
    const f = await plannerWithPlan();
    const created = await f.post(`/plans/${f.plan.id}/measures`, content(f));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ reference: "T-001" });
    const second = await f.post(`/plans/${f.plan.id}/measures`, content(f, { title: "Neste" }));
    expect(second.json()).toEqual({ reference: "T-002" });

    const detail = (
      await t.app.inject({ url: `${f.base}/measures/T-001`, headers: f.session.headers })
    ).json<MeasureDetailResponse>();
    expect(detail).toMatchObject({
      reference: "T-001",
      title: "Landstrøm i havna",
      description: "<p>Strøm til skip ved kai.</p>",
      focusAreaTitle: "Havnebyen",
      goals: [{ id: f.goal.id, title: "Næringssentrum" }],
      objectives: [{ id: f.objective.id, title: "Mer gods på sjø" }],
      ownerName: f.owner.name,
      partners: [{ id: f.organisation.id, name: "Næringsforeningen i Drammensregionen", role: "lead" }],
      tags: ["havn", "Klima"],
      links: [{ title: "Utredning", url: "https://example.org/landstrom.pdf" }],
      status: "planned",
      progress: null,
      actionPlan: { budgetYear: 2027, status: "draft" },
      inAdoptedPlan: false,
    });
    expect(detail.allowedActions).toEqual(expect.arrayContaining(["update", "delete", "update_status"]));
  });

  it("takes only a measure owner or a planner of the municipality as owner", async () => {
    const f = await plannerWithPlan();
    const { db } = t.database;
    const admin = await createUser(db, { municipalityId: f.municipality.id, role: "admin" });
    const other = await createMunicipality(db);
    const outsider = await createUser(db, { municipalityId: other.id, role: "measure_owner" });
    for (const person of [f.viewer, admin, outsider]) {
      const refused = await f.post(`/plans/${f.plan.id}/measures`, content(f, { ownerUserId: person.id }));
      expect(refused.statusCode, person.email).toBe(400);
      expect(refused.json().error.details.map((d: { path: string }) => d.path)).toEqual(["/ownerUserId"]);
    }
    for (const person of [f.owner, f.planner]) {
      const taken = await f.post(`/plans/${f.plan.id}/measures`, content(f, { ownerUserId: person.id }));
      expect(taken.statusCode, taken.body).toBe(201);
    }
  });

  it("refuses bad input with Norwegian messages per field, and writes nothing", async () => {
    const f = await plannerWithPlan();
    const [before] = await t.database.db.select({ n: count() }).from(measures);
    const bad = await f.post(
      `/plans/${f.plan.id}/measures`,
      content(f, {
        title: "",
        startYear: 2030,
        endYear: 2027,
        links: [{ title: "x", url: "javascript:alert(1)" }],
      }),
    );
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["/title"]));
    const wrongParent = await f.post(
      `/plans/${f.plan.id}/measures`,
      content(f, { startYear: 2030, endYear: 2027 }),
    );
    expect(wrongParent.statusCode).toBe(400);
    expect(wrongParent.json().error.details).toContainEqual({
      path: "/endYear",
      message: "Slutt kan ikke være før start.",
    });
    const [after] = await t.database.db.select({ n: count() }).from(measures);
    expect(after?.n).toBe(before?.n);
  });

  it("edits content with the version read, and refuses a stale version with the current state", async () => {
    const f = await plannerWithPlan();
    await f.post(`/plans/${f.plan.id}/measures`, content(f));
    const put = (version: number, title: string) =>
      t.app.inject({
        method: "PUT",
        url: `${f.base}/measures/T-001`,
        headers: f.session.headers,
        payload: { ...content(f, { title }), version },
      });
    const ok = await put(1, "Landstrøm og ladepunkter");
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ reference: "T-001", version: 2 });
    const stale = await put(1, "Noe annet");
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject([{ path: "/version", code: "stale" }]);
    expect(stale.json().error.details[0].current.title).toBe("Landstrøm og ladepunkter");
    const history = (
      await t.app.inject({ url: `${f.base}/measures/T-001/history`, headers: f.session.headers })
    ).json();
    expect(history.map((e: { action: string }) => e.action)).toEqual(["update", "create"]);
    expect(history[0].changes).toEqual({
      title: { before: "Landstrøm i havna", after: "Landstrøm og ladepunkter" },
    });
  });

  it("lets the owner update status and progress, requires a reason when delayed, and refuses others", async () => {
    const f = await plannerWithPlan();
    await f.post(`/plans/${f.plan.id}/measures`, content(f));
    const ownerSession = await signIn(t.app, f.owner.email, testPassword);
    const viewerSession = await signIn(t.app, f.viewer.email, testPassword);
    const patch = (as: Signed, payload: object) =>
      t.app.inject({ method: "PATCH", url: `${f.base}/measures/T-001/status`, headers: as.headers, payload });
    const noReason = await patch(ownerSession, {
      version: 1,
      status: "delayed",
      statusReason: "",
      progress: 20,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toContainEqual({
      path: "/statusReason",
      message: "Skriv hvorfor tiltaket er forsinket eller stoppet.",
    });
    const ok = await patch(ownerSession, {
      version: 1,
      status: "delayed",
      statusReason: "Venter på konsesjon",
      progress: 20,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "delayed", progress: 20, version: 2 });
    expect((await patch(viewerSession, { version: 2, status: "in_progress", progress: 30 })).statusCode).toBe(
      403,
    );
    // Changing content stays with planners.
    const put = await t.app.inject({
      method: "PUT",
      url: `${f.base}/measures/T-001`,
      headers: ownerSession.headers,
      payload: { ...content(f), version: 1 },
    });
    expect(put.statusCode).toBe(403);
  });

  it("rolls progress up to focus areas and goals, leaving stopped measures out", async () => {
    const f = await plannerWithPlan();
    for (const title of ["A", "B", "C"]) await f.post(`/plans/${f.plan.id}/measures`, content(f, { title }));
    const status = (ref: string, payload: object) =>
      t.app.inject({
        method: "PATCH",
        url: `${f.base}/measures/${ref}/status`,
        headers: f.session.headers,
        payload: { version: 1, ...payload },
      });
    await status("T-001", { status: "in_progress", progress: 40 });
    await status("T-002", { status: "in_progress", progress: 80 });
    await status("T-003", { status: "stopped", statusReason: "Ikke finansiert", progress: 0 });
    const tree = (
      await t.app.inject({ url: `${f.base}/plan-tree`, headers: f.session.headers })
    ).json<PlanTreeResponse>();
    const focusArea = tree.focusAreas.find((fa) => fa.id === f.focusArea.id);
    expect(focusArea?.rollUp).toEqual({ progress: 60, counted: 2, stopped: 1, withoutProgress: 0 });
    expect(tree.goals.find((g) => g.id === f.goal.id)?.rollUp.progress).toBe(60);
    expect(tree.goals.find((g) => g.id === f.otherGoal.id)?.rollUp).toEqual({
      progress: null,
      counted: 0,
      stopped: 0,
      withoutProgress: 0,
    });
    expect(focusArea?.objectives.map((o) => o.title)).toEqual(["Mer gods på sjø"]);
  });

  it("lists, filters and searches the table, finding «næring» in «Næringsforeningen»", async () => {
    const f = await plannerWithPlan();
    await f.post(`/plans/${f.plan.id}/measures`, content(f, { title: "Landstrøm" }));
    await f.post(
      `/plans/${f.plan.id}/measures`,
      content(f, { title: "Studentpraksis", partners: [], tags: ["kompetanse"], ownerUserId: null }),
    );
    const list = async (query: string) =>
      (
        await t.app.inject({
          url: `${f.base}/plans/${f.plan.id}/measures?${query}`,
          headers: f.session.headers,
        })
      ).json<MeasureListResponse>();
    expect((await list("")).items.map((m) => m.reference)).toEqual(["T-001", "T-002"]);
    expect((await list("q=n%C3%A6ring")).items.map((m) => m.title)).toEqual(["Landstrøm"]);
    expect((await list(`organisationId=${f.organisation.id}`)).items.map((m) => m.title)).toEqual([
      "Landstrøm",
    ]);
    expect((await list(`ownerUserId=${f.owner.id}`)).items.map((m) => m.title)).toEqual(["Landstrøm"]);
    expect((await list("tag=kompetanse")).items.map((m) => m.title)).toEqual(["Studentpraksis"]);
    expect((await list("status=planned&sort=title&descending=true")).items.map((m) => m.title)).toEqual([
      "Studentpraksis",
      "Landstrøm",
    ]);
    expect((await list("q=finnes-ikke")).items).toEqual([]);
    expect((await list("")).allowedActions).toContain("create");
  });

  it("deletes a draft measure, but refuses once it is in an adopted action plan", async () => {
    const f = await plannerWithPlan();
    await f.post(`/plans/${f.plan.id}/measures`, content(f));
    await f.post(`/plans/${f.plan.id}/measures`, content(f, { title: "Vedtas" }));
    const del = (ref: string) =>
      t.app.inject({
        method: "DELETE",
        url: `${f.base}/measures/${ref}?version=1`,
        headers: f.session.headers,
      });
    expect((await del("T-001")).statusCode).toBe(204);
    expect(
      (await t.app.inject({ url: `${f.base}/measures/T-001`, headers: f.session.headers })).statusCode,
    ).toBe(404);

    await t.database.db
      .update(actionPlanVersions)
      .set({ status: "adopted" })
      .where(eq(actionPlanVersions.municipalityId, f.municipality.id));
    const refused = await del("T-002");
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/vedtatt handlingsplan og kan ikke slettes/);
    // The next measure never reuses a deleted reference; here the plan is frozen anyway.
    const frozen = await f.post(`/plans/${f.plan.id}/measures`, content(f));
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toMatch(/vedtatt/);
  });

  it("keeps milestones with the measure, for the owner too", async () => {
    const f = await plannerWithPlan();
    await f.post(`/plans/${f.plan.id}/measures`, content(f));
    const ownerSession = await signIn(t.app, f.owner.email, testPassword);
    const added = await f.post(
      `/measures/T-001/milestones`,
      { dueDate: "2027-06-30", title: "Forprosjekt ferdig" },
      ownerSession,
    );
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id;
    const done = await t.app.inject({
      method: "PATCH",
      url: `${f.base}/measures/T-001/milestones/${id}`,
      headers: ownerSession.headers,
      payload: { version: 1, done: true },
    });
    expect(done.json()).toMatchObject({ done: true, version: 2 });
    const detail = (
      await t.app.inject({ url: `${f.base}/measures/T-001`, headers: f.session.headers })
    ).json<MeasureDetailResponse>();
    expect(detail.milestones).toMatchObject([{ title: "Forprosjekt ferdig", done: true }]);
    const badDate = await f.post(`/measures/T-001/milestones`, { dueDate: "30.06.2027", title: "x" });
    expect(badDate.statusCode).toBe(400);
  });
});

describe("spending", () => {
  it("records actual spending per year and source against the plan, by the owner, not by viewers", async () => {
    const f = await plannerWithPlan();
    await f.post(`/plans/${f.plan.id}/measures`, content(f));
    const [source] = await t.database.db
      .insert(fundingSources)
      .values({ municipalityId: f.municipality.id, name: "Kommunen – drift", kind: "municipal" })
      .returning();
    const ownerSession = await signIn(t.app, f.owner.email, testPassword);
    const viewerSession = await signIn(t.app, f.viewer.email, testPassword);
    const put = (as: Signed, rows: object[]) =>
      t.app.inject({
        method: "PUT",
        url: `${f.base}/measures/T-001/spending/2027`,
        headers: as.headers,
        payload: { rows },
      });
    expect((await put(viewerSession, [{ fundingSourceId: source?.id, amountNok: 1 }])).statusCode).toBe(403);
    const ok = await put(ownerSession, [{ fundingSourceId: source?.id, amountNok: 125_000 }]);
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await put(ownerSession, [{ fundingSourceId: source?.id, amountNok: 150_000 }]);
    expect(again.statusCode).toBe(200);
    const detail = (
      await t.app.inject({ url: `${f.base}/measures/T-001`, headers: f.session.headers })
    ).json<MeasureDetailResponse>();
    expect(detail.spending).toEqual([
      { year: 2027, fundingSourceId: source?.id, kind: "municipal", amountNok: 150_000 },
    ]);
    const bad = await put(ownerSession, [{ fundingSourceId: source?.id, amountNok: -5 }]);
    expect(bad.statusCode).toBe(400);
    const history = (
      await t.app.inject({ url: `${f.base}/measures/T-001/history`, headers: f.session.headers })
    ).json();
    expect(history.filter((e: { action: string }) => e.action === "set_spending")).toHaveLength(2);
  });
});

describe("the plan hierarchy", () => {
  it("creates, edits, reorders and deletes goals, focus areas and objectives, refusing to delete what measures use", async () => {
    const f = await plannerWithPlan();
    const third = (await f.post(`/plans/${f.plan.id}/goals`, { title: "Regionssenter" })).json();
    const order = await f.post(`/plans/${f.plan.id}/goals/order`, {
      orderedIds: [third.id, f.goal.id, f.otherGoal.id],
    });
    expect(order.statusCode).toBe(204);
    const tree = (
      await t.app.inject({ url: `${f.base}/plan-tree`, headers: f.session.headers })
    ).json<PlanTreeResponse>();
    expect(tree.goals.map((g) => g.title)).toEqual(["Regionssenter", "Næringssentrum", "Grønnest"]);
    const incomplete = await f.post(`/plans/${f.plan.id}/goals/order`, { orderedIds: [third.id] });
    expect(incomplete.statusCode).toBe(409);

    const edit = await t.app.inject({
      method: "PATCH",
      url: `${f.base}/focus-areas/${f.focusArea.id}`,
      headers: f.session.headers,
      payload: { version: 1, title: "Havnebyen Drammen", goalIds: [f.goal.id, f.otherGoal.id] },
    });
    expect(edit.json()).toMatchObject({
      title: "Havnebyen Drammen",
      version: 2,
      goalIds: [f.goal.id, f.otherGoal.id].sort(),
    });

    await f.post(`/plans/${f.plan.id}/measures`, content(f));
    const inUse = await t.app.inject({
      method: "DELETE",
      url: `${f.base}/goals/${f.goal.id}?version=2`, // reordering moved every goal to version 2
      headers: f.session.headers,
    });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toBe(
      "Målet brukes av 1 tiltak og kan ikke slettes. Flytt tiltakene først.",
    );
    const free = await t.app.inject({
      method: "DELETE",
      url: `${f.base}/goals/${third.id}?version=2`,
      headers: f.session.headers,
    });
    expect(free.statusCode).toBe(204);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.municipalityId, f.municipality.id));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["create", "update", "delete", "reorder_goal"]),
    );
  });

  it("shows the empty plan to a new municipality and refuses writes from viewers", async () => {
    const f = await plannerWithPlan();
    const viewerSession = await signIn(t.app, f.viewer.email, testPassword);
    const refused = await f.post(`/plans/${f.plan.id}/goals`, { title: "Nei" }, viewerSession);
    expect(refused.statusCode).toBe(403);
    const empty = await f.post(`/plans/${f.plan.id}/goals`, { title: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0]).toMatchObject({ message: "Tittel må fylles ut" });
  });
});
