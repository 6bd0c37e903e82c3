import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

describe.skipIf(!browserAvailable)("a planner keeps the plan in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("creates a focus area and a measure with a partner, finds it by search and filter, and sees the roll-up change", {
    timeout: 120_000,
  }, async () => {
    const page = await (await env.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);

    // A new focus area, serving the first goal.
    await page.goto(`${env.baseUrl}/plan/struktur`, { waitUntil: "networkidle" });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Nytt satsingsområde").fill("Digital næring i Drammen");
    await page.getByRole("button", { name: "Legg til" }).last().click();
    const item = page.locator(".pv-structure-item", { hasText: "Digital næring i Drammen" });
    await item.waitFor();
    // The box is ticked once the server has saved the link.
    const serves = item.getByLabel("Drammen skal være et næringssentrum");
    await serves.click();
    await expect.poll(() => serves.isChecked()).toBe(true);

    // A measure in it, with a partner from business.
    await page.goto(`${env.baseUrl}/tiltak/nytt`, { waitUntil: "networkidle" });
    await page.getByLabel("Tiltak", { exact: true }).fill("Kodeklubb for småbedrifter");
    await page.getByLabel("Satsingsområde").selectOption({ label: "Digital næring i Drammen" });
    await page.getByLabel("Drammen skal være et næringssentrum").check();
    await page
      .getByLabel("Beskrivelse")
      .fill("Kurs i digitale verktøy for små bedrifter.\n\nSammen med næringslivet.");
    await page.getByRole("button", { name: "Legg til partner" }).click();
    await page.getByLabel("Partner 1").selectOption({ label: "Næringsforeningen i Drammensregionen" });
    await page.getByLabel("Rolle").selectOption("lead");
    await page.getByLabel("Stikkord").fill("digital, kurs");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Lagre" }).click();
    await page.getByRole("heading", { level: 1, name: "Kodeklubb for småbedrifter" }).waitFor();
    const reference = (await page.locator(".pv-eyebrow").first().textContent())?.split(" · ")[0] ?? "";
    expect(reference).toMatch(/^T-\d{3}$/);
    expect(await page.getByText("Næringsforeningen i Drammensregionen").count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Found by search (lower case, part of a partner's name) and by filter.
    // The new measure is in the 2027 draft; the views show the plan in execution unless the address names 2027.
    await page.goto(`${env.baseUrl}/tiltak?aar=2027`, { waitUntil: "networkidle" });
    await page.getByLabel("Søk i tiltakene").fill("kodeklubb næringsforen");
    const rows = page.getByTestId("measures-table").locator("tbody tr");
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=measures-table] tbody tr").length === 1,
    );
    expect(await rows.first().textContent()).toContain("Kodeklubb for småbedrifter");
    await page.getByLabel("Søk i tiltakene").fill("");
    await page
      .getByLabel("Satsingsområde", { exact: true })
      .selectOption({ label: "Digital næring i Drammen" });
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=measures-table] tbody tr").length === 1,
    );
    await page.getByLabel("Stikkord").selectOption("kurs");
    await expect.poll(() => page.url()).toContain("tag=kurs");
    expect(page.url()).toContain("focusAreaId=");
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=measures-table] tbody tr").length === 1,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // The roll-up of the new focus area follows the measure's progress.
    const focusArea = () => page.locator(".pv-focus-area", { hasText: "Digital næring i Drammen" }).first();
    await page.goto(`${env.baseUrl}/?aar=2027`, { waitUntil: "networkidle" });
    expect(await focusArea().getByTestId("rollup").textContent()).toContain("Fremdrift 0 %");
    await page.goto(`${env.baseUrl}/tiltak/${reference}`, { waitUntil: "networkidle" });
    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("in_progress");
    await page.getByLabel("Fremdrift (%)").fill("60");
    await page
      .locator("form", { has: page.getByRole("heading", { name: "Oppdater status" }) })
      .getByRole("button", { name: "Lagre" })
      .click();
    await page.getByText("Lagret.").waitFor();
    await page.goto(`${env.baseUrl}/?aar=2027`, { waitUntil: "networkidle" });
    expect(await focusArea().getByTestId("rollup").textContent()).toContain("Fremdrift 60 %");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
