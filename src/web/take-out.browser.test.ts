import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots of each step there to look at. */
const shotsDir = process.env.PLANVERK_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true });
};
const kroner = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));
const settled = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));

describe.skipIf(!browserAvailable)(
  "taking measures out of the draft and putting them back, in Chromium",
  () => {
    let env: Awaited<ReturnType<typeof startAppInBrowser>>;
    beforeAll(async () => {
      env = await startAppInBrowser();
    });
    afterAll(() => env?.close());

    it("a planner applies a prioritisation, puts a dropped measure back with its number, applies again and undoes it in one step", async () => {
      const page = await (await env.browser.newContext()).newPage();
      const errors: string[] = [];
      page.setDefaultTimeout(15_000);
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("response", async (r) => {
        if (r.url().includes("/api/") && r.status() >= 400)
          errors.push(`${r.status()} ${r.url()} ${await r.text()}`);
      });
      await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
      await page.getByRole("navigation").getByRole("link", { name: "Budsjett" }).click();
      await page.getByRole("heading", { level: 1, name: "Budsjett og prioritering" }).waitFor();
      await page.getByTestId("within-frames").waitFor();
      const rows = page.getByTestId("priority-table").locator("tbody tr");
      const all = await rows.count();

      // Cut 2028 so something must go.
      const row2028 = page.getByTestId("frame-2028");
      const sum2028 = kroner(await row2028.locator("td").nth(2).textContent());
      await row2028.getByRole("button", { name: "Endre rammen for 2028 Næringsutvikling – drift" }).click();
      await page.getByLabel("Ramme i kroner").fill(String(sum2028 - 1_000_000));
      await page.getByRole("button", { name: "Lagre rammen" }).click();
      await page.getByTestId("overruns").waitFor();

      const propose = async () => {
        await page.getByRole("button", { name: "Foreslå prioritering" }).click();
        const current = page.getByTestId("proposal-current");
        await current.getByTestId("dropped").waitFor();
        const references = (await current.getByTestId("dropped").locator("tbody tr th").allTextContents())
          .map((text) => /T-\d+/.exec(text)?.[0] ?? "")
          .filter(Boolean);
        expect(await page.getByTestId("value-rule").textContent()).toContain("Verdien er prioriteten");
        await current.getByRole("button", { name: "Bruk forslaget" }).click();
        const dialog = page.getByTestId("apply-dialog");
        await dialog.getByRole("button", { name: "Ja, ta dem ut" }).click();
        await page.getByText("Handlingsplanen er nå innenfor rammene.").waitFor();
        return references;
      };
      const dropped = await propose();
      expect(dropped.length).toBeGreaterThan(0);
      expect(await rows.count()).toBe(all - dropped.length);

      // Listed under «Tatt ut av forslaget», by whom, how and why.
      const removed = page.getByTestId("removed-measures");
      await removed.getByRole("heading", { name: "Tatt ut av forslaget" }).waitFor();
      const first = dropped[0] as string;
      const listed = removed.getByTestId(`removed-${first}`);
      await listed.waitFor();
      const listedText = (await listed.textContent()) ?? "";
      expect(listedText).toContain("Ved prioritering");
      expect(listedText).toContain("Gir for lite verdi");
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, "01-removed");

      // «Sett inn igjen» brings it back with its number.
      await listed.getByRole("button", { name: new RegExp(`Sett inn igjen ${first}`) }).click();
      await page.getByText(`${first} er satt inn igjen i utkastet.`).waitFor();
      await page.getByTestId(`priority-${first}`).waitFor();
      expect(await rows.count()).toBe(all - dropped.length + 1);
      expect(await removed.getByTestId(`removed-${first}`).count()).toBe(0);

      // Applied again (the put-back measure goes again), and undone in one step.
      const droppedAgain = await propose();
      expect(droppedAgain).toContain(first);
      const undo = page.getByRole("button", {
        name: new RegExp(`^Angre prioriteringen fra [0-9.]+ \\(${droppedAgain.join(", ")}\\)$`),
      });
      await undo.waitFor();
      await undo.click();
      const dialog = page.getByTestId("undo-dialog");
      await dialog.getByRole("heading", { name: "Angre prioriteringen?" }).waitFor();
      await settled(page);
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, "02-undo-confirm");
      await dialog.getByRole("button", { name: "Angre prioriteringen" }).click();
      await page.getByText(/Prioriteringen er angret/).waitFor();
      // The first application's others stay out; the second one is wholly undone.
      const stillOut = dropped.filter((r) => r !== first && !droppedAgain.includes(r));
      await page.waitForFunction(
        (expected) => document.querySelectorAll("[data-testid=priority-table] tbody tr").length === expected,
        all - stillOut.length,
      );
      for (const reference of droppedAgain) await page.getByTestId(`priority-${reference}`).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, "03-undone");
      expect(errors).toEqual([]);
    }, 90_000);

    it("a planner takes a measure out by hand with a reason, and puts it back from the measures page", async () => {
      const page = await (await env.browser.newContext()).newPage();
      page.setDefaultTimeout(15_000);
      await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
      await page.goto(`${env.baseUrl}/tiltak`, { waitUntil: "networkidle" });
      // The measures page shows the plan in execution; the planner switches to the draft under work.
      await page
        .getByTestId("plan-year-switcher")
        .getByRole("link", { name: /^Under arbeid: Handlingsplan \d{4}/ })
        .click();
      await page.waitForURL(/\/tiltak\?aar=\d{4}$/);
      const draftYear = new URL(page.url()).searchParams.get("aar");
      await page.getByRole("heading", { level: 1, name: `Tiltak i handlingsplan ${draftYear}` }).waitFor();
      // Until the draft's list has come, the table shows the previous one, marked busy.
      await page.locator("[data-testid=measures-table]:not([aria-busy])").waitFor();
      const last = page.getByTestId("measures-table").locator("tbody tr").last();
      const reference = (await last.locator("td").first().textContent()) ?? "";
      expect(reference).toMatch(/^T-\d+$/);
      await last.getByRole("link").first().click();
      await page.waitForURL(`${env.baseUrl}/tiltak/${reference}?aar=${draftYear}`).catch((e) => {
        throw new Error(`${e}\nURL ${page.url()}`);
      });
      await page
        .getByRole("button", { name: "Ta ut av forslaget" })
        .click()
        .catch(async (e) => {
          throw new Error(`${e}\n${await page.locator("main").textContent()}`);
        });
      const dialog = page.getByTestId("take-out-dialog");
      await dialog.getByRole("heading", { name: `Ta ${reference} ut av forslaget?` }).waitFor();
      await dialog.getByRole("button", { name: "Ta ut av forslaget" }).click();
      await dialog.getByText("Skriv hvorfor tiltaket tas ut.").waitFor();
      await settled(page);
      expect(await accessibilityViolations(page)).toEqual([]);
      await dialog.getByLabel("Hvorfor tas tiltaket ut?").fill("Slås sammen med T-003");
      await shot(page, "04-take-out");
      await dialog.getByRole("button", { name: "Ta ut av forslaget" }).click();
      // Back on the measures of the same draft, where the measure is listed as taken out.
      await page.waitForURL(`${env.baseUrl}/tiltak?aar=${draftYear}`);
      await page.getByRole("heading", { level: 1, name: `Tiltak i handlingsplan ${draftYear}` }).waitFor();
      const listed = page.getByTestId(`removed-${reference}`);
      await listed.waitFor();
      expect(await listed.textContent()).toContain("Slås sammen med T-003");
      expect(await listed.textContent()).toContain("For hånd");
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, "05-measures-page");
      await listed.getByRole("button", { name: new RegExp(`Sett inn igjen ${reference}`) }).click();
      await page.getByText(`${reference} er satt inn igjen i utkastet.`).waitFor();
      await page.getByTestId("measures-table").getByRole("link", { name: /./ }).first().waitFor();
      expect(await page.getByTestId("measures-table").textContent()).toContain(reference);
    }, 90_000);
  },
);
