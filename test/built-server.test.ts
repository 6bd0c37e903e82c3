import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { rootDir } from "../src/cli/web-build.ts";
import { freePort, type StartedProcess, startPlanverkProcess, waitUntilReady } from "./processes.ts";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-built-"));
const started: StartedProcess[] = [];
const adminUrl = inject("postgresUrl");
const name = `built_${Date.now()}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  // The migrated template: the start has only the demo to load.
  await admin(`create database ${name} template planverk_template`);
});

afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  await Promise.all(started.map((p) => p.exited));
  await admin(`drop database if exists ${name} with (force)`);
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start runs the compiled server without tsx", () => {
  it("builds with npm run build, starts with plain node and type stripping off, is ready and serves pages and PDFs", async () => {
    // tsc is incremental (dist/server/.tsbuildinfo) and the web build is skipped when current.
    const build = spawnSync("npm", ["run", "build"], { cwd: rootDir, encoding: "utf8" });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = startPlanverkProcess(
      { PORT: String(port), DATABASE_URL: databaseUrl, PLANVERK_DATA_DIR: dataDir },
      { built: true },
    );
    started.push(server);
    await waitUntilReady(url, server);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    // A page rendered on the server (the compiled .tsx) and the public site's stylesheet (copied).
    expect(await fetch(`${url}/`).then((r) => r.text())).toContain("Strategisk næringsplan for Drammen");
    const publicPage = await fetch(`${url}/kommune/3301`).then((r) => r.text());
    const stylesheet = publicPage.match(/href="(\/kommune-assets\/public\.[0-9a-f]+\.css)"/)?.[1];
    expect(stylesheet).toBeDefined();
    expect((await fetch(`${url}${stylesheet}`)).status).toBe(200);

    // A PDF: laid out in the worker thread, whose compiled entry Node.js loads by itself.
    const tree = (await fetch(`${url}/api/municipalities/3301/plan-tree`).then((r) => r.json())) as {
      plan: { id: string };
    };
    const pdf = await fetch(
      `${url}/api/municipalities/3301/plans/${tree.plan.id}/action-plans/2026/0/handlingsplan.pdf`,
    );
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 240_000);
});
