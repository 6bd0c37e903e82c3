import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "../../../test/app.ts";
import {
  createActionPlanVersion,
  createFocusArea,
  createGoal,
  createMeasure,
  createMunicipality,
  createOrganisation,
  createPartnerUser,
  createPlan,
  createUser,
  testPassword,
} from "../../../test/factories.ts";
import {
  actionPlanVersions,
  auditEvents,
  cycles,
  measures,
  measureVersionPartners,
  measureVersions,
  notifications,
  proposals,
} from "../../db/schema/index.ts";
import type {
  CommentThreadResponse,
  ProposalDetailResponse,
  ProposalsOverviewResponse,
} from "./proposals.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let planner: Signed;
let partnerA: Signed;
let partnerB: Signed;
let viewer: Signed;
let outsider: Signed;
let admin: Signed;
let municipalityId: string;
let cycleId: string;
let focusAreaId: string;
let goalId: string;
let organisationB: string;
let existingMeasureId: string;
const number = "9201";
const base = `/api/municipalities/${number}`;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const municipality = await createMunicipality(db, { number, name: "Innspill test" });
  municipalityId = municipality.id;
  const plan = await createPlan(db, { municipalityId: municipality.id });
  goalId = (await createGoal(db, { plan })).id;
  focusAreaId = (await createFocusArea(db, { plan })).id;
  const actionPlan = await createActionPlanVersion(db, { plan, budgetYear: 2027 });
  cycleId = actionPlan.cycleId;
  existingMeasureId = (
    await createMeasure(db, { actionPlanVersion: actionPlan, focusAreaId, reference: "T-001" })
  ).measure.id;
  const organisationA = (
    await createOrganisation(db, { municipalityId: municipality.id, name: "Næringsforeningen" })
  ).id;
  organisationB = (
    await createOrganisation(db, { municipalityId: municipality.id, kind: "academia", name: "USN" })
  ).id;
  const sign = async (user: { email: string }) => signIn(t.app, user.email, testPassword);
  planner = await sign(await createUser(db, { municipalityId: municipality.id, role: "planner" }));
  viewer = await sign(await createUser(db, { municipalityId: municipality.id, role: "viewer" }));
  admin = await sign(await createUser(db, { municipalityId: municipality.id, role: "admin" }));
  partnerA = await sign(
    await createPartnerUser(db, { municipalityId: municipality.id, organisationId: organisationA }),
  );
  partnerB = await sign(
    await createPartnerUser(db, { municipalityId: municipality.id, organisationId: organisationB }),
  );
  const other = await createMunicipality(db);
  outsider = await sign(await createUser(db, { municipalityId: other.id, role: "planner" }));
});
afterAll(async () => t.close());

