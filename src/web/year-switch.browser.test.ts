import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../test/app.ts";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

// The year model in Chromium: in December 2026 the demo has 2026 in execution; the planner adopts
// 2027 and rolls to 2028 (through the API here; the rolling walk does it in the browser), then moves
// between the three action plans on the plan tree, /tiltak and a measure page.
describe.skipIf(!browserAvailable)("switching between the action plans that are alive", () => {
  let clock = "2026-12-20";
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser({ today: () => clock });
    const { app } = env.t;
    const planner = await signIn(app, "planlegger@demo.planverk.no", demoPassword);
    const base = "/api/municipalities/3301";
    const call = async (method: "GET" | "POST", url: string, payload?: object) => {
      const response = await app.inject({ method, url: `${base}${url}`, headers: planner.headers, payload });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json();
    };
    const planId = (await call("GET", "/plan-tree")).plan.id;
    const newest = async () => (await call("GET", `/plans/${planId}/cycles`))[0];
    let cycle = await newest();
    expect(cycle).toMatchObject({ budgetYear: 2027, phase: "tilpasning" });
    cycle = await call("POST", `/cycles/${cycle.id}/advance`, { version: cycle.version, to: "vedtak" });
    cycle = await newest();
    await call("POST", `/cycles/${cycle.id}/adopt`, {
      adoptedOn: "2026-12-15",
      decisionBody: "Bystyret",
      caseReference: "sak 123/26",
    });
    await call("POST", `/cycles/${cycle.id}/roll`);
  });
  afterAll(() => env?.close());

  it("the address names the plan; the default is the one in execution; reload keeps the choice", async () => {
    const page = await (await env.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    const shown = page.getByTestId("plan-year-shown");
    const switcher = page.getByRole("navigation", { name: "Handlingsplaner" });

    // The plan tree: 2026 is being carried out; 2027 is adopted and starts on 1 January; 2028 is a draft.
    await page.goto(env.baseUrl, { waitUntil: "networkidle" });
    expect(await shown.textContent()).toBe("I gjennomføring: Handlingsplan 2026 (vedtatt 16.12.2025)");
    expect(await switcher.getByRole("link").allTextContents()).toEqual([
      "Under arbeid: Handlingsplan 2028 (utkast, fase Innspill)",
      "Vedtatt, starter 1. januar: Handlingsplan 2027",
      "I gjennomføring: Handlingsplan 2026 (vedtatt 16.12.2025)",
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await switcher.getByRole("link", { name: "Vedtatt, starter 1. januar: Handlingsplan 2027" }).click();
    await page.waitForURL(/\/\?aar=2027$/);
    await shown.getByText("Vedtatt, starter 1. januar: Handlingsplan 2027").waitFor();
    expect(await switcher.locator("[aria-current=page]").textContent()).toBe(
      "Vedtatt, starter 1. januar: Handlingsplan 2027",
    );
    await page.reload({ waitUntil: "networkidle" });
    expect(await shown.textContent()).toBe("Vedtatt, starter 1. januar: Handlingsplan 2027");
    await switcher.getByRole("link", { name: /Handlingsplan 2028/ }).click();
    await page.waitForURL(/\/\?aar=2028$/);
    await shown.getByText("Under arbeid: Handlingsplan 2028 (utkast, fase Innspill)").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // /tiltak for 2027: the heading names it, and the links to the measures keep the year.
    await page.goto(`${env.baseUrl}/tiltak?aar=2027`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: "Tiltak i handlingsplan 2027" }).waitFor();
    await switcher.getByRole("link", { name: /Handlingsplan 2026/ }).click();
    await page.waitForURL(/\/tiltak\?aar=2026$/);
    await page.getByRole("heading", { level: 1, name: "Tiltak i handlingsplan 2026" }).waitFor();
    await switcher.getByRole("link", { name: /Handlingsplan 2027/ }).click();
    await page.getByRole("heading", { level: 1, name: "Tiltak i handlingsplan 2027" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Vertskapsprogram for nye virksomheter" }).click();
    await page.waitForURL(/\/tiltak\/T-001\?aar=2027$/);

    // The measure page: the adopted 2027 version, read-only; switching to 2028 opens the draft to edit.
    await page.getByRole("heading", { level: 1, name: "Vertskapsprogram for nye virksomheter" }).waitFor();
    await shown.getByText("Vedtatt, starter 1. januar: Handlingsplan 2027").waitFor();
    expect(await page.getByRole("link", { name: "Rediger tiltaket" }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await switcher.getByRole("link", { name: /Handlingsplan 2028/ }).click();
    await page.waitForURL(/\/tiltak\/T-001\?aar=2028$/);
    await page.getByRole("link", { name: "Rediger tiltaket" }).waitFor();
    await page.reload({ waitUntil: "networkidle" });
    expect(await shown.textContent()).toBe("Under arbeid: Handlingsplan 2028 (utkast, fase Innspill)");
    // The main menu keeps the year on the year-dependent views.
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Tiltak" }).click();
    await page.waitForURL(/\/tiltak\?aar=2028$/);
    await page.getByRole("heading", { level: 1, name: "Tiltak i handlingsplan 2028" }).waitFor();

    // Without a year, the measure page shows the plan in execution; spending is offered for its period.
    await page.goto(`${env.baseUrl}/tiltak/T-001`, { waitUntil: "networkidle" });
    expect(await shown.textContent()).toBe("I gjennomføring: Handlingsplan 2026 (vedtatt 16.12.2025)");
    const spendingYears = await page
      .getByRole("region", { name: "Plan og forbruk" })
      .getByRole("combobox")
      .locator("option")
      .allTextContents();
    expect(spendingYears).toEqual(expect.arrayContaining(["2026", "2027", "2028", "2029"]));

    // When 2027 begins, the 2027 plan is the one in execution.
    clock = "2027-01-04";
    await page.goto(env.baseUrl, { waitUntil: "networkidle" });
    expect(await shown.textContent()).toBe("I gjennomføring: Handlingsplan 2027 (vedtatt 15.12.2026)");
    expect(errors).toEqual([]);
    // Three screens in three years, each checked with axe: more than the default 30 s on a busy machine.
  }, 90_000);
});
