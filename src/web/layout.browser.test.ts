import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../test/app.ts";
import {
  accessibilityViolations,
  browserAvailable,
  launchBrowser,
  signInWithForm,
} from "../../test/browser.ts";
import { systemContext } from "../../test/factories.ts";
import { demoPassword, loadDemoDataIfEmpty } from "../demo/load-demo-data.ts";

describe.skipIf(!browserAvailable)("the signed-in app on a phone (390 px)", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp({ web: true });
    await loadDemoDataIfEmpty({ ctx: systemContext(t.database.db) });
    baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await signInWithForm(page, baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.setViewportSize({ width: 390, height: 844 });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

  it("fits the front page and the measures without sideways scrolling", async () => {
    for (const url of ["/", "/tiltak"]) {
      await page.goto(`${baseUrl}${url}`, { waitUntil: "networkidle" });
      expect(await pageWidth(), url).toBeLessThanOrEqual(390);
    }
  });

  it("folds the menu behind a button that opens and closes it by keyboard", async () => {
    await page.goto(baseUrl, { waitUntil: "networkidle" });
    await page.waitForFunction(() => document.documentElement.dataset.hydrated);
    const button = page.getByRole("button", { name: "Meny" });
    const menu = page.getByRole("navigation", { name: "Hovedmeny" });
    await expect(button.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(menu.isVisible()).resolves.toBe(false);

    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
    await menu.getByRole("link", { name: "Tiltak" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.keyboard.press("Escape");
    await expect(button.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("pv-menu-button");

    // Following a link in the menu closes it.
    await button.click();
    await menu.getByRole("link", { name: "Tiltak" }).click();
    await page.waitForURL(`${baseUrl}/tiltak`);
    // The page's chunk may still be loading; the menu closes when the new page renders.
    await page.getByRole("heading", { level: 1, name: /^Tiltak i handlingsplan/ }).waitFor();
    await page.locator('#pv-menu-button[aria-expanded="false"]').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(390);
  });
});