const send = (who: Signed | null, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
  t.app.inject({
    method,
    url: `${base}${url}`,
    headers: who?.headers ?? {},
    ...(payload ? { payload } : {}),
  });

const proposal = (over: object = {}) => ({
  cycleId,
  title: "Felles rekrutteringsdag for lærlinger",
  description: "Bedriftene i regionen møter elevene.\n\nEn dag i mars.",
  expectedEffect: "Flere lærlinger i regionen",
  focusAreaId,
  goalIds: [goalId],
  organisationIds: [organisationB],
  costs: [{ year: 2027, amountNok: 150_000, funder: "Næringsforeningen og kommunen" }],
  ...over,
});

async function submit(who: Signed, over: object = {}): Promise<number> {
  const response = await send(who, "POST", "/proposals", proposal(over));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().number;
}

async function versionOf(n: number): Promise<number> {
  return ((await send(planner, "GET", `/proposals/${n}`)).json() as ProposalDetailResponse).version;
}

describe("proposals", () => {
  it("are refused while the cycle is not open for proposals", async () => {
    await t.database.db.update(cycles).set({ phase: "utarbeidelse" }).where(eq(cycles.id, cycleId));
    const response = await send(partnerA, "POST", "/proposals", proposal());
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/tar ikke imot innspill/);
    await t.database.db.update(cycles).set({ phase: "innspill" }).where(eq(cycles.id, cycleId));
  });

  it("from a partner reach the planners' queue, and only the own organisation sees them", async () => {
    const n = await submit(partnerA);
    const queue = (await send(planner, "GET", "/proposals")).json() as ProposalsOverviewResponse;
    expect(queue.proposals.find((p) => p.number === n)).toMatchObject({
      status: "submitted",
      organisation: { name: "Næringsforeningen" },
      totalCostNok: 150_000,
    });

    const asB = (await send(partnerB, "GET", "/proposals")).json() as ProposalsOverviewResponse;
    expect(asB.proposals.map((p) => p.number)).not.toContain(n);
    expect((await send(partnerB, "GET", `/proposals/${n}`)).statusCode).toBe(404);
    expect((await send(null, "GET", `/proposals/${n}`)).statusCode).toBe(404);
    expect((await send(outsider, "GET", `/proposals/${n}`)).statusCode).toBe(404);
    const own = (await send(partnerA, "GET", `/proposals/${n}`)).json() as ProposalDetailResponse;
    expect(own).toMatchObject({
      title: "Felles rekrutteringsdag for lærlinger",
      organisations: [{ name: "USN" }],
    });
    expect(own.allowedActions).not.toContain("decide");

    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.link, `/innspill/${n}`));
    expect(told.length).toBeGreaterThan(0);
  });

  it("with bad references or years are refused and nothing is stored", async () => {
    const before = await t.database.db.select().from(proposals);
    const response = await send(
      partnerA,
      "POST",
      "/proposals",
      proposal({ costs: [{ year: 2040, amountNok: 1, funder: "" }] }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: "/costs/0/year", message: "Året må være i perioden 2027–2030." },
    ]);
    expect((await send(viewer, "POST", "/proposals", proposal())).statusCode).toBe(403);
    expect(await t.database.db.select().from(proposals)).toHaveLength(before.length);
  });

  it("need a written reason to be rejected, and the proposer sees the outcome", async () => {
    const n = await submit(partnerA, { title: "Innovasjonspris" });
    const version = await versionOf(n);
    const noReason = await send(planner, "POST", `/proposals/${n}/decision`, {
      version,
      decision: { outcome: "reject", reason: " " },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/begrunnelse/);
    const byPartner = await send(partnerA, "POST", `/proposals/${n}/decision`, {
      version,
      decision: { outcome: "reject", reason: "x" },
    });
    expect(byPartner.statusCode).toBe(403);

    const decided = await send(planner, "POST", `/proposals/${n}/decision`, {
      version,
      decision: { outcome: "reject", reason: "Dekkes av næringsprisen som finnes fra før." },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const seen = (await send(partnerA, "GET", `/proposals/${n}`)).json() as ProposalDetailResponse;
    expect(seen).toMatchObject({
      status: "rejected",
      decision: { reason: "Dekkes av næringsprisen som finnes fra før." },
    });
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, "proposal"), eq(auditEvents.action, "decide")));
    expect(audit.length).toBeGreaterThan(0);
  });

  it("accepted as a new measure carry their content, and the link is kept both ways", async () => {
    const n = await submit(partnerA, { title: "Kompetanseløft for industrien" });
    const version = await versionOf(n);
    const decided = await send(planner, "POST", `/proposals/${n}/decision`, {
      version,
      decision: { outcome: "accept_new", focusAreaId },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const reference = decided.json().measureReference as string;
    const [measure] = await t.database.db
      .select({ id: measures.id, title: measureVersions.title })
      .from(measures)
      .innerJoin(measureVersions, eq(measureVersions.measureId, measures.id))
      .where(eq(measures.reference, reference));
    expect(measure?.title).toBe("Kompetanseløft for industrien");
    const partners = await t.database.db
      .select({ role: measureVersionPartners.role })
      .from(measureVersionPartners)
      .innerJoin(measureVersions, eq(measureVersions.id, measureVersionPartners.measureVersionId))
      .where(eq(measureVersions.measureId, measure?.id ?? ""));
    expect(partners.map((p) => p.role).sort()).toEqual(["contributor", "lead"]);
    const [row] = await t.database.db
      .select()
      .from(proposals)
      .where(eq(proposals.measureId, measure?.id ?? ""));
    expect(row?.number).toBe(n);
    const measurePage = (
      await t.app.inject({ method: "GET", url: `${base}/measures/${reference}`, headers: planner.headers })
    ).json();
    expect(measurePage.proposals).toEqual([
      {
        number: n,
        title: "Kompetanseløft for industrien",
        organisation: "Næringsforeningen",
        status: "accepted",
      },
    ]);
    const again = await send(planner, "POST", `/proposals/${n}/decision`, {
      version: version + 1,
      decision: { outcome: "reject", reason: "x" },
    });
    expect(again.statusCode).toBe(409);
  });

  it("link their measure only for those who may open it; a draft measure is text with a hint to a partner", async () => {
    const n = await submit(partnerA, { title: "Næringsvennlig saksbehandling" });
    const decided = await send(planner, "POST", `/proposals/${n}/decision`, {
      version: await versionOf(n),
      decision: { outcome: "accept_new", focusAreaId },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const reference = decided.json().measureReference as string;
    const measureIn = async (who: Signed) => {
      const list = (await send(who, "GET", "/proposals")).json() as ProposalsOverviewResponse;
      const detail = (await send(who, "GET", `/proposals/${n}`)).json() as ProposalDetailResponse;
      const page = await send(who, "GET", `/measures/${reference}`);
      return {
        list: list.proposals.find((x) => x.number === n)?.measure,
        detail: detail.measure,
        opens: page.statusCode,
      };
    };
    // The new measure is in the 2027 draft: internal people open it, the proposing partner cannot.
    for (const who of [planner, viewer])
      expect(await measureIn(who)).toEqual({
        list: { reference, readable: true },
        detail: { reference, readable: true },
        opens: 200,
      });
    expect(await measureIn(partnerA)).toEqual({
      list: { reference, readable: false },
      detail: { reference, readable: false },
      opens: 404,
    });
    // Once its action plan is adopted, the partner may open it, and the reference is a link.
    const { db } = t.database;
    const [version] = await db
      .select({ id: measureVersions.actionPlanVersionId })
      .from(measureVersions)
      .innerJoin(measures, eq(measures.id, measureVersions.measureId))
      .where(and(eq(measures.municipalityId, municipalityId), eq(measures.reference, reference)));
    const planVersionId = version?.id ?? "";
    await db
      .update(actionPlanVersions)
      .set({ status: "adopted" })
      .where(eq(actionPlanVersions.id, planVersionId));
    try {
      expect(await measureIn(partnerA)).toEqual({
        list: { reference, readable: true },
        detail: { reference, readable: true },
        opens: 200,
      });
    } finally {
      await db
        .update(actionPlanVersions)
        .set({ status: "draft" })
        .where(eq(actionPlanVersions.id, planVersionId));
    }
  });

  it("can be merged into an existing measure or deferred to a later year", async () => {
    const merged = await submit(partnerA, { title: "Utvidet næringshage" });
    const m = await send(planner, "POST", `/proposals/${merged}/decision`, {
      version: await versionOf(merged),
      decision: { outcome: "accept_merge", measureId: existingMeasureId },
    });
    expect(m.json()).toEqual({ status: "accepted", measureReference: "T-001" });
    const deferred = await submit(partnerA, { title: "Hydrogenknutepunkt" });
    const v = await versionOf(deferred);
    const sameYear = await send(planner, "POST", `/proposals/${deferred}/decision`, {
      version: v,
      decision: { outcome: "defer", toYear: 2027 },
    });
    expect(sameYear.statusCode).toBe(400);
    const d = await send(planner, "POST", `/proposals/${deferred}/decision`, {
      version: v,
      decision: { outcome: "defer", toYear: 2028, reason: "Venter på statlig finansiering." },
    });
    expect(d.json().status).toBe("deferred");
  });
});

describe("comments", () => {
  it("carry the dialogue: the planner asks, the proposer is told and answers; internal notes stay internal", async () => {
    const n = await submit(partnerA, { title: "Studentprosjekter i bedrifter" });
    const target = { type: "proposal", number: n };
    const question = await send(planner, "POST", "/comments", {
      target,
      visibility: "partners",
      body: "Hvor mange bedrifter er med?",
    });
    expect(question.statusCode, question.body).toBe(201);
    const note = await send(planner, "POST", "/comments", {
      target,
      visibility: "internal",
      body: "Intern vurdering: lovende.",
    });
    expect(note.statusCode).toBe(201);
    const internalByPartner = await send(partnerA, "POST", "/comments", {
      target,
      visibility: "internal",
      body: "x",
    });
    expect(internalByPartner.statusCode).toBe(400);
    const answer = await send(partnerA, "POST", "/comments", {
      target,
      parentId: question.json().id,
      visibility: "partners",
      body: "Tolv bedrifter.",
    });
    expect(answer.statusCode).toBe(201);

    const asPartner = (
      await send(partnerA, "GET", `/comments?proposal=${n}`)
    ).json() as CommentThreadResponse;
    expect(asPartner.comments.map((c) => c.body)).toEqual([
      "Hvor mange bedrifter er med?",
      "Tolv bedrifter.",
    ]);
    expect(asPartner.comments[1]?.parentId).toBe(question.json().id);
    const asPlanner = (await send(planner, "GET", `/comments?proposal=${n}`)).json() as CommentThreadResponse;
    expect(asPlanner.comments).toHaveLength(3);
    expect((await send(partnerB, "GET", `/comments?proposal=${n}`)).statusCode).toBe(404);

    const told = (
      await t.app.inject({ method: "GET", url: "/api/notifications", headers: partnerA.headers })
    ).json();
    expect(told.items.map((i: { title: string }) => i.title)).toContain(
      `Kommunen har skrevet til deg om Innspill ${n}: Studentprosjekter i bedrifter`,
    );
    const read = await t.app.inject({
      method: "POST",
      url: "/api/notifications/read",
      headers: partnerA.headers,
      payload: { ids: "all" },
    });
    expect(read.json().marked).toBeGreaterThan(0);
  });

  it("are edited by their author only, and removed by a moderator with a trace", async () => {
    const target = { type: "measure", reference: "T-001" };
    // T-001 is in a draft: a partner cannot read it, so cannot comment on it.
    const byPartner = await send(partnerA, "POST", "/comments", {
      target,
      visibility: "partners",
      body: "x",
    });
    expect(byPartner.statusCode).toBe(404);
    const mine = await send(viewer, "POST", "/comments", {
      target,
      visibility: "internal",
      body: "Skrivefeil",
    });
    expect(mine.statusCode).toBe(201);
    const id = mine.json().id as string;
    const byOther = await send(planner, "PATCH", `/comments/${id}`, {
      version: 1,
      body: "Endret av en annen",
    });
    expect(byOther.statusCode).toBe(403);
    expect((await send(viewer, "PATCH", `/comments/${id}`, { version: 1, body: "Rettet" })).statusCode).toBe(
      204,
    );
    expect((await send(viewer, "POST", `/comments/${id}/removal`, { reason: "x" })).statusCode).toBe(403);
    expect((await send(planner, "POST", `/comments/${id}/removal`, { reason: "Usaklig" })).statusCode).toBe(
      204,
    );
    const thread = (await send(planner, "GET", "/comments?measure=T-001")).json() as CommentThreadResponse;
    expect(thread.comments.find((c) => c.id === id)).toMatchObject({
      body: "",
      removed: { reason: "Usaklig" },
    });
    const trail = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, "remove")));
    expect(trail[0]?.changes).toMatchObject({ body: { before: "Rettet", after: "" } });
  });
});

describe("a partner's organisation", () => {
  it("is needed to send proposals, and an admin sets it", async () => {
    const user = await createUser(t.database.db, { municipalityId, role: "partner" });
    const unlinked = await signIn(t.app, user.email, testPassword);
    const refused = await send(unlinked, "POST", "/proposals", proposal());
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/ikke knyttet til en samarbeidspartner/);

    const members = (await send(admin, "GET", "/members")).json() as {
      membershipId: string;
      userId: string;
      version: number;
    }[];
    const member = members.find((m) => m.userId === user.id);
    const byPlanner = await send(planner, "PATCH", `/members/${member?.membershipId}`, {
      version: member?.version,
      role: "partner",
      organisationId: organisationB,
    });
    expect(byPlanner.statusCode).toBe(403);
    const linked = await send(admin, "PATCH", `/members/${member?.membershipId}`, {
      version: member?.version,
      role: "partner",
      organisationId: organisationB,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().organisation).toEqual({ id: organisationB, name: "USN" });
    const n = await submit(unlinked, { organisationIds: [] });
    const seen = (await send(unlinked, "GET", `/proposals/${n}`)).json() as ProposalDetailResponse;
    expect(seen.organisation?.name).toBe("USN");
  });
});
