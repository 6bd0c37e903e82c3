import { mkdirSync } from "node:fs";
import { and, desc, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, signInWithForm, startAppInBrowser } from "../../test/browser.ts";
import { hostile } from "../../test/hostile.ts";
import { actionPlanVersions, cycles, measures, measureVersions, plans } from "../db/schema/index.ts";
import { demoMunicipality, demoPassword } from "../demo/load-demo-data.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots of each page to look at. */
const shotsDir = process.env.PLANVERK_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true });
};

/**
 * Stored cross-site scripting in a real browser: hostile titles, names, descriptions, proposals and
 * comments are saved through the API, then every page that shows them is opened in Chromium. Each
 * attempt sets `window.__xss` if it ever runs, and an alert would open a dialog; neither may happen,
 * and the text must be shown as the person typed it.
 */
describe.skipIf(!browserAvailable)("stored cross-site scripting in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  it("never runs hostile text on any page of the app, and shows it literally", {
    timeout: 120_000,
  }, async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on("pageerror", (e) => errors.push(e.message));
    const cspViolations: string[] = [];
    await page.exposeFunction("__reportCsp", (v: string) => cspViolations.push(v));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      );
    });

    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    const { csrfToken } = await (await page.request.get(`${env.baseUrl}/api/session`)).json();
    const base = `${env.baseUrl}/api/municipalities/${demoMunicipality.number}`;
    const post = async (url: string, data: object) => {
      const response = await page.request.post(`${base}${url}`, {
        data,
        headers: { "x-csrf-token": csrfToken },
      });
      expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
      return response.json();
    };

    const { db } = env.t.database;
    const [plan] = await db.select().from(plans);
    if (!plan) throw new Error("no demo plan");
    const [cycle] = await db
      .select()
      .from(cycles)
      .where(eq(cycles.planId, plan.id))
      .orderBy(desc(cycles.budgetYear));
    if (!cycle) throw new Error("no cycle");
    const goal = await post(`/plans/${plan.id}/goals`, { title: hostile.title, description: hostile.plain });
    const focusArea = await post(`/plans/${plan.id}/focus-areas`, {
      title: hostile.title,
      description: hostile.plain,
      goalIds: [goal.id],
    });
    const organisation = await post("/organisations", {
      name: hostile.name,
      kind: "business",
      website: "https://example.org",
    });
    const measure = await post(`/plans/${plan.id}/measures`, {
      title: hostile.title,
      description: hostile.description,
      focusAreaId: focusArea.id,
      goalIds: [goal.id],
      responsibleUnit: hostile.name,
      contactPerson: hostile.name,
      partners: [{ organisationId: organisation.id, role: "lead" }],
      startYear: cycle.budgetYear,
      endYear: cycle.budgetYear + 1,
      tags: ["<b>merke</b>"],
      links: [{ title: hostile.name, url: "https://example.org/?a=<script>" }],
    });
    // Proposals are taken in the proposal phase (the demo's newest cycle is past it).
    await db.update(cycles).set({ phase: "innspill" }).where(eq(cycles.id, cycle.id));
    const proposal = await post("/proposals", {
      cycleId: cycle.id,
      title: hostile.title,
      description: hostile.plain,
      expectedEffect: hostile.plain,
      focusAreaId: focusArea.id,
      goalIds: [goal.id],
      organisationIds: [organisation.id],
      costs: [{ year: cycle.budgetYear, amountNok: 1000, funder: hostile.name }],
    });
    for (const target of [
      { type: "proposal", number: proposal.number },
      { type: "measure", reference: measure.reference },
    ])
      await post("/comments", { target, visibility: "partners", body: hostile.plain });

    // An indicator with a hostile name, unit and category, drawn as a chart (SVG made on the page).
    const indicator = await post("/indicators", {
      name: hostile.title,
      description: hostile.plain,
      unit: hostile.name.slice(0, 100),
      sourceName: hostile.name,
    });
    const data = `region;år;verdi\n${demoMunicipality.number};2022;12,5\n${demoMunicipality.number};2023;13,1\n`;
    const source = { kind: "file", fileName: "data.csv", format: "csv", text: data };
    await post(`/indicators/${indicator.id}/imports`, { source, mapping: { region: "region", time: "år" } });

    // A status report on a measure of the adopted plan, with a hostile narrative.
    const [adopted] = await db
      .select({ cycleId: cycles.id, versionId: actionPlanVersions.id })
      .from(actionPlanVersions)
      .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
      .where(and(eq(cycles.planId, plan.id), eq(actionPlanVersions.status, "adopted")))
      .orderBy(desc(cycles.budgetYear));
    if (!adopted) throw new Error("no adopted action plan in the demo");
    const [reported] = await db
      .select({ reference: measures.reference })
      .from(measureVersions)
      .innerJoin(measures, eq(measures.id, measureVersions.measureId))
      .where(eq(measureVersions.actionPlanVersionId, adopted.versionId))
      .orderBy(measures.reference);
    if (!reported) throw new Error("no measure in the adopted plan");
    const send = async (method: "PUT" | "PATCH", url: string, data: object) => {
      const response = await page.request.fetch(`${base}${url}`, {
        method,
        data,
        headers: { "x-csrf-token": csrfToken },
      });
      expect(response.status(), `${url}: ${await response.text()}`).toBe(200);
      return response.json();
    };
    await page.request.post(`${base}/cycles/${adopted.cycleId}/reporting-periods`, {
      headers: { "x-csrf-token": csrfToken },
    });
    const periods = await (
      await page.request.get(`${base}/cycles/${adopted.cycleId}/reporting-periods`)
    ).json();
    const period = periods.periods[0];
    if (period.state !== "open")
      await send("PATCH", `/reporting-periods/${period.id}`, { version: period.version, state: "open" });
    await send("PUT", `/reporting-periods/${period.id}/measures/${reported.reference}/report`, {
      trafficLight: "deviation",
      measureStatus: "in_progress",
      progress: 30,
      achieved: hostile.plain,
      nextSteps: hostile.title,
      risks: hostile.name,
      explanation: hostile.plain,
    });
    const approved = await page.request.post(
      `${base}/reporting-periods/${period.id}/measures/${reported.reference}/report/review`,
      { data: { version: 1, decision: "approve" }, headers: { "x-csrf-token": csrfToken } },
    );
    expect(approved.status(), await approved.text()).toBe(200);

    const pages: [string, string, string[]][] = [
      ["plan", "/", [hostile.title, hostile.plain]],
      ["structure", "/plan/struktur", [hostile.title]],
      ["measures", "/tiltak", [hostile.title]],
      [
        "measure",
        `/tiltak/${measure.reference}`,
        [hostile.title, hostile.name, "Beskrivelse med vekt.", hostile.plain],
      ],
      ["measure-edit", `/tiltak/${measure.reference}/rediger`, []],
      ["organisations", "/partnere", [hostile.name]],
      ["organisation", `/partnere/${organisation.id}`, [hostile.name]],
      ["proposals", "/innspill", [hostile.title]],
      ["proposal", `/innspill/${proposal.number}`, [hostile.title, hostile.plain]],
      ["status-report", `/status/${period.id}/${reported.reference}`, [hostile.plain, hostile.title]],
      ["status-compiled", `/status/${period.id}/rapport`, [hostile.plain]],
      ["indicators", "/indikatorer", [hostile.title]],
      ["indicator", `/indikatorer/${indicator.id}`, [hostile.title, hostile.plain]],
    ];
    for (const [name, path, texts] of pages) {
      await page.goto(`${env.baseUrl}${path}`, { waitUntil: "networkidle" });
      await page.locator("main").waitFor();
      const text = (await page.locator("main").textContent()) ?? "";
      for (const expected of texts)
        expect(text.replace(/\s+/g, " "), `${name}: ${expected}`).toContain(expected);
      // Nothing ran: no sentinel, no dialog, no element the hostile text could have made.
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
        name,
      ).toBeUndefined();
      expect(
        await page.evaluate(() => ({
          scripts: [...document.scripts].filter((s) => !s.src && s.type !== "application/json").length,
          handlers: [...document.querySelectorAll("main *")].filter((e) =>
            [...e.attributes].some((a) => a.name.startsWith("on")),
          ).length,
          javascriptLinks: [...document.querySelectorAll("a[href], iframe[src]")].filter((e) =>
            /^\s*javascript:/i.test(e.getAttribute("href") ?? e.getAttribute("src") ?? ""),
          ).length,
          svgOrImgFromText: document.querySelectorAll('main img[src="x"], main svg[onload]').length,
        })),
        name,
      ).toEqual({ scripts: 0, handlers: 0, javascriptLinks: 0, svgOrImgFromText: 0 });
      await shot(page, `xss-${name}`);
    }
    // The chart's SVG is put in as markup (drawn by Plot): the hostile unit is only text in it.
    await page.goto(`${env.baseUrl}/indikatorer/${indicator.id}`, { waitUntil: "networkidle" });
    const chart = page.locator(".pv-chart__svg svg").first();
    expect(await chart.textContent()).toContain(hostile.name.slice(0, 100));
    expect(await chart.locator("img, script, foreignObject, [onload], [onerror]").count()).toBe(0);

    // The edit form gives the title back as typed, for editing.
    await page.goto(`${env.baseUrl}/tiltak/${measure.reference}/rediger`, { waitUntil: "networkidle" });
    expect(await page.getByLabel("Tiltak", { exact: true }).inputValue()).toBe(hostile.title);

    // The public pages, in the same browser, after the planner's text is there.
    await page.goto(
      `${env.baseUrl}/kommune/${demoMunicipality.number}/sok?q=${encodeURIComponent(hostile.title)}`,
      {
        waitUntil: "networkidle",
      },
    );
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator("input[name=q]").inputValue()).toBe(hostile.title);

    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
