/**
 * The mixed load of `bench/mixed-load.ts`, against one or more Planverk addresses on one database
 * (requests go round the addresses in turn): readers of the public pages, planners commenting and
 * reading the measure list, measure owners updating their measure's status. Also used by
 * test/instances.test.ts for a short run over two instances.
 */
import { demoPassword } from "../src/demo/load-demo-data.ts";

export type Sample = { kind: string; ms: number; ok: boolean; status: number };
export type MixedLoadOptions = {
  urls: string[];
  seconds: number;
  readers?: number;
  planners?: number;
  owners?: number;
  /** Called every minute while the load runs (e.g. to note the servers' memory). */
  onMinute?: () => void;
};

async function signIn(url: string, email: string) {
  const response = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
}

export async function runMixedLoad(options: MixedLoadOptions): Promise<Sample[]> {
  const { urls, seconds, readers = 8, planners = 2, owners = 1 } = options;
  let turn = 0;
  /** The next address, round the list: each request may land on another instance. */
  const next = () => urls[turn++ % urls.length] as string;
  const samples: Sample[] = [];
  const first = urls[0] as string;
  const tree = (await (await fetch(`${first}/api/open/v1/kommune/3301/planer`)).json()) as {
    plans?: { id: string }[];
  };
  const planId = tree.plans?.[0]?.id ?? "";
  // Signed in on one instance, used on all: sessions live in PostgreSQL.
  const planner = await signIn(first, "planlegger@demo.planverk.no");
  const owner = await signIn(first, "tiltakseier@demo.planverk.no");
  const measuresPath = `/api/municipalities/3301/plans/${planId}/measures`;

  const deadline = Date.now() + seconds * 1000;
  const timed = async (kind: string, request: (url: string) => Promise<Response>, okStatus = [200, 201]) => {
    const start = performance.now();
    let status = 0;
    try {
      const response = await request(next());
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 0;
    }
    samples.push({ kind, ms: performance.now() - start, ok: okStatus.includes(status), status });
  };
  const loop = async (body: () => Promise<void>) => {
    while (Date.now() < deadline) await body();
  };
  const ticker = options.onMinute ? setInterval(options.onMinute, 60_000) : undefined;
  let i = 0;
  try {
    await Promise.all([
      ...Array.from({ length: readers }, () =>
        loop(async () => {
          await timed("public: plan page", (url) =>
            fetch(`${url}/kommune/3301/plan/${planId}`, { redirect: "follow" }),
          );
          await timed("public: measure page", (url) => fetch(`${url}/kommune/3301/tiltak/T-002`));
        }),
      ),
      ...Array.from({ length: planners }, () =>
        loop(async () => {
          await timed("planner: measure list", (url) => fetch(`${url}${measuresPath}`, { headers: planner }));
          await timed("planner: comment", (url) =>
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
      ...Array.from({ length: owners }, () =>
        loop(async () => {
          const detail = (await (
            await fetch(`${next()}/api/municipalities/3301/measures/T-001`, { headers: owner })
          ).json()) as { stateVersion: number };
          await timed("owner: status update", (url) =>
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
        await timed("baseline: GET /healthz", (url) => fetch(`${url}/healthz`));
        await new Promise((r) => setTimeout(r, 50));
      }),
    ]);
  } finally {
    if (ticker) clearInterval(ticker);
  }
  return samples;
}

/** The Markdown table bench/mixed-load.ts prints: count, req/s, p50, p99 and errors per kind of request. */
export function summarise(samples: Sample[], seconds: number): string {
  const percentile = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  const lines = [
    "| request | count | req/s | p50 ms | p99 ms | errors |",
    "| --- | --: | --: | --: | --: | --: |",
  ];
  for (const kind of [...new Set(samples.map((s) => s.kind))]) {
    const of = samples.filter((s) => s.kind === kind);
    const sorted = of.map((s) => s.ms).sort((a, b) => a - b);
    const errors = of.filter((s) => !s.ok).length;
    lines.push(
      `| ${kind} | ${of.length} | ${(of.length / seconds).toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${errors} |`,
    );
  }
  const total = samples.length;
  lines.push(
    "",
    `All: ${total} requests, ${(total / seconds).toFixed(0)} req/s, ${samples.filter((s) => !s.ok).length} errors`,
  );
  return lines.join("\n");
}
