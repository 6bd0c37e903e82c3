import { mkdirSync } from "node:fs";
import { and, eq, isNull } from "drizzle-orm";
import pino from "pino";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { createUser, testPassword } from "../../test/factories.ts";
import {
  evaluationRounds,
  indicatorImports,
  indicators,
  municipalities,
  remindersSent,
} from "../db/schema/index.ts";
import { type JobQueue, type JobRunner, startJobs } from "../infra/jobs.ts";

/** With PLANVERK_SHOTS=<folder>, the test leaves screenshots of each screen there, at 1366 and 390 px. */
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

describe.skipIf(!browserAvailable)("background work in Chromium", () => {
  const jobQueue: { current: JobQueue | null } = { current: null };
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  let runner: JobRunner;
  let page: Page;
  beforeAll(async () => {
    env = await startAppInBrowser({ jobQueue });
    runner = await startJobs({
      databaseUrl: env.t.database.url,
      log: pino({ level: "silent" }),
      schedules: [
        {
          name: "indicator-refresh",
          cron: "40 * * * *",
          retryLimit: 0,
          run: async () => {
            throw new Error("Tjenesten svarte med feil 503 (https://data.ssb.no/api/v0/no/table/07984)");
          },
        },
      ],
    });
    jobQueue.current = runner.queue;
    const db = env.t.database.db;
    const [drammen] = await db.select().from(municipalities).where(eq(municipalities.number, "3301"));
    if (!drammen) throw new Error("no demo");
    const admin = await createUser(db, { municipalityId: drammen.id, role: "planner", isSystemAdmin: true });
    page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signInWithForm(page, env.baseUrl, admin.email, testPassword);
  });
  afterAll(async () => {
    await runner?.stop(2000);
    await env?.close();
  });

  it("shows installation admins the failed job and tries it again", async () => {
    await runner.runNow("indicator-refresh");
    await page.goto(`${env.baseUrl}/drift/jobber`, { waitUntil: "networkidle" });
    const table = page.getByTestId("jobs-table");
    await table.getByText("Feilet").waitFor({ timeout: 20_000 });
    await expect(table.getByText("Oppdatering av indikatorer").count()).resolves.toBe(1);
    await expect(table.getByText("Tjenesten svarte med feil 503").count()).resolves.toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shots(page, "jobs-failed");
    await page.getByRole("button", { name: /^Prøv igjen/ }).click();
    await page.getByText("Jobben er lagt tilbake i køen.").waitFor();
    await shots(page, "jobs-retried");
  });

  it("shows an indicator's refresh schedule and last fetch, and the reminder notes by deadlines", async () => {
    const db = env.t.database.db;
    const [indicator] = await db.select().from(indicators).limit(1);
    if (!indicator) throw new Error("no demo indicator");
    await db
      .update(indicatorImports)
      .set({ sourceUrl: "https://data.ssb.no/api/v0/no/table/07984" })
      .where(and(eq(indicatorImports.indicatorId, indicator.id), isNull(indicatorImports.replacedAt)));
    await db
      .update(indicators)
      .set({
        refreshSchedule: "weekly",
        lastFetchedAt: new Date("2026-12-04T04:40:00Z"),
        lastFetchOk: true,
        lastFetchSummary: { added: 1, changed: 2, removed: 0 },
      })
      .where(eq(indicators.id, indicator.id));
    await page.goto(`${env.baseUrl}/indikatorer/${indicator.id}`, { waitUntil: "networkidle" });
    const refresh = page.getByTestId("indicator-refresh");
    await expect(refresh.getByTestId("last-fetch").textContent()).resolves.toContain(
      "1 nye, 2 endret, 0 fjernet",
    );
    await expect(refresh.getByLabel("Hent tallene på nytt fra adressen").inputValue()).resolves.toBe(
      "weekly",
    );
    await refresh.getByLabel("Hent tallene på nytt fra adressen").selectOption("daily");
    await refresh.getByRole("button", { name: "Lagre" }).click();
    await refresh.getByText("Lagret.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shots(page, "indicator-refresh");

    // An evaluation round whose reminder went on 4 December.
    const [round] = await db.select().from(evaluationRounds).limit(1);
    if (round) {
      await db
        .update(evaluationRounds)
        .set({ status: "open", deadline: "2099-12-07" })
        .where(eq(evaluationRounds.id, round.id));
      await db.insert(remindersSent).values({
        municipalityId: round.municipalityId,
        kind: "evaluation_deadline",
        objectId: round.id,
        dueDate: "2099-12-07",
        recipients: 2,
        sentAt: new Date("2026-12-04T07:15:00Z"),
      });
      await page.goto(`${env.baseUrl}/evalueringer`, { waitUntil: "networkidle" });
      await page.getByText("Påminnelse sendt 4. des.").first().waitFor();
      await shots(page, "evaluations-reminder");
    }
    await page.goto(`${env.baseUrl}/arshjul`, { waitUntil: "networkidle" });
    await shots(page, "cycle");
  });
});
