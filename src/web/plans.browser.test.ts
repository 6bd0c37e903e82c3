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
import { createFocusArea, createGoal, createMeasure } from "../../test/factories.ts";
import { actionPlanVersions, cycles, measures, plans, users } from "../db/schema/index.ts";
import { demoPlan } from "../demo/data/drammen.ts";
import { demoPassword } from "../demo/load-demo-data.ts";
import { recordAudit } from "../services/audit.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots of each screen at 1366 and 390 px there. */
const shotsDir = process.env.PLANVERK_SHOTS;
const shots = async (page: Page, name: string) => {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shotsDir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
};

const climateTitle = "Klima- og energiplan 2027–2030";

describe.skipIf(!browserAvailable)("several plans, and invitations in the audit trail, in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  const newPage = async () => {
    const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };

  it("a planner creates a second plan and switches between the two, each with its own goals and measures", async () => {
    const page = await newPage();
    await signInWithForm(page, env.baseUrl, "planlegger@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/planer`, { waitUntil: "networkidle" });
    const list = page.getByTestId("plan-list");
    await list.getByRole("link", { name: demoPlan.title }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Ny plan" }).click();
    await page.getByLabel("Tittel").fill(climateTitle);
    await page.getByLabel("Forankret i").fill("Kommuneplanens samfunnsdel 2024–2036");
    await page.getByLabel("Første år").fill("2027");
    await page.getByLabel("Siste år").fill("2030");
    await page.getByLabel("Budsjettår for første handlingsplan").fill("2027");
    await shots(page, "plans-new");
    await page.getByRole("button", { name: "Opprett plan" }).click();
    await page.waitForURL(/\/plan\/struktur\?plan=/);
    const climateId = new URL(page.url()).searchParams.get("plan") ?? "";
    await page.getByTestId("plan-current").getByText(climateTitle).waitFor();

    // The new plan's own goal, focus area and measure (the structure editor is tested elsewhere).
    const db = env.t.database.db;
    const [climate] = await db.select().from(plans).where(eq(plans.id, climateId));
    if (!climate) throw new Error("plan not created");
    const goal = await createGoal(db, { plan: climate, title: "Kutte klimagassutslipp" });
    const focusArea = await createFocusArea(db, {
      plan: climate,
      goalIds: [goal.id],
      title: "Grønn omstilling",
    });
    const [draft] = await db
      .select({ version: actionPlanVersions })
      .from(actionPlanVersions)
      .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
      .where(and(eq(cycles.planId, climate.id), eq(cycles.budgetYear, 2027)));
    if (!draft) throw new Error("no draft action plan");
    await createMeasure(db, {
      actionPlanVersion: draft.version,
      focusAreaId: focusArea.id,
      goalIds: [goal.id],
      reference: "T-900",
      title: "Solceller på kommunale bygg",
    });

    // The climate plan: its own goal and measure, none of the business plan's.
    await page.goto(`${env.baseUrl}/?plan=${climateId}`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: climateTitle, level: 1 }).waitFor();
    await page.getByText("Kutte klimagassutslipp").first().waitFor();
    expect(await page.getByText("Solceller på kommunale bygg").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("plan-basis").textContent()).toContain(
      "Kommuneplanens samfunnsdel 2024–2036",
    );
    await page.getByText("Bytt plan").click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shots(page, "plan-switcher-open");

    // Switch to the business plan in the header: its goals, not the climate plan's.
    await page
      .getByTestId("plan-switcher")
      .getByRole("link", { name: new RegExp(demoPlan.title) })
      .click();
    await page.getByRole("heading", { name: demoPlan.title, level: 1 }).waitFor();
    expect(await page.getByTestId("plan-current").textContent()).toBe(demoPlan.title);
    expect(await page.getByText("Kutte klimagassutslipp").count()).toBe(0);

    // The measures of the business plan, then of the climate plan, through the menu.
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Tiltak" }).click();
    await page.waitForURL(/\/tiltak\?plan=/);
    await page.getByRole("table").first().waitFor();
    expect(await page.getByText("Solceller på kommunale bygg").count()).toBe(0);
    expect(await page.getByRole("cell", { name: "T-001", exact: true }).count()).toBe(1);

    await page.getByText("Bytt plan").click();
    await page
      .getByTestId("plan-switcher")
      .getByRole("link", { name: new RegExp(climateTitle) })
      .click();
    await page.waitForURL(new RegExp(`/tiltak\\?plan=${climateId}`));
    await page.getByText("Solceller på kommunale bygg").first().waitFor();
    expect(await page.getByRole("cell", { name: "T-001", exact: true }).count()).toBe(0);
    expect(await page.getByRole("cell", { name: "T-900", exact: true }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shots(page, "measures-climate-plan");

    // The browser remembers the plan: an address without it opens the climate plan again.
    await page.goto(`${env.baseUrl}/`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: climateTitle, level: 1 }).waitFor();

    // A measure's page names the plan it belongs to.
    await page.goto(`${env.baseUrl}/tiltak/T-900`, { waitUntil: "networkidle" });
    await page.waitForURL(new RegExp(`/tiltak/T-900\\?plan=${climateId}`));
    await page.getByTestId("plan-current").getByText(climateTitle).waitFor();

    await page.goto(`${env.baseUrl}/planer`, { waitUntil: "networkidle" });
    await list.getByRole("link", { name: climateTitle }).waitFor();
    await shots(page, "plans-list");
    await page.context().close();
  }, 120_000);

  it("an admin withdraws an invitation and finds it in the audit trail by its Norwegian name", async () => {
    const page = await newPage();
    await signInWithForm(page, env.baseUrl, "admin@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/admin`, { waitUntil: "networkidle" });
    await page
      .getByRole("textbox", { name: "E-postadresse", exact: true })
      .fill("trekkes.tilbake@example.no");
    await page.getByRole("button", { name: "Lag invitasjon" }).click();
    const linkText = await page.getByTestId("invitation-link").locator("code").textContent();
    const token = /\/invitasjon\/(\S+)$/.exec(linkText ?? "")?.[1];
    expect(token).toBeTruthy();

    const withdraw = page.getByRole("button", {
      name: "Trekk tilbake invitasjonen til trekkes.tilbake@example.no",
    });
    await withdraw.click();
    const dialog = page.getByTestId("withdraw-invitation-dialog");
    await dialog.getByRole("heading", { name: /Trekke tilbake invitasjonen/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shots(page, "invitation-withdraw-confirm");
    await dialog.getByRole("button", { name: "Bekreft" }).click();
    await page.getByTestId("invitation-withdrawn-notice").waitFor();
    expect(await withdraw.count()).toBe(0);
    expect(await page.getByTestId("invitation-link").count()).toBe(0);

    // The audit trail, searched by the action's Norwegian name.
    await page.getByTestId("audit-what").fill("invitasjon trukket tilbake");
    await page.getByRole("button", { name: "Filtrer" }).click();
    const trail = page.getByTestId("audit-list");
    await trail.getByText("Invitasjon trukket tilbake").waitFor();
    const rows = trail.locator("tbody tr");
    // The unfiltered trail shows the event too: wait for the filtered answer to replace it.
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("trekkes.tilbake@example.no");
    expect(await accessibilityViolations(page)).toEqual([]);

    // «tiltak» finds measures by their Norwegian name (a planner's change of T-001, written here).
    const db = env.t.database.db;
    const [measure] = await db.select().from(measures).where(eq(measures.reference, "T-001"));
    const [planner] = await db.select().from(users).where(eq(users.email, "planlegger@demo.planverk.no"));
    if (!measure || !planner) throw new Error("demo data missing");
    await recordAudit(
      db,
      {
        kind: "user",
        userId: planner.id,
        email: planner.email,
        name: planner.name,
        isSystemAdmin: false,
        roles: {},
      },
      {
        municipalityId: measure.municipalityId,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: "T-001",
        action: "update",
        changes: {
          ownerUserId: { before: null, after: planner.id },
          responsibleUnit: { before: "", after: "Næring" },
        },
      },
    );
    await page.getByTestId("audit-what").fill("tiltak");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await trail
      .getByText(/^Tiltak: /)
      .first()
      .waitFor();
    await shots(page, "audit-trail");

    // The link says it was withdrawn.
    await page.goto(`${env.baseUrl}/invitasjon/${token}`, { waitUntil: "networkidle" });
    await page.getByTestId("invitation-withdrawn").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shots(page, "invitation-withdrawn-link");
    await page.context().close();
  }, 90_000);
});
