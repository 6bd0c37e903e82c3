import { describe, expect, it } from "vitest";
import {
  type CompiledMeasureInput,
  compileStatusReport,
  completeness,
  defaultReportingPeriods,
  draftProblems,
  formatNorwegianDate,
  periodTransitionAllowed,
  type ReportContent,
  reportProblems,
  reviewRefusal,
} from "./status-report.ts";

const content: ReportContent = {
  trafficLight: "on_track",
  explanation: "",
  measureStatus: "in_progress",
  progress: 40,
  spending: [],
  milestonesReached: [],
  achieved: "Forprosjekt ferdig.",
  nextSteps: "",
  risks: "",
};

describe("reporting periods", () => {
  it("are per 30 April, 31 August and 31 December, due after", () => {
    expect(defaultReportingPeriods(2026)).toEqual([
      { kind: "t1", asOf: "2026-04-30", dueDate: "2026-05-15" },
      { kind: "t2", asOf: "2026-08-31", dueDate: "2026-09-15" },
      { kind: "annual", asOf: "2026-12-31", dueDate: "2027-01-31" },
    ]);
  });
  it("open, close and reopen, never back to planned", () => {
    expect(periodTransitionAllowed("planned", "open")).toBe(true);
    expect(periodTransitionAllowed("open", "closed")).toBe(true);
    expect(periodTransitionAllowed("closed", "open")).toBe(true);
    expect(periodTransitionAllowed("open", "planned")).toBe(false);
    expect(periodTransitionAllowed("planned", "closed")).toBe(false);
  });
});

describe("what a report must say", () => {
  it("accepts a report on plan without explanation", () => {
    expect(reportProblems(content)).toEqual([]);
  });
  it("needs an explanation for a deviation, and for a delayed measure", () => {
    expect(reportProblems({ ...content, trafficLight: "serious_deviation" }).map((p) => p.path)).toEqual([
      "/explanation",
    ]);
    expect(reportProblems({ ...content, measureStatus: "delayed" }).map((p) => p.path)).toEqual([
      "/explanation",
    ]);
    expect(
      reportProblems({ ...content, trafficLight: "deviation", explanation: "Forsinket anbud." }),
    ).toEqual([]);
  });
  it("refuses bad progress, negative or fractional kroner, a source twice, and an empty narrative", () => {
    const problems = reportProblems({
      ...content,
      progress: 101,
      achieved: " ",
      spending: [
        { fundingSourceId: "a", amountNok: -1 },
        { fundingSourceId: "a", amountNok: 1.5 },
      ],
    }).map((p) => p.path);
    expect(problems).toEqual([
      "/progress",
      "/spending/0/amountNok",
      "/spending/1/amountNok",
      "/spending",
      "/achieved",
    ]);
  });
});

describe("the way a report moves", () => {
  it("the owner submits until it is approved; the planner reviews only what is submitted", () => {
    expect(reviewRefusal(null, "submit")).toBeNull();
    expect(reviewRefusal("submitted", "submit")).toBeNull();
    expect(reviewRefusal("returned", "submit")).toBeNull();
    expect(reviewRefusal("approved", "submit")).toBe("Rapporten er godkjent og kan ikke endres.");
    expect(reviewRefusal("submitted", "approve")).toBeNull();
    expect(reviewRefusal("submitted", "return")).toBeNull();
    expect(reviewRefusal(null, "approve")).toBe("Tiltaket har ikke levert rapport for perioden ennå.");
    expect(reviewRefusal("returned", "approve")).toBe(
      "Rapporten er sendt tilbake og venter på tiltakseieren.",
    );
    expect(reviewRefusal("approved", "return")).toBe("Rapporten er allerede godkjent.");
  });
  it("keeps a draft until it is first submitted; a draft cannot be reviewed", () => {
    expect(reviewRefusal(null, "save_draft")).toBeNull();
    expect(reviewRefusal("draft", "save_draft")).toBeNull();
    expect(reviewRefusal("draft", "submit")).toBeNull();
    expect(reviewRefusal("submitted", "save_draft")).toBe(
      "Rapporten er sendt inn; endre den og send den inn på nytt.",
    );
    expect(reviewRefusal("returned", "save_draft")).not.toBeNull();
    expect(reviewRefusal("approved", "save_draft")).toBe("Rapporten er godkjent og kan ikke endres.");
    expect(reviewRefusal("draft", "approve")).toBe("Tiltaket har ikke levert rapport for perioden ennå.");
    expect(reviewRefusal("draft", "return")).toBe("Tiltaket har ikke levert rapport for perioden ennå.");
  });
  it("saves a draft without the texts a submitted report needs, but not with wrong numbers", () => {
    const draft = {
      trafficLight: "deviation" as const,
      explanation: "",
      measureStatus: "in_progress" as const,
      progress: 40,
      spending: [],
      milestonesReached: [],
      achieved: "",
      nextSteps: "",
      risks: "",
    };
    expect(draftProblems(draft)).toEqual([]);
    expect(reportProblems(draft).map((p) => p.path)).toEqual(["/explanation", "/achieved"]);
    expect(draftProblems({ ...draft, progress: 140 }).map((p) => p.path)).toEqual(["/progress"]);
  });
  it("counts completeness", () => {
    expect(completeness(["missing", "approved", "returned", "submitted", "approved"])).toEqual({
      total: 5,
      missing: 1,
      submitted: 1,
      returned: 1,
      approved: 2,
    });
  });
});

