import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { windows1252 } from "../../test/statistics.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots of each step there to look at. */
const shotsDir = process.env.PLANVERK_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/indicators-${name}.png`, fullPage: true });
};
const fixture = fileURLToPath(
  new URL("../../test/fixtures/indicators/sysselsatte-2.0.json", import.meta.url),
);

describe.skipIf(!browserAvailable)("indicators in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("the knowledge base shows demo indicators by goal, marked as example figures, with charts and tables", async () => {
    const page = await (await env.browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.getByRole("navigation").getByRole("link", { name: "Indikatorer" }).click();
    await page.getByRole("heading", { level: 1, name: "Kunnskapsgrunnlag" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Norges grønneste kommune" }).waitFor();
    expect(await page.getByText("Eksempeltall – ikke offisiell statistikk").count()).toBe(3);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "01-list");

    await page.getByRole("link", { name: "Klimagassutslipp per innbygger" }).click();
    await page.getByRole("heading", { level: 1, name: "Klimagassutslipp per innbygger" }).waitFor();
    const chart = page.getByTestId("time-chart");
    expect(await chart.locator("svg[role=img]").getAttribute("aria-label")).toContain(
      "Linjediagram over Klimagassutslipp per innbygger",
    );
    expect(await chart.getByTestId("chart-credit").textContent()).toBe(
      "Eksempeltall – ikke offisiell statistikk. Lisens: CC BY 4.0.",
    );
    await chart.getByText("Vis tallene som tabell").click();
    expect(await chart.locator("table tbody tr").count()).toBe(6);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "02-indicator");

    await page.goto(`${env.baseUrl}/indikatorer`);
    await page.getByRole("link", { name: "Sysselsatte etter næring" }).click();
    await page.getByTestId("industry-chart").locator("svg").waitFor();
    expect(await page.getByTestId("industry-chart").textContent()).toContain("Industri");
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "03-industry");
  });

  it("a planner creates an indicator, imports a JSON-stat file, maps it, sees the chart, sets a target and sees the status", async () => {
    const page = await (await env.browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/indikatorer`);
    await page.getByRole("link", { name: "Ny indikator" }).click();
    await page.getByLabel("Navn").fill("Sysselsatte i industrien");
    await page.getByLabel("Drammen skal være et næringssentrum").check();
    await page.getByRole("button", { name: "Lagre indikatoren" }).click();
    await page.getByRole("heading", { level: 1, name: "Sysselsatte i industrien" }).waitFor();
    await page.getByText("Indikatoren har ingen tall ennå.").waitFor();

    await page.getByRole("link", { name: "Importer tall" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Importer tall til «Sysselsatte i industrien»" })
      .waitFor();
    await page.getByLabel("Fil (JSON-stat eller CSV)").setInputFiles(fixture);
    await page.getByRole("button", { name: "Les inn" }).click();
    await page.getByTestId("dimensions").waitFor();
    expect(await page.getByTestId("dataset-label").textContent()).toContain("(JSON-stat 2.0, 12 verdier)");
    expect(await page.getByTestId("dimensions").textContent()).toContain("næring (SN2007)");
    await shot(page, "04-dimensions");

    // Industry is not a category here: one industry, Industri (C).
    await page.getByLabel("Kategori (valgfri)").selectOption("");
    await page.getByLabel("Velg én kategori i «næring (SN2007)»").selectOption("C");
    await page.getByRole("button", { name: "Oppdater forhåndsvisningen" }).click();
    await page.getByText("6 verdier, 1 mangler").waitFor();
    expect(await page.getByTestId("preview").locator("tbody tr").count()).toBe(6);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "05-preview");
    await page.getByRole("button", { name: "Lagre importen" }).click();

    await page.getByRole("heading", { level: 1, name: "Sysselsatte i industrien" }).waitFor();
    const chart = page.getByTestId("time-chart");
    await chart.locator("svg").waitFor();
    expect(await chart.locator("svg").getAttribute("aria-label")).toContain(
      "Drammen: fra 4\u00a0100 (2022) til 4\u00a0250 (2023)",
    );
    expect(await page.getByTestId("comparison-chart").textContent()).toContain("Hele landet");
    expect(await page.getByTestId("indicator-status").textContent()).toBe("Ingen målverdi");

    await page.getByRole("textbox", { name: "År" }).fill("2023");
    await page.getByRole("textbox", { name: "Målverdi" }).fill("4300");
    await page.getByRole("button", { name: "Sett målverdi" }).click();
    await page.getByText("Målverdien for 2023 er lagret.").waitFor();
    await page.getByTestId("indicator-status").getByText("Ikke i rute").waitFor();
    expect(await page.getByTestId("status-detail").textContent()).toBe(
      "Siste verdi 4\u00a0250 personer (2023), målverdi 4\u00a0300 personer for 2023.",
    );
    expect(await chart.locator("svg").getAttribute("aria-label")).toContain("Målverdi 4\u00a0300 for 2023.");
    await page.getByRole("button", { name: "Fjern målverdien for 2023" }).click();
    await page.getByText("Målverdien for 2023 er fjernet.").waitFor();
    await page.getByRole("textbox", { name: "Målverdi" }).fill("4 200");
    await page.getByRole("button", { name: "Sett målverdi" }).click();
    await page.getByTestId("indicator-status").getByText("I rute").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "06-status");
    expect(errors).toEqual([]);

    // The page reads without scripts: the server draws the chart.
    const html = await (await page.request.get(page.url())).text();
    expect(html).toContain('role="img"');
    expect(html).toContain("Linjediagram over Sysselsatte i industrien");
  });

  it("a CSV saved by Excel on a Norwegian PC (Windows-1252) is read with æøå; a re-import says what it removes, merges, and an earlier import is restored", async () => {
    const page = await (await env.browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/indikatorer`);
    await page.getByRole("link", { name: "Ny indikator" }).click();
    await page.getByLabel("Navn").fill("Andel fra regnearket");
    await page.getByRole("button", { name: "Lagre indikatoren" }).click();
    await page.getByRole("heading", { level: 1, name: "Andel fra regnearket" }).waitFor();

    const upload = async (rows: string[]) => {
      await page.getByRole("link", { name: "Importer tall" }).click();
      const text = `Kommune;År;Verdi\r\n${rows.join("\r\n")}\r\n`;
      await page.getByLabel("Fil (JSON-stat eller CSV)").setInputFiles({
        name: "andel.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(windows1252(text)),
      });
      await page.getByRole("button", { name: "Les inn" }).click();
      await page.getByTestId("dimensions").waitFor();
    };
    await upload(["3301 Drammen;2022;11,5", "3301 Drammen;2023;12,5", "3314 Øvre Eiker;2023;9,75"]);
    expect(await page.getByTestId("dataset-label").textContent()).toContain("Tegnkoding: Windows-1252.");
    expect(await page.getByTestId("preview").textContent()).toContain("Øvre Eiker");
    await page.getByRole("button", { name: "Lagre importen" }).click();
    await page.getByRole("heading", { level: 1, name: "Andel fra regnearket" }).waitFor();

    // The new file lacks 2022: the preview says it would be removed; merging keeps it.
    await upload(["3301 Drammen;2023;13", "3314 Øvre Eiker;2023;9,75"]);
    await page
      .getByTestId("reimport-periods")
      .getByText("Periodene 2022 er ikke i filen og fjernes fra serien.")
      .waitFor();
    expect(await page.getByTestId("reimport-counts").textContent()).toContain("1 endrede og 1 fjernede");
    await page.getByLabel("Flette per periode: periodene i filen erstattes, de andre beholdes").check();
    await page
      .getByTestId("reimport-periods")
      .getByText("Periodene 2022 er ikke i filen og beholdes.")
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "07-reimport");
    await page.getByRole("button", { name: "Lagre importen" }).click();
    await page.getByRole("heading", { level: 1, name: "Andel fra regnearket" }).waitFor();
    await page
      .getByTestId("current-import")
      .getByText(/3 verdier/)
      .waitFor();

    // The first import is in the history and can be brought back.
    await page.getByText("Tidligere importer (historikk)").click();
    await page.getByRole("button", { name: "Gjenopprett" }).first().click();
    await page.getByText("Importen er gjenopprettet som gjeldende serie.").waitFor();
    expect(errors).toEqual([]);
  });
});
