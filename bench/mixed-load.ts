/**
 * Mixed load and soak: Planverk as `npm start` runs it (own process, demo data), with three kinds of
 * users at once for a fixed time (bench/mixed-load-core.ts):
 *
 * - readers of the public pages (plan page and a measure page, no sign-in),
 * - planners editing (commenting on measures, reading the measure list),
 * - measure owners reporting (updating the status and progress of their measure).
 *
 *   npm run bench:mixed                         # 60 s, one instance with its embedded PostgreSQL
 *   npm run bench:mixed -- --seconds 600        # the 10-minute soak
 *   npm run bench:mixed -- --instances 2        # two instances on one PostgreSQL, requests spread
 *
 * Prints throughput, p50/p99 per kind of request, errors, and the servers' memory (RSS) at the
 * start, every minute and at the end. The baseline is `GET /healthz` measured under the same load.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { freePort, type StartedProcess, startPlanverkProcess, waitUntilReady } from "../test/processes.ts";
import { runMixedLoad, summarise } from "./mixed-load-core.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    readers: { type: "string", default: "8" },
    planners: { type: "string", default: "2" },
    owners: { type: "string", default: "1" },
    instances: { type: "string", default: "1" },
  },
});
const seconds = Number(values.seconds);
const instances = Number(values.instances);

const dataDir = mkdtempSync(path.join(os.tmpdir(), "planverk-mixed-"));
// Several instances share one PostgreSQL: started here (in a folder of its own, as the data folder
// of `npm start` would be), given to each as DATABASE_URL.
const databaseDir = instances > 1 ? mkdtempSync(path.join(os.tmpdir(), "planverk-mixed-db-")) : undefined;
const database = databaseDir ? await startEmbeddedPostgres(databaseDir, pino({ level: "warn" })) : undefined;
const servers: { process: StartedProcess; url: string }[] = [];
for (let n = 0; n < instances; n++) {
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    PLANVERK_DATA_DIR: path.join(dataDir, `instance-${n}`),
    LOG_LEVEL: "warn",
  };
  if (database) env.DATABASE_URL = database.url;
  servers.push({ process: startPlanverkProcess(env), url: `http://127.0.0.1:${port}` });
}

/** The resident memory of the server processes (their children not counted); MB. */
function rssMb(): string {
  return servers
    .map((s) => {
      const status = readFileSync(`/proc/${s.process.child.pid}/status`, "utf8");
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    })
    .join("+");
}

try {
  await Promise.all(servers.map((s) => waitUntilReady(s.url, s.process, 180_000)));
  const memory: { at: string; mb: string }[] = [{ at: "start", mb: rssMb() }];
  const samples = await runMixedLoad({
    urls: servers.map((s) => s.url),
    seconds,
    readers: Number(values.readers),
    planners: Number(values.planners),
    owners: Number(values.owners),
    onMinute: () => memory.push({ at: `${memory.length} min`, mb: rssMb() }),
  });
  memory.push({ at: "end", mb: rssMb() });
  console.log(
    `\nMixed load, ${seconds} s, ${instances} instance(s), load average at the end ${os.loadavg()[0]?.toFixed(1)}\n`,
  );
  console.log(summarise(samples, seconds));
  console.log(`Server memory (RSS, MB): ${memory.map((m) => `${m.at} ${m.mb}`).join(" · ")}`);
} finally {
  for (const s of servers) s.process.child.kill("SIGTERM");
  await Promise.all(servers.map((s) => s.process.exited));
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  if (databaseDir) rmSync(databaseDir, { recursive: true, force: true });
}
