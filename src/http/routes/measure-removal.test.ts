import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedInPlanner, signIn } from "../../../test/app.ts";
import {
  adoptActionPlanVersionForTest,
  createOrganisation,
  createUser,
  testPassword,
} from "../../../test/factories.ts";
import { actionPlanVersions, auditEvents, measures } from "../../db/schema/index.ts";
import type { RemovedMeasuresResponse } from "./measure-removal.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A 2027 draft with one measure that has a goal, an objective, a partner and municipal and external costs. */
async function draftWithMeasure() {
  const planner = await signedInPlanner(t.app, t.database.db);
  const { send, municipality } = planner;
  const plan = (
    await send("POST", "/plans", {
      title: "Næringsplan",
      startYear: 2023,
      endYear: 2030,
      firstBudgetYear: 2027,
    })
  ).json();
  const goal = (await send("POST", `/plans/${plan.id}/goals`, { title: "Flere arbeidsplasser" })).json();
  const focusArea = (await send("POST", `/plans/${plan.id}/focus-areas`, { title: "Havnebyen" })).json();
  const objective = (
    await send("POST", `/plans/${plan.id}/focus-areas/${focusArea.id}/objectives`, { title: "Grønn havn" })
  ).json();
  const partner = await createOrganisation(t.database.db, {
    municipalityId: municipality.id,
    name: "Havna AS",
  });
  const created = await send("POST", `/plans/${plan.id}/measures`, {
    title: "Landstrøm",
    focusAreaId: focusArea.id,
    goalIds: [goal.id],
    objectiveIds: [objective.id],
    partners: [{ organisationId: partner.id, role: "lead" }],
    startYear: 2027,
    endYear: 2028,
  });
  expect(created.statusCode, created.body).toBe(201);
  const reference = created.json().reference as string;
  const area = (await send("POST", "/frame-areas", { name: "Næring – drift" })).json();
  const external = (await send("POST", "/funding-sources", { name: "Enova" })).json();
  const setup = (await send("GET", "/budget-setup")).json();
  const source = setup.fundingSources.find((x: { frameAreaId: string | null }) => x.frameAreaId === area.id);
  const financed = await send("PUT", `/measures/${reference}/financing`, {
    rows: [
      { year: 2027, fundingSourceId: source.id, amountNok: 200_000 },
      { year: 2028, fundingSourceId: source.id, amountNok: 100_000 },
      { year: 2027, fundingSourceId: external.id, amountNok: 500_000, externalStatus: "granted" },
    ],
  });
  expect(financed.statusCode, financed.body).toBe(200);
  const measure = async () => {
    const r = await send("GET", `/measures/${reference}`);
    return { status: r.statusCode, body: r.json() };
  };
  return { ...planner, plan, goal, focusArea, objective, partner, reference, external, source, measure };
}

