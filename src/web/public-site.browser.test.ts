import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, browserAvailable, startAppInBrowser } from "../../test/browser.ts";
import { createMunicipality, createPublishedPlan } from "../../test/factories.ts";
import { measures } from "../db/schema/index.ts";

describe.skipIf(!browserAvailable)("the public pages for an anonymous visitor in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  let nr: string;
  let data: Awaited<ReturnType<typeof createPublishedPlan>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
    const { db } = env.t.database;
    const municipality = await createMunicipality(db, { name: "Testby" });
    nr = municipality.number;
    data = await createPublishedPlan(db, { municipalityId: municipality.id });
    await db
      .update(measures)
      .set({ status: "in_progress", progress: 40 })
      .where(eq(measures.id, data.adopted.measure.id));
  });
  afterAll(() => env?.close());

  it("goes plan → focus area → measure → status history by keyboard and links, with no axe violations", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    await page.goto(`${env.baseUrl}/kommune/${nr}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("nb");
    await page.getByRole("heading", { level: 1, name: "Planer i Testby kommune" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The first Tab reaches the skip link, visibly; it leads to the main content.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hopp til hovedinnholdet" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);

    await page.getByRole("link", { name: "Næringsplan for Testby" }).click();
    await page.getByRole("heading", { level: 1, name: "Handlingsplan 2026" }).waitFor();
    expect(await page.title()).toBe("Næringsplan for Testby: Handlingsplan 2026 – Testby kommune");
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toContain(
      "Handlingsplan 2026",
    );
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toContain("1 tiltak");
    await expect.poll(() => page.getByText("Hemmelig utkast").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Grønn næring" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Grønn næring" }).waitFor();
    const row = page.getByRole("row", { name: /Solceller på næringsbygg/ });
    expect(await row.textContent()).toContain("Pågår");
    expect(await row.textContent()).toContain("40 %");
    expect(await row.textContent()).toContain("1\u00a0250\u00a0000\u00a0kr");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Reach the measure by keyboard: focus its link and press Enter.
    await page.getByRole("link", { name: "Solceller på næringsbygg" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Solceller på næringsbygg" }).waitFor();
    const chain = page.getByRole("navigation", { name: "Sammenheng" });
    expect(await chain.textContent()).toContain("Grønn næring");
    expect(await page.locator("dl.chain").textContent()).toContain("Flere arbeidsplasser i regionen");
    expect(await page.getByRole("table", { name: /Kostnader per år for/ }).textContent()).toContain(
      "500\u00a0000\u00a0kr",
    );
    const history = page.getByTestId("status-history");
    expect(await history.getByRole("heading", { name: "Statushistorikk" }).count()).toBe(1);
    expect(await history.textContent()).toContain("Ingen godkjente statusrapporter ennå");
    expect(await accessibilityViolations(page)).toEqual([]);

    // A print of the measure leaves out the site's header, search and footer.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.getByRole("heading", { level: 1 }).isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });

    // No script was loaded on any public page.
    expect(scripts).toEqual([]);
    await context.close();
  });

  it("answers 404 for a draft measure, without showing it", async () => {
    const page = await (await env.browser.newContext()).newPage();
    const response = await page.goto(`${env.baseUrl}/kommune/${nr}/tiltak/${data.draft.measure.reference}`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Fant ikke siden" }).waitFor();
    expect(await page.getByText("Hemmelig utkast").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    const draftYear = await page.goto(`${env.baseUrl}/kommune/${nr}/plan/${data.plan.id}/2027`);
    expect(draftYear?.status()).toBe(404);
  });

  it("searches in Norwegian and links to the measure", async () => {
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(`${env.baseUrl}/kommune/${nr}`);
    await page.getByLabel("Søk i planene").fill("SOLCELLER næring");
    await page.getByRole("button", { name: "Søk" }).click();
    await page.getByRole("heading", { level: 1, name: "Søk" }).waitFor();
    expect(await page.getByRole("status").textContent()).toBe("1 treff for «SOLCELLER næring»");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: /Solceller på næringsbygg/ }).click();
    await page.getByRole("heading", { level: 1, name: "Solceller på næringsbygg" }).waitFor();
    await page.goto(`${env.baseUrl}/kommune/${nr}/sok?q=utkast`);
    expect(await page.getByRole("status").textContent()).toContain("Ingen treff");
  });

  it("switches language with the right lang attribute", async () => {
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(`${env.baseUrl}/kommune/${nr}/tiltak/${data.adopted.measure.reference}`);
    await page.getByRole("link", { name: "Nynorsk" }).click();
    await page.getByRole("heading", { name: "Statushistorikk" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nn");
    expect(await page.getByRole("navigation", { name: "Samanheng" }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The choice is remembered on the next page.
    await page
      .getByRole("link", { name: /Handlingsplan 2026/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "Handlingsplan 2026" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nn");
    await page.getByRole("link", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Action plan 2026" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows the content with JavaScript turned off", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/kommune/${nr}/plan/${data.plan.id}/2026`);
    expect(await page.locator("main").textContent()).toContain("Grønn næring");
    expect(await page.locator("main").textContent()).toContain("Flere arbeidsplasser i regionen");
    await page.goto(
      `${env.baseUrl}/kommune/${nr}/plan/${data.plan.id}/2026/satsingsomrade/${data.focusArea.id}`,
    );
    expect(await page.locator("main").textContent()).toContain("Solceller på næringsbygg");
    await page.goto(`${env.baseUrl}/kommune/${nr}/tiltak/${data.adopted.measure.reference}`);
    const main = await page.locator("main").textContent();
    expect(main).toContain("Solceller på næringsbygg");
    expect(main).toContain("Pågår");
    expect(main).toContain("Statushistorikk");
    await context.close();
  });
});
