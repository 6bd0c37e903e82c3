import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

/** Confirms the step in the dialog that asks for it. */
async function confirmDialog(page: import("playwright-core").Page) {
  await page.getByRole("dialog").getByRole("button", { name: "Bekreft" }).click();
}

describe.skipIf(!browserAvailable)("the yearly rolling in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("a full year: adopt 2027, read its permanent page, roll to 2028, review, and see what changed", async () => {
    const page = await (await env.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);

    // The årshjul opens on the newest cycle: 2027, being fitted to its frames.
    await page.goto(env.baseUrl, { waitUntil: "networkidle" });
    await page.getByRole("navigation").getByRole("link", { name: "Årshjul" }).click();
    await page.getByRole("heading", { level: 2, name: "Handlingsplan 2027, HØP 2027–2030" }).waitFor();
    const now = page.getByTestId("cycle-now");
    expect(await now.textContent()).toContain(
      "Rulleringen er i fasen «Tilpasning», planlagt ferdig 31. oktober 2026.",
    );
    expect(await page.locator("[data-testid=arshjul] li[aria-current=step]").getAttribute("data-phase")).toBe(
      "tilpasning",
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // To «vedtak» (the 2027 draft has no measure flagged «må vurderes»), and the decision.
    await page.getByRole("button", { name: "Gå videre til «Vedtak»" }).click();
    await confirmDialog(page);
    await page.getByText("Rulleringen er nå i fasen «Vedtak».").waitFor();
    await page.getByLabel("Vedtaksdato").fill("2026-12-15");
    await page.getByLabel("Vedtatt av").fill("Bystyret");
    await page.getByLabel("Saksnummer").fill("sak 123/26");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Registrer vedtak" }).click();
    await confirmDialog(page);
    await page.getByText("Vedtaket er registrert. Handlingsplanen for 2027 er vedtatt.").waitFor();
    const versions = page.getByTestId("versions-table");
    await versions.getByText("Vedtatt av Bystyret 15.12.2026, sak 123/26").waitFor();

    // The permanent page of the adopted version.
    await versions.getByRole("link", { name: "Handlingsplan 2027", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Handlingsplan 2027 (HØP 2027–2030)" }).waitFor();
    expect(page.url()).toMatch(/\/plan\/[0-9a-f-]{36}\/handlingsplan\/2027\/0$/);
    const permanentUrl = page.url();
    expect(await page.getByTestId("decision").textContent()).toBe(
      "Vedtatt av Bystyret 15.12.2026, sak 123/26",
    );
    const rows = page.getByTestId("action-plan-table").locator("tbody tr");
    expect(await rows.count()).toBe(17);
    expect(await page.getByTestId("action-plan-table").textContent()).toContain(
      "Vertskapsprogram for nye virksomheter",
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // Back to the årshjul, and on to next year.
    await page.goBack();
    await page.getByRole("button", { name: "Rull til 2028" }).click();
    await confirmDialog(page);
    await page.getByText(/Rulleringen for 2028 er opprettet\. \d+ tiltak er ført videre\./).waitFor();
    await page.getByRole("heading", { level: 2, name: "Handlingsplan 2028, HØP 2028–2031" }).waitFor();
    const flagged = async () =>
      Number(
        /(\d+) tiltak er merket «må vurderes»/.exec(
          (await page.getByTestId("needs-review").textContent()) ?? "",
        )?.[1],
      );
    const carried = await flagged();
    expect(carried).toBeGreaterThan(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Moving on while measures are flagged is refused, with the reason on screen.
    for (const phase of ["Utarbeidelse", "Rammesak", "Tilpasning"]) {
      await page.getByRole("button", { name: `Gå videre til «${phase}»` }).click();
      await confirmDialog(page);
      await page.getByText(`Rulleringen er nå i fasen «${phase}».`).waitFor();
    }
    expect(await page.getByTestId("blockers").textContent()).toContain(
      `${carried} tiltak er merket «må vurderes»`,
    );
    await page.getByRole("button", { name: "Gå videre til «Vedtak»" }).click();
    await confirmDialog(page);
    const refusal = page.getByRole("alert").filter({ hasText: "Kunne ikke gå videre" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      `${carried} tiltak er merket «må vurderes» og må gås gjennom først.`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // A planner looks at one carried measure and changes its title; saving clears its flag.
    await page.goto(`${env.baseUrl}/tiltak/T-001/rediger`, { waitUntil: "networkidle" });
    await page
      .getByLabel("Tiltak", { exact: true })
      .fill("Vertskapsprogram for nye og voksende virksomheter");
    await page.getByRole("button", { name: "Lagre" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Vertskapsprogram for nye og voksende virksomheter" })
      .waitFor();
    // And adds a new one.
    await page.goto(`${env.baseUrl}/tiltak/nytt`, { waitUntil: "networkidle" });
    await page.getByLabel("Tiltak", { exact: true }).fill("Talentprogram for unge gründere");
    await page.getByLabel("Satsingsområde").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Lagre" }).click();
    await page.getByRole("heading", { level: 1, name: "Talentprogram for unge gründere" }).waitFor();

    await page.goto(`${env.baseUrl}/arshjul`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 2, name: "Handlingsplan 2028, HØP 2028–2031" }).waitFor();
    expect(await flagged()).toBe(carried - 1);

    // What changed from the adopted 2027 plan to the 2028 draft.
    await page.getByRole("link", { name: "Hva er endret fra vedtatt plan for 2027 til 2028" }).click();
    await page
      .getByRole("heading", { level: 2, name: "Fra 2027 rev. 0 (vedtatt) til 2028 rev. 0 (utkast)" })
      .waitFor();
    const changed = page.locator("[data-testid=changed] [data-reference=T-001]");
    const titleRow = changed.locator("tr", { hasText: "Tittel" });
    expect(await titleRow.locator("td").allTextContents()).toEqual([
      "Vertskapsprogram for nye virksomheter",
      "Vertskapsprogram for nye og voksende virksomheter",
    ]);
    // Costs are compared only in the years both versions plan for: 2027 leaving the period is no change.
    expect(await changed.textContent()).not.toContain("Kommunal kostnad 2027");
    expect(await page.getByTestId("removed").textContent()).toContain("T-008");
    expect(await page.getByTestId("added").textContent()).toContain("Talentprogram for unge gründere");
    expect(await page.getByTestId("totals").locator("tbody tr").count()).toBeGreaterThan(3);
    expect(await accessibilityViolations(page)).toEqual([]);
    const csvHref = await page.getByRole("link", { name: "Last ned (CSV)" }).getAttribute("href");
    const csv = await page.request.get(`${env.baseUrl}${csvHref}`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("Vertskapsprogram for nye og voksende virksomheter");

    expect(errors).toEqual([]);
    await page.context().close();

    // Anyone may read the adopted version of the published plan at its permanent address; not the draft.
    const anonymous = await (await env.browser.newContext()).newPage();
    await anonymous.goto(permanentUrl, { waitUntil: "networkidle" });
    await anonymous.getByRole("heading", { level: 1, name: "Handlingsplan 2027 (HØP 2027–2030)" }).waitFor();
    expect(await anonymous.getByTestId("decision").textContent()).toBe(
      "Vedtatt av Bystyret 15.12.2026, sak 123/26",
    );
    expect(await anonymous.getByTestId("action-plan-table").locator("tbody tr").count()).toBe(17);
    expect(await accessibilityViolations(anonymous)).toEqual([]);
    await anonymous.goto(permanentUrl.replace(/2027\/0$/, "2028/0"), { waitUntil: "networkidle" });
    await anonymous.getByText("Fant ikke handlingsplanen.").waitFor();
    await anonymous.context().close();
  }, 120_000);
});