describe("taking a measure out of the draft and putting it back", () => {
  it("keeps its identity, content and costs, lists who took it out and why, and puts it back whole", async () => {
    const f = await draftWithMeasure();
    const before = await f.measure();
    expect(before.status).toBe(200);
    const [identity] = await t.database.db.select().from(measures).where(eq(measures.reference, f.reference));

    // A reason is required.
    const noReason = await f.send("POST", `/measures/${f.reference}/take-out`, {
      reason: "  ",
      version: before.body.contentVersion,
    });
    expect(noReason.statusCode).toBe(400);
    const takenOut = await f.send("POST", `/measures/${f.reference}/take-out`, {
      reason: "Dekkes av Enova-søknaden neste år",
      version: before.body.contentVersion,
    });
    expect(takenOut.statusCode, takenOut.body).toBe(200);

    const list = (
      await f.send("GET", `/plans/${f.plan.id}/removed-measures`)
    ).json<RemovedMeasuresResponse>();
    expect(list).toMatchObject({ budgetYear: 2027, draft: true });
    expect(list.removed).toEqual([
      expect.objectContaining({
        reference: f.reference,
        title: "Landstrøm",
        via: "manual",
        reason: "Dekkes av Enova-søknaden neste år",
        removedBy: f.planner.name,
        mayPutBack: true,
        municipalByYear: [
          { year: 2027, amountNok: 200_000 },
          { year: 2028, amountNok: 100_000 },
        ],
      }),
    ]);
    const listed = (await f.send("GET", `/measures?planId=${f.plan.id}`)).json();
    expect(listed.items?.map((m: { reference: string }) => m.reference) ?? []).not.toContain(f.reference);

    const back = await f.send("POST", `/measures/${f.reference}/put-back`);
    expect(back.statusCode, back.body).toBe(200);
    const after = await f.measure();
    expect(after.status).toBe(200);
    const [identityAfter] = await t.database.db
      .select()
      .from(measures)
      .where(eq(measures.reference, f.reference));
    expect(identityAfter?.id).toBe(identity?.id);
    expect(after.body).toMatchObject({
      reference: f.reference,
      title: "Landstrøm",
      focusAreaId: f.focusArea.id,
      goals: [{ id: f.goal.id }],
      objectives: [{ id: f.objective.id }],
      partners: [{ id: f.partner.id, role: "lead" }],
      startYear: 2027,
      endYear: 2028,
    });
    const costs = (
      c: { year: number; fundingSourceId: string; amountNok: number; externalStatus: unknown }[],
    ) =>
      c
        .map(({ year, fundingSourceId, amountNok, externalStatus }) => ({
          year,
          fundingSourceId,
          amountNok,
          externalStatus,
        }))
        .sort((a, b) => a.year - b.year || a.amountNok - b.amountNok);
    expect(costs(after.body.costs)).toEqual(costs(before.body.costs));
    expect(after.body.costs).toContainEqual(
      expect.objectContaining({
        fundingSourceId: f.external.id,
        externalStatus: "granted",
        amountNok: 500_000,
      }),
    );
    expect((await f.send("GET", `/plans/${f.plan.id}/removed-measures`)).json().removed).toEqual([]);

    // Putting back twice is refused; so is a stale version when taking out.
    expect((await f.send("POST", `/measures/${f.reference}/put-back`)).statusCode).toBe(409);
    const stale = await f.send("POST", `/measures/${f.reference}/take-out`, {
      reason: "Igjen",
      version: before.body.contentVersion,
    });
    expect(stale.statusCode).toBe(409);

    const audit = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, identity?.id ?? ""));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["take_out", "put_back"]));
  });

  it("refuses to put back a measure whose focus area is gone, saying so", async () => {
    const f = await draftWithMeasure();
    const before = await f.measure();
    await f.send("POST", `/measures/${f.reference}/take-out`, {
      reason: "Satsingsområdet legges ned",
      version: before.body.contentVersion,
    });
    const objectiveGone = await f.send(
      "DELETE",
      `/objectives/${f.objective.id}?version=${f.objective.version}`,
    );
    expect(objectiveGone.statusCode, objectiveGone.body).toBeLessThan(300);
    const removed = await f.send("DELETE", `/focus-areas/${f.focusArea.id}?version=${f.focusArea.version}`);
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    const back = await f.send("POST", `/measures/${f.reference}/put-back`);
    expect(back.statusCode).toBe(400);
    expect(back.json().error.message).toContain("satsingsområdet det hørte til, finnes ikke lenger");
    // Still listed, so it can be recreated by hand.
    expect((await f.send("GET", `/plans/${f.plan.id}/removed-measures`)).json().removed).toHaveLength(1);
  });

  it("keeps the list as history after adoption, without put-back, and lets only planners act", async () => {
    const f = await draftWithMeasure();
    const before = await f.measure();
    const viewer = await createUser(t.database.db, { municipalityId: f.municipality.id, role: "viewer" });
    const session = await signIn(t.app, viewer.email, testPassword);
    const asViewer = await t.app.inject({
      method: "POST",
      url: `${f.base}/measures/${f.reference}/take-out`,
      headers: session.headers,
      payload: { reason: "Nei", version: before.body.contentVersion },
    });
    expect(asViewer.statusCode).toBe(403);

    await f.send("POST", `/measures/${f.reference}/take-out`, {
      reason: "For dyrt",
      version: before.body.contentVersion,
    });
    const [version] = await t.database.db
      .select()
      .from(actionPlanVersions)
      .where(eq(actionPlanVersions.municipalityId, f.municipality.id));
    if (!version) throw new Error("no action plan");
    await adoptActionPlanVersionForTest(t.database.db, version);
    const list = (await f.send("GET", `/plans/${f.plan.id}/removed-measures?year=2027`)).json();
    expect(list).toMatchObject({ draft: false, removed: [{ reference: f.reference, mayPutBack: false }] });
    const back = await f.send("POST", `/measures/${f.reference}/put-back`);
    expect(back.statusCode).toBe(409);
  });

  it("the Excel import accepts a taken-out reference and puts the measure back, with the sheet's changes", async () => {
    const f = await draftWithMeasure();
    const before = await f.measure();
    await f.send("POST", `/measures/${f.reference}/take-out`, {
      reason: "Venter på Enova",
      version: before.body.contentVersion,
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Tiltak");
    sheet.addRow(["Referanse", "Tittel", "Satsingsområde", "Kommunalt 2027"]);
    sheet.addRow([f.reference, "Landstrøm i havna", "Havnebyen", 250_000]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const upload = (path: string) =>
      t.app.inject({
        method: "POST",
        url: `${f.base}/plans/${f.plan.id}/${path}`,
        headers: {
          ...f.session.headers,
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        },
        payload: file,
      });
    const preview = await upload("measures-import/preview");
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().problems).toEqual([]);
    expect(preview.json().counts).toMatchObject({ restored: 1, new: 0, changed: 0 });
    expect(preview.json().actions[0]).toMatchObject({ kind: "restore", reference: f.reference });
    const applied = await upload(`measures-import?token=${preview.json().token}`);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ restored: [f.reference], created: [] });
    const after = await f.measure();
    expect(after.body).toMatchObject({
      title: "Landstrøm i havna",
      goals: [{ id: f.goal.id }],
      partners: [{ id: f.partner.id }],
    });
    expect(after.body.costs).toContainEqual(
      expect.objectContaining({ year: 2027, fundingSourceId: f.source.id, amountNok: 250_000 }),
    );
    expect(after.body.costs).toContainEqual(
      expect.objectContaining({ fundingSourceId: f.external.id, externalStatus: "granted" }),
    );
    expect((await f.send("GET", `/plans/${f.plan.id}/removed-measures`)).json().removed).toEqual([]);
  });
});
