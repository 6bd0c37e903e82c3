/**
 * Prioritisation under budget frames: 500 measures × 4 years × 3 frame areas, solved by HiGHS
 * exactly as the service does (src/domain/prioritisation.ts `prioritise`, its default time limit).
 *
 * Run: npx tsx bench/prioritisation.ts [--measures 500] [--runs 5] [--seeds 2027,1,2] [--share 0.7]
 *      [--prove]   also time HiGHS proving optimality without a time limit (can take long)
 *
 * Last, the event loop while one solve runs: the longest pause between 5 ms timer ticks with the
 * solve in this thread (as it was) and in the service's solver thread, beside an idle loop.
 *
 * Instances are random but seeded (mulberry32): values 1–10, about 5 % mandatory, each measure
 * costs 50 000–1 025 000 kr a year for 1–4 years in one frame area, a third also half as much in a
 * second area; every frame is `share` (70 %) of what the measures ask for in that year and area.
 * Baselines in the same run: building the LP text, and HiGHS solving the LP relaxation of the
 * same model (0 ≤ x ≤ 1, no integrality), which every branch-and-bound starts with.
 */
import { parseArgs } from "node:util";
import loadHighs from "highs";
import {
  buildModel,
  DEFAULT_TIME_LIMIT_SECONDS,
  type PrioritisationInput,
  type PrioritisationMeasure,
  prioritise,
  readSolution,
} from "../src/domain/prioritisation.ts";
import { solveInWorker } from "../src/infra/solver-thread.ts";

const { values: args } = parseArgs({
  options: {
    measures: { type: "string", default: "500" },
    runs: { type: "string", default: "5" },
    seeds: { type: "string", default: "2027,1,2" },
    share: { type: "string", default: "0.7" },
    prove: { type: "boolean", default: false },
  },
});
const size = Number(args.measures);
const runs = Number(args.runs);
const seeds = (args.seeds ?? "2027").split(",").map(Number);
const share = Number(args.share);

