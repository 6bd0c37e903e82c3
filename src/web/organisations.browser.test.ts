import path from "node:path";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { createMunicipality, createUser, testPassword } from "../../test/factories.ts";
import { measureVersionPartners, measureVersions, partnerOrganisations } from "../db/schema/index.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

// Set PLANVERK_SCREENSHOT_DIR to keep a picture of each screen, to look at by eye.
const screenshotDir = process.env.PLANVERK_SCREENSHOT_DIR;
const screenshot = async (page: Page, name: string) => {
  if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
};

describe.skipIf(!browserAvailable)("partner organisations in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  // Script errors and React's hydration warnings; refused requests (400, 409) are expected here.
  const consoleErrors: string[] = [];
  const newPage = async () => {
    const page = await (await env.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    // Fail at the step that went wrong, well before the test's own time limit.
    page.setDefaultTimeout(15_000);
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
        consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    return page;
  };

  it("a planner registers a partner with a contact, finds it by searching, and its page shows it", async () => {
    const page = await newPage();
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.goto(env.baseUrl, { waitUntil: "networkidle" });
    await page.getByRole("navigation").getByRole("link", { name: "Partnere" }).click();
    await page.getByRole("heading", { level: 1, name: "Samarbeidspartnere" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Ny partner" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "1-partnere");

    // A wrong check digit is refused, and the message shows on the field.
    const form = page.getByRole("region", { name: "Ny partner" });
    await form.getByLabel("Navn").fill("Fjordbyen Økonomiforum");
    await form.getByLabel("Type").selectOption({ label: "Næringsliv" });
    const number = form.getByLabel("Organisasjonsnummer");
    await number.fill("923 609 017");
    await form.getByLabel("Nettsted").fill("www.example.no");
    await form.getByRole("button", { name: "Legg til kontaktperson" }).click();
    const contact = form.getByRole("group", { name: "Kontaktperson 1" });
    await contact.getByLabel("Navn").fill("Kari Nordmann");
    await contact.getByLabel("Tittel eller rolle").fill("Daglig leder");
    await contact.getByLabel("E-post").fill("kari@example.no");
    await form.getByRole("button", { name: "Registrer partner" }).click();
    await page.getByTestId("form-errors").waitFor();
    const numberError = "Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke).";
    expect(await form.getByText(numberError).count()).toBe(2); // on the field and in the summary
    expect(await number.getAttribute("aria-invalid")).toBe("true");
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "2-ny-partner-feil");

    await number.fill("923 609 016");
    await form.getByLabel("Nettsted").fill("https://www.example.no");
    await form.getByRole("button", { name: "Registrer partner" }).click();
    await page.getByText("Fjordbyen Økonomiforum er registrert.").waitFor();
    expect(await number.inputValue()).toBe("");

    // Search the Norwegian way; a search that finds nothing says so.
    const table = page.getByTestId("organisations-table");
    const search = page.getByLabel("Søk på navn eller organisasjonsnummer");
    await search.fill("finnes ikke");
    await page.getByText("Ingen samarbeidspartnere passer til søket.").waitFor();
    await search.fill("ØKONOMI");
    const link = table.getByRole("link", { name: "Fjordbyen Økonomiforum" });
    await link.waitFor();
    const row = table.locator("tbody tr", {
      has: page.getByRole("link", { name: "Fjordbyen Økonomiforum" }),
    });
    expect(await row.textContent()).toContain("923 609 016");
    expect(await row.textContent()).toContain("Næringsliv");
    for (const name of await table.locator("tbody tr td:first-child").allTextContents())
      expect(name.toLocaleLowerCase("nb")).toContain("økonomi");
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "3-partnere-sok");

    await link.click();
    await page.getByRole("heading", { level: 1, name: "Fjordbyen Økonomiforum" }).waitFor();
    expect(await page.getByTestId("organisation-number").textContent()).toBe("923 609 016");
    expect(await page.getByTestId("contacts-table").textContent()).toContain("Kari Nordmann");
    await page.getByText("Partneren deltar ikke i noen tiltak ennå.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "4-partner");

    // Edit with the same validation, then save.
    await page.getByRole("button", { name: "Rediger" }).click();
    const edit = page.getByRole("region", { name: "Rediger partner" });
    await edit.getByLabel("Nettsted").fill("ftp://example.no");
    await edit.getByRole("button", { name: "Lagre" }).click();
    await edit
      .getByText("Nettstedet må være en adresse som begynner med http:// eller https://.")
      .first()
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "5-rediger-feil");
    await edit.getByLabel("Nettsted").fill("https://nfdr.example.no");
    await edit.getByRole("button", { name: "Lagre" }).click();
    await page.getByRole("link", { name: "nfdr.example.no" }).waitFor();

    // While it takes part in a measure, deleting is refused with the server's reason.
    const { db } = env.t.database;
    const organisationId = page.url().split("/partnere/")[1] ?? "";
    const [org] = await db
      .select()
      .from(partnerOrganisations)
      .where(eq(partnerOrganisations.id, organisationId));
    const [version] = await db
      .select()
      .from(measureVersions)
      .where(eq(measureVersions.municipalityId, org?.municipalityId ?? ""))
      .limit(1);
    if (!org || !version) throw new Error("demo data has no measure");
    await db.insert(measureVersionPartners).values({
      municipalityId: org.municipalityId,
      measureVersionId: version.id,
      organisationId,
      role: "lead",
    });
    await page.reload({ waitUntil: "networkidle" });
    const measures = page.getByTestId("organisation-measures");
    await measures.waitFor();
    expect(await measures.textContent()).toContain("Leder");
    await page.getByRole("button", { name: "Slett partner" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Ja, slett" }).click();
    await dialog.getByText("deltar i tiltak og kan ikke slettes").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "6-slett-nektet");
    expect(await dialog.getByRole("button", { name: "Ja, slett" }).count()).toBe(0);
    await dialog.getByRole("button", { name: "Lukk", exact: true }).click();

    // Without the link it goes, and the list is empty again.
    await db.delete(measureVersionPartners).where(eq(measureVersionPartners.organisationId, organisationId));
    await page.reload({ waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Slett partner" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ja, slett" }).click();
    await page.waitForURL(`${env.baseUrl}/partnere`);
    await page.getByRole("heading", { level: 2, name: "Ny partner" }).waitFor();
    expect(await page.getByRole("link", { name: "Fjordbyen Økonomiforum" }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it("a partner reads the partners but gets no forms or buttons to change them", async () => {
    const { db } = env.t.database;
    const [version] = await db.select().from(measureVersions).limit(1);
    if (!version) throw new Error("demo data has no measure");
    const [org] = await db
      .insert(partnerOrganisations)
      .values({
        municipalityId: version.municipalityId,
        name: "Frivilligsentralen i Fjordbyen",
        kind: "voluntary",
        organisationNumber: "930000000",
        website: "https://frivillig.example.no",
      })
      .returning();
    if (!org) throw new Error("no row");

    const page = await newPage();
    await signInWithForm(page, env.baseUrl, "partner@demo.planverk.no", demoPassword);
    await page.goto(env.baseUrl, { waitUntil: "networkidle" });
    await page.getByRole("navigation").getByRole("link", { name: "Partnere" }).click();
    await page.getByTestId("organisations-table").waitFor();
    expect(await page.getByRole("heading", { name: "Ny partner" }).count()).toBe(0);
    await page.getByRole("link", { name: "Frivilligsentralen i Fjordbyen" }).click();
    await page.getByRole("heading", { level: 1, name: "Frivilligsentralen i Fjordbyen" }).waitFor();
    expect(await page.getByRole("button", { name: "Rediger" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Slett partner" }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 2, name: "Contact persons" }).waitFor();
    expect(await page.locator("dl").textContent()).toContain("Voluntary");
    await screenshot(page, "7-partner-engelsk");
    await page.getByRole("button", { name: "Bokmål" }).click();

    // Opened straight from its address, the page is rendered on the server and hydrates cleanly.
    await page.goto(`${env.baseUrl}/partnere/${org.id}`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: "Frivilligsentralen i Fjordbyen" }).waitFor();
    await page.goto(`${env.baseUrl}/partnere`, { waitUntil: "networkidle" });
    await page.getByTestId("organisations-table").waitFor();
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it("tells a planner what to do first when the municipality has no partners", async () => {
    // A municipality of its own, without partners (the demo's have some, and proposals and
    // evaluations that name them).
    const { db } = env.t.database;
    const municipality = await createMunicipality(db, { active: true });
    const planner = await createUser(db, { municipalityId: municipality.id, role: "planner" });

    const page = await newPage();
    await signInWithForm(page, env.baseUrl, planner.email, testPassword);
    await page.goto(`${env.baseUrl}/partnere`, { waitUntil: "networkidle" });
    const empty = page.getByTestId("organisations-empty");
    await empty.waitFor();
    expect(await empty.textContent()).toContain("Registrer den første med skjemaet «Ny partner» nedenfor");
    expect(await page.getByLabel("Søk på navn eller organisasjonsnummer").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "8-partnere-tom");
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
