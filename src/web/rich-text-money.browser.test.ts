import { mkdirSync } from "node:fs";
import { and, desc, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { actionPlanVersions, cycles, plans } from "../db/schema/index.ts";
import { demoMunicipality, demoPassword } from "../demo/load-demo-data.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots at 1366 and 390 px to look at. */
const shotsDir = process.env.PLANVERK_SHOTS;
const shots = async (page: Page, name: string) => {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shotsDir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
};
const plain = (text: string | null) => (text ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();

describe.skipIf(!browserAvailable)("writing a measure: rich text and money as people type them", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("a planner writes a description with a heading, a list and a link, types costs as «200 000 kr» in the same form, and sees both, also on the public page", {
    timeout: 180_000,
  }, async () => {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);

    await page.goto(`${env.baseUrl}/tiltak/nytt`, { waitUntil: "networkidle" });
    await page.getByLabel("Tiltak", { exact: true }).fill("Landstrøm i havna");
    await page.getByLabel("Satsingsområde").selectOption({ index: 1 });

    // The description, written with the toolbar and the keyboard; nobody writes HTML.
    const editor = page.getByRole("textbox", { name: "Beskrivelse" });
    await editor.click();
    const heading = page.getByRole("button", { name: "Overskrift", exact: true });
    await heading.click();
    expect(await heading.getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.type("Hvorfor landstrøm");
    await page.keyboard.press("Enter");
    expect(await heading.getAttribute("aria-pressed")).toBe("false");
    await page.keyboard.type("Skip ved kai får strøm fra land, ");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("uten dieselaggregat");
    await page.keyboard.press("Control+b");
    await page.keyboard.type(".");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Punktliste" }).click();
    expect(await page.getByRole("button", { name: "Punktliste" }).getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.type("Mindre støy");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Renere luft");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Les mer hos Enova: ");
    await page.keyboard.press("Control+k");
    await page.getByLabel("Lenkeadresse").fill("https://www.enova.no/");
    await page.getByRole("button", { name: "Legg inn lenke" }).click();
    expect(await editor.locator("h3").textContent()).toBe("Hvorfor landstrøm");
    expect(await editor.locator("ul li").allTextContents()).toEqual(["Mindre støy", "Renere luft"]);
    expect(await editor.locator('a[href="https://www.enova.no/"]').count()).toBe(1);
    // No hint asks for HTML.
    expect(await page.getByText(/HTML|<strong>/).count()).toBe(0);

    // Costs in the same form, as people type them; the sums follow as one types.
    const table = page.getByTestId("financing-table");
    const cells = table.locator("tbody tr", { hasText: "(kommunal)" }).first().locator("input");
    const firstYear = Number(plain(await table.locator("thead th").nth(1).textContent()));
    await cells.nth(0).fill("200 000 kr");
    await expect
      .poll(async () => plain(await page.getByTestId(`municipal-total-${firstYear}`).textContent()))
      .toBe("200 000 kr");
    // What cannot be read is marked on the field, and its year's sum says so rather than 0.
    await cells.nth(1).fill("to hundre");
    await cells.nth(1).blur();
    await expect.poll(() => cells.nth(1).getAttribute("aria-invalid")).toBe("true");
    expect(await table.getByText("Skriv beløpet i hele kroner").count()).toBe(1);
    expect(plain(await page.getByTestId(`municipal-total-${firstYear + 1}`).textContent())).toMatch(/^–/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shots(page, "measure-form-error");
    // Saving with an unreadable amount sends nothing and puts the person on the field.
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-invalid")))
      .toBe("true");
    expect(page.url()).toContain("/tiltak/nytt");
    await cells.nth(1).fill("0,5 mill.");
    await cells.nth(1).blur();
    await expect
      .poll(async () => plain(await page.getByTestId(`municipal-total-${firstYear + 1}`).textContent()))
      .toBe("500 000 kr");
    expect(await cells.nth(1).getAttribute("aria-invalid")).not.toBe("true");
    await shots(page, "measure-form");

    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Landstrøm i havna" }).waitFor();
    const reference = (await page.locator(".pv-eyebrow").first().textContent())?.split(" · ")[0] ?? "";
    expect(reference).toMatch(/^T-\d{3}$/);
    const description = page.locator(".pv-richtext");
    expect(await description.locator("h3").textContent()).toBe("Hvorfor landstrøm");
    expect(await description.locator("strong").textContent()).toBe("uten dieselaggregat");
    expect(await description.locator("li").allTextContents()).toEqual(["Mindre støy", "Renere luft"]);
    const spending = page.getByTestId("spending-table");
    expect(
      plain(
        await spending
          .locator("tbody tr", { hasText: String(firstYear) })
          .first()
          .textContent(),
      ),
    ).toContain("200 000 kr");
    expect(await accessibilityViolations(page)).toEqual([]);
    await shots(page, "measure-page");

    // Editing shows the same description in the editor and the costs as written.
    await page.goto(`${env.baseUrl}/tiltak/${reference}/rediger?aar=${firstYear}`, {
      waitUntil: "networkidle",
    });
    await page.getByRole("textbox", { name: "Beskrivelse" }).locator("h3").waitFor();
    await cells.first().waitFor();
    await shots(page, "measure-edit");
    expect(await cells.first().inputValue()).toBe("200\u00a0000");
    expect(await cells.nth(1).inputValue()).toBe("500\u00a0000");

    // The draft is adopted; the public page (no script) shows the description as written.
    const { db } = env.t.database;
    const [plan] = await db.select().from(plans);
    const [cycle] = await db
      .select()
      .from(cycles)
      .where(and(eq(cycles.planId, plan?.id as string), eq(cycles.budgetYear, firstYear)))
      .orderBy(desc(cycles.budgetYear));
    if (!cycle) throw new Error("no cycle");
    await db.update(cycles).set({ phase: "vedtak" }).where(eq(cycles.id, cycle.id));
    const { csrfToken } = await (await page.request.get(`${env.baseUrl}/api/session`)).json();
    const adopted = await page.request.post(
      `${env.baseUrl}/api/municipalities/${demoMunicipality.number}/cycles/${cycle.id}/adopt`,
      {
        data: { adoptedOn: `${firstYear - 1}-12-15`, decisionBody: "Bystyret", caseReference: "24/123" },
        headers: { "x-csrf-token": csrfToken },
      },
    );
    expect(adopted.status(), await adopted.text()).toBe(200);
    expect(
      (await db.select().from(actionPlanVersions).where(eq(actionPlanVersions.cycleId, cycle.id))).some(
        (v) => v.status === "adopted",
      ),
    ).toBe(true);

    const publicPage = await (await env.browser.newContext()).newPage();
    await publicPage.goto(`${env.baseUrl}/kommune/${demoMunicipality.number}/tiltak/${reference}`);
    const published = publicPage.locator(".richtext");
    expect(await published.locator("h3").textContent()).toBe("Hvorfor landstrøm");
    expect(await published.locator("li").allTextContents()).toEqual(["Mindre støy", "Renere luft"]);
    expect(await published.locator('a[href="https://www.enova.no/"]').count()).toBe(1);
    expect(await accessibilityViolations(publicPage)).toEqual([]);
    await shots(publicPage, "public-measure");
    expect(errors).toEqual([]);
    await context.close();
  });

  it.skipIf(!shotsDir)(
    "leaves screenshots of the other money fields (frame, spending, proposal)",
    {
      timeout: 120_000,
    },
    async () => {
      const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
      page.setDefaultTimeout(15_000);
      await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);

      await page.goto(`${env.baseUrl}/budsjett`, { waitUntil: "networkidle" });
      await page
        .getByRole("button", { name: /^Endre rammen for/ })
        .first()
        .click();
      const frame = page.getByLabel("Ramme i kroner");
      await frame.fill("12,5 mill.");
      await frame.blur();
      expect(plain(await frame.inputValue())).toBe("12 500 000");
      await frame.fill("12.5");
      await frame.blur();
      await expect.poll(() => frame.getAttribute("aria-invalid")).toBe("true");
      expect(await accessibilityViolations(page)).toEqual([]);
      await shots(page, "frame-form");

      await page.goto(`${env.baseUrl}/tiltak`, { waitUntil: "networkidle" });
      await page.getByTestId("measures-table").locator("tbody tr a").first().click();
      await page.getByRole("heading", { name: "Registrer forbruk" }).waitFor();
      const spent = page.locator("form[aria-labelledby=spending-form-heading] input").first();
      await spent.fill("1,234");
      await spent.blur();
      await expect.poll(() => spent.getAttribute("aria-invalid")).toBe("true");
      expect(await accessibilityViolations(page)).toEqual([]);
      await shots(page, "spending-form");

      await page.goto(`${env.baseUrl}/innspill`, { waitUntil: "networkidle" });
      const cost = page.getByLabel(/^Kostnad/).first();
      if ((await cost.count()) > 0) {
        await cost.fill("200 000 kr");
        await cost.blur();
        await shots(page, "proposal-form");
      }
    },
  );
});
