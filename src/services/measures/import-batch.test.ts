import { and, asc, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import {
  createDocumentPlan,
  createGoal,
  createMunicipality,
  createPlan,
  createUser,
} from "../../../test/factories.ts";
import {
  auditEvents,
  fundingSources,
  measureCosts,
  measures,
  measureVersionGoals,
  measureVersionPartners,
  measureVersions,
  partnerOrganisations,
} from "../../db/schema/index.ts";
import { actionPlanWorkbook } from "../../documents/action-plan-xlsx.ts";
import { AppError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { loadActionPlanDocument } from "../cycles/action-plan-document.ts";
import { applyMeasureImport, applyMeasureImportRowByRow, previewMeasureImport } from "./import-measures.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** A planner's municipality with the document plan (6 measures in the 2027 draft) and its export, edited. */
async function scenario() {
  const { db } = database;
  const municipality = await createMunicipality(db);
  const planner = await createUser(db, { municipalityId: municipality.id, role: "planner" });
  const plan = await createDocumentPlan(db, { municipalityId: municipality.id });
  const ctx: ServiceContext = {
    db,
    actor: {
      kind: "user",
      userId: planner.id,
      email: planner.email,
      name: planner.name,
      isSystemAdmin: false,
      roles: { [municipality.id]: "planner" },
    },
  };
  const exported = await actionPlanWorkbook(
    await loadActionPlanDocument({
      ctx,
      input: { municipalityNumber: municipality.number, planId: plan.plan.id, budgetYear: 2027, revision: 0 },
    }),
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("Tiltak");
  if (!sheet) throw new Error("no sheet");
  const headings = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const col = (h: string) => headings.indexOf(h) + 1;
  // Row 2 is T-002: a new title; row 4 (T-006): a new cost; two new rows, one with a partner.
  sheet.getRow(2).getCell(col("Tittel")).value = "Kompetanseløft – nytt navn";
  sheet.getRow(4).getCell(col("Kommunalt 2029")).value = 999_000;
  for (const [i, partner] of ["Universitetet i Sørøst-Norge", ""].entries()) {
    const row = sheet.addRow([]);
    row.getCell(col("Tittel")).value = `Nytt tiltak ${i + 1}`;
    row.getCell(col("Satsingsområde")).value = "Kompetansebyen Drammen";
    row.getCell(col("Partnere")).value = partner;
    row.getCell(col("Kommunal kilde")).value = "Næringsfond";
    row.getCell(col("Kommunalt 2027")).value = 100_000 + i;
  }
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  const input = { municipalityNumber: municipality.number, planId: plan.plan.id, file };
  return { ctx, municipality, plan, input };
}

/** The municipality's draft as stored, by names rather than ids, and its audit trail. */
async function stored(municipalityId: string, draftId: string) {
  const { db } = database;
  const versions = await db
    .select({
      id: measureVersions.id,
      reference: measures.reference,
      title: measureVersions.title,
      version: measureVersions.version,
      startYear: measureVersions.startYear,
      endYear: measureVersions.endYear,
    })
    .from(measureVersions)
    .innerJoin(measures, eq(measures.id, measureVersions.measureId))
    .where(eq(measureVersions.actionPlanVersionId, draftId))
    .orderBy(asc(measures.reference));
  const ids = versions.map((v) => v.id);
  const costs = await db
    .select({ id: measureCosts.measureVersionId, year: measureCosts.year, source: fundingSources.name })
    .from(measureCosts)
    .innerJoin(fundingSources, eq(fundingSources.id, measureCosts.fundingSourceId))
    .where(inArray(measureCosts.measureVersionId, ids));
  const amounts = await db
    .select({ id: measureCosts.measureVersionId, year: measureCosts.year, amount: measureCosts.amountNok })
    .from(measureCosts)
    .where(inArray(measureCosts.measureVersionId, ids));
  const partners = await db
    .select({ id: measureVersionPartners.measureVersionId, name: partnerOrganisations.name })
    .from(measureVersionPartners)
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, measureVersionPartners.organisationId))
    .where(inArray(measureVersionPartners.measureVersionId, ids));
  const audit = await db
    .select({
      action: auditEvents.action,
      objectType: auditEvents.objectType,
      label: auditEvents.objectLabel,
      changes: auditEvents.changes,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.municipalityId, municipalityId)));
  return {
    measures: versions.map(({ id, ...v }) => ({
      ...v,
      costs: costs
        .filter((c) => c.id === id)
        .map((c) => `${c.year} ${c.source}`)
        .sort(),
      amounts: amounts
        .filter((c) => c.id === id)
        .map((c) => `${c.year}:${c.amount}`)
        .sort(),
      partners: partners
        .filter((p) => p.id === id)
        .map((p) => p.name)
        .sort(),
    })),
    audit: audit
      .map((a) => `${a.objectType} ${a.action} ${a.label} [${Object.keys(a.changes ?? {}).sort()}]`)
      .sort(),
  };
}