/** mulberry32: a small seeded generator, so every run solves the same instances. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function instance(seed: number, count: number, frameShare: number): PrioritisationInput {
  const rnd = random(seed);
  const years = [2027, 2028, 2029, 2030];
  const areas = ["drift", "investering", "tilskudd"];
  const pick = () => areas[Math.floor(rnd() * areas.length)] as string;
  const measures: PrioritisationMeasure[] = Array.from({ length: count }, (_, i) => {
    const area = pick();
    const second = rnd() < 0.3 ? pick() : null;
    const start = Math.floor(rnd() * years.length);
    const length = 1 + Math.floor(rnd() * (years.length - start));
    const perYear = 50_000 + Math.floor(rnd() * 40) * 25_000;
    return {
      reference: `T-${String(i + 1).padStart(3, "0")}`,
      value: 1 + Math.floor(rnd() * 10),
      mandatory: rnd() < 0.05,
      costs: years
        .slice(start, start + length)
        .flatMap((year) => [
          { frameAreaId: area, year, amountNok: perYear },
          ...(second ? [{ frameAreaId: second, year, amountNok: Math.round(perYear / 2_000) * 1_000 }] : []),
        ]),
    };
  });
  const frames = years.flatMap((year) =>
    areas.map((frameAreaId) => {
      const demand = measures
        .flatMap((m) => m.costs)
        .filter((c) => c.year === year && c.frameAreaId === frameAreaId)
        .reduce((s, c) => s + c.amountNok, 0);
      return { frameAreaId, year, amountNok: Math.floor((demand * frameShare) / 1_000) * 1_000 };
    }),
  );
  return {
    measures,
    frames,
    areaNames: { drift: "Drift", investering: "Investering", tilskudd: "Tilskudd" },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const pct = (gap: number | null) => (gap === null ? "–" : `${(gap * 100).toFixed(3)} %`);
function timed<T>(fn: () => T): [number, T] {
  const start = performance.now();
  const result = fn();
  return [performance.now() - start, result];
}

const [loadMs, highs] = await (async () => {
  const start = performance.now();
  const h = await loadHighs();
  return [performance.now() - start, h] as const;
})();
console.log(`HiGHS ${highs.version.string} loaded (WebAssembly compile) in ${fmt(loadMs)} ms`);
console.log(
  `${size} measures × 4 years × 3 frame areas, frames at ${share * 100} % of demand; ${runs} timed runs after 1 warm-up; time limit ${DEFAULT_TIME_LIMIT_SECONDS} s\n`,
);

const rows: string[] = [];
for (const seed of seeds) {
  const input = instance(seed, size, share);
  const model = buildModel(input);
  // The same program with 0 ≤ x ≤ 1 instead of binaries (mandatory ones still fixed at 1).
  const head = model.lp.slice(0, model.lp.search(/\n(Bounds|Binary)\n/));
  const bounds = input.measures.map((m, i) => (m.mandatory ? ` x${i} = 1` : ` 0 <= x${i} <= 1`));
  const relaxation = `${head}\nBounds\n${bounds.join("\n")}\nEnd\n`;

  const build: number[] = [];
  const lp: number[] = [];
  const solve: number[] = [];
  const outcomes: { status: string; gap: number | null; value: number }[] = [];
  for (let r = 0; r <= runs; r++) {
    const [buildMs] = timed(() => buildModel(input));
    const [lpMs, lpValue] = timed(() => {
      const m = highs.createModel({ format: "lp", data: relaxation });
      try {
        m.options.set({ output_flag: false });
        m.run();
        return m.getObjectiveValue();
      } finally {
        m.dispose();
      }
    });
    const [solveMs, result] = timed(() => prioritise(highs, input));
    if (r === 0) {
      console.log(`seed ${seed}: LP relaxation bound ${lpValue.toFixed(2)}, ${model.rows.length} frame rows`);
      continue; // warm-up
    }
    build.push(buildMs);
    lp.push(lpMs);
    solve.push(solveMs);
    outcomes.push({ status: result.status, gap: result.gap, value: result.totalValue });
  }
  const worstGap = Math.max(...outcomes.map((o) => o.gap ?? 0));
  const statuses = [...new Set(outcomes.map((o) => o.status))].join("/");
  const values = [...new Set(outcomes.map((o) => o.value))].join("/");
  let proved = "";
  if (args.prove) {
    const [ms, result] = timed(() => prioritise(highs, input, { timeLimitSeconds: 600 }));
    proved = `${fmt(ms)} ms (${result.status}, value ${result.totalValue})`;
  }
  const row = `| ${seed} | ${fmt(median(build))} | ${fmt(median(lp))} | ${fmt(median(solve))} (${fmt(Math.min(...solve))}–${fmt(Math.max(...solve))}) | ${statuses} | ${pct(worstGap)} | ${values} |${args.prove ? ` ${proved} |` : ""}`;
  rows.push(row);
  console.log(row);
}

console.log(
  `\n| seed | build LP ms | LP relaxation ms | prioritise ms, median (min–max) | status | HiGHS gap (worst) | total value |${args.prove ? " proving optimality |" : ""}`,
);
console.log(`|---|--:|--:|--:|---|--:|--:|${args.prove ? "--:|" : ""}`);
for (const row of rows) console.log(row);

/** The longest gap between 5 ms timer ticks while `work` runs: how long other requests would wait. */
async function longestStall(work: () => Promise<unknown>): Promise<[number, number]> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await work();
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(timer);
  return [longest, performance.now() - start];
}

const stallInput = instance(seeds[0] ?? 2027, size, share);
const stallModel = buildModel(stallInput);
await solveInWorker(stallModel); // warm-up: start the thread and load HiGHS there
const [idleStall] = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 1500)));
const [inThreadStall, inThreadMs] = await longestStall(async () => prioritise(highs, stallInput));
const [workerStall, workerMs] = await longestStall(async () =>
  readSolution(stallInput, stallModel, await solveInWorker(stallModel)),
);
console.log("\n| event loop during one solve | longest pause between ticks ms | elapsed ms |");
console.log("|---|--:|--:|");
console.log(`| baseline: idle 1.5 s | ${fmt(idleStall)} | |`);
console.log(`| solve in the request thread | ${fmt(inThreadStall)} | ${fmt(inThreadMs)} |`);
console.log(`| solve in the solver thread (the service) | ${fmt(workerStall)} | ${fmt(workerMs)} |`);
