import { mkdirSync, readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { createUser, testPassword } from "../../test/factories.ts";
import {
  actionPlanVersions,
  cycles,
  measures,
  measureVersions,
  municipalities,
  users,
} from "../db/schema/index.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots of each step there to look at. */
const shotsDir = process.env.PLANVERK_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/status-${name}.png`, fullPage: true });
};

async function newPage(browser: Browser, errors: string[]) {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (e) => errors.push(e.message));
  return page;
}

describe.skipIf(!browserAvailable)("status reporting in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("two owners report (one with a deviation), the planner returns one, it is corrected and approved, the compiled report shows both and the Word file downloads", async () => {
    const { db } = env.t.database;
    // The demo's measure owner owns measures of the adopted 2026 plan; a second owner gets one more.
    const [drammen] = await db.select().from(municipalities).where(eq(municipalities.number, "3301"));
    if (!drammen) throw new Error("no demo municipality");
    const rows = await db
      .select({ versionId: measureVersions.id, reference: measures.reference, ownerEmail: users.email })
      .from(measureVersions)
      .innerJoin(measures, eq(measures.id, measureVersions.measureId))
      .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
      .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
      .leftJoin(users, eq(users.id, measureVersions.ownerUserId))
      .where(and(eq(cycles.budgetYear, 2026), eq(actionPlanVersions.status, "adopted")));
    rows.sort((a, b) => a.reference.localeCompare(b.reference, "nb", { numeric: true }));
    const ownedByA = rows.filter((r) => r.ownerEmail === "tiltakseier@demo.planverk.no");
    const forB = rows.find((r) => r.ownerEmail !== "tiltakseier@demo.planverk.no");
    const refA = ownedByA[0]?.reference;
    if (!refA || !forB) throw new Error("demo data changed");
    const ownerB = await createUser(db, {
      municipalityId: drammen.id,
      role: "measure_owner",
      email: "eier.to@test.no",
    });
    await db
      .update(measureVersions)
      .set({ ownerUserId: ownerB.id })
      .where(eq(measureVersions.id, forB.versionId));
    const refB = forB.reference;

    const errors: string[] = [];
    // The planner sets up the periods and opens 1. tertial.
    const planner = await newPage(env.browser, errors);
    await signInWithForm(planner, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await planner.getByRole("navigation").getByRole("link", { name: "Status" }).click();
    await planner.getByRole("heading", { level: 1, name: "Statusrapportering" }).waitFor();
    await planner.getByRole("button", { name: /Opprett rapporteringsperioder/ }).click();
    await planner.getByTestId("period-t1").waitFor();
    expect(await planner.getByTestId("period-t1").textContent()).toContain("30.04.2026");
    // Its due date (15 May 2026) has passed with every report missing: marked in words, not colour only.
    expect(await planner.getByTestId("period-t1").getByTestId("overdue").textContent()).toBe("Forfalt");
    await planner.getByRole("button", { name: "Åpne 1. tertial" }).click();
    await planner.getByTestId("period-t1").getByText("Åpen").waitFor();
    await planner.getByTestId("completeness-summary").waitFor();
    expect(await planner.getByTestId("auto-reminder").textContent()).toBe(
      "Påminnelse sendes 3 dager før fristen til tiltakseiere som ikke har rapportert.",
    );
    expect(await accessibilityViolations(planner)).toEqual([]);
    await shot(planner, "01-planner-periods");

    // Owner A reports a deviation from «Venter på deg»; the explanation is required.
    const a = await newPage(env.browser, errors);
    await signInWithForm(a, env.baseUrl, "tiltakseier@demo.planverk.no", demoPassword);
    await a.goto(`${env.baseUrl}/status`);
    const waitingA = a.getByTestId("waiting");
    await waitingA.getByRole("link", { name: new RegExp(`^${refA} `) }).click();
    await a.getByRole("heading", { level: 2, name: "Rapport per 30.04.2026" }).waitFor();
    expect(await accessibilityViolations(a)).toEqual([]);
    await a.getByLabel("Avvik", { exact: true }).check();
    await a.getByLabel("Fremdrift (%)").fill("25");
    await a.getByLabel("Hva er gjort i perioden?").fill("Forprosjektet er ferdig.");
    await a.getByRole("button", { name: "Send rapporten" }).click();
    await a.getByText("Forklar avviket: hva er årsaken, og hva gjøres med det?").first().waitFor();
    await a.getByLabel("Forklaring av avviket").fill("Leverandøren trakk seg; ny konkurranse i mai.");
    await shot(a, "02-owner-a-form");
    await a.getByRole("button", { name: "Send rapporten" }).click();
    await a.getByText("Rapporten er sendt til planleggeren.").waitFor();
    expect(await a.getByTestId("report-state").textContent()).toBe("Til vurdering");

    // Owner B reports on plan.
    const b = await newPage(env.browser, errors);
    await signInWithForm(b, env.baseUrl, "eier.to@test.no", testPassword);
    await b.goto(`${env.baseUrl}/status`);
    await b
      .getByTestId("waiting")
      .getByRole("link", { name: new RegExp(`^${refB} `) })
      .click();
    await b.getByLabel("På plan", { exact: true }).check();
    await b.getByLabel("Fremdrift (%)").fill("40");
    await b.getByLabel("Hva er gjort i perioden?").fill("Tre bedriftsbesøk og ett seminar.");
    await b.getByRole("button", { name: "Send rapporten" }).click();
    await b.getByText("Rapporten er sendt til planleggeren.").waitFor();

    // The planner returns B's report with a comment.
    await planner.goto(`${env.baseUrl}/status`);
    await planner
      .getByTestId("completeness-summary")
      .getByText(/2 til vurdering/)
      .waitFor();
    await shot(planner, "03-planner-completeness");
    await planner.getByRole("link", { name: `Vurder rapporten for ${refB}` }).click();
    await planner.getByRole("heading", { name: "Vurdering" }).waitFor();
    await planner.getByRole("button", { name: "Send tilbake til retting" }).click();
    await planner.getByText("Skriv hva tiltakseieren må rette.").first().waitFor();
    await planner.getByLabel("Kommentar til tiltakseieren").fill("Tallene for forbruk mangler.");
    await planner.getByRole("button", { name: "Send tilbake til retting" }).click();
    await planner.getByTestId("report-state").getByText("Sendt tilbake").waitFor();
    expect(await accessibilityViolations(planner)).toEqual([]);

    // B sees it returned, corrects and resubmits.
    await b.goto(`${env.baseUrl}/status`);
    const waitingB = b.getByTestId("waiting");
    await waitingB.getByText("Sendt tilbake til retting: «Tallene for forbruk mangler.»").waitFor();
    await waitingB.getByRole("link", { name: new RegExp(`^${refB} `) }).click();
    await b.getByTestId("returned-comment").waitFor();
    await b
      .getByLabel("Hva er gjort i perioden?")
      .fill("Tre bedriftsbesøk og ett seminar; forbruket er ført.");
    await shot(b, "04-owner-b-returned");
    await b.getByRole("button", { name: "Send rettet rapport" }).click();
    await b.getByText("Rapporten er sendt til planleggeren.").waitFor();

    // The planner approves both.
    for (const ref of [refB, refA]) {
      await planner.goto(`${env.baseUrl}/status`);
      await planner.getByRole("link", { name: `Vurder rapporten for ${ref}` }).click();
      await planner.getByRole("button", { name: "Godkjenn rapporten" }).click();
      await planner.getByTestId("report-state").getByText("Godkjent").waitFor();
    }
    const history = await planner.getByTestId("report-history").textContent();
    expect(history).toContain("Godkjent");
    await planner.goto(
      `${env.baseUrl}/status/${new URL(planner.url()).pathname.split("/")[2]}/${encodeURIComponent(refB)}`,
    );
    const historyB = (await planner.getByTestId("report-history").textContent()) ?? "";
    expect(historyB.match(/Sendt inn/g)?.length).toBe(2);
    expect(historyB).toContain("«Tallene for forbruk mangler.»");
    await shot(planner, "05-approved");

    // The measure shows the approved status with its date.
    await planner.goto(`${env.baseUrl}/tiltak/${refA}`);
    await planner
      .getByTestId("status-as-of")
      .getByText("Status per 30.04.2026, fra godkjent statusrapport")
      .waitFor();

    // The compiled report shows both, the deviation first, and the Word file downloads.
    await planner.goto(`${env.baseUrl}/status`);
    await planner.getByRole("link", { name: "Se samlet rapport for 1. tertial" }).click();
    await planner.getByRole("heading", { level: 1, name: "Statusrapport 1. tertial 2026" }).waitFor();
    expect(await planner.getByTestId("deviations").textContent()).toContain(
      "Leverandøren trakk seg; ny konkurranse i mai.",
    );
    expect(await planner.getByTestId(`compiled-${refA}`).textContent()).toContain("Avvik");
    expect(await planner.getByTestId(`compiled-${refB}`).textContent()).toContain("På plan");
    expect(await accessibilityViolations(planner)).toEqual([]);
    await shot(planner, "06-compiled");
    const [download] = await Promise.all([
      planner.waitForEvent("download"),
      planner.getByRole("link", { name: "Word-dokument (til saken)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("statusrapport-t1-2026.docx");
    const file = await download.path();
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")?.async("string");
    expect(xml).toContain("Statusrapport 1. tertial 2026");
    expect(xml).toContain("Leverandøren trakk seg; ny konkurranse i mai.");
    expect(xml).toContain(refB);
    expect(errors).toEqual([]);
  }, 240_000);
});
