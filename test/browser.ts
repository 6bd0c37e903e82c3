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
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")),
  }));
}
