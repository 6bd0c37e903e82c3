import loadHighs, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applyOverrides,
  buildModel,
  changeByPercent,
  defaultValue,
  framesThatCount,
  mandatoryShortfalls,
  measureValue,
  type PrioritisationInput,
  type PrioritisationMeasure,
  prioritise,
  readSolution,
  valueFor,
} from "./prioritisation.ts";

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const drift = "area-drift";
const invest = "area-invest";
const areaNames = { [drift]: "Næringsutvikling – drift", [invest]: "Næringsutvikling – investering" };

const measure = (
  reference: string,
  value: number,
  costs: [area: string, year: number, amountNok: number][],
  mandatory = false,
): PrioritisationMeasure => ({
  reference,
  title: `Tiltak ${reference}`,
  value,
  mandatory,
  costs: costs.map(([frameAreaId, year, amountNok]) => ({ frameAreaId, year, amountNok })),
});

/** mulberry32, so a failing random case can be reproduced from its seed. */
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

function randomInstance(seed: number): PrioritisationInput {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const years = [2027, 2028, 2029, 2030].slice(0, int(1, 4));
  const areas = [drift, invest, "area-3"].slice(0, int(1, 3));
  const measures = Array.from({ length: int(1, 12) }, (_, i) => {
    const costs = years.flatMap((year) =>
      areas.flatMap((area) =>
        rnd() < 0.5 ? [[area, year, int(0, 20) * 10_000] as [string, number, number]] : [],
      ),
    );
    return measure(`T-${i + 1}`, int(0, 10), costs, rnd() < 0.15);
  });
  const frames = years.flatMap((year) =>
    areas.flatMap((frameAreaId) => {
      if (rnd() < 0.1) return []; // now and then a year × area without a frame
      const demand = measures
        .flatMap((m) => m.costs)
        .filter((c) => c.year === year && c.frameAreaId === frameAreaId)
        .reduce((s, c) => s + c.amountNok, 0);
      return [{ frameAreaId, year, amountNok: Math.floor((demand * rnd()) / 1_000) * 1_000 }];
    }),
  );
  return { measures, frames, areaNames };
}

/** Every subset, the slow and obvious way: the best total value that fits every frame, or null. */
function bruteForce(input: PrioritisationInput): number | null {
  const n = input.measures.length;
  let best: number | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const kept = (i: number) => (mask >> i) & 1;
    if (input.measures.some((m, i) => m.mandatory && !kept(i))) continue;
    const fits = input.frames.every(
      (f) =>
        input.measures.reduce(
          (sum, m, i) =>
            sum +
            (kept(i)
              ? m.costs
                  .filter((c) => c.frameAreaId === f.frameAreaId && c.year === f.year)
                  .reduce((s, c) => s + c.amountNok, 0)
              : 0),
          0,
        ) <= f.amountNok,
    );
    if (!fits) continue;
    const value = input.measures.reduce((sum, m, i) => sum + (kept(i) ? m.value : 0), 0);
    if (best === null || value > best) best = value;
  }
  return best;
}

