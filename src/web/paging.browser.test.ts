import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { createMeasure } from "../../test/factories.ts";
import {
  actionPlanVersions,
  auditEvents,
  comments,
  measures,
  measureVersions,
  municipalities,
  notifications,
  partnerOrganisations,
  users,
} from "../db/schema/index.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

// «Vis flere»: the lists that answer in pages show the first one and load the next on request.
// Set PLANVERK_SCREENSHOT_DIR to keep a picture of each screen at 1366 and 390 px.
const screenshotDir = process.env.PLANVERK_SCREENSHOT_DIR;

describe.skipIf(!browserAvailable)("paged lists in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
    const db = env.t.database.db;
    const [drammen] = await db.select().from(municipalities).where(eq(municipalities.number, "3301"));
    const [admin] = await db.select().from(users).where(eq(users.email, "admin@demo.planverk.no"));
    if (!drammen || !admin) throw new Error("no demo");
    const municipalityId = drammen.id;
    // More than a page of everything, many rows at the very same instant.
    const same = sql`now() - interval '1 day'`;
    await db.insert(partnerOrganisations).values(
      Array.from({ length: 60 }, (_, i) => ({
        municipalityId,
        name: `Sidepartner ${String(i).padStart(2, "0")} AS`,
        kind: "business" as const,
      })),
    );
    const [t001] = await db
      .select({ id: measures.id })
      .from(measures)
      .where(and(eq(measures.municipalityId, municipalityId), eq(measures.reference, "T-001")));
    if (!t001) throw new Error("no T-001");
    await db.insert(auditEvents).values(
      Array.from({ length: 60 }, (_, i) => ({
        municipalityId,
        actorLabel: "Sidetest",
        occurredAt: same,
        objectType: "measure",
        objectId: t001.id,
        objectLabel: "T-001",
        action: "update",
        changes: { title: { before: `Tittel ${i}`, after: `Tittel ${i + 1}` } },
      })),
    );
    await db.insert(comments).values(
      Array.from({ length: 55 }, (_, i) => ({
        municipalityId,
        targetType: "measure" as const,
        targetId: t001.id,
        authorUserId: admin.id,
        visibility: "internal" as const,
        body: `Kommentar nummer ${i + 1}`,
        createdAt: same,
      })),
    );
    await db.insert(notifications).values(
      Array.from({ length: 60 }, (_, i) => ({
        municipalityId,
        userId: admin.id,
        kind: "test",
        title: `Varsel nummer ${i + 1}`,
        link: "/tiltak/T-001",
        createdAt: same,
      })),
    );
    // Measures in every action plan T-001 is in, so the one /tiltak shows has more than a page.
    const versions = await db
      .select({ plan: actionPlanVersions, focusAreaId: measureVersions.focusAreaId })
      .from(measureVersions)
      .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
      .where(eq(measureVersions.measureId, t001.id));
    for (const [v, version] of versions.entries())
      for (let i = 0; i < 60; i++)
        await createMeasure(db, {
          actionPlanVersion: version.plan,
          focusAreaId: version.focusAreaId,
          reference: `T-${1000 + v * 100 + i}`,
          title: `Sidetiltak ${i + 1}`,
        });
  });
  afterAll(() => env?.close());

  const errors: string[] = [];
  const newPage = async (width = 1366) => {
    const page = await (await env.browser.newContext({ viewport: { width, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (error) => errors.push(error.message));
    return page;
  };
  const shoot = async (page: Page, name: string) => {
    if (!screenshotDir) return;
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: path.join(screenshotDir, `paging-${name}-${width}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  };
  const loadMore = async (page: Page, testId: string, rows: () => Promise<number>, name?: string) => {
    const before = await rows();
    const button = page.getByTestId(testId);
    await button.waitFor();
    // The picture shows the button, just above it in the viewport.
    if (name && screenshotDir)
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await button.scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(screenshotDir, `paging-${name}-button-${width}.png`) });
      }
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await button.textContent()).toBe("Vis flere");
    await button.click();
    await expect.poll(rows).toBeGreaterThan(before);
    return before;
  };

  it("the audit trail, organisations, measures, a measure's history and comments, and notifications load more", async () => {
    const page = await newPage();
    await signInWithForm(page, env.baseUrl, "admin@demo.planverk.no", demoPassword);

    await page.goto(`${env.baseUrl}/partnere`, { waitUntil: "networkidle" });
    const orgRows = () => page.getByTestId("organisations-table").locator("tbody tr").count();
    expect(await loadMore(page, "organisations-load-more", orgRows, "partnere")).toBe(50);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, "partnere");

    await page.goto(`${env.baseUrl}/tiltak`, { waitUntil: "networkidle" });
    const measureRows = () => page.getByTestId("measures-table").locator("tbody tr").count();
    expect(await loadMore(page, "measures-load-more", measureRows, "tiltak")).toBe(50);
    await expect.poll(() => page.getByTestId("measures-load-more").count()).toBe(0);
    const total = await measureRows();
    expect(await page.getByTestId("measure-count").textContent()).toContain(String(total));
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, "tiltak");

    await page.goto(`${env.baseUrl}/admin`, { waitUntil: "networkidle" });
    const auditRows = () => page.getByTestId("audit-list").locator("tbody tr").count();
    expect(await loadMore(page, "load-more", auditRows, "admin")).toBe(50);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, "admin");

    await page.goto(`${env.baseUrl}/tiltak/T-001`, { waitUntil: "networkidle" });
    const commentItems = () => page.getByText(/^Kommentar nummer \d+$/).count();
    expect(await loadMore(page, "comments-load-more", commentItems, "kommentarer")).toBe(50);
    await page.getByText("Historikk").click();
    const historyRows = () => page.getByTestId("audit-list").locator("tbody tr").count();
    await expect.poll(historyRows).toBe(50);
    expect(await loadMore(page, "load-more", historyRows, "historikk")).toBe(50);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, "tiltak-t001");

    await page.goto(`${env.baseUrl}/varsler`, { waitUntil: "networkidle" });
    const noticeItems = () => page.getByTestId("notifications").locator("li").count();
    expect(await loadMore(page, "notifications-load-more", noticeItems, "varsler")).toBe(50);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, "varsler");

    expect(errors).toEqual([]);
  }, 240_000);
});
