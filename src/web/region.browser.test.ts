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
const nbsp = (text: string) => text.replace(/ /g, "\u00a0");

describe.skipIf(!browserAvailable)("the region in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  async function signedIn(email: string) {
    const page = await (await env.browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("response", async (r) => {
      if (r.url().includes("/api/") && r.status() >= 400)
        errors.push(`${r.status()} ${r.url()} ${await r.text()}`);
    });
    await signInWithForm(page, env.baseUrl, email, demoPassword);
    return { page, errors };
  }

  it("Drammen and Lier set up a shared measure, each sees its share, the coordinator sees the overview", async () => {
    // Drammen's planner invites Lier to T-018 (400 000 kr a year, 2027–2029).
    const drammen = await signedIn("planlegger@demo.planverk.no");
    await drammen.page.goto(`${env.baseUrl}/felles-tiltak`, { waitUntil: "networkidle" });
    await drammen.page.getByRole("heading", { level: 1, name: "Felles tiltak" }).waitFor();
    await drammen.page.getByLabel("Tiltak", { exact: true }).selectOption("T-018");
    await drammen.page.getByLabel("Kommune", { exact: true }).selectOption({ label: "Lier" });
    await drammen.page.getByRole("button", { name: "Inviter" }).click();
    await drammen.page.getByText("Lier er invitert.").waitFor();
    expect(await accessibilityViolations(drammen.page)).toEqual([]);
    await shot(drammen.page, "region-01-drammen-invited");

    // Lier's planner sees the invitation and joins with 25 % against Lier's own frame area.
    const lier = await signedIn("lier@demo.planverk.no");
    await lier.page.goto(`${env.baseUrl}/felles-tiltak`, { waitUntil: "networkidle" });
    const invitation = lier.page.getByTestId("invitation");
    await invitation.waitFor();
    expect(await invitation.textContent()).toContain("Drammen inviterer Lier til å være med i T-018");
    expect(await accessibilityViolations(lier.page)).toEqual([]);
    await shot(lier.page, "region-02-lier-invitation");
    await invitation.getByLabel("Vår andel i prosent").fill("25");
    await invitation.getByLabel("Rammeområdet andelen føres mot").selectOption({ label: "Næringsutvikling" });
    await invitation.getByRole("button", { name: "Bli med" }).click();
    await lier.page.getByText("Lier er med i T-018.").waitFor();
    expect(await lier.page.getByTestId("invitation").count()).toBe(0);

    // Lier's plan shows it as a shared measure, with the split; its frame check counts 25 %.
    await lier.page.getByRole("navigation").getByRole("link", { name: "Tiltak" }).click();
    const lierShared = lier.page.getByTestId("shared-measures");
    await lierShared.waitFor();
    const lierSharedText = (await lierShared.textContent()) ?? "";
    expect(lierSharedText).toContain("T-018");
    expect(lierSharedText).toContain("Felles tiltak");
    expect(lierSharedText).toContain("25 %");
    // T-018 is only in Drammen's 2027 draft: Lier's plan in execution shows the split, but no kroner
    // of Drammen's draft (one split rule, the same as Lier's frame check below).
    expect(lierSharedText).not.toContain(nbsp("100 000 kr"));
    expect(await accessibilityViolations(lier.page)).toEqual([]);
    await shot(lier.page, "region-03-lier-measures");
    await lier.page.getByRole("navigation").getByRole("link", { name: "Budsjett" }).click();
    const lierFrameShares = lier.page.getByTestId("shared-frame-shares");
    await lierFrameShares.waitFor();
    const t018 = lierFrameShares.getByRole("row", { name: /T-018/ });
    expect(await t018.textContent()).toContain("25 %");
    // Drammen's 2027 plan (with T-007 and T-018) is still a draft: Lier's frame check counts no share
    // of it until Drammen adopts (a municipality's numbers change only by its own decisions), so it
    // sums Lier's own measures, 450 000 kr in 2027.
    expect(await t018.textContent()).not.toContain(nbsp("100 000 kr"));
    expect(await lier.page.getByTestId("frame-2027").textContent()).toContain(nbsp("450 000 kr"));
    expect(await accessibilityViolations(lier.page)).toEqual([]);
    await shot(lier.page, "region-04-lier-budget");

    // Drammen sees the split in its plan and counts only its 75 % in its frame check.
    await drammen.page.getByRole("navigation").getByRole("link", { name: "Tiltak" }).click();
    await drammen.page.getByTestId("shared-measures").getByText("T-018", { exact: false }).first().waitFor();
    await drammen.page.getByRole("navigation").getByRole("link", { name: "Budsjett" }).click();
    const drammenShares = drammen.page.getByTestId("shared-frame-shares");
    await drammenShares.waitFor();
    const drammenT018 = drammenShares.getByRole("row", { name: /T-018/ });
    expect(await drammenT018.textContent()).toContain("75 %");
    expect(await drammenT018.textContent()).toContain(nbsp("300 000 kr"));
    expect(await accessibilityViolations(drammen.page)).toEqual([]);
    await shot(drammen.page, "region-05-drammen-budget");

    // The regional coordinator sees the overview: both municipalities, both shared measures.
    const coordinator = await signedIn("region@demo.planverk.no");
    await coordinator.page.getByRole("navigation").getByRole("link", { name: "Regionen" }).click();
    await coordinator.page.getByRole("heading", { level: 1, name: "Drammensregionen" }).waitFor();
    const members = (await coordinator.page.getByTestId("region-members").textContent()) ?? "";
    expect(members).toContain("Drammen");
    expect(members).toContain("Lier");
    const sharedSection = coordinator.page.getByTestId("region-shared");
    expect(await sharedSection.getByTestId("shared-measure").count()).toBe(2);
    expect(await sharedSection.textContent()).toContain("T-018");
    expect(await coordinator.page.getByTestId("region-budget").textContent()).toContain("Hele regionen");
    await coordinator.page.getByText(/^Drammen: \d+ tiltak$/).click();
    expect(await accessibilityViolations(coordinator.page)).toEqual([]);
    await shot(coordinator.page, "region-06-coordinator-overview");

    // The same overview arrives as HTML for anyone, before any script runs.
    const html = await (await fetch(`${env.baseUrl}/region`)).text();
    expect(html).toContain("Drammensregionen");
    expect(html).toContain("Budsjett per år");

    for (const { errors } of [drammen, lier, coordinator]) expect(errors).toEqual([]);
  }, 120_000);
});
