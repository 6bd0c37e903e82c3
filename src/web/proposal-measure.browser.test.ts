import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../test/app.ts";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { demoPassword } from "../demo/load-demo-data.ts";
import type { ProposalDetailResponse } from "../http/routes/proposals.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots of each step there to look at. */
const shotsDir = process.env.PLANVERK_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true });
};

describe.skipIf(!browserAvailable)("a partner's proposal list in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("links the measure of a decided proposal only when the partner may open it", async () => {
    // The planner takes the partner's open proposal (Innspill 4) in as a new measure in the 2027 draft.
    const planner = await signIn(env.t.app, "planlegger@demo.planverk.no", demoPassword);
    const api = "/api/municipalities/3301";
    const four = (
      await env.t.app.inject({ method: "GET", url: `${api}/proposals/4`, headers: planner.headers })
    ).json() as ProposalDetailResponse;
    expect(four.status).toBe("submitted");
    const decided = await env.t.app.inject({
      method: "POST",
      url: `${api}/proposals/4/decision`,
      headers: planner.headers,
      payload: {
        version: four.version,
        decision: { outcome: "accept_new", focusAreaId: four.choices?.focusAreas[0]?.id },
      },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const draftReference = decided.json().measureReference as string;

    const page = await (await env.browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await signInWithForm(page, env.baseUrl, "partner@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/innspill`, { waitUntil: "networkidle" });
    const row = (title: string) => page.getByRole("row").filter({ hasText: title });
    // The draft measure: its reference as text, with the hint, and no link to a page that is not there.
    const draftRow = row("Grønn omstilling i små bedrifter");
    await draftRow.waitFor();
    expect(await draftRow.textContent()).toContain(`${draftReference} (utkast, ikke publisert ennå)`);
    expect(await draftRow.getByRole("link", { name: draftReference }).count()).toBe(0);
    // The proposal taken into the adopted 2026 plan links its measure, and the page opens.
    const adoptedLink = row("Næringsvennlig saksbehandling").getByRole("link", { name: /^T-\d{3}$/ });
    expect(await adoptedLink.count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "proposals-partner-draft-measure");
    await adoptedLink.click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/tiltak\/T-\d{3}$/);
    expect(await page.getByText("Fant ikke").count()).toBe(0);
  }, 60_000);
});
