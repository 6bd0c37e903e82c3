import { describe, expect, it } from "vitest";
import { buildPlanTree, type TreeMeasure } from "./plan-tree.ts";

const measure = (over: Partial<TreeMeasure>): TreeMeasure => ({
  reference: "T-1",
  title: "Tiltak",
  focusAreaId: "fa1",
  goalIds: ["g1"],
  responsibleUnit: "",
  startYear: 2027,
  endYear: 2028,
  isExample: false,
  status: "in_progress",
  progress: null,
  costs: [],
  ...over,
});

describe("buildPlanTree", () => {
  const goals = [
    { id: "g2", title: "Grønn", description: "", position: 2, version: 1 },
    { id: "g1", title: "Næringssentrum", description: "", position: 1, version: 1 },
  ];
  const focusAreas = [
    { id: "fa1", title: "Attraktive", description: "", position: 1, version: 1 },
    { id: "fa2", title: "Grønn vekst", description: "", position: 2, version: 1 },
  ];
  const links = [
    { goalId: "g1", focusAreaId: "fa1" },
    { goalId: "g2", focusAreaId: "fa2" },
    { goalId: "g1", focusAreaId: "fa2" },
  ];

  it("orders goals and focus areas by position and measures by reference, numerically", () => {
    const tree = buildPlanTree({
      goals,
      focusAreas,
      links,
      measures: [measure({ reference: "T-10" }), measure({ reference: "T-2" })],
    });
    expect(tree.goals.map((g) => g.id)).toEqual(["g1", "g2"]);
    expect(tree.goals[0]?.focusAreas.map((f) => f.id)).toEqual(["fa1", "fa2"]);
    expect(tree.goals[0]?.focusAreas[0]?.measures.map((m) => m.reference)).toEqual(["T-2", "T-10"]);
  });

  it("lists a measure under a goal only when it serves that goal, but always under its focus area", () => {
    const tree = buildPlanTree({
      goals,
      focusAreas,
      links,
      measures: [measure({ reference: "T-3", focusAreaId: "fa2", goalIds: ["g2"] })],
    });
    expect(tree.goals[0]?.focusAreas[1]?.measures).toEqual([]);
    expect(tree.goals[1]?.focusAreas[0]?.measures.map((m) => m.reference)).toEqual(["T-3"]);
    expect(tree.focusAreas[1]?.measures.map((m) => m.reference)).toEqual(["T-3"]);
    expect(tree.focusAreas[1]?.goalIds.sort()).toEqual(["g1", "g2"]);
  });

  it("shows measures under no goal in withoutGoal: a plan without goals, a goal not linked to the focus area", () => {
    const noGoals = buildPlanTree({
      goals: [],
      focusAreas,
      links: [],
      measures: [
        measure({ reference: "T-1", goalIds: [], progress: 40 }),
        measure({ reference: "T-2", goalIds: [] }),
      ],
    });
    expect(noGoals.goals).toEqual([]);
    expect(noGoals.withoutGoal.measures.map((m) => m.reference)).toEqual(["T-1", "T-2"]);
    expect(noGoals.withoutGoal.rollUp.counted).toBe(2);

    const unlinked = buildPlanTree({
      goals,
      focusAreas,
      links: [{ goalId: "g1", focusAreaId: "fa1" }],
      measures: [
        measure({ reference: "T-1" }),
        measure({ reference: "T-2", focusAreaId: "fa2", goalIds: ["g2"] }),
        measure({ reference: "T-3", goalIds: [] }),
      ],
    });
    expect(unlinked.withoutGoal.measures.map((m) => m.reference)).toEqual(["T-2", "T-3"]);
  });

  it("sums costs per year, municipal and external apart", () => {
    const tree = buildPlanTree({
      goals,
      focusAreas,
      links,
      measures: [
        measure({
          costs: [
            { year: 2028, kind: "municipal", amountNok: 100 },
            { year: 2027, kind: "municipal", amountNok: 250_000 },
            { year: 2027, kind: "municipal", amountNok: 50_000 },
            { year: 2027, kind: "external", amountNok: 1_000_000 },
          ],
        }),
      ],
    });
    const m = tree.focusAreas[0]?.measures[0];
    expect(m?.costByYear).toEqual([
      { year: 2027, municipalNok: 300_000, externalNok: 1_000_000 },
      { year: 2028, municipalNok: 100, externalNok: 0 },
    ]);
    expect(m?.totalMunicipalNok).toBe(300_100);
    expect(m?.totalExternalNok).toBe(1_000_000);
  });
});

describe("roll-up in the tree", () => {
  it("gives each goal and focus area the progress of its measures, leaving stopped ones out", () => {
    const goals = [{ id: "g1", title: "Mål", description: "", position: 1, version: 1 }];
    const focusAreas = [{ id: "fa1", title: "Område", description: "", position: 1, version: 1 }];
    const tree = buildPlanTree({
      goals,
      focusAreas,
      links: [{ goalId: "g1", focusAreaId: "fa1" }],
      measures: [
        measure({ reference: "T-1", progress: 20 }),
        measure({ reference: "T-2", progress: 60 }),
        measure({ reference: "T-3", progress: 100, status: "stopped" }),
      ],
    });
    expect(tree.goals[0]?.rollUp).toEqual({ progress: 40, counted: 2, stopped: 1, withoutProgress: 0 });
    expect(tree.focusAreas[0]?.rollUp.progress).toBe(40);
    expect(tree.goals[0]?.focusAreas[0]?.rollUp.stopped).toBe(1);
  });
});
