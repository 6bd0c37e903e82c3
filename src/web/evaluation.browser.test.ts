import { mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { createPartnerOfKind, testPassword } from "../../test/factories.ts";
import { municipalities } from "../db/schema/index.ts";
import { demoMunicipality, demoPassword } from "../demo/load-demo-data.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots of each step there to look at. */
const shotsDir = process.env.PLANVERK_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true });
};

async function openPage(browser: Browser, errors: string[]) {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", async (r) => {
    if (r.url().includes("/api/") && r.status() >= 400)
      errors.push(`${r.status()} ${r.url()} ${await r.text()}`);
  });
  return page;
}

describe.skipIf(!browserAvailable)("evaluation rounds in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("a planner opens a round with a business and an academia panelist, both score, the planner sees the result and the split", async () => {
    const db = env.t.database.db;
    const [municipality] = await db
      .select()
      .from(municipalities)
      .where(eq(municipalities.number, demoMunicipality.number));
    if (!municipality) throw new Error("no demo municipality");
    const business = await createPartnerOfKind(db, { municipalityId: municipality.id, kind: "business" });
    const academia = await createPartnerOfKind(db, { municipalityId: municipality.id, kind: "academia" });
    const errors: string[] = [];

    // The planner opens the round.
    const planner = await openPage(env.browser, errors);
    await signInWithForm(planner, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await planner.getByRole("navigation").getByRole("link", { name: "Evaluering" }).click();
    await planner.getByRole("heading", { level: 1, name: "Evalueringer" }).waitFor();
    await planner.getByTestId("evaluation-rounds").waitFor();
    await shot(planner, "01-list");
    await planner.getByRole("button", { name: "Ny evalueringsrunde" }).click();
    const form = planner.getByTestId("evaluation-setup");
    await form.waitFor();
    await form.getByLabel("Tittel").fill("Evaluering av havnetiltak");
    const measureGroup = form.getByRole("group", { name: "Tiltak som skal evalueres" });
    await measureGroup.getByRole("checkbox").nth(1).check();
    await measureGroup.getByRole("checkbox").nth(2).check();
    // The first box is «Velg alle»; the next label is the first measure: "T-001 Title".
    const reference = ((await measureGroup.locator("label").nth(1).textContent()) ?? "").split(" ")[0] ?? "";
    expect(reference).toMatch(/^T-\d+$/);
    // The default criteria are there; the planner adds one and removes another.
    await form.getByLabel("Nytt kriterium").fill("Samarbeid med partnere");
    await form.getByRole("button", { name: "Legg til kriterium" }).click();
    await form.getByRole("button", { name: "Fjern «Kostnadseffektivitet»" }).click();
    const panel = form.getByRole("group", { name: "Panel" });
    await panel.getByLabel(new RegExp(`^${business.user.name} – Næringsliv`)).check();
    await panel.getByLabel(new RegExp(`^${academia.user.name} – Akademia`)).check();
    expect(await accessibilityViolations(planner)).toEqual([]);
    await shot(planner, "02-setup");
    await form.getByRole("button", { name: "Åpne runden" }).click();
    await planner.getByRole("heading", { level: 1, name: "Evaluering av havnetiltak" }).waitFor();
    const roundUrl = planner.url();
    await planner.getByTestId("panel-progress").waitFor();

    // Both panelists score the first measure; the academic cannot assess the effect.
    const score = async (
      who: { email: string },
      values: Record<string, string>,
      recommendation: string,
      comment: string,
    ) => {
      const page = await openPage(env.browser, errors);
      await signInWithForm(page, env.baseUrl, who.email, testPassword);
      await page.getByRole("navigation").getByRole("link", { name: "Evaluering" }).click();
      await page
        .getByTestId("evaluation-tasks")
        .getByRole("link", { name: /Evaluering av havnetiltak/ })
        .click();
      const card = page.getByTestId(`score-${reference}`);
      await card.waitFor();
      for (const [criterion, value] of Object.entries(values))
        await card
          .getByRole("group", { name: criterion })
          .getByRole("radio", { name: value, exact: true })
          .check();
      await card
        .getByRole("group", { name: "Anbefaling for neste år" })
        .getByRole("radio", { name: recommendation })
        .check();
      await card.getByLabel("Kommentar").fill(comment);
      await card.getByRole("button", { name: `Lagre vurderingen av ${reference}` }).click();
      await page
        .getByTestId(`saved-${reference}`)
        .getByText(/^Lagret/)
        .waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      return page;
    };
    const businessPage = await score(
      business.user,
      {
        "Relevans for målene": "5",
        "Effekt så langt": "4",
        Gjennomføring: "4",
        "Samarbeid med partnere": "5",
      },
      "Skalere opp",
      "Bedriftene merker effekten.",
    );
    await shot(businessPage, "03-panelist");
    await score(
      academia.user,
      {
        "Relevans for målene": "3",
        "Effekt så langt": "Kan ikke vurdere",
        Gjennomføring: "2",
        "Samarbeid med partnere": "4",
      },
      "Justere",
      "Mangler måling av effekt.",
    );
    // A panelist sees only their own answers.
    await businessPage.reload();
    await businessPage.getByTestId(`score-${reference}`).waitFor();
    expect(await businessPage.getByText("Mangler måling av effekt.").count()).toBe(0);

    // The planner sees the aggregate and the split.
    await planner.goto(roundUrl);
    const result = planner.getByTestId(`result-${reference}`);
    await result.waitFor();
    await expect.poll(() => result.getByText("Samlet snitt: 3,88").count()).toBe(1);
    const row = result.getByRole("row", { name: /Relevans for målene/ });
    expect(await row.textContent()).toContain("4");
    expect(await result.getByTestId(`split-${reference}-relevans-business`).textContent()).toBe("5 (1)");
    expect(await result.getByTestId(`split-${reference}-relevans-academia`).textContent()).toBe("3 (1)");
    expect(await result.getByTestId(`split-${reference}-effekt-academia`).textContent()).toBe("– (0)");
    expect(await result.getByRole("row", { name: /Effekt så langt/ }).textContent()).toContain("4");
    expect(await result.textContent()).toContain("Skalere opp 1");
    expect(await planner.getByTestId("panel-progress").textContent()).toContain(
      "1 av 2 tiltak ferdig vurdert",
    );
    await result.getByText("Enkeltsvar (bare for planleggere)").click();
    await result.getByText("Mangler måling av effekt.").waitFor();
    expect(await accessibilityViolations(planner)).toEqual([]);
    await shot(planner, "04-results");
    // The anonymity rule is stated beside the results.
    expect(await planner.getByTestId("anonymity-rule").textContent()).toContain("færre enn 3 svar");

    // Closing asks first, and warns that few have answered.
    await planner.getByRole("button", { name: "Lukk runden" }).click();
    const dialog = planner.getByRole("dialog");
    await dialog.getByText("Panelet kan ikke lenger svare.").waitFor();
    await dialog
      .getByTestId("warnings")
      .getByText(/^Bare \d+ av \d+ har svart\.$/)
      .waitFor();
    await dialog.getByRole("button", { name: "Bekreft" }).click();
    await planner.getByRole("button", { name: "Åpne runden igjen" }).waitFor();
    expect(errors).toEqual([]);
  }, 120_000);
});
