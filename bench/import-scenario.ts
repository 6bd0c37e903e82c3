/**
 * The benchmarks' import scenario: a municipality with a planner and a plan of N measures
 * (createDocumentPlan), and an import sheet made from the plan's own export (shared by
 * bench/documents.ts and bench/measures-import.ts).
 */
import ExcelJS from "exceljs";
import type { Database } from "../src/db/client.ts";
import { memberships, municipalities, users } from "../src/db/schema/index.ts";
import { actionPlanWorkbook } from "../src/documents/action-plan-xlsx.ts";
import type { ServiceContext } from "../src/services/context.ts";
import { loadActionPlanDocument } from "../src/services/cycles/action-plan-document.ts";
import { createDocumentPlan } from "../test/factories.ts";

let municipalityCounter = 0;
/** A municipality with a planner and a plan of `size` measures (createDocumentPlan). */
export async function scenario(db: Database, size: number) {
  municipalityCounter++;
  const [municipality] = await db
    .insert(municipalities)
    .values({ number: String(9800 + municipalityCounter), name: `Benchkommune ${municipalityCounter}` })
    .returning();
  const [planner] = await db
    .insert(users)
    .values({ email: `bench${municipalityCounter}@planverk.test`, name: "Bench" })
    .returning();
  if (!municipality || !planner) throw new Error("not inserted");
  await db
    .insert(memberships)
    .values({ municipalityId: municipality.id, userId: planner.id, role: "planner" });
  const plan = await createDocumentPlan(db, { municipalityId: municipality.id, measureCount: size });
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
  const input = {
    municipalityNumber: municipality.number,
    planId: plan.plan.id,
    budgetYear: 2027,
    revision: 0,
  };
  return { ctx, input, plan };
}

/**
 * The import sheet: the plan's own export (half the rows edited: every 10th title, every 10th
 * cost) plus as many new rows, so `rows` rows in all.
 */
export async function importSheet(db: Database, rows: number) {
  const s = await scenario(db, rows / 2);
  const exported = await actionPlanWorkbook(await loadActionPlanDocument({ ctx: s.ctx, input: s.input }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("Tiltak");
  if (!sheet) throw new Error("no sheet");
  const headings = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const col = (h: string) => headings.indexOf(h) + 1;
  for (let r = 2; r <= sheet.rowCount; r++) {
    if (r % 10 === 0) sheet.getRow(r).getCell(col("Tittel")).value = `Endret tittel ${r}`;
    if (r % 10 === 5) sheet.getRow(r).getCell(col("Kommunalt 2028")).value = 123_000 + r;
  }
  for (let i = 0; i < rows / 2; i++) {
    const row = sheet.addRow([]);
    row.getCell(col("Tittel")).value = `Nytt tiltak ${i}`;
    row.getCell(col("Satsingsområde")).value = "Kompetansebyen Drammen";
    row.getCell(col("Kommunal kilde")).value = "Næringsfond";
    row.getCell(col("Kommunalt 2027")).value = 100_000 + i;
  }
  return { ...s, file: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
