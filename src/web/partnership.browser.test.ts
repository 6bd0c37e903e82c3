import path from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { cycles } from "../db/schema/index.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

// Set PLANVERK_SCREENSHOT_DIR to keep a picture of each screen, to look at by eye.
const screenshotDir = process.env.PLANVERK_SCREENSHOT_DIR;
const screenshot = async (page: Page, name: string) => {
  if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
};

describe.skipIf(!browserAvailable)("partners' proposals in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
    // The 2027 rolling takes proposals: its first phase.
    await env.t.database.db.update(cycles).set({ phase: "innspill" }).where(eq(cycles.budgetYear, 2027));
  });
  afterAll(() => env?.close());

  const consoleErrors: string[] = [];
  const signedIn = async (browser: Browser, email: string) => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await signInWithForm(page, env.baseUrl, email, demoPassword);
    return page;
  };

  it("a partner proposes, the planner asks and takes it in as a measure, and the partner sees the outcome", async () => {
    const partner = await signedIn(env.browser, "partner@demo.planverk.no");
    await partner.getByRole("navigation").getByRole("link", { name: "Innspill" }).click();
    await partner.getByRole("heading", { level: 2, name: "Innspill til handlingsplan 2027" }).waitFor();
    expect(await accessibilityViolations(partner)).toEqual([]);

    // Nothing is stored when the title is missing.
    await partner.getByRole("button", { name: "Send innspillet" }).click();
    await partner.getByText("Gi innspillet en tittel.").first().waitFor();

    await partner.getByLabel("Tittel").fill("Talentprogram for teknologibedrifter");
    await partner.getByLabel("Beskrivelse").fill("Studenter fra USN får sommerjobb i bedriftene.");
    await partner.getByLabel("Forventet effekt").fill("Flere kandidater blir i regionen.");
    await partner.getByRole("checkbox", { name: "Universitetet i Sørøst-Norge (USN)" }).check();
    await partner.getByLabel("Kostnad 2027 i kroner").fill("300000");
    await partner.getByLabel("Hvem kan finansiere 2027").fill("Kommunen og bedriftene");
    await partner.getByRole("button", { name: "Send innspillet" }).click();
    await partner.getByText("Innspill 7 er sendt.").waitFor();
    await screenshot(partner, "innspill-1-sendt");

    const planner = await signedIn(env.browser, "planlegger@demo.planverk.no");
    await planner.getByTestId("notifications-link").click();
    await planner.getByRole("link", { name: "Nytt innspill: Talentprogram for teknologibedrifter" }).click();
    await planner.getByRole("heading", { level: 1, name: "Talentprogram for teknologibedrifter" }).waitFor();
    expect(await accessibilityViolations(planner)).toEqual([]);
    await planner.getByLabel("Skriv en kommentar").fill("Hvor mange studenter gjelder det?");
    await planner.getByRole("radio", { name: "Kommunen og partnerne i saken" }).check();
    await planner.getByRole("button", { name: "Send", exact: true }).click();
    await planner.getByText("Hvor mange studenter gjelder det?").waitFor();

    // The partner is told, and answers in the dialogue.
    await partner.goto(`${env.baseUrl}/varsler`, { waitUntil: "networkidle" });
    await partner.getByRole("link", { name: /Kommunen har skrevet til deg om Innspill 7/ }).click();
    await partner.getByRole("button", { name: "Svar" }).first().click();
    await partner.getByLabel(/Svar til/).fill("Ti studenter det første året.");
    await partner.getByRole("button", { name: "Send svar" }).click();
    await partner.getByText("Ti studenter det første året.").waitFor();

    // A rejection needs a reason; then the planner takes it in as a new measure instead.
    await planner.reload({ waitUntil: "networkidle" });
    await planner.getByText("Ti studenter det første året.").waitFor();
    await planner.getByRole("radio", { name: "Avslå" }).check();
    await planner.getByRole("button", { name: "Lagre avgjørelsen" }).click();
    await planner.getByText("Skriv en begrunnelse når innspillet avslås.").waitFor();
    await planner.getByRole("radio", { name: "Ta inn som nytt tiltak" }).check();
    await planner.getByLabel("Begrunnelse (valgfri)").fill("Passer godt under kompetansemålet.");
    await planner.getByRole("button", { name: "Lagre avgjørelsen" }).click();
    const decision = planner.getByTestId("proposal-decision");
    await decision.getByText("Tatt inn.").waitFor();
    const measureLink = decision.getByRole("link", { name: /^T-\d+$/ });
    const reference = (await measureLink.textContent()) ?? "";
    await screenshot(planner, "innspill-2-avgjort");

    // The measure links back to the proposal.
    await measureLink.click();
    await planner.getByRole("heading", { level: 1, name: "Talentprogram for teknologibedrifter" }).waitFor();
    await planner
      .getByTestId("measure-proposals")
      .getByRole("link", { name: /Innspill 7/ })
      .waitFor();

    await partner.goto(`${env.baseUrl}/innspill/7`, { waitUntil: "networkidle" });
    expect(await partner.getByTestId("proposal-status").textContent()).toBe("Tatt inn");
    await partner.getByText("Passer godt under kompetansemålet.").waitFor();
    expect(await partner.getByText("Hvor mange studenter gjelder det?").count()).toBe(1);
    expect(reference).toMatch(/^T-\d+$/);
    expect(await accessibilityViolations(partner)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
