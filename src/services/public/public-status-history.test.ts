import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { createStatusReportingSetup } from "../../../test/factories.ts";
import { reportingPeriods, statusReports } from "../../db/schema/index.ts";
import { publicStatusHistory } from "./public-status-history.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("the public status history of a measure", () => {
  it("shows approved reports only, newest first", async () => {
    const { db } = database;
    const setup = await createStatusReportingSetup(db, { budgetYear: 2026 });
    const municipalityId = setup.municipality.id;
    const [t1, t2] = await db
      .insert(reportingPeriods)
      .values([
        {
          municipalityId,
          cycleId: setup.cycle.id,
          kind: "t1",
          asOf: "2026-04-30",
          dueDate: "2026-05-15",
          state: "closed",
        },
        {
          municipalityId,
          cycleId: setup.cycle.id,
          kind: "t2",
          asOf: "2026-08-31",
          dueDate: "2026-09-15",
          state: "open",
        },
      ])
      .returning();
    if (!t1 || !t2) throw new Error("periods not inserted");
    const measureId = setup.measures.campus.id;
    await db.insert(statusReports).values([
      {
        municipalityId,
        periodId: t1.id,
        measureId,
        state: "approved",
        trafficLight: "on_track",
        measureStatus: "in_progress",
        progress: 20,
        achieved: "Avtalen med USN er signert.",
        reviewedAt: new Date("2026-05-20T10:00:00Z"),
      },
      {
        municipalityId,
        periodId: t2.id,
        measureId,
        state: "submitted",
        trafficLight: "deviation",
        explanation: "Forsinket byggestart",
        measureStatus: "delayed",
        progress: 30,
        achieved: "Ikke godkjent ennå",
      },
    ]);
    expect(await publicStatusHistory(db, municipalityId, measureId)).toEqual([
      {
        period: "2026 T1",
        approvedOn: "2026-05-20",
        status: "in_progress",
        progress: 20,
        summary: "Avtalen med USN er signert.",
      },
    ]);
    await db.update(statusReports).set({ state: "approved", reviewedAt: new Date("2026-09-20T10:00:00Z") });
    const history = await publicStatusHistory(db, municipalityId, measureId);
    expect(history.map((h) => h.period)).toEqual(["2026 T2", "2026 T1"]);
  });
});