describe("the compiled report", () => {
  const measure = (over: Partial<CompiledMeasureInput> & { reference: string }): CompiledMeasureInput => ({
    title: over.reference,
    focusAreaId: "a",
    ownerName: null,
    report: null,
    previousProgress: null,
    milestonesTotal: 0,
    money: [],
    ...over,
  });
  const report = (
    light: "on_track" | "deviation" | "serious_deviation",
    progress: number,
    state = "approved" as const,
  ) => ({
    state,
    trafficLight: light,
    explanation: light === "on_track" ? "" : "Forsinket.",
    measureStatus: "in_progress" as const,
    progress,
    achieved: "Gjort.",
    nextSteps: "",
    risks: "",
    milestonesReached: 1,
  });
  const compiled = compileStatusReport({
    municipalityName: "Drammen kommune",
    budgetYear: 2026,
    kind: "t2",
    asOf: "2026-08-31",
    focusAreas: [
      { id: "a", title: "Havnebyen" },
      { id: "b", title: "Kunnskapsbyen" },
      { id: "c", title: "Tomt område" },
    ],
    measures: [
      measure({
        reference: "T-2",
        report: report("on_track", 50),
        previousProgress: 30,
        money: [{ area: "Drift", plannedNok: 100, spentNok: 40 }],
      }),
      measure({ reference: "T-10", report: report("serious_deviation", 10), previousProgress: 10 }),
      measure({
        reference: "T-3",
        report: report("deviation", 20),
        money: [
          { area: "Drift", plannedNok: 50, spentNok: 60 },
          { area: "Ekstern", plannedNok: 30, spentNok: 0 },
        ],
      }),
      measure({ reference: "T-1" }),
      measure({
        reference: "T-4",
        focusAreaId: "b",
        report: { ...report("deviation", 5), state: "submitted" },
      }),
    ],
  });
  it("puts deviations first (serious before deviation), then on plan, then not reported; unapproved reports do not count", () => {
    expect(compiled.title).toBe("2. tertial 2026");
    expect(
      compiled.focusAreas.map((f) => [f.title, f.measures.map((m) => `${m.reference} ${m.light}`)]),
    ).toEqual([
      ["Havnebyen", ["T-10 serious_deviation", "T-3 deviation", "T-2 on_track", "T-1 not_reported"]],
      ["Kunnskapsbyen", ["T-4 not_reported"]],
    ]);
    expect(compiled.distribution).toEqual({
      on_track: 1,
      deviation: 1,
      serious_deviation: 1,
      not_reported: 2,
    });
  });
  it("shows progress change since the previous period and budget per area and in total", () => {
    const havn = compiled.focusAreas[0]?.measures ?? [];
    expect(havn.map((m) => m.progressChange)).toEqual([0, null, 20, null]);
    expect(compiled.budget.lines).toEqual([
      { area: "Drift", plannedNok: 150, spentNok: 100, remainingNok: 50 },
      { area: "Ekstern", plannedNok: 30, spentNok: 0, remainingNok: 30 },
    ]);
    expect(compiled.budget.total).toEqual({ area: "Sum", plannedNok: 180, spentNok: 100, remainingNok: 80 });
    expect(compiled.focusAreas[0]?.budget).toMatchObject({ plannedNok: 180, spentNok: 100 });
    expect(compiled.indicators).toBeNull();
  });
  it("writes dates the Norwegian way", () => {
    expect(formatNorwegianDate("2026-04-30")).toBe("30.04.2026");
  });
});