describe("the Excel import applied as one batch", () => {
  it("leaves the same plan and audit trail as applying the rows one by one through the services", async () => {
    const batch = await scenario();
    const oneByOne = await scenario();
    const previewA = await previewMeasureImport({ ctx: batch.ctx, input: batch.input });
    const previewB = await previewMeasureImport({ ctx: oneByOne.ctx, input: oneByOne.input });
    expect(previewA.counts).toEqual({ new: 2, changed: 2, restored: 0, unchanged: 4, problems: 0 });

    const resultA = await applyMeasureImport({
      ctx: batch.ctx,
      input: { ...batch.input, token: previewA.token },
    });
    const resultB = await applyMeasureImportRowByRow({
      ctx: oneByOne.ctx,
      input: { ...oneByOne.input, token: previewB.token },
    });
    expect(resultA).toEqual({
      created: ["T-008", "T-009"],
      changed: ["T-002", "T-006"],
      restored: [],
      unchanged: 4,
    });
    expect(resultB).toEqual(resultA);

    const a = await stored(batch.municipality.id, batch.plan.draft.id);
    const b = await stored(oneByOne.municipality.id, oneByOne.plan.draft.id);
    expect(a).toEqual(b);
    expect(a.measures.find((m) => m.reference === "T-002")).toMatchObject({
      title: "Kompetanseløft – nytt navn",
      version: 2,
    });
    expect(a.measures.find((m) => m.reference === "T-008")).toMatchObject({
      title: "Nytt tiltak 1",
      partners: ["Universitetet i Sørøst-Norge"],
      amounts: ["2027:100000"],
    });
    // One entry per created measure and per change, and one for the import.
    const fields =
      "contactPerson,description,endYear,focusAreaId,goalIds,links,objectiveIds,partners,responsibleUnit,startYear,tags,title";
    expect(a.audit).toEqual([
      "action_plan import Handlingsplan 2027 [changed,created,restored]",
      `measure create T-008 Nytt tiltak 1 [${fields}]`,
      `measure create T-009 Nytt tiltak 2 [${fields}]`,
      "measure set_financing T-006 [costs]",
      "measure set_financing T-008 [costs]",
      "measure set_financing T-009 [costs]",
      "measure update T-002 Kompetanseløft – nytt navn [title]",
    ]);
  });

  it("changes nothing when one row breaks a rule of the services, and names that row", async () => {
    const s = await scenario();
    const { db } = database;
    // T-002's draft points at a goal of another of the municipality's plans: its content no longer
    // passes the rules for a measure, which the sheet's own checks (the preview) cannot see.
    const otherPlan = await createPlan(db, { municipalityId: s.municipality.id });
    const strayGoal = await createGoal(db, { plan: otherPlan });
    const [t002] = await db
      .select({ versionId: measureVersions.id })
      .from(measureVersions)
      .innerJoin(measures, eq(measures.id, measureVersions.measureId))
      .where(
        and(
          eq(measures.municipalityId, s.municipality.id),
          eq(measures.reference, "T-002"),
          eq(measureVersions.actionPlanVersionId, s.plan.draft.id),
        ),
      );
    await db.insert(measureVersionGoals).values({
      municipalityId: s.municipality.id,
      measureVersionId: t002?.versionId ?? "",
      goalId: strayGoal.id,
    });
    const preview = await previewMeasureImport({ ctx: s.ctx, input: s.input });
    expect(preview.problems).toEqual([]);
    const before = await stored(s.municipality.id, s.plan.draft.id);

    const refused = await applyMeasureImport({
      ctx: s.ctx,
      input: { ...s.input, token: preview.token },
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "validation", key: "import.rowFailed", params: { row: 2 } });
    expect((refused as AppError).message).toContain("Velg mål fra planen.");
    // No new measure, no changed title or cost, no audit entry.
    expect(await stored(s.municipality.id, s.plan.draft.id)).toEqual(before);
  });
});
