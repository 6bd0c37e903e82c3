import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../test/app.ts";
import { accessibilityViolations, browserAvailable, launchBrowser } from "../../test/browser.ts";
import { createUser, testPassword } from "../../test/factories.ts";

describe.skipIf(!browserAvailable)("two-step sign-in in Chromium", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let baseUrl: string;
  beforeAll(async () => {
    // The installation requires a second factor of admins and planners.
    t = await createTestApp({ web: true, env: { PLANVERK_REQUIRE_2FA_ROLES: "admin,planner" } });
    baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("an admin is sent to set it up, turns it on, signs out, signs in with a code and sees the sessions", async () => {
    const admin = await createUser(t.database.db, { role: "admin" });
    const page = await (await browser.newContext({ locale: "nb-NO" })).newPage();

    await page.goto(`${baseUrl}/logg-inn`, { waitUntil: "networkidle" });
    await page.getByLabel("E-postadresse").fill(admin.email);
    await page.getByLabel("Passord").fill(testPassword);
    await page.getByRole("button", { name: "Logg inn" }).click();
    // Straight to the account page, and nothing else is open until it is set up.
    await page.getByText("Kommunen krever totrinnsinnlogging for rollen din").waitFor();
    expect(new URL(page.url()).pathname).toBe("/konto");
    const elsewhere = await page.goto(`${baseUrl}/tiltak`, { waitUntil: "networkidle" });
    expect(new URL(elsewhere?.url() ?? "").pathname).toBe("/konto");

    await page.getByRole("button", { name: "Slå på totrinnsinnlogging" }).click();
    await page.getByRole("img", { name: /QR-kode/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    await page.getByLabel("Engangskode fra appen").fill("000000");
    await page.getByRole("button", { name: "Bekreft og slå på" }).click();
    await page.getByText("Koden stemmer ikke.").waitFor();
    await page.getByLabel("Engangskode fra appen").fill(totp.generate());
    await page.getByRole("button", { name: "Bekreft og slå på" }).click();
    const codes = page.getByTestId("recovery-codes").getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Jeg har tatt vare på kodene" }).click();
    await page.getByText(/Totrinnsinnlogging er på\. Du har 10 ubrukte/).waitFor();

    await page.getByRole("button", { name: "Logg ut" }).click();
    await page.getByTestId("sign-in-link").waitFor();

    await page.goto(`${baseUrl}/logg-inn?til=/konto`, { waitUntil: "networkidle" });
    await page.getByLabel("E-postadresse").fill(admin.email);
    await page.getByLabel("Passord").fill(testPassword);
    await page.getByRole("button", { name: "Logg inn" }).click();
    const codeField = page.getByLabel("Engangskode eller gjenopprettingskode");
    await codeField.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The code of the next time step: the one used to turn it on is spent.
    await codeField.fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await page.getByTestId("signed-in-as").waitFor();

    await page.waitForURL(`${baseUrl}/konto`);
    const table = page.getByRole("table", { name: "Innloggede økter" });
    await table.waitFor();
    const row = table.getByRole("row").filter({ hasText: "Denne økten" });
    await expect.poll(() => row.textContent()).toMatch(/Chrome på Linux/);
    expect(await table.getByRole("columnheader", { name: "Sist brukt" }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
