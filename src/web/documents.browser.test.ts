import { mkdirSync } from "node:fs";
import ExcelJS from "exceljs";
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
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe.skipIf(!browserAvailable)("action plan documents and the Excel import in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("a planner downloads the sheet, edits it, sees the error row, fixes it, previews and saves the import", async () => {
    const page = await (await env.browser.newContext()).newPage();
    const errors: string[] = [];
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/arshjul?aar=2027`, { waitUntil: "networkidle" });
    await page
      .getByTestId("versions-table")
      .getByRole("link", { name: "Handlingsplan 2027", exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: "Handlingsplan 2027 (HØP 2027–2030)" }).waitFor();
    const downloads = page.getByTestId("downloads");
    await downloads.getByRole("heading", { name: "Last ned handlingsplanen" }).waitFor();
    expect(await downloads.getByRole("listitem").allTextContents()).toEqual([
      "Word (.docx)",
      "PDF",
      "Excel (.xlsx)",
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "documents-01-action-plan");

    // The three downloads answer with their files (the browser's cookie goes along).
    for (const [name, type] of [
      ["Word (.docx)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["PDF", "application/pdf"],
    ] as const) {
      const href = (await downloads.getByRole("link", { name }).getAttribute("href")) ?? "";
      const response = await page.request.get(`${env.baseUrl}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe(type);
    }
    const xlsxHref =
      (await downloads.getByRole("link", { name: "Excel (.xlsx)" }).getAttribute("href")) ?? "";
    const exported = await (await page.request.get(`${env.baseUrl}${xlsxHref}`)).body();

    // Edit the sheet as a planner would in Excel: a new title, and a new measure in an unknown area.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Tiltak");
    if (!sheet) throw new Error("no sheet");
    const headings = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (h: string) => headings.indexOf(h) + 1;
    const reference = String(sheet.getRow(2).getCell(col("Referanse")).value);
    const oldTitle = String(sheet.getRow(2).getCell(col("Tittel")).value);
    const focusArea = String(sheet.getRow(2).getCell(col("Satsingsområde")).value);
    sheet.getRow(2).getCell(col("Tittel")).value = "Nytt navn fra Excel";
    const added = sheet.addRow([]);
    added.getCell(col("Tittel")).value = "Nytt tiltak fra Excel";
    added.getCell(col("Satsingsområde")).value = "Månebyen Drammen";
    const badRow = added.number;
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());

    await page.getByRole("link", { name: "Importer tiltak fra Excel" }).click();
    await page.getByRole("heading", { level: 1, name: "Importer tiltak fra Excel" }).waitFor();
    await page.getByRole("button", { name: "Se endringene" }).click();
    await page.getByText("Velg et regneark først.").waitFor();
    await page
      .getByLabel("Regneark (.xlsx, høyst 5 MB)")
      .setInputFiles({ name: "tiltak.xlsx", mimeType: xlsxType, buffer: bad });
    await page.getByRole("button", { name: "Se endringene" }).click();
    const problems = page.getByTestId("import-problems");
    await problems.getByRole("heading", { name: "Regnearket har 1 feil" }).waitFor();
    const problemRow = problems.locator("tbody tr");
    expect(await problemRow.locator("td").allTextContents()).toEqual([
      "Tiltak",
      String(badRow),
      "Satsingsområde",
      expect.stringContaining("«Månebyen Drammen» er ikke et satsingsområde i planen"),
    ]);
    expect(await page.getByRole("button", { name: "Lagre endringene" }).isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "documents-02-import-error");

    // Fixed: the area exists. The preview shows exactly the two changes.
    added.getCell(col("Satsingsområde")).value = focusArea;
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    await page
      .getByLabel("Regneark (.xlsx, høyst 5 MB)")
      .setInputFiles({ name: "tiltak.xlsx", mimeType: xlsxType, buffer: good });
    await page.getByRole("button", { name: "Se endringene" }).click();
    await page
      .getByTestId("import-summary")
      .getByText(/^Nye tiltak: 1\. Endrede: 1\. Uendrede: \d+\.$/)
      .waitFor();
    const changes = page.getByTestId("import-changes").locator("tbody tr");
    expect(await changes.count()).toBe(2);
    await page.getByTestId("import-row-2").getByText(`Tittel: ${oldTitle} → Nytt navn fra Excel`).waitFor();
    await page.getByTestId(`import-row-${badRow}`).getByText("Nytt", { exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "documents-03-import-preview");

    await page.getByRole("button", { name: "Lagre endringene" }).click();
    await page
      .getByTestId("import-applied")
      .getByText("Importen er lagret. Nye tiltak: 1. Endrede: 1.")
      .waitFor();
    await shot(page, "documents-04-import-saved");

    // The measure has its new title on its own page.
    // The import changed the 2027 draft; the page shows it when the address names 2027.
    await page.goto(`${env.baseUrl}/tiltak/${reference}?aar=2027`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: "Nytt navn fra Excel" }).waitFor();
    expect(errors).toEqual([]);
    // Two documents, two previews and an import: more than the default 30 s on a busy machine.
  }, 90_000);
});
