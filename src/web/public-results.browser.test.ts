import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, browserAvailable, startAppInBrowser } from "../../test/browser.ts";
import {
  adoptActionPlanVersionForTest,
  createMunicipality,
  createPublishedPlan,
  createRegion,
} from "../../test/factories.ts";
import { createEvaluatedRound, createIndicatorWithFigures } from "../../test/public-results.ts";
import {
  indicatorImports,
  indicatorValues,
  measureCosts,
  measureParticipations,
  measures,
  municipalities,
  removedMeasureVersions,
} from "../db/schema/index.ts";

const shots = join(tmpdir(), "planverk-public-results");

/** No sideways scrolling of the page itself: wide tables scroll inside their own container. */
const pageScrollsSideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const wide = root.scrollWidth > root.clientWidth ? [`${location.pathname} ${root.scrollWidth}`] : [];
    // What sticks out, to say why.
    return wide.concat(
      [...document.querySelectorAll("body *")]
        .filter(
          (el) =>
            el.getBoundingClientRect().right > root.clientWidth + 0.5 &&
            !el.parentElement?.closest(".table-scroll"),
        )
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
        ),
    );
  });

describe.skipIf(!browserAvailable)("public results in Chromium without JavaScript", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  let nr: string;
  let urls: { plan: string; indicator: string; evaluation: string; measure: string; region: string };
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    env = await startAppInBrowser();
    const { db } = env.t.database;
    const municipality = await createMunicipality(db, { name: "Testby" });
    nr = municipality.number;
    const data = await createPublishedPlan(db, { municipalityId: municipality.id });
    const indicator = await createIndicatorWithFigures(db, municipality, {
      name: "Sysselsettingsandel",
      published: true,
      isExample: true,
      target: 72,
      goalId: data.goal.id,
    });
    const roundId = await createEvaluatedRound(db, {
      municipalityId: municipality.id,
      cycleId: data.adoptedPlan.cycleId,
      measureId: data.adopted.measure.id,
      published: true,
    });
    await db
      .update(measureCosts)
      .set({ externalStatus: "applied" })
      .where(eq(measureCosts.amountNok, 500_000));
    // The 2027 action plan is adopted without the measure, which was running at 40 %: a planner took
    // it out of the draft with a reason.
    await db.insert(removedMeasureVersions).values({
      municipalityId: municipality.id,
      measureId: data.adopted.measure.id,
      actionPlanVersionId: data.draftVersion.id,
      snapshot: { version: {}, goalIds: [], objectiveIds: [], partners: [], costs: [] },
      via: "manual",
      reason: "Pengene ble flyttet til et nytt tiltak",
    });
    await adoptActionPlanVersionForTest(db, data.draftVersion, { adoptedOn: "2027-12-09" });
    await db
      .update(measures)
      .set({ status: "in_progress", progress: 40 })
      .where(eq(measures.id, data.adopted.measure.id));
    await db
      .update(municipalities)
      .set({ accessibilityStatementUrl: "https://uustatus.no/nb/erklaringer/publisert/testby" })
      .where(eq(municipalities.id, municipality.id));
    // A region with a neighbour that shares the measure (30 %) and has a figure on the indicator.
    const neighbour = await createMunicipality(db, { name: "Nabovik" });
    await createPublishedPlan(db, { municipalityId: neighbour.id });
    const region = await createRegion(db, {
      municipalityIds: [municipality.id, neighbour.id],
      name: "Testregionen",
    });
    await db.insert(measureParticipations).values({
      municipalityId: neighbour.id,
      measureId: data.adopted.measure.id,
      ownerMunicipalityId: municipality.id,
      status: "joined",
      sharePercent: 30,
    });
    const [imported] = await db
      .select()
      .from(indicatorImports)
      .where(eq(indicatorImports.indicatorId, indicator.id));
    await db.insert(indicatorValues).values({
      municipalityId: municipality.id,
      importId: imported?.id as string,
      regionCode: neighbour.number,
      regionLabel: neighbour.name,
      regionNumber: neighbour.number,
      period: "2024",
      value: 64.5,
    });
    urls = {
      plan: `/kommune/${nr}/plan/${data.plan.id}/2026`,
      indicator: `/kommune/${nr}/indikator/${indicator.id}`,
      evaluation: `/kommune/${nr}/evaluering/${roundId}`,
      measure: `/kommune/${nr}/tiltak/${data.adopted.measure.reference}`,
      region: `/region/${region.slug}?aar=2026`,
    };
  });
  afterAll(() => env?.close());

  for (const width of [1366, 360]) {
    it(`shows what the plan achieves at ${width} px: status, indicators, evaluation, a removed measure, money apart, the comparison, the region`, async () => {
      const context = await env.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      // axe and the measuring need script in the page: the same address, read again in a context that
      // allows it (the public pages themselves load none).
      const withScript = await env.browser.newContext({ viewport: { width, height: 900 } });
      const inspector = await withScript.newPage();
      const check = async (name: string) => {
        await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
        await inspector.goto(page.url());
        expect(await accessibilityViolations(inspector)).toEqual([]);
        expect(await pageScrollsSideways(inspector)).toEqual([]);
      };

      await page.goto(`${env.baseUrl}${urls.plan}`);
      const overview = page.getByTestId("plan-overview");
      expect(await overview.textContent()).toContain("1 av 1 indikatorer er i rute");
      expect(await overview.textContent()).toContain("1 tiltak: 1 pågår, 0 fullført, 0 stoppet");
      const goal = page.locator("ol.goals li").first();
      expect(await goal.getByRole("link", { name: "Sysselsettingsandel" }).count()).toBe(1);
      expect(await goal.locator(".track").textContent()).toBe("I rute");
      // The budget table scrolls in its own named region; on a phone a visible line says so.
      const region = page.getByRole("region", { name: /Tiltakenes kostnader per år/ });
      expect(await region.getAttribute("tabindex")).toBe("0");
      expect(await page.getByText("Tabellen kan rulles sideveis.").first().isVisible()).toBe(width === 360);
      expect(await page.locator("caption").first().isVisible()).toBe(true);
      expect(await page.getByTestId("accessibility-statement").getAttribute("href")).toBe(
        "https://uustatus.no/nb/erklaringer/publisert/testby",
      );
      await check("plan");

      // The 2026 and 2027 action plans compared: the measure taken out, and why.
      await page.getByRole("link", { name: "Sammenlign med handlingsplanen for 2027" }).click();
      await page
        .getByRole("heading", { level: 1, name: "Handlingsplan 2026 og 2027 sammenlignet" })
        .waitFor();
      expect(await page.getByTestId("compare-removed").textContent()).toContain(
        "Begrunnelse: Pengene ble flyttet til et nytt tiltak",
      );
      expect(await page.getByTestId("compare-money").textContent()).toContain("Eksterne midler");
      await check("compare");
      await page.goto(`${env.baseUrl}${urls.plan}`);

      await page.getByRole("link", { name: "Sysselsettingsandel" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Sysselsettingsandel" }).waitFor();
      expect(await page.getByTestId("example-note").textContent()).toBe(
        "Eksempeltall – ikke offisiell statistikk",
      );
      expect(await page.locator(".card .track").textContent()).toBe("I rute");
      expect(await page.getByTestId("time-chart").locator("svg").first().isVisible()).toBe(true);
      expect(await page.getByTestId("chart-credit").first().textContent()).toContain(
        "Kilde: Statistisk sentralbyrå",
      );
      expect(await page.getByRole("table", { name: /Tallene i figuren «Utvikling over tid»/ }).count()).toBe(
        1,
      );
      await check("indicator");

      await page.goto(`${env.baseUrl}${urls.plan}`);
      await page.getByRole("link", { name: /Evaluering: Evaluering av handlingsplanen 2026/ }).click();
      await page.getByRole("heading", { level: 1, name: "Evaluering av handlingsplanen 2026" }).waitFor();
      expect(await page.getByTestId("group-rule").textContent()).toContain("færre enn 3 svar");
      const academia = page.getByRole("row", { name: /Akademia/ }).first();
      expect(await academia.textContent()).toContain("Skjult for å verne den enkelte");
      // Business (3 answers) is hidden too: beside everyone's figures it would give the single
      // academia answer away by subtraction.
      expect(
        await page
          .getByRole("row", { name: /Næringsliv/ })
          .first()
          .textContent(),
      ).toContain("Skjult for å verne den enkelte");
      await check("evaluation");

      await page.goto(`${env.baseUrl}${urls.measure}`);
      const change = page.getByTestId("measure-change");
      expect(await change.textContent()).toContain("Tiltaket er ikke med i handlingsplanen for 2027.");
      expect(await change.textContent()).toContain("Begrunnelse: Pengene ble flyttet til et nytt tiltak");
      expect(await page.getByTestId("municipal-money").textContent()).toBe("1\u00a0250\u00a0000\u00a0kr");
      expect(await page.getByTestId("external-money").textContent()).toBe("500\u00a0000\u00a0kr");
      expect(await page.getByTestId("money-note").textContent()).toContain("søkt 500\u00a0000\u00a0kr");
      expect(await page.getByRole("link", { name: /Evaluering: / }).count()).toBe(1);
      await check("measure");

      // The region: each member's measures, the shared measure's split, the indicator compared.
      await page.goto(`${env.baseUrl}${urls.region}`);
      await page.getByRole("heading", { level: 1, name: "Testregionen" }).waitFor();
      expect(await page.getByText(/Her kommer/).count()).toBe(0);
      const split = page.getByTestId("shared-measures");
      expect(await split.getByRole("row", { name: /Nabovik \(deltar\)/ }).textContent()).toContain("30 %");
      expect(await split.getByRole("row", { name: /Testby \(eier\)/ }).textContent()).toContain(
        "875\u00a0000\u00a0kr",
      );
      const compared = page.getByTestId("region-indicator").first();
      expect(await compared.locator("svg").first().isVisible()).toBe(true);
      expect(await compared.getByRole("row", { name: /Nabovik/ }).textContent()).toContain("64,5");
      expect(await compared.getByTestId("chart-credit").textContent()).toContain("CC BY 4.0");
      expect(await page.getByTestId("region-money-note").textContent()).toContain(
        "Eksterne midler er ikke med",
      );
      await check("region");

      // The footer leads to the open data API documented in Norwegian.
      await page.getByRole("link", { name: "Åpne data: API og datakatalog" }).click();
      await page.getByRole("heading", { level: 1, name: "Åpne data: API og datakatalog" }).waitFor();
      await check("open-data");
      await context.close();
      await withScript.close();
    }, 120_000);
  }
});
