import { mkdirSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../test/app.ts";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { actionPlanVersions, cycles, municipalities, plans, proposals } from "../db/schema/index.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

/** With PLANVERK_SHOTS=<folder>, each checked screen is left there at 1366 and 390 px wide. */
const shotsDir = process.env.PLANVERK_SHOTS;
async function shots(page: Page, name: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  const size = page.viewportSize() ?? { width: 1366, height: 900 };
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shotsDir}/friction-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(size);
}

async function newPage(browser: Browser, errors: string[]) {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (e) => errors.push(e.message));
  return page;
}

describe.skipIf(!browserAvailable)("everyday work without friction, in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("a measure owner saves a status report draft, leaves, comes back and submits it", async () => {
    const { db } = env.t.database;
    // The planner sets up the 2026 periods and opens 1. tertial (through the API; the status test walks it).
    const [cycle] = await db
      .select({ id: cycles.id })
      .from(cycles)
      .innerJoin(actionPlanVersions, eq(actionPlanVersions.cycleId, cycles.id))
      .where(and(eq(cycles.budgetYear, 2026), eq(actionPlanVersions.status, "adopted")));
    if (!cycle) throw new Error("demo data changed");
    const planner = await signIn(env.t.app, "planlegger@demo.planverk.no", demoPassword);
    const api = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
      env.t.app.inject({ method, url: `/api/municipalities/3301${url}`, headers: planner.headers, payload });
    expect((await api("POST", `/cycles/${cycle.id}/reporting-periods`)).statusCode).toBe(201);
    const t1 = (await api("GET", `/cycles/${cycle.id}/reporting-periods`)).json().periods[0];
    expect(
      (await api("PATCH", `/reporting-periods/${t1.id}`, { version: 1, state: "open" })).statusCode,
    ).toBe(200);

    const errors: string[] = [];
    const owner = await newPage(env.browser, errors);
    await signInWithForm(owner, env.baseUrl, "tiltakseier@demo.planverk.no", demoPassword);
    await owner.goto(`${env.baseUrl}/status`);
    const waiting = owner.getByTestId("waiting");
    const link = waiting.getByRole("link").first();
    const reference = ((await link.textContent()) ?? "").split(" ")[0] ?? "";
    await link.click();
    await owner.getByRole("heading", { level: 2, name: "Rapport per 30.04.2026" }).waitFor();
    // Half written: a deviation not yet explained, nothing about what is done. Saved as a draft.
    await owner.getByLabel("Avvik", { exact: true }).check();
    await owner.getByLabel("Fremdrift (%)").fill("35");
    await owner.getByLabel("Hva kommer videre?").fill("Møte med leverandøren i mai.");
    await owner.getByRole("button", { name: "Lagre utkast" }).click();
    await owner.getByText(/Utkastet er lagret/).waitFor();
    expect(await owner.getByTestId("report-state").textContent()).toBe("Utkast");
    expect(await accessibilityViolations(owner)).toEqual([]);
    await shots(owner, "01-status-draft-saved");

    // Leaves, and comes back: the draft is there, still due, not counted as reported.
    await owner.goto(`${env.baseUrl}/tiltak`);
    await owner.goto(`${env.baseUrl}/status`);
    await owner
      .getByTestId("waiting")
      .getByRole("link", { name: new RegExp(`^${reference} `) })
      .click();
    await owner.getByTestId("draft-note").waitFor();
    expect(await owner.getByLabel("Fremdrift (%)").inputValue()).toBe("35");
    expect(await owner.getByLabel("Hva kommer videre?").inputValue()).toBe("Møte med leverandøren i mai.");
    expect(await owner.getByLabel("Avvik", { exact: true }).isChecked()).toBe(true);
    const before = (await api("GET", `/reporting-periods/${t1.id}`)).json();
    expect(before.completeness.submitted).toBe(0);
    await shots(owner, "02-status-draft-again");

    // «Send inn» needs what a draft may leave out.
    await owner.getByLabel("Forklaring av avviket").fill("Leverandøren er forsinket; ny plan i mai.");
    await owner.getByLabel("Hva er gjort i perioden?").fill("Forprosjektet er ferdig.");
    await owner.getByRole("button", { name: "Send inn" }).click();
    await owner.getByText("Rapporten er sendt til planleggeren.").waitFor();
    await owner.getByTestId("report-state").getByText("Til vurdering").waitFor();
    expect(await owner.getByRole("button", { name: "Lagre utkast" }).count()).toBe(0);
    expect(await accessibilityViolations(owner)).toEqual([]);
    const after = (await api("GET", `/reporting-periods/${t1.id}`)).json();
    expect(after.completeness.submitted).toBe(1);
    expect(errors).toEqual([]);
  }, 120_000);

  it("refuses a weak password with a Norwegian hint, and signs in without a word of an identity provider that is not there", async () => {
    const errors: string[] = [];
    const page = await newPage(env.browser, errors);
    await page.goto(`${env.baseUrl}/logg-inn`, { waitUntil: "networkidle" });
    const signInText = (await page.locator("main").textContent()) ?? "";
    expect(signInText).toContain("Logg inn med e-postadresse og passord.");
    expect(signInText).not.toContain("kommunens innlogging");
    expect(await accessibilityViolations(page)).toEqual([]);
    await shots(page, "03-sign-in");

    await signInWithForm(page, env.baseUrl, "leser@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/konto`);
    await page.getByLabel("Nåværende passord").fill(demoPassword);
    await page.getByLabel("Nytt passord").fill("passord12345");
    await page.getByRole("button", { name: "Bytt passord" }).click();
    await page
      .getByText(/Passordet er for lett å gjette\./)
      .first()
      .waitFor();
    expect(await page.getByText("Passordet er byttet.").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shots(page, "04-weak-password");
    expect(errors).toEqual([]);
  }, 120_000);

  it("a question on a proposal reaches the partner by default; an internal note is chosen and marked", async () => {
    const { db } = env.t.database;
    const [proposal] = await db.select({ number: proposals.number }).from(proposals).limit(1);
    if (!proposal) throw new Error("demo has no proposal");
    const errors: string[] = [];
    const page = await newPage(env.browser, errors);
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/innspill/${proposal.number}`);
    await page.getByLabel("Skriv en kommentar").waitFor();
    expect(await page.getByLabel("Kommunen og partnerne i saken").isChecked()).toBe(true);
    expect(await page.getByTestId("internal-note-warning").count()).toBe(0);
    await page.getByLabel("Bare kommunen (internt notat)").check();
    await page
      .getByTestId("internal-note-warning")
      .getByText("Internt notat – partneren ser ikke dette")
      .waitFor();
    await page.getByLabel("Skriv en kommentar").fill("Sjekk budsjettet før vi svarer.");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page
      .getByTestId("comment")
      .filter({ hasText: "Sjekk budsjettet før vi svarer." })
      .getByText("Internt notat – partneren ser ikke dette")
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shots(page, "05-proposal-dialogue");

    // The measure owner picker: measure owners and planners only.
    await page.goto(`${env.baseUrl}/tiltak/T-001/rediger`);
    const picker = page.getByLabel("Tiltakseier");
    await picker.waitFor();
    const options = await picker.locator("option").allTextContents();
    expect(options.some((o) => o.includes("Tiril Tiltakseier"))).toBe(true);
    expect(options.some((o) => o.includes("Per Planlegger"))).toBe(true);
    for (const name of ["Lise Leser", "Paal Partner", "Ada Admin"])
      expect(
        options.some((o) => o.includes(name)),
        name,
      ).toBe(false);
    await shots(page, "06-measure-form");

    // The public action plan names its case reference once.
    const [plan] = await db
      .select({ id: plans.id })
      .from(plans)
      .innerJoin(municipalities, eq(municipalities.id, plans.municipalityId))
      .where(eq(municipalities.number, "3301"));
    await page.goto(`${env.baseUrl}/kommune/3301/plan/${plan?.id}/2026`);
    const lead = (await page.locator(".lead").first().textContent()) ?? "";
    expect(lead).toContain("(sak 999/25 (eksempel))");
    expect(lead).not.toContain("saksnummer sak");
    await shots(page, "07-public-plan");
    expect(errors).toEqual([]);
  }, 120_000);
});
