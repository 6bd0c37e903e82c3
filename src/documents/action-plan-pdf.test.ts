import { and, desc, eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../../test/app.ts";
import { systemContext } from "../../test/factories.ts";
import { actionPlanVersions, cycles, municipalities, plans } from "../db/schema/index.ts";
import { demoPassword, loadDemoDataIfEmpty } from "../demo/load-demo-data.ts";

/** The page margin of the action plan PDF (points); the page footer sits in the bottom one. */
const margin = 48;

/**
 * Each page's text (white space as one space) and how far down its body the text reaches: 0 for
 * an empty page, 1 for one written to the bottom margin (the footer «Side 2 av 8» not counted).
 */
async function pages(buffer: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
  const result: { text: string; reach: number }[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const height = page.view[3] ?? 0;
    const items = (await page.getTextContent()).items.flatMap((item) =>
      "str" in item && item.str.trim() !== "" ? [{ text: item.str, y: item.transform[5] as number }] : [],
    );
    const body = items.filter((item) => item.y > margin);
    const lowest = Math.min(...body.map((item) => item.y));
    result.push({
      text: body
        .map((item) => item.text)
        .join(" ")
        .replace(/\s+/g, " "),
      reach: body.length === 0 ? 0 : (height - margin - lowest) / (height - 2 * margin),
    });
  }
  return result;
}

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoDataIfEmpty({ ctx: systemContext(t.database.db) });
});
afterAll(() => t.close());

describe("the demo action plan as PDF", () => {
  it("leaves no nearly empty page before the last one", async () => {
    const { db } = t.database;
    const rows = await db
      .select({ planId: plans.id, budgetYear: cycles.budgetYear, revision: actionPlanVersions.revision })
      .from(actionPlanVersions)
      .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
      .innerJoin(plans, eq(plans.id, cycles.planId))
      .innerJoin(municipalities, eq(municipalities.id, plans.municipalityId))
      .where(and(eq(municipalities.number, "3301")))
      .orderBy(desc(cycles.budgetYear));
    const session = await signIn(t.app, "planlegger@demo.planverk.no", demoPassword);
    for (const row of rows) {
      const response = await t.app.inject({
        url: `/api/municipalities/3301/plans/${row.planId}/action-plans/${row.budgetYear}/${row.revision}/handlingsplan.pdf`,
        headers: session.headers,
      });
      expect(response.statusCode).toBe(200);
      const printed = await pages(response.rawPayload);
      expect(printed.length).toBeGreaterThan(4);
      // Only the last page may be nearly empty.
      for (const [i, page] of printed.slice(0, -1).entries())
        expect(page.reach, `page ${i + 1} of ${row.budgetYear}: ${page.text}`).toBeGreaterThan(0.25);
    }
  }, 120_000);
});
