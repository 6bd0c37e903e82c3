/**
 * Rolling a plan with N measures into next year, and comparing the two versions.
 * Run: npm run bench:rolling -- [--size 1000] [--runs 5]
 *
 * Baseline measured in the same run: reading the N measures of one action plan version once
 * (`loadMeasureRows`), which any rolling and any comparison must do at least once (twice for a
 * comparison). Target: under 2 s each on this machine.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { connectDatabase } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runMigrations } from "../src/db/migrate.ts";
import { actionPlanVersions, cycles, measureVersions, memberships, users } from "../src/db/schema/index.ts";
import type { ServiceContext } from "../src/services/context.ts";
import { compareActionPlans } from "../src/services/cycles/compare-action-plans.ts";
import { rollCycle } from "../src/services/cycles/roll-cycle.ts";
import { loadMeasureRows } from "../src/services/measures/measure-rows.ts";
import { seed } from "./measures-list.ts";

const { values } = parseArgs({
  options: { size: { type: "string", default: "1000" }, runs: { type: "string", default: "5" } },
});
const size = Number.parseInt(values.size ?? "1000", 10);
const runs = Number.parseInt(values.runs ?? "5", 10);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

const logger = pino({ level: "silent" });
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "planverk-bench-rolling-"));
const postgres = await startEmbeddedPostgres(dir, logger);
const handle = connectDatabase(postgres.url);
try {
  await runMigrations(handle.db);
  const { db } = handle;
  const seeded = await seed(db, size, "9901");
  const [cycle] = await db
    .select({ id: cycles.id })
    .from(cycles)
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.cycleId, cycles.id))
    .where(eq(actionPlanVersions.id, seeded.actionPlanVersionId));
  if (!cycle) throw new Error("no seeded cycle");
  const [planner] = await db
    .insert(users)
    .values({ email: "bench@planverk.test", name: "Bench" })
    .returning();
  if (!planner) throw new Error("no user");
  await db
    .insert(memberships)
    .values({ municipalityId: seeded.municipalityId, userId: planner.id, role: "planner" });
  const ctx: ServiceContext = {
    db,
    actor: {
      kind: "user",
      userId: planner.id,
      email: planner.email,
      name: planner.name,
      isSystemAdmin: false,
      roles: { [seeded.municipalityId]: "planner" },
    },
  };

  const baseline: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const [ms] = await timed(() => loadMeasureRows(db, seeded.municipalityId, seeded.actionPlanVersionId));
    if (i > 0) baseline.push(ms);
  }

  /** Undoes a rolling, so the same cycle can be rolled again. */
  const undo = async (newCycleId: string) => {
    const drafts = await db
      .select({ id: actionPlanVersions.id })
      .from(actionPlanVersions)
      .where(eq(actionPlanVersions.cycleId, newCycleId));
    for (const d of drafts)
      await db.delete(measureVersions).where(eq(measureVersions.actionPlanVersionId, d.id));
    await db.delete(actionPlanVersions).where(eq(actionPlanVersions.cycleId, newCycleId));
    await db.delete(cycles).where(eq(cycles.id, newCycleId));
    await db.execute(sql`vacuum analyze measure_versions`);
  };
  const rolling: number[] = [];
  let carried = 0;
  for (let i = 0; i < runs + 1; i++) {
    const [ms, result] = await timed(() =>
      rollCycle({ ctx, input: { municipalityNumber: seeded.number, cycleId: cycle.id } }),
    );
    carried = result.carried;
    if (i > 0) rolling.push(ms);
    if (i < runs) await undo(result.cycleId);
  }

  const [next] = await db
    .select({ id: actionPlanVersions.id })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(eq(cycles.rolledFromCycleId, cycle.id));
  if (!next) throw new Error("no rolled version");
  const comparing: number[] = [];
  let changed = 0;
  for (let i = 0; i < runs + 1; i++) {
    const [ms, result] = await timed(() =>
      compareActionPlans({
        ctx,
        input: { municipalityNumber: seeded.number, before: seeded.actionPlanVersionId, after: next.id },
      }),
    );
    changed = result.changed.length;
    if (i > 0) comparing.push(ms);
  }

  const f = (xs: number[]) =>
    `${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  console.log(
    `\nRolling and comparison, ${size} measures, ${runs} runs after 1 warm-up; ${os.cpus().length} cores, Node ${process.version}\n`,
  );
  console.log("| what | median |");
  console.log("| --- | --- |");
  console.log(`| baseline: read one version's ${size} measures (loadMeasureRows) | ${f(baseline)} |`);
  console.log(`| roll to next year (${carried} carried, one transaction) | ${f(rolling)} |`);
  console.log(`| compare two versions (${changed} changed) | ${f(comparing)} |`);
} finally {
  await handle.close();
  await postgres.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
