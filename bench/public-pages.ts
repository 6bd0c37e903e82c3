/**
 * Benchmark of the public pages and their open data:
 *
 *   npm run bench:public                       # everything
 *   npm run bench:public -- --duration 10 --connections 50 --skip-lighthouse
 *
 * Starts its own PostgreSQL in a temporary folder, migrates, seeds a published plan with an
 * adopted action plan of 300 measures (bench/measures-list.ts `seed`), builds the web app if needed
 * and starts Planverk on a free port. Then:
 *
 * 1. Public JavaScript: every <script src> on the public page types (municipality, plan, focus area,
 *    measure, search), fetched and gzipped; beside it the signed-in app's bundle for scale.
 * 2. Lighthouse 12.2.3 (`npx lighthouse@12.2.3`, Debian's Chromium via CHROME_PATH) on the plan page
 *    and a measure page: performance, accessibility, best practices (default mobile settings).
 * 3. Load with autocannon (run as its own process, so it does not share the server's event loop)
 *    against the public answers (plan page, measure page, DCAT catalogue, the plan's JSON and the
 *    plan list JSON), each in the same run as a bare node:http server that answers with the same
 *    bytes (the floor of this machine; the ratio to it is printed), and as Planverk with the public
 *    micro-cache off (every request queries and renders).
 *
 * Prints markdown; figures are in docs/PERFORMANCE.md.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { ensureWebBuilt, rootDir } from "../src/cli/web-build.ts";
import { loadConfig } from "../src/config.ts";
import { connectDatabase } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runMigrations } from "../src/db/migrate.ts";
import { buildApp } from "../src/http/app.ts";
import { seed } from "./measures-list.ts";

const run = promisify(execFile);
const chromium = process.env.CHROME_PATH ?? "/usr/bin/chromium";

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number; bytes: number };

async function autocannon(url: string, duration: number, connections: number): Promise<Load> {
  const bin = path.join(rootDir, "node_modules/.bin/autocannon");
  const { stdout } = await run(bin, ["--json", "-c", String(connections), "-d", String(duration), url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const r = JSON.parse(stdout);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytes: r.throughput.average,
  };
}

/** The floor: node:http answering every request with the same bytes and headers, nothing else. */
async function bareServer(
  body: Buffer,
  contentType: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": contentType, "content-length": body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

async function lighthouse(url: string) {
  const out = path.join(os.tmpdir(), `planverk-lh-${Date.now()}.json`);
  await run(
    "npx",
    [
      "-y",
      "lighthouse@12.2.3",
      url,
      "--quiet",
      "--output=json",
      `--output-path=${out}`,
      "--only-categories=performance,accessibility,best-practices",
      "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ],
    { env: { ...process.env, CHROME_PATH: chromium }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(await fs.readFile(out, "utf8"));
  await fs.rm(out, { force: true });
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const failing = Object.values(report.audits as Record<string, { score: number | null; id: string }>)
    .filter((a) => a.score !== null && a.score < 0.9)
    .map((a) => a.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    fcp: report.audits["first-contentful-paint"]?.displayValue as string,
    lcp: report.audits["largest-contentful-paint"]?.displayValue as string,
    failing,
  };
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "50" },
      measures: { type: "string", default: "300" },
      "skip-lighthouse": { type: "boolean", default: false },
    },
  });
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  const logger = pino({ level: "silent" });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "planverk-bench-public-"));
  const postgres = await startEmbeddedPostgres(dir, logger);
  const handle = connectDatabase(postgres.url);
  const apps: FastifyInstance[] = [];
  const lines: string[] = [];
  const say = (line = "") => {
    lines.push(line);
    console.log(line);
  };
  try {
    await runMigrations(handle.db);
    const seeded = await seed(handle.db, Number(args.measures), "9311");
    const webDir = await ensureWebBuilt(logger);
    const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent" });
    const start = async (publicCacheSeconds?: number) => {
      const app = await buildApp({ config, db: handle.db, logger, webDir, publicCacheSeconds });
      apps.push(app);
      return app.listen({ port: 0, host: "127.0.0.1" });
    };
    const base = await start();
    const uncachedBase = await start(0);
    const nr = seeded.number;
    const planPath = `/kommune/${nr}/plan/${seeded.planId}/2026`;
    const jsonPath = `/api/open/v1/kommune/${nr}/plan/${seeded.planId}/2026`;
    const planHtml = await (await fetch(`${base}${planPath}`)).text();
    const focusPath = /href="([^"]*\/satsingsomrade\/[^"]+)"/.exec(planHtml)?.[1] ?? "";
    const measurePath = `/kommune/${nr}/tiltak/T-001`;
    const pages = {
      municipality: `/kommune/${nr}`,
      plan: planPath,
      focusArea: focusPath,
      measure: measurePath,
      search: `/kommune/${nr}/sok?q=havna`,
    };

    say(
      `Run ${new Date().toISOString().slice(0, 16)}Z · ${os.cpus().length} cores · Node ${process.version} · load ${os.loadavg()[0]?.toFixed(1)}`,
    );
    say();
    say("### Public JavaScript and page weight (gzipped)");
    say();
    say("| page | HTML | scripts | script bytes (gzip) | CSS (gzip) |");
    say("| --- | ---: | ---: | ---: | ---: |");
    const gz = (b: Buffer | string) => gzipSync(b).length;
    for (const [name, p] of Object.entries(pages)) {
      const response = await fetch(`${base}${p}`);
      if (response.status !== 200) throw new Error(`${p}: ${response.status}`);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? "");
      const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map(
        (m) => m[1] ?? "",
      );
      let scriptBytes = inline.reduce((n, s) => n + gz(s), 0);
      for (const src of scripts)
        scriptBytes += gz(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()));
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] ?? "");
      let cssBytes = 0;
      for (const href of css)
        cssBytes += gz(Buffer.from(await (await fetch(new URL(href, base))).arrayBuffer()));
      say(
        `| ${name} | ${(gz(html) / 1024).toFixed(1)} kB | ${scripts.length + inline.length} | ${(scriptBytes / 1024).toFixed(1)} kB | ${(cssBytes / 1024).toFixed(1)} kB |`,
      );
    }
    const spaHtml = await (await fetch(`${base}/`)).text();
    let spaBytes = 0;
    for (const m of spaHtml.matchAll(/<script[^>]*src="([^"]+)"/g))
      spaBytes += gz(Buffer.from(await (await fetch(new URL(m[1] ?? "", base))).arrayBuffer()));
    say(`| (for scale) the signed-in app \`/\` | | | ${(spaBytes / 1024).toFixed(1)} kB | |`);
    say();

    if (!args["skip-lighthouse"]) {
      say("### Lighthouse 12.2.3 (mobile defaults, Debian Chromium)");
      say();
      say("| page | performance | accessibility | best practices | FCP | LCP | audits under 90 |");
      say("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
      for (const [name, p] of [
        ["plan (300 measures)", planPath],
        ["measure", measurePath],
      ] as const) {
        try {
          const r = await lighthouse(`${base}${p}`);
          say(
            `| ${name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.fcp} | ${r.lcp} | ${r.failing.join(", ") || "–"} |`,
          );
        } catch (error) {
          say(`| ${name} | lighthouse failed: ${(error as Error).message.split("\n")[0]} | | | | | |`);
        }
      }
      say();
    }

    say("### One request at a time (median of 20, ms)");
    say();
    say("| target | Planverk | micro-cache off |");
    say("| --- | ---: | ---: |");
    const median = async (url: string) => {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        await (await fetch(url)).arrayBuffer();
        times.push(performance.now() - t0);
      }
      return (times.sort((a, b) => a - b)[10] ?? 0).toFixed(1);
    };
    for (const [name, p] of [
      ["plan page (HTML)", planPath],
      ["plan JSON", jsonPath],
      ["measure page", measurePath],
    ] as const) {
      say(`| ${name} | ${await median(`${base}${p}`)} | ${await median(`${uncachedBase}${p}`)} |`);
    }
    say();

    say(`### Load: autocannon, ${connections} connections, ${duration} s each`);
    say();
    say("| target | server | req/s | p50 ms | p99 ms | errors | non-2xx | kB/s | ratio to bare |");
    say("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    {
      // Planverk's own floor: the health route, through the same Fastify stack (hooks, headers).
      const r = await autocannon(`${base}/healthz`, duration, connections);
      say(
        `| \`GET /healthz\` (framework floor) | Planverk | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${(r.bytes / 1024).toFixed(0)} | |`,
      );
    }
    // The public answers, each beside a bare node:http server sending its exact bytes.
    const ratios: string[] = [];
    for (const [name, p, type] of [
      ["plan page (HTML)", planPath, "text/html; charset=utf-8"],
      ["measure page (HTML)", measurePath, "text/html; charset=utf-8"],
      ["catalogue (DCAT-AP-NO JSON-LD)", "/api/open/v1/katalog.jsonld", "application/ld+json; charset=utf-8"],
      ["plan JSON (open data)", jsonPath, "application/json; charset=utf-8"],
      ["plan list JSON (open data)", `/api/open/v1/kommune/${nr}/planer`, "application/json; charset=utf-8"],
    ] as const) {
      const body = Buffer.from(await (await fetch(`${base}${p}`)).arrayBuffer());
      const bare = await bareServer(body, type);
      // Warm up both, then measure: the bare floor, Planverk as deployed, Planverk without the micro-cache.
      await autocannon(`${base}${p}`, 2, connections);
      let bareRps = 0;
      for (const [server, url] of [
        ["bare node:http, same bytes", `${bare.url}${p}`],
        ["Planverk", `${base}${p}`],
        ["Planverk, micro-cache off", `${uncachedBase}${p}`],
      ] as const) {
        const r = await autocannon(url, duration, connections);
        if (server.startsWith("bare")) bareRps = r.rps;
        const ratio = server.startsWith("bare") ? "1" : (r.rps / bareRps).toFixed(2);
        if (server === "Planverk") ratios.push(`${name} ${ratio}`);
        say(
          `| ${name} (${(body.length / 1024).toFixed(0)} kB) | ${server} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${(r.bytes / 1024).toFixed(0)} | ${ratio} |`,
        );
      }
      await bare.close();
    }
    say();
    say(`Planverk ÷ bare node:http (target ≥ 0.5): ${ratios.join(" · ")}`);
    say();
    say(`load average at the end: ${os.loadavg()[0]?.toFixed(1)}`);
  } finally {
    for (const app of apps) await app.close();
    await handle.close();
    await postgres.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
