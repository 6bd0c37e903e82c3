import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

/** Axe once the dialog's opening animation has finished (mid-fade, text has too little contrast). */
async function settledViolations(page: import("playwright-core").Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  return accessibilityViolations(page);
}

describe.skipIf(!browserAvailable)("deliberate steps and corrections in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("adopts after a confirmation that warns, corrects the case number, and finds the correction in the audit trail", async () => {
    const page = await (await env.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.goto(env.baseUrl, { waitUntil: "networkidle" });
    await page.getByRole("navigation").getByRole("link", { name: "Årshjul" }).click();
    await page.getByRole("heading", { level: 2, name: "Handlingsplan 2027, HØP 2027–2030" }).waitFor();

    // Advancing asks first, and says what happens.
    await page.getByRole("button", { name: "Gå videre til «Vedtak»" }).click();
    const advance = page.getByRole("dialog");
    await advance.getByRole("heading", { name: "Gå videre til «Vedtak»?" }).waitFor();
    await advance.getByText("Rulleringen går fra «Tilpasning» til «Vedtak».").waitFor();
    await advance.getByText("1 innspill er ikke behandlet.").waitFor();
    expect(await settledViolations(page)).toEqual([]);
    // «Avbryt» changes nothing.
    await advance.getByRole("button", { name: "Avbryt" }).click();
    expect(await page.getByTestId("cycle-now").textContent()).toContain("fasen «Tilpasning»");
    await page.getByRole("button", { name: "Gå videre til «Vedtak»" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Bekreft" }).click();
    await page.getByText("Rulleringen er nå i fasen «Vedtak».").waitFor();

    // The decision: the dialog says the plan is locked and warns about the undecided proposal.
    await page.getByLabel("Vedtaksdato").fill("2026-12-15");
    await page.getByLabel("Vedtatt av").fill("Bystyret");
    await page.getByLabel("Saksnummer").fill("sak 123/26");
    await page.getByRole("button", { name: "Registrer vedtak" }).click();
    const adopt = page.getByRole("dialog");
    await adopt.getByText("Handlingsplan 2027 blir låst.").waitFor();
    expect(await adopt.getByTestId("warnings").textContent()).toContain("1 innspill er ikke behandlet.");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Registrere vedtaket av handlingsplan 2027?",
    );
    expect(await settledViolations(page)).toEqual([]);
    await adopt.getByRole("button", { name: "Bekreft" }).click();
    await page.getByText("Vedtaket er registrert. Handlingsplanen for 2027 er vedtatt.").waitFor();
    const versions = page.getByTestId("versions-table");
    await versions.getByText("Vedtatt av Bystyret 15.12.2026, sak 123/26").waitFor();

    // A mistyped case number is corrected, with a reason.
    await versions.getByRole("button", { name: /Rett vedtaket/ }).click();
    const correct = page.getByRole("dialog");
    await correct.getByRole("heading", { name: "Rett vedtaket for Handlingsplan 2027" }).waitFor();
    await correct.getByLabel("Saksnummer").fill("sak 124/26");
    await correct.getByLabel("Begrunnelse").fill("Skrivefeil i saksnummeret");
    expect(await settledViolations(page)).toEqual([]);
    await correct.getByRole("button", { name: "Lagre rettelsen" }).click();
    await versions.getByText("Vedtatt av Bystyret 15.12.2026, sak 124/26").waitFor();
    expect(await settledViolations(page)).toEqual([]);

    // The audit trail (the municipality's administrator) has the correction: before, after and why.
    expect(errors).toEqual([]);
    await page.context().close();
    const admin = await (await env.browser.newContext()).newPage();
    admin.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(admin, env.baseUrl, "admin@demo.planverk.no", demoPassword);
    await admin.goto(`${env.baseUrl}/admin`, { waitUntil: "networkidle" });
    const row = admin.getByRole("row").filter({ hasText: "rettet vedtaket" }).first();
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain("sak 123/26");
    expect(text).toContain("sak 124/26");
    expect(text).toContain("Skrivefeil i saksnummeret");
    expect(await settledViolations(admin)).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);
});
