import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../test/app.ts";
import { accessibilityViolations, browserAvailable, launchBrowser } from "../../test/browser.ts";
import { systemContext } from "../../test/factories.ts";
import { loadDemoDataIfEmpty } from "../demo/load-demo-data.ts";

describe.skipIf(!browserAvailable)("the web app in Chromium", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ web: true });
    await loadDemoDataIfEmpty({ ctx: systemContext(t.database.db) });
    baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows the plan tree with the municipality's name, without accessibility violations", async () => {
    await page.goto(baseUrl, { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(
      "Strategisk næringsplan",
    );
    await expect(page.getByTestId("municipality-name").textContent()).resolves.toBe("Drammen kommune");
    const tree = page.getByTestId("plan-tree");
    await expect(tree.getByRole("heading", { level: 3 }).allTextContents()).resolves.toEqual([
      "Drammen skal være et næringssentrum",
      "Norges grønneste kommune",
      "Det foretrukne regionssenteret nasjonalt",
    ]);
    await expect(tree.getByText("Eksempel").count()).resolves.toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("navigates to the measures without reloading the page", async () => {
    await page.evaluate(() => {
      (window as unknown as { marker: boolean }).marker = true;
    });
    await page.getByRole("navigation").getByRole("link", { name: "Tiltak" }).click();
    await page.waitForURL(`${baseUrl}/tiltak`);
    // The heading names the action plan shown (by default the one in execution).
    await page.getByRole("heading", { level: 1, name: /^Tiltak i handlingsplan \d{4}$/ }).waitFor();
    await page.getByTestId("measures-table").waitFor();
    await expect(
      page.getByTestId("measures-table").locator("tbody tr").count(),
    ).resolves.toBeGreaterThanOrEqual(5);
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("switches language and remembers the choice", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: /^Measures in action plan \d{4}$/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.reload({ waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: /^Measures in action plan \d{4}$/ }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "The plan" }).click();
    await page.getByRole("heading", { level: 2, name: "From societal goals to measures" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Nynorsk" }).click();
    await page.getByRole("heading", { level: 2, name: "Frå samfunnsmål til tiltak" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Bokmål" }).click();
    await page.getByRole("heading", { level: 2, name: "Fra samfunnsmål til tiltak" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("nb");
  });

  it("shows a helpful page for an unknown address", async () => {
    const response = await page.goto(`${baseUrl}/finnes-ikke`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Fant ikke siden" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("hydrated every page without errors in the console", () => {
    expect(consoleErrors.filter((e) => !e.includes("404"))).toEqual([]);
  });
});