describe("the prioritisation model", () => {
  it("values a measure by its priority, 1 without one", () => {
    expect(measureValue(null)).toBe(1);
    expect(measureValue(undefined)).toBe(1);
    expect(measureValue(5)).toBe(5);
    expect(measureValue(0)).toBe(0);
  });

  it("counts the adopted frame, or the proposed one where none is adopted", () => {
    const frames = framesThatCount([
      { frameAreaId: drift, year: 2028, amountNok: 900, status: "proposed" },
      { frameAreaId: drift, year: 2028, amountNok: 800, status: "adopted" },
      { frameAreaId: drift, year: 2027, amountNok: 700, status: "proposed" },
    ]);
    expect(frames).toEqual([
      { frameAreaId: drift, year: 2027, amountNok: 700, status: "proposed" },
      { frameAreaId: drift, year: 2028, amountNok: 800, status: "adopted" },
    ]);
  });

  it("writes the integer program in LP format: binaries, value objective, a row per framed year × area, mandatory fixed", () => {
    const model = buildModel({
      measures: [
        measure("T-1", 3, [
          [drift, 2027, 100_000],
          [drift, 2028, 50_000],
        ]),
        measure("T-2", 1, [[drift, 2027, 200_000]], true),
        measure("T-3", 2, [
          [invest, 2027, 10_000],
          [invest, 2027, 5_000],
        ]),
      ],
      frames: [
        { frameAreaId: drift, year: 2027, amountNok: 250_000 },
        { frameAreaId: drift, year: 2028, amountNok: 40_000 },
        { frameAreaId: drift, year: 2029, amountNok: 40_000 }, // no money on it: no row
      ],
    });
    expect(model.lp).toBe(
      [
        "Maximize",
        " value: 3 x0 + 1 x1 + 2 x2",
        "Subject To",
        " f0: 100000 x0 + 200000 x1 <= 250000",
        " f1: 50000 x0 <= 40000",
        "Bounds",
        " x1 = 1",
        "Binary",
        " x0 x1 x2",
        "End",
        "",
      ].join("\n"),
    );
    expect(model.rows.map((r) => [r.name, r.year])).toEqual([
      ["f0", 2027],
      ["f1", 2028],
    ]);
    expect([...model.variables]).toEqual([
      ["x0", 0],
      ["x1", 1],
      ["x2", 2],
    ]);
  });

  it("changes frames by a what-if: a set amount, or a percentage for a year and/or area", () => {
    const frames = [
      { frameAreaId: drift, year: 2027, amountNok: 1_000_000, status: "adopted" as const },
      { frameAreaId: drift, year: 2028, amountNok: 1_000_001, status: "adopted" as const },
      { frameAreaId: invest, year: 2028, amountNok: 500_000, status: "proposed" as const },
    ];
    const cut = applyOverrides(frames, [{ percent: -10, year: 2028 }]);
    expect(cut.map((f) => [f.frameAreaId, f.year, f.amountNok, f.originalNok, f.changed])).toEqual([
      [drift, 2027, 1_000_000, 1_000_000, false],
      [drift, 2028, 900_000, 1_000_001, true], // rounded down to whole kroner
      [invest, 2028, 450_000, 500_000, true],
    ]);
    const set = applyOverrides(frames, [
      { percent: 5, frameAreaId: invest },
      { frameAreaId: drift, year: 2027, amountNok: 10 },
      { frameAreaId: invest, year: 2030, amountNok: 7 },
    ]);
    expect(set.map((f) => [f.frameAreaId, f.year, f.amountNok, f.originalNok])).toEqual([
      [drift, 2027, 10, 1_000_000],
      [drift, 2028, 1_000_001, 1_000_001],
      [invest, 2028, 525_000, 500_000],
      [invest, 2030, 7, null],
    ]);
    expect(changeByPercent(333, -100)).toBe(0);
    expect(changeByPercent(1_000, 2.5)).toBe(1_025);
    expect(() => changeByPercent(1_000, -101)).toThrow(RangeError);
  });

  it("keeps what fits and says why the rest falls out, naming the year and area", () => {
    const result = prioritise(highs, {
      measures: [
        measure("T-1", 5, [
          [drift, 2027, 300_000],
          [drift, 2028, 300_000],
        ]),
        measure("T-2", 4, [[drift, 2028, 300_000]]),
        measure("T-3", 2, [[drift, 2028, 200_000]]),
        measure("T-4", 1, [[drift, 2027, 2_000_000]]),
        measure("T-5", 1, [[invest, 2028, 999_999_999]]), // no frame there: not limited
      ],
      frames: [
        { frameAreaId: drift, year: 2027, amountNok: 1_000_000 },
        { frameAreaId: drift, year: 2028, amountNok: 650_000 },
      ],
      areaNames,
    });
    expect(result.status).toBe("optimal");
    expect(result.gap).toBe(0);
    expect(result.selected.map((m) => m.reference)).toEqual(["T-1", "T-2", "T-5"]);
    expect(result.totalValue).toBe(10);
    expect(result.possibleValue).toBe(13);
    expect(result.dropped).toEqual([
      {
        reference: "T-3",
        title: "Tiltak T-3",
        value: 2,
        reason: "frame_used_up",
        binding: [
          {
            year: 2028,
            frameAreaId: drift,
            frameAreaName: "Næringsutvikling – drift",
            frameNok: 650_000,
            costNok: 200_000,
            remainingNok: 50_000,
          },
        ],
        why: "Gir for lite verdi for kostnaden i 2028 Næringsutvikling – drift (trenger 200\u00a0000\u00a0kr, bare 50\u00a0000\u00a0kr ledig), der rammen er brukt opp på tiltak som gir mer verdi",
      },
      expect.objectContaining({
        reference: "T-4",
        reason: "exceeds_frame_alone",
        why: "Koster alene mer enn hele rammen i 2027 Næringsutvikling – drift (koster 2\u00a0000\u00a0000\u00a0kr, rammen er 1\u00a0000\u00a0000\u00a0kr)",
      }),
    ]);
    expect(result.usage.map((u) => [u.year, u.sumNok, u.remainingNok])).toEqual([
      [2027, 300_000, 700_000],
      [2028, 600_000, 50_000],
    ]);
    expect(result.unframed).toEqual([
      {
        year: 2028,
        frameAreaId: invest,
        frameAreaName: "Næringsutvikling – investering",
        sumNok: 999_999_999,
      },
    ]);
  });

  it("keeps mandatory measures even when others are worth more", () => {
    const result = prioritise(highs, {
      measures: [
        measure("T-1", 10, [[drift, 2028, 600_000]]),
        measure("T-2", 1, [[drift, 2028, 500_000]], true),
      ],
      frames: [{ frameAreaId: drift, year: 2028, amountNok: 1_000_000 }],
      areaNames,
    });
    expect(result.selected.map((m) => [m.reference, m.mandatory])).toEqual([["T-2", true]]);
    expect(result.dropped.map((m) => m.reference)).toEqual(["T-1"]);
  });

  it("explains infeasible input: which year and area the mandatory measures alone exceed, and by how much", () => {
    const input: PrioritisationInput = {
      measures: [
        measure("T-1", 1, [[drift, 2028, 600_000]], true),
        measure("T-2", 1, [[drift, 2028, 500_000]], true),
        measure("T-3", 1, [[drift, 2027, 100_000]], true),
        measure("T-4", 9, [[drift, 2028, 1]]),
      ],
      frames: [
        { frameAreaId: drift, year: 2027, amountNok: 100_000 },
        { frameAreaId: drift, year: 2028, amountNok: 1_000_000 },
      ],
      areaNames,
    };
    expect(mandatoryShortfalls(input)).toEqual([
      {
        year: 2028,
        frameAreaId: drift,
        frameAreaName: "Næringsutvikling – drift",
        frameNok: 1_000_000,
        mandatoryNok: 1_100_000,
        excessNok: 100_000,
        references: ["T-1", "T-2"],
      },
    ]);
    const result = prioritise(highs, input);
    expect(result.status).toBe("infeasible");
    expect(result.selected).toEqual([]);
    expect(result.explanation).toBe(
      "Forslaget kan ikke lages: de obligatoriske tiltakene alene (T-1, T-2) koster 1\u00a0100\u00a0000\u00a0kr i 2028 Næringsutvikling – drift, men rammen er 1\u00a0000\u00a0000\u00a0kr, 100\u00a0000\u00a0kr for mye. Øk rammen eller fjern markeringen «obligatorisk» på noen av dem.",
    );
  });

  it("puts back a measure the solver left out although it fits (a proposal within the gap)", () => {
    const input: PrioritisationInput = {
      measures: [measure("T-1", 2, [[drift, 2027, 10]]), measure("T-2", 0, [[drift, 2027, 10]])],
      frames: [{ frameAreaId: drift, year: 2027, amountNok: 20 }],
      areaNames,
    };
    const result = readSolution(input, buildModel(input), {
      status: "feasible",
      values: { x0: 0, x1: 0 },
      gap: 0.5,
    });
    expect(result.selected.map((m) => m.reference)).toEqual(["T-1", "T-2"]);
    expect(result.dropped).toEqual([]);
    expect(result.status).toBe("feasible");
  });

  it("never goes over a frame by a krone, even if a solver's answer did", () => {
    const input: PrioritisationInput = {
      measures: [
        measure("T-1", 5, [[drift, 2027, 600_001]]),
        measure("T-2", 1, [[drift, 2027, 400_000]]),
        measure("T-3", 1, [[drift, 2027, 1]], true),
      ],
      frames: [{ frameAreaId: drift, year: 2027, amountNok: 1_000_001 }],
      areaNames,
    };
    const result = readSolution(input, buildModel(input), {
      status: "optimal",
      values: { x0: 1, x1: 1, x2: 1 },
      gap: 0,
    });
    expect(result.selected.map((m) => m.reference)).toEqual(["T-1", "T-3"]);
    expect(result.usage[0]?.remainingNok).toBe(399_999);
  });

  it("answers an empty plan without a solver", () => {
    const result = prioritise(highs, {
      measures: [],
      frames: [{ frameAreaId: drift, year: 2027, amountNok: 1 }],
    });
    expect(result).toMatchObject({ status: "optimal", selected: [], dropped: [], totalValue: 0 });
  });

  it("is optimal on random small instances, checked by brute force over every subset", () => {
    let infeasible = 0;
    let withDropped = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const input = randomInstance(seed);
      const best = bruteForce(input);
      const result = prioritise(highs, input);
      if (best === null) {
        infeasible++;
        expect(result.status, `seed ${seed}`).toBe("infeasible");
        expect(result.shortfalls.length, `seed ${seed}`).toBeGreaterThan(0);
        continue;
      }
      expect(result.status, `seed ${seed}`).toBe("optimal");
      expect(result.totalValue, `seed ${seed}`).toBe(best);
      // The proposal really fits, and keeps every mandatory measure.
      const kept = new Set(result.selected.map((m) => m.reference));
      for (const m of input.measures)
        if (m.mandatory) expect(kept.has(m.reference), `seed ${seed}`).toBe(true);
      for (const u of result.usage) expect(u.sumNok, `seed ${seed}`).toBeLessThanOrEqual(u.frameNok);
      // Every dropped measure names at least one year × area it does not fit into.
      for (const d of result.dropped) {
        expect(d.binding.length, `seed ${seed} ${d.reference}`).toBeGreaterThan(0);
        for (const b of d.binding) expect(b.costNok).toBeGreaterThan(b.remainingNok);
      }
      if (result.dropped.length > 0) withDropped++;
    }
    // The random cases cover all three kinds of answer.
    expect(infeasible).toBeGreaterThan(5);
    expect(withDropped).toBeGreaterThan(50);
  });
});

