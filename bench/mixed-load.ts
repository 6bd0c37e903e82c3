/**
 * Mixed load and soak (issue 13): Planverk as `npm start` runs it (own process, embedded
 * PostgreSQL, demo data), with three kinds of users at once for a fixed time:
 *
 * - readers of the public pages (plan page and a measure page, no sign-in),
 * - planners editing (commenting on measures, reading the measure list),
 * - measure owners reporting (updating the status and progress of their measure).
 *
 *   npm run bench:mixed                         # 60 s
 *   npm run bench:mixed -- --seconds 600        # the 10-minute soak
 *
 * Prints throughput, p50/p99 per kind of request, errors, and the server's memory (RSS) at the
 * start, every minute and at the end. The baseline is `GET /healthz` measured under the same load.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { demoPassword } from "../src/demo/load-demo-data.ts";
import { freePort, startPlanverkProcess, waitUntilReady } from "../test/processes.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    readers: { type: "string", default: "8" },
    planners: { type: "string", default: "2" },
    owners: { type: "string", default: "1" },
  },
});
const seconds = Number(values.seconds);

const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-mixed-"));
const port = await freePort();
const server = startPlanverkProcess({ PORT: String(port), PLANVERK_DATA_DIR: dataDir, LOG_LEVEL: "warn" });
const url = `http://127.0.0.1:${port}`;

/** The resident memory of the server process and its children are not counted; MB. */
function rssMb(): number {
  const status = readFileSync(`/proc/${server.child.pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function signIn(email: string) {
  const response = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
}

type Sample = { kind: string; ms: number; ok: boolean };
const samples: Sample[] = [];
let deadline = 0;

async function timed(kind: string, request: () => Promise<Response>, okStatus = [200, 201]) {
  const start = performance.now();
  let ok = false;
  try {
    const response = await request();
    await response.arrayBuffer();
    ok = okStatus.includes(response.status);
  } catch {
    ok = false;
  }
  samples.push({ kind, ms: performance.now() - start, ok });
}

async function loop(body: () => Promise<void>) {
  while (Date.now() < deadline) await body();
}

try {
  await waitUntilReady(url, server, 180_000);
  const tree = (await (await fetch(`${url}/api/open/v1/kommune/3301/planer`)).json()) as {
    plans?: { id: string }[];
  };
  const planId = tree.plans?.[0]?.id ?? "";
  const planPage = `${url}/kommune/3301/plan/${planId}`;
  const planner = await signIn("planlegger@demo.planverk.no");
  const owner = await signIn("tiltakseier@demo.planverk.no");
  const measuresPath = `${url}/api/municipalities/3301/plans/${planId}/measures`;

  const memory: { at: string; mb: number }[] = [{ at: "start", mb: rssMb() }];
  deadline = Date.now() + seconds * 1000;
  const ticker = setInterval(() => memory.push({ at: `${memory.length} min`, mb: rssMb() }), 60_000);
  let i = 0;
  const workers = [
    ...Array.from({ length: Number(values.readers) }, () =>
      loop(async () => {
        await timed("public: plan page", () => fetch(planPage, { redirect: "follow" }));
        await timed("public: measure page", () => fetch(`${url}/kommune/3301/tiltak/T-002`));
      }),
    ),
    ...Array.from({ length: Number(values.planners) }, () =>
      loop(async () => {
        await timed("planner: measure list", () => fetch(measuresPath, { headers: planner }));
        await timed("planner: comment", () =>
          fetch(`${url}/api/municipalities/3301/comments`, {
            method: "POST",
            headers: planner,
            body: JSON.stringify({
              target: { type: "measure", reference: "T-003" },
              visibility: "internal",
              body: `Last ${i++}`,
            }),
          }),
        );
      }),
    ),
    ...Array.from({ length: Number(values.owners) }, () =>
      loop(async () => {
        const detail = (await (
          await fetch(`${url}/api/municipalities/3301/measures/T-001`, { headers: owner })
        ).json()) as { stateVersion: number };
        await timed("owner: status update", () =>
          fetch(`${url}/api/municipalities/3301/measures/T-001/status`, {
            method: "PATCH",
            headers: owner,
            body: JSON.stringify({
              version: detail.stateVersion,
              status: "in_progress",
              statusReason: "",
              progress: i % 100,
            }),
          }),
        );
      }),
    ),
    loop(async () => {
      await timed("baseline: GET /healthz", () => fetch(`${url}/healthz`));
      await new Promise((r) => setTimeout(r, 50));
    }),
  ];
  await Promise.all(workers);
  clearInterval(ticker);
  memory.push({ at: "end", mb: rssMb() });

  const percentile = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  const kinds = [...new Set(samples.map((s) => s.kind))];
  console.log(`\nMixed load, ${seconds} s, load average at the end ${os.loadavg()[0]?.toFixed(1)}\n`);
  console.log("| request | count | req/s | p50 ms | p99 ms | errors |");
  console.log("| --- | --: | --: | --: | --: | --: |");
  for (const kind of kinds) {
    const of = samples.filter((s) => s.kind === kind);
    const sorted = of.map((s) => s.ms).sort((a, b) => a - b);
    const errors = of.filter((s) => !s.ok).length;
    console.log(
      `| ${kind} | ${of.length} | ${(of.length / seconds).toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${errors} |`,
    );
  }
  const total = samples.length;
  console.log(
    `\nAll: ${total} requests, ${(total / seconds).toFixed(0)} req/s, ${samples.filter((s) => !s.ok).length} errors`,
  );
  console.log(`Server memory (RSS, MB): ${memory.map((m) => `${m.at} ${m.mb}`).join(" · ")}`);
} finally {
  server.child.kill("SIGTERM");
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
