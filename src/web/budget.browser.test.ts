import { mkdirSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { adoptActionPlanVersionForTest } from "../../test/factories.ts";
import { actionPlanVersions, cycles, municipalities, users } from "../db/schema/index.ts";
import { demoPassword } from "../demo/load-demo-data.ts";
import { rollCycle } from "../services/cycles/roll-cycle.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots of each step there to look at. */
const shotsDir = process.env.PLANVERK_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true });
};
const kroner = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

describe.skipIf(!browserAvailable)("budget and prioritisation in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("a planner lowers a 2028 frame, sees the overrun, runs the prioritisation, applies it, and the overrun is gone", {
    timeout: 90_000,
  }, async () => {
    const page = await (await env.browser.newContext()).newPage();
    const errors: string[] = [];
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("response", async (r) => {
      if (r.url().includes("/api/") && r.status() >= 400)
        errors.push(`${r.status()} ${r.url()} ${await r.text()}`);
    });
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.getByRole("navigation").getByRole("link", { name: "Budsjett" }).click();
    await page.getByRole("heading", { level: 1, name: "Budsjett og prioritering" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Handlingsplan 2027, HØP 2027–2030" }).waitFor();
    await page.getByTestId("within-frames").waitFor();
    expect(await page.getByTestId("overrun-tag").count()).toBe(0);
    expect(await page.getByTestId("priority-table").locator("tbody tr").count()).toBe(17);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "01-within");

    // The council cuts 2028: the frame goes 1 000 000 kr below what the measures cost that year.
    const row2028 = page.getByTestId("frame-2028");
    const sum2028 = kroner(await row2028.locator("td").nth(2).textContent());
    expect(sum2028).toBeGreaterThan(2_000_000);
    await row2028.getByRole("button", { name: "Endre rammen for 2028 Næringsutvikling – drift" }).click();
    await page.getByRole("heading", { name: "Rammen for 2028 Næringsutvikling – drift" }).waitFor();
    expect(await page.getByLabel("Saksnummer").inputValue()).toContain("sak 068/26");
    await page.getByLabel("Ramme i kroner").fill(String(sum2028 - 1_000_000));
    await shot(page, "02-edit-frame");
    await page.getByRole("button", { name: "Lagre rammen" }).click();
    await page
      .getByText("Rammen for 2028 Næringsutvikling – drift er lagret.")
      .waitFor()
      .catch(async (e) => {
        await shot(page, "02b-failed");
        throw new Error(`${e}\n${errors.join("\n")}`);
      });
    const overruns = page.getByTestId("overruns");
    await overruns.waitFor();
    expect(await overruns.textContent()).toContain("over med 1\u00a0000\u00a0000\u00a0kr");
    expect(await row2028.getByTestId("overrun-tag").textContent()).toBe(
      "Over med 1\u00a0000\u00a0000\u00a0kr",
    );
    expect(await page.getByTestId("frame-chart").textContent()).toContain(
      "over med 1\u00a0000\u00a0000\u00a0kr",
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "03-overrun");

    // T-001 matters most and must stay.
    const t001 = page.getByTestId("priority-T-001");
    await t001.getByRole("spinbutton", { name: "Prioritet for T-001" }).fill("10");
    await t001.getByLabel("T-001 er obligatorisk").check();
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/measures/T-001/priority") && r.status() === 200),
      t001.getByRole("button", { name: "Lagre prioritet for T-001" }).click(),
    ]);
    await page.waitForFunction(
      () => document.querySelector("[data-testid=priority-T-001] button")?.hasAttribute("disabled") ?? false,
    );

    // The proposal, and a what-if beside it.
    await page.getByRole("button", { name: "Foreslå prioritering" }).click();
    const current = page.getByTestId("proposal-current");
    await current.getByTestId("dropped").waitFor();
    const currentText = (await current.textContent()) ?? "";
    expect(currentText).toContain("Beste mulige forslag");
    expect(currentText).toContain("Gir for lite verdi for kostnaden i 2028 Næringsutvikling – drift");
    expect(currentText).toContain("T-001 (obligatorisk)");
    const dropped = await current.getByTestId("dropped").locator("tbody tr").count();
    expect(dropped).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "04-proposal");

    await page.getByLabel("Endring i prosent").fill("-35");
    await page.getByLabel("År", { exact: true }).selectOption("2029");
    await page.getByRole("button", { name: "Vis forslag med endringen" }).click();
    const whatIf = page.getByTestId("proposal-what-if");
    await whatIf.waitFor();
    expect(await whatIf.textContent()).toContain("Hvis rammene endres −35 % i 2029");
    // Today's proposal leaves 2029 above 65 % of its frame, so the what-if must differ from it.
    expect(await whatIf.getByTestId("difference").textContent()).not.toContain("Samme tiltak");
    expect(await whatIf.textContent()).toContain("Endrede rammer: 2029 Næringsutvikling – drift");
    expect(await current.getByTestId("dropped").locator("tbody tr").count()).toBe(dropped);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "05-what-if");

    // Apply the current proposal, after confirming.
    await current.getByRole("button", { name: "Bruk forslaget" }).click();
    const dialog = page.getByTestId("apply-dialog");
    await dialog.getByRole("heading", { name: `Ta ${dropped} tiltak ut av utkastet?` }).waitFor();
    // The dialog fades in; axe measures contrast once it is fully shown.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "06-confirm");
    await dialog.getByRole("button", { name: "Ja, ta dem ut" }).click();
    await page.getByText("Handlingsplanen er nå innenfor rammene.").waitFor();
    await page.getByTestId("within-frames").waitFor();
    expect(await page.getByTestId("overruns").count()).toBe(0);
    expect(await page.getByTestId("overrun-tag").count()).toBe(0);
    expect(await page.getByTestId("priority-table").locator("tbody tr").count()).toBe(17 - dropped);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "07-applied");

    // The same page in English.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Budget and prioritisation" }).waitFor();
    await page.getByText("Every year and frame area is within its adopted frame.").waitFor();
    await page.getByText("The action plan is now within its frames.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "08-english");
    expect(errors).toEqual([]);
  });

  it("a viewer reads frames and priorities without controls to change them", async () => {
    const page = await (await env.browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await signInWithForm(page, env.baseUrl, "leser@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/budsjett`, { waitUntil: "networkidle" });
    await page.getByTestId("frame-check").waitFor();
    await page.getByText("Bare planleggere kan endre prioritet og lage forslag.").waitFor();
    expect(await page.getByRole("button", { name: /Endre rammen/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Foreslå prioritering" }).count()).toBe(0);
    expect(await page.getByRole("spinbutton").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "09-viewer");
  });

  it("after rolling, the 2028 budget starts from the adopted frames with their origin, and 2027 is a link away", async () => {
    // The council adopts 2027 and the planner rolls to 2028 (the steps themselves are tested elsewhere).
    const { db } = env.t.database;
    const [draft] = await db
      .select({ version: actionPlanVersions, cycleId: cycles.id })
      .from(actionPlanVersions)
      .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
      .innerJoin(municipalities, eq(municipalities.id, cycles.municipalityId))
      .where(and(eq(municipalities.number, "3301"), eq(cycles.budgetYear, 2027)));
    if (!draft) throw new Error("demo has no 2027 action plan");
    await adoptActionPlanVersionForTest(db, draft.version);
    const [planner] = await db.select().from(users).where(eq(users.email, "planlegger@demo.planverk.no"));
    const [drammen] = await db.select().from(municipalities).where(eq(municipalities.number, "3301"));
    await rollCycle({
      ctx: {
        db,
        actor: {
          kind: "user",
          userId: planner?.id ?? "",
          email: planner?.email ?? "",
          name: "Planlegger",
          isSystemAdmin: false,
          roles: { [drammen?.id ?? ""]: "planner" },
        },
      },
      input: { municipalityNumber: "3301", cycleId: draft.cycleId },
    });

    const page = await (await env.browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/budsjett`, { waitUntil: "networkidle" });
    // The plan in preparation by default.
    await page.getByRole("heading", { level: 2, name: "Handlingsplan 2028, HØP 2028–2031" }).waitFor();
    const switcher = page.getByRole("navigation", { name: "Handlingsplaner" });
    expect(
      await switcher.getByRole("link", { name: /Handlingsplan 2028/ }).getAttribute("aria-current"),
    ).toBe("page");
    const row2029 = page.getByTestId("frame-2029");
    expect(await row2029.getByTestId("frame-origin").textContent()).toContain(
      "fra vedtatt økonomiplan 2027–2030, sak 068/26",
    );
    // The new last year has no frame: not an overrun, no red alert.
    expect(await page.getByTestId("frame-2031").textContent()).toContain("Ikke rammesatt");
    expect(await page.getByTestId("overruns").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, "10-carried");

    // The adopted 2027 plan is a link away, and the address keeps the choice.
    await switcher.getByRole("link", { name: /Handlingsplan 2027/ }).click();
    await page.getByRole("heading", { level: 2, name: "Handlingsplan 2027, HØP 2027–2030" }).waitFor();
    expect(page.url()).toContain("/budsjett?aar=2027");
    await page.reload({ waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 2, name: "Handlingsplan 2027, HØP 2027–2030" }).waitFor();
    expect(await page.getByTestId("frame-origin").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 90_000);
});
