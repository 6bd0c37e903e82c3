import { describe, expect, it } from "vitest";
import { buildModel, readSolution } from "../domain/prioritisation.ts";
import { solveInWorker } from "./solver-thread.ts";

const input = {
  measures: [
    {
      reference: "T-1",
      value: 3,
      mandatory: false,
      costs: [{ frameAreaId: "a", year: 2027, amountNok: 600 }],
    },
    {
      reference: "T-2",
      value: 2,
      mandatory: false,
      costs: [{ frameAreaId: "a", year: 2027, amountNok: 500 }],
    },
    {
      reference: "T-3",
      value: 2,
      mandatory: false,
      costs: [{ frameAreaId: "a", year: 2027, amountNok: 400 }],
    },
  ],
  frames: [{ frameAreaId: "a", year: 2027, amountNok: 1000 }],
};

describe("the solver thread", () => {
  it("solves in the worker thread what the domain would solve, also several at once", async () => {
    const model = buildModel(input);
    const outcomes = await Promise.all([solveInWorker(model), solveInWorker(model), solveInWorker(model)]);
    for (const outcome of outcomes) {
      const result = readSolution(input, model, outcome);
      expect(result.status).toBe("optimal");
      // 600 + 400 fits in 1000 and is worth 5; any other pair is worth less or does not fit.
      expect(result.totalValue).toBe(5);
    }
  });

  it("rejects a program HiGHS cannot read, and keeps solving afterwards", async () => {
    await expect(solveInWorker({ lp: "this is not an LP file" })).rejects.toThrow();
    const model = buildModel(input);
    expect((await solveInWorker(model)).status).toBe("optimal");
  });
});
