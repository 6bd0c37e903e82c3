import { mkdirSync } from "node:fs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots of each refusal there to look at. */
const shotsDir = process.env.PLANVERK_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/uploads-${name}.png`, fullPage: true });
};
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MB = 1024 * 1024;
const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");

/**
 * Bad uploads in the browser: the server's (or the page's own) Norwegian refusal reaches
 * the planner on both import pages, readable and accessible, and the page stays usable.
 */
describe.skipIf(!browserAvailable)("refused uploads in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("the Excel import of measures shows why a PDF, a Word file, a too large file and a zip bomb are refused", async () => {
    const page = await (await env.browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/arshjul?aar=2027`, { waitUntil: "networkidle" });
    await page
      .getByTestId("versions-table")
      .getByRole("link", { name: "Handlingsplan 2027", exact: true })
      .click();
    await page.getByRole("link", { name: "Importer tiltak fra Excel" }).click();
    await page.getByRole("heading", { level: 1, name: "Importer tiltak fra Excel" }).waitFor();

    const word = await new JSZip()
      .file("[Content_Types].xml", "<Types/>")
      .file("word/document.xml", "<w:document/>")
      .generateAsync({ type: "nodebuffer" });
    const bomb = await new JSZip()
      .file("[Content_Types].xml", "<Types/>")
      .file("xl/workbook.xml", "<workbook/>")
      .file("xl/worksheets/sheet1.xml", Buffer.alloc(120 * MB, "A"))
      .generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const cases = [
      ["pdf", { name: "tiltak.xlsx", buffer: pdf }, "Filen er en PDF-fil, ikke et Excel-regneark (.xlsx)."],
      [
        "word",
        { name: "tiltak.docx", buffer: word },
        "Filen er et Word-dokument (.docx), ikke et Excel-regneark",
      ],
      ["large", { name: "stor.xlsx", buffer: Buffer.alloc(5 * MB + 1, 0x50) }, "Filen er større enn 5 MB."],
      ["bomb", { name: "bombe.xlsx", buffer: bomb }, "Filen pakkes ut til mer enn 100 MB"],
    ] as const;
    for (const [name, file, message] of cases) {
      await page.getByLabel("Regneark (.xlsx, høyst 5 MB)").setInputFiles({ ...file, mimeType: xlsxType });
      await page.getByRole("button", { name: "Se endringene" }).click();
      const alert = page.getByRole("alert").filter({ hasText: message });
      await alert.waitFor();
      expect(await page.getByTestId("import-changes").count()).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, `measures-${name}`);
    }
    expect(errors).toEqual([]);
  }, 120_000);

  it("the indicator import shows why a PDF, an .xlsx, a too large file, broken JSON-stat and broken CSV are refused", async () => {
    const page = await (await env.browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/indikatorer`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Sysselsatte etter næring" }).first().click();
    await page.getByRole("link", { name: "Importer tall" }).click();
    await page.getByRole("heading", { level: 1, name: /^Importer tall til/ }).waitFor();
    const input = page.getByLabel("Fil (JSON-stat eller CSV)");
    const workbookZip = await new JSZip()
      .file("[Content_Types].xml", "<Types/>")
      .file("xl/workbook.xml", "<workbook/>")
      .generateAsync({ type: "nodebuffer" });
    await page.getByText("Høyst 20 MB.").waitFor();

    // Refused in the page before anything is sent: too large, not text.
    const local = [
      [
        "large",
        { name: "stor.json", buffer: Buffer.alloc(20 * MB + 1, 0x20) },
        /Filen «stor\.json» er større enn 20 MB/,
      ],
      ["pdf", { name: "tabell.json", buffer: pdf }, /Filen «tabell\.json» ser ikke ut som en tekstfil/],
      [
        "xlsx",
        { name: "tabell.xlsx", buffer: workbookZip },
        /Filen «tabell\.xlsx» ser ikke ut som en tekstfil/,
      ],
    ] as const;
    for (const [name, file, message] of local) {
      await input.setInputFiles({ ...file, mimeType: "application/json" });
      await page.getByText(message).waitFor();
      expect(await input.getAttribute("aria-invalid")).toBe("true");
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, `indicator-${name}`);
    }

    // Refused by the server: read, and the reason shown under «Filen kunne ikke leses».
    const sizes = JSON.stringify({
      version: "2.0",
      class: "dataset",
      id: ["region", "tid"],
      size: [1_000_000, 1_000_000],
      dimension: { region: { category: { index: ["3301"] } }, tid: { category: { index: ["2023"] } } },
      value: { 0: 1 },
    });
    const server = [
      ["jsonstat", { name: "tabell.json", buffer: Buffer.from(sizes) }, "importen tar høyst 10"],
      [
        "notjson",
        { name: "tabell.json", buffer: Buffer.from('{"a": ') },
        "Filen er ikke JSON-stat: den er ikke gyldig JSON.",
      ],
      [
        "csv",
        { name: "tabell.csv", buffer: Buffer.from('region;år;verdi\n"3301;2023;5\n') },
        'Linje 2: et anførselstegn (") er ikke avsluttet.',
      ],
      [
        "separator",
        { name: "tabell.csv", buffer: Buffer.from("region\tår\tverdi\n3301\t2023\t5\n") },
        "CSV-filen må ha minst to kolonner skilt med semikolon (;) eller komma (,)",
      ],
    ] as const;
    for (const [name, file, message] of server) {
      await input.setInputFiles({
        ...file,
        mimeType: name === "csv" || name === "separator" ? "text/csv" : "application/json",
      });
      await page.getByRole("button", { name: "Les inn" }).click();
      const alert = page.getByRole("alert").filter({ hasText: "Filen kunne ikke leses" });
      await alert.filter({ hasText: message }).waitFor();
      expect(await page.getByTestId("dimensions").count()).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, `indicator-${name}`);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