describe("the default value rule", () => {
  it("lets the priority decide and the latest evaluation score break ties", () => {
    expect(defaultValue(2, null)).toBeGreaterThan(defaultValue(1, 5));
    expect(defaultValue(1, 4.5)).toBeGreaterThan(defaultValue(1, null));
    expect(defaultValue(null, null)).toBe(defaultValue(1, 3));
    expect(valueFor("priority", { priority: null, evaluationScore: 5 })).toBe(1);
    expect(valueFor("evaluation", { priority: 9, evaluationScore: 4.5 })).toBe(450);
    expect(valueFor("default", { priority: 2, evaluationScore: 1 })).toBe(2100);
  });

  it("keeps the best-scored of equal priorities when only one fits", () => {
    const scores: Record<string, number | null> = { "T-1": null, "T-2": 4.5, "T-3": 2 };
    const input: PrioritisationInput = {
      measures: Object.entries(scores).map(([reference, score]) =>
        measure(reference, defaultValue(null, score), [[drift, 2027, 100_000]]),
      ),
      frames: [{ frameAreaId: drift, year: 2027, amountNok: 100_000 }],
      areaNames,
    };
    const result = prioritise(highs, input);
    expect(result.selected.map((m) => m.reference)).toEqual(["T-2"]);
  });
});
