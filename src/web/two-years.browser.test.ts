import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

// Two action plans alive at once, as the people of the demo live them: 2026 is carried out and
// reported on while 2027 is adopted and 2028 is started; then 2027 begins. Each step has its own
// test elsewhere; here they follow one another on one clock, with axe on every screen.

const kroner = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));
/** Axe once animations (a dialog fading in) have finished: mid-fade, text has too little contrast. */
async function axe(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  expect(await accessibilityViolations(page)).toEqual([]);
}

async function newPage(browser: Browser, errors: string[]) {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", async (r) => {
    if (r.url().includes("/api/") && r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  return page;
}

describe.skipIf(!browserAvailable)("two years side by side, walked with the demo roles", () => {
  let clock = "2026-11-20";
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser({ today: () => clock });
  });
  afterAll(() => env?.close());

  it("2026 is reported on while 2027 is adopted and 2028 prepared; in January 2027 is the plan in execution", async () => {
    const errors: string[] = [];
    const { baseUrl, browser } = env;
    const planner = await newPage(browser, errors);
    await signInWithForm(planner, baseUrl, "planlegger@demo.planverk.no", demoPassword);

    // ── 20 November 2026: the 2. tertial report on the plan in execution, 2026.
    await planner.getByRole("navigation").getByRole("link", { name: "Status" }).click();
    await planner.getByRole("heading", { level: 1, name: "Statusrapportering" }).waitFor();
    await planner.getByRole("button", { name: /Opprett rapporteringsperioder/ }).click();
    await planner.getByTestId("period-t2").waitFor();
    await planner.getByRole("button", { name: "Åpne 2. tertial" }).click();
    await planner.getByTestId("period-t2").getByText("Åpen").waitFor();
    await axe(planner);

    const owner = await newPage(browser, errors);
    await signInWithForm(owner, baseUrl, "tiltakseier@demo.planverk.no", demoPassword);
    await owner.goto(`${baseUrl}/status`, { waitUntil: "networkidle" });
    const waiting = owner.getByTestId("waiting").getByRole("link", { name: /^T-\d+ / });
    await waiting.first().waitFor();
    const ownMeasure = /^(T-\d+) /.exec((await waiting.first().textContent()) ?? "")?.[1] ?? "";
    expect(ownMeasure).toMatch(/^T-\d+$/);
    await axe(owner);
    await waiting.first().click();
    await owner.getByRole("heading", { level: 2, name: "Rapport per 31.08.2026" }).waitFor();
    await owner.getByLabel("På plan", { exact: true }).check();
    await owner.getByLabel("Fremdrift (%)").fill("60");
    await owner.getByLabel("Hva er gjort i perioden?").fill("Fire bedriftsbesøk og en samling.");
    await axe(owner);
    await owner.getByRole("button", { name: "Send rapporten" }).click();
    await owner.getByText("Rapporten er sendt til planleggeren.").waitFor();
    expect(await owner.getByTestId("report-state").textContent()).toBe("Til vurdering");

    // ── 16 December 2026: the council has adopted 2027; the planner records it and rolls to 2028.
    clock = "2026-12-16";
    await planner.goto(`${baseUrl}/arshjul`, { waitUntil: "networkidle" });
    await planner.getByRole("heading", { level: 2, name: "Handlingsplan 2027, HØP 2027–2030" }).waitFor();
    // The årshjul goes by the server's clock, not the browser's: today is 16 December.
    await planner.getByText("I dag (16. desember 2026) er markert med en rød strek.").waitFor();
    await planner.getByRole("button", { name: "Gå videre til «Vedtak»" }).click();
    const advance = planner.getByRole("dialog");
    await advance.getByRole("heading", { name: "Gå videre til «Vedtak»?" }).waitFor();
    await advance.getByText("Rulleringen går fra «Tilpasning» til «Vedtak».").waitFor();
    await axe(planner);
    await advance.getByRole("button", { name: "Bekreft" }).click();
    await planner.getByText("Rulleringen er nå i fasen «Vedtak».").waitFor();

    await planner.getByLabel("Vedtaksdato").fill("2026-12-15");
    await planner.getByLabel("Vedtatt av").fill("Bystyret");
    await planner.getByLabel("Saksnummer").fill("sak 123/26");
    await planner.getByRole("button", { name: "Registrer vedtak" }).click();
    const adopt = planner.getByRole("dialog");
    await adopt.getByRole("heading", { name: "Registrere vedtaket av handlingsplan 2027?" }).waitFor();
    await adopt.getByText("Handlingsplan 2027 blir låst.").waitFor();
    expect(await adopt.getByTestId("warnings").textContent()).toContain("innspill er ikke behandlet.");
    await axe(planner);
    await adopt.getByRole("button", { name: "Bekreft" }).click();
    await planner.getByText("Vedtaket er registrert. Handlingsplanen for 2027 er vedtatt.").waitFor();
    await planner
      .getByTestId("versions-table")
      .getByText("Vedtatt av Bystyret 15.12.2026, sak 123/26")
      .waitFor();

    await planner.getByRole("button", { name: "Rull til 2028" }).click();
    const roll = planner.getByRole("dialog");
    await roll.getByRole("heading", { name: "Rulle til 2028?" }).waitFor();
    await roll.getByText("Et utkast for 2028 opprettes; vedtatt 2027 vises som før.").waitFor();
    await axe(planner);
    await roll.getByRole("button", { name: "Bekreft" }).click();
    await planner.getByText(/Rulleringen for 2028 er opprettet\./).waitFor();
    await planner.getByRole("heading", { level: 2, name: "Handlingsplan 2028, HØP 2028–2031" }).waitFor();
    await axe(planner);

    // Rolling hid nothing: the plan tree and /tiltak still show the plan being carried out.
    const shown = planner.getByTestId("plan-year-shown");
    const switcher = planner.getByRole("navigation", { name: "Handlingsplaner" });
    const inExecution2026 = "I gjennomføring: Handlingsplan 2026 (vedtatt 16.12.2025)";
    await planner.goto(baseUrl, { waitUntil: "networkidle" });
    expect(await shown.textContent()).toBe(inExecution2026);
    await axe(planner);
    await switcher.getByRole("link", { name: /Handlingsplan 2027/ }).click();
    await planner.waitForURL(/\/\?aar=2027$/);
    await shown.getByText("Vedtatt, starter 1. januar: Handlingsplan 2027").waitFor();
    await switcher.getByRole("link", { name: /Handlingsplan 2028/ }).click();
    await planner.waitForURL(/\/\?aar=2028$/);
    await shown.getByText("Under arbeid: Handlingsplan 2028 (utkast, fase Innspill)").waitFor();
    await axe(planner);

    await planner.goto(`${baseUrl}/tiltak`, { waitUntil: "networkidle" });
    expect(await shown.textContent()).toBe(inExecution2026);
    await switcher.getByRole("link", { name: /Handlingsplan 2027/ }).click();
    await planner.waitForURL(/\/tiltak\?aar=2027$/);
    await planner.getByRole("heading", { level: 1, name: "Tiltak i handlingsplan 2027" }).waitFor();
    await axe(planner);
    await switcher.getByRole("link", { name: /Handlingsplan 2028/ }).click();
    await planner.waitForURL(/\/tiltak\?aar=2028$/);
    await planner.getByRole("heading", { level: 1, name: "Tiltak i handlingsplan 2028" }).waitFor();
    await axe(planner);

    // /budsjett is planning work: the draft by default, 2027 a link away, the address keeps it.
    await planner.goto(`${baseUrl}/budsjett`, { waitUntil: "networkidle" });
    await planner.getByRole("heading", { level: 2, name: "Handlingsplan 2028, HØP 2028–2031" }).waitFor();
    expect(await shown.textContent()).toBe("Under arbeid: Handlingsplan 2028 (utkast, fase Innspill)");
    await switcher.getByRole("link", { name: /Handlingsplan 2027/ }).click();
    await planner.waitForURL(/\/budsjett\?aar=2027$/);
    await planner.getByRole("heading", { level: 2, name: "Handlingsplan 2027, HØP 2027–2030" }).waitFor();
    expect(await shown.textContent()).toBe("Vedtatt, starter 1. januar: Handlingsplan 2027");
    await axe(planner);
    // A year with no plan says so and offers the plans there are.
    await planner.goto(`${baseUrl}/budsjett?aar=2031`, { waitUntil: "networkidle" });
    await planner.getByText("Handlingsplan 2031 finnes ikke. Velg en av disse:").waitFor();
    await planner
      .getByTestId("budget-years")
      .getByRole("link", { name: /Handlingsplan 2027/ })
      .click();
    await planner.waitForURL(/\/budsjett\?aar=2027$/);
    await switcher.getByRole("link", { name: /Handlingsplan 2028/ }).click();
    await planner.waitForURL(/\/budsjett\?aar=2028$/);
    await planner.getByRole("heading", { level: 2, name: "Handlingsplan 2028, HØP 2028–2031" }).waitFor();

    // The 2028 frames come from the adopted økonomiplan.
    const row2028 = planner.getByTestId("frame-2028");
    expect(await row2028.getByTestId("frame-origin").textContent()).toContain(
      "fra vedtatt økonomiplan 2027–2030",
    );
    await axe(planner);

    // The council's frame for 2028 is cut; the prioritisation takes measures out.
    const sum2028 = kroner(await row2028.locator("td").nth(2).textContent());
    expect(sum2028).toBeGreaterThan(2_000_000);
    await row2028.getByRole("button", { name: /^Endre rammen for 2028/ }).click();
    await planner.getByLabel("Ramme i kroner").fill(String(sum2028 - 1_000_000));
    await axe(planner);
    await planner.getByRole("button", { name: "Lagre rammen" }).click();
    await planner.getByTestId("overruns").waitFor();
    await axe(planner);

    const rows = planner.getByTestId("priority-table").locator("tbody tr");
    const all = await rows.count();
    const prioritise = async () => {
      await planner.getByRole("button", { name: "Foreslå prioritering" }).click();
      const current = planner.getByTestId("proposal-current");
      await current.getByTestId("dropped").waitFor();
      const references = (await current.getByTestId("dropped").locator("tbody tr th").allTextContents())
        .map((text) => /T-\d+/.exec(text)?.[0] ?? "")
        .filter(Boolean);
      await axe(planner);
      await current.getByRole("button", { name: "Bruk forslaget" }).click();
      await planner.getByTestId("apply-dialog").waitFor();
      await axe(planner);
      await planner.getByTestId("apply-dialog").getByRole("button", { name: "Ja, ta dem ut" }).click();
      await planner.getByText("Handlingsplanen er nå innenfor rammene.").waitFor();
      return references;
    };
    const dropped = await prioritise();
    expect(dropped.length).toBeGreaterThan(0);
    expect(await rows.count()).toBe(all - dropped.length);

    // The dropped measure is listed, and put back with its number.
    const first = dropped[0] as string;
    const removed = planner.getByTestId("removed-measures");
    await removed.getByRole("heading", { name: "Tatt ut av forslaget" }).waitFor();
    const listed = removed.getByTestId(`removed-${first}`);
    expect(await listed.textContent()).toContain("Ved prioritering");
    await axe(planner);
    await listed.getByRole("button", { name: new RegExp(`Sett inn igjen ${first}`) }).click();
    await planner.getByText(`${first} er satt inn igjen i utkastet.`).waitFor();
    await planner.getByTestId(`priority-${first}`).waitFor();
    expect(await rows.count()).toBe(all - dropped.length + 1);

    // Applied again, and undone in one step.
    const droppedAgain = await prioritise();
    await planner.getByRole("button", { name: /^Angre prioriteringen fra / }).click();
    const undo = planner.getByTestId("undo-dialog");
    await undo.getByRole("heading", { name: "Angre prioriteringen?" }).waitFor();
    await axe(planner);
    await undo.getByRole("button", { name: "Angre prioriteringen" }).click();
    await planner.getByText(/Prioriteringen er angret/).waitFor();
    for (const reference of droppedAgain) await planner.getByTestId(`priority-${reference}`).waitFor();
    await axe(planner);

    // The 2027 decision's case number was mistyped: corrected, and the correction is audited.
    await planner.goto(`${baseUrl}/arshjul?aar=2027`, { waitUntil: "networkidle" });
    await planner.getByRole("heading", { level: 2, name: "Handlingsplan 2027, HØP 2027–2030" }).waitFor();
    const versions = planner.getByTestId("versions-table");
    await versions.getByRole("button", { name: /Rett vedtaket/ }).click();
    const correct = planner.getByRole("dialog");
    await correct.getByRole("heading", { name: "Rett vedtaket for Handlingsplan 2027" }).waitFor();
    await correct.getByLabel("Saksnummer").fill("sak 124/26");
    await correct.getByLabel("Begrunnelse").fill("Skrivefeil i saksnummeret");
    await axe(planner);
    await correct.getByRole("button", { name: "Lagre rettelsen" }).click();
    await versions.getByText("Vedtatt av Bystyret 15.12.2026, sak 124/26").waitFor();
    await axe(planner);

    const admin = await newPage(browser, errors);
    await signInWithForm(admin, baseUrl, "admin@demo.planverk.no", demoPassword);
    await admin.goto(`${baseUrl}/admin`, { waitUntil: "networkidle" });
    const audited = admin.getByRole("row").filter({ hasText: "rettet vedtaket" }).first();
    await audited.waitFor();
    expect(await audited.textContent()).toContain("sak 124/26");
    await axe(admin);

    // ── 10 January 2027: 2027 is the plan in execution for the measure owner.
    clock = "2027-01-10";
    await owner.goto(`${baseUrl}/tiltak/${ownMeasure}`, { waitUntil: "networkidle" });
    expect(await owner.getByTestId("plan-year-shown").textContent()).toBe(
      "I gjennomføring: Handlingsplan 2027 (vedtatt 15.12.2026)",
    );
    const spending = owner.getByRole("form", { name: "Registrer forbruk" });
    const spendingYears = await spending.getByLabel("Periode").locator("option").allTextContents();
    expect(spendingYears.slice(0, 4)).toEqual(["2027", "2028", "2029", "2030"]);
    await axe(owner);
    await owner.goto(`${baseUrl}/status`, { waitUntil: "networkidle" });
    expect(await owner.getByLabel("Rullering").inputValue()).toBe("2027");
    await owner.getByRole("heading", { level: 2, name: "Rapporteringsperioder 2027" }).waitFor();
    await axe(owner);
    expect(errors).toEqual([]);
  }, 300_000);
});
