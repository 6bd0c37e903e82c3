import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { regionDemoShared } from "../demo/data/region.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots of each step there to look at. */
const shotsDir = process.env.PLANVERK_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true });
};
const nbsp = (text: string) => text.replace(/ /g, "\u00a0");

describe.skipIf(!browserAvailable)("a shared measure on its measure page, in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("shows «Felles tiltak»: the owner, Lier with its share and status, and each one's cost per year", async () => {
    const page = await (await env.browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/tiltak/${regionDemoShared.reference}`, { waitUntil: "networkidle" });
    const section = page.getByTestId("measure-shared");
    await section.waitFor();
    await section.getByRole("heading", { level: 2, name: "Felles tiltak" }).waitFor();
    expect(await section.textContent()).toContain("Drammen eier tiltaket");
    const rows = await section.getByRole("row").allTextContents();
    // 400 000 kr a year, Lier 30 %: Lier 120 000, Drammen 280 000, every year of the measure.
    const drammen = rows.find((r) => r.startsWith("Drammen"));
    const lier = rows.find((r) => r.startsWith("Lier"));
    expect(drammen).toContain("(eier)");
    expect(drammen).toContain("70 %");
    expect(drammen).toContain(nbsp("280 000 kr"));
    expect(lier).toContain("(deltar)");
    expect(lier).toContain(`${regionDemoShared.lierPercent} %`);
    expect(lier).toContain(nbsp("120 000 kr"));
    expect(rows.at(-1)).toContain(nbsp("400 000 kr"));
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "measure-shared-T-007");

    // A measure nobody shares has no such section.
    await page.goto(`${env.baseUrl}/tiltak/T-001`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByTestId("measure-shared").count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
