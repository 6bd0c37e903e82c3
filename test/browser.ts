import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";

const executablePath = process.env.PLANVERK_CHROMIUM ?? "/usr/bin/chromium";
const required = process.env.PLANVERK_REQUIRE_BROWSER === "1";

/**
 * Browser tests run in Debian's Chromium. Without it they are skipped, loudly; in CI
 * (PLANVERK_REQUIRE_BROWSER=1) a missing browser is a failure.
 */
export const browserAvailable = existsSync(executablePath) || required;
if (!existsSync(executablePath)) {
  const message = `Chromium not found at ${executablePath}: browser tests ${required ? "FAIL" : "are SKIPPED"}. Install it with: apt-get install -y chromium`;
  console.warn(`\n${"!".repeat(message.length)}\n${message}\n${"!".repeat(message.length)}\n`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** WCAG 2.1 A and AA, as Norwegian law requires of public web services. */
export async function accessibilityViolations(page: Page) {
  // A dialog fading in has, for a moment, text at part opacity: axe would measure that contrast.
  // So first the finite animations and transitions end (a spinner's endless one is not waited for).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
  );
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")),
  }));
}

/** The app on a real port with demo data in a database of its own, and a browser to drive it. */
/** The demo in a browser. `today` is the app's clock (YYYY-MM-DD), read on every request. */
export async function startAppInBrowser(
  options: {
    today?: () => string;
    jobQueue?: { current: import("../src/infra/jobs.ts").JobQueue | null };
  } = {},
) {
  const { createTestApp } = await import("./app.ts");
  const { loadDemoDataIfEmpty } = await import("../src/demo/load-demo-data.ts");
  const { systemContext } = await import("./factories.ts");
  const t = await createTestApp({ web: true, today: options.today, jobQueue: options.jobQueue });
  await loadDemoDataIfEmpty({ ctx: systemContext(t.database.db) });
  const baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await launchBrowser();
  return {
    t,
    baseUrl,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** Signs in through the form, as a person would. */
export async function signInWithForm(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/logg-inn`, { waitUntil: "networkidle" });
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.getByTestId("signed-in-as").waitFor();
}
