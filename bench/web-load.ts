/**
 * Benchmark of the signed-in web app's first load:
 *
 *   npm run bench:web                 # 5 loads, 4 Mbit/s down, 150 ms latency
 *   npm run bench:web -- --runs 3 --screenshots /tmp/shots
 *
 * Builds the web app in production mode if needed, then starts Planverk as an operator would
 * (src/cli/start.ts, its own PostgreSQL in a temporary folder, demo data loaded), signs in as the demo planner and loads the front page
 * in Chromium with the cache disabled and the network throttled through the DevTools protocol.
 * Reports, per load and as the median:
 *
 * - the JavaScript transferred (bytes on the wire, i.e. compressed when the server compresses);
 * - the time from navigation start until the page's buttons work: the first moment a button inside
 *   #root carries React's props (its handlers are attached, which happens when hydration reaches
 *   it). This works for builds with and without the `data-hydrated` marker that main.tsx sets, so
 *   older builds can be measured the same way; the marker's time is printed too when present;
 * - first contentful paint (when the page looks ready).
 *
 * Prints markdown; figures are in docs/PERFORMANCE.md.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { chromium } from "playwright-core";
import { ensureWebBuilt } from "../src/cli/web-build.ts";
import { freePort, startPlanverkProcess, waitUntilReady } from "../test/processes.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "down-mbit": { type: "string", default: "4" },
    latency: { type: "string", default: "150" },
    screenshots: { type: "string" },
  },
});
const runs = Number(values.runs);
const downMbit = Number(values["down-mbit"]);
const latency = Number(values.latency);
const executablePath = process.env.PLANVERK_CHROMIUM ?? "/usr/bin/chromium";

type Load = {
  jsBytes: number;
  jsFiles: number;
  cssBytes: number;
  interactiveMs: number;
  markerMs: number | null;
  fcpMs: number | null;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

// Build the web app here, in production mode, before the server starts (it runs with
// NODE_ENV=development and would otherwise build React's development bundle).
process.env.NODE_ENV = "production";
await ensureWebBuilt(pino({ level: "warn" }));

const dataDir = await mkdtemp(path.join(os.tmpdir(), "planverk-web-bench-"));
const port = await freePort();
const server = startPlanverkProcess({ PORT: String(port), PLANVERK_DATA_DIR: dataDir, LOG_LEVEL: "warn" });
const baseUrl = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

try {
  await waitUntilReady(baseUrl, server, 300_000);
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const signIn = await context.request.post(`${baseUrl}/api/session`, {
    data: { email: "planlegger@demo.planverk.no", password: "demo-planverk-2026" },
  });
  if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);

  // Records when a button in the app first carries React's props, i.e. its handlers work.
  // A string, not a function: tsx would add helpers (__name) that do not exist in the page.
  await context.addInitScript(`
    (() => {
      const check = () => {
        const button = document.querySelector("#root button, #root a[href]");
        if (button && Object.keys(button).some((k) => k.startsWith("__reactProps$"))) {
          window.__interactiveAt = performance.now();
          return;
        }
        setTimeout(check, 5);
      };
      check();
    })();
  `);

  const loads: Load[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency,
      downloadThroughput: (downMbit * 1_000_000) / 8,
      uploadThroughput: (1 * 1_000_000) / 8,
    });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const types = new Map<string, string>();
    const sizes = new Map<string, number>();
    cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
    cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
    await page.goto(`${baseUrl}/`, { waitUntil: "load" });
    await page
      .waitForFunction(() => (window as unknown as { __interactiveAt?: number }).__interactiveAt, null, {
        timeout: 60_000,
      })
      .catch(async (error) => {
        const html = await page.evaluate(() => document.documentElement.outerHTML.slice(0, 3000));
        throw new Error(`the page never became interactive:\n${errors.join("\n")}\n${html}`, {
          cause: error,
        });
      });
    await page.waitForLoadState("networkidle");
    const timings = await page.evaluate(() => {
      const marker = document.documentElement.dataset.hydrated;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return {
        interactiveMs: (window as unknown as { __interactiveAt: number }).__interactiveAt,
        markerMs: marker ? Number(marker) : null,
        fcpMs: fcp ? fcp.startTime : null,
      };
    });
    let jsBytes = 0;
    let jsFiles = 0;
    let cssBytes = 0;
    for (const [id, type] of types) {
      if (type === "Script") {
        jsBytes += sizes.get(id) ?? 0;
        jsFiles++;
      }
      if (type === "Stylesheet") cssBytes += sizes.get(id) ?? 0;
    }
    await page.close();
    // The first load warms the server (rendering, database); it is not counted.
    if (i > 0) loads.push({ jsBytes, jsFiles, cssBytes, ...timings });
  }

  // Screenshots at desktop and phone width, with the page's width (horizontal scroll when wider).
  if (values.screenshots) {
    for (const width of [1366, 390]) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
      for (const [name, url] of [
        ["front", "/"],
        ["measures", "/tiltak"],
      ] as const) {
        await page.goto(`${baseUrl}${url}`, { waitUntil: "networkidle" });
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        console.log(`${name} at ${width} px: page ${scrollWidth} px wide`);
        await page.screenshot({ path: path.join(values.screenshots, `${name}-${width}.png`) });
        const menu = page.getByRole("button", { name: "Meny" });
        if (width < 800 && name === "front" && (await menu.count()) > 0) {
          await menu.click();
          await page.screenshot({ path: path.join(values.screenshots, `${name}-${width}-menu.png`) });
        }
      }
      await page.close();
    }
  }

  const kb = (n: number) => (n / 1024).toFixed(1);
  const ms = (n: number | null) => (n === null ? "–" : Math.round(n).toString());
  console.log(`\nSigned-in front page, ${downMbit} Mbit/s down, ${latency} ms latency, cache disabled\n`);
  console.log(
    "| load | JS files | JS transferred (KB) | CSS transferred (KB) | FCP (ms) | buttons work (ms) | data-hydrated (ms) |",
  );
  console.log("|---|---|---|---|---|---|---|");
  loads.forEach((l, i) => {
    console.log(
      `| ${i + 1} | ${l.jsFiles} | ${kb(l.jsBytes)} | ${kb(l.cssBytes)} | ${ms(l.fcpMs)} | ${ms(l.interactiveMs)} | ${ms(l.markerMs)} |`,
    );
  });
  console.log(
    `| **median** | ${median(loads.map((l) => l.jsFiles))} | **${kb(median(loads.map((l) => l.jsBytes)))}** | ${kb(median(loads.map((l) => l.cssBytes)))} | ${ms(median(loads.flatMap((l) => (l.fcpMs === null ? [] : [l.fcpMs]))))} | **${ms(median(loads.map((l) => l.interactiveMs)))}** | ${ms(loads.every((l) => l.markerMs !== null) ? median(loads.map((l) => l.markerMs as number)) : null)} |`,
  );
} finally {
  await browser.close();
  server.child.kill("SIGTERM");
  await server.exited;
  await rm(dataDir, { recursive: true, force: true });
}
