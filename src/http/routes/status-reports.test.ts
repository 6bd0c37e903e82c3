import { and, eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../../../test/app.ts";
import { createStatusReportingSetup, createUser, testPassword } from "../../../test/factories.ts";
import { startSmtpServer } from "../../../test/smtp.ts";
import { loadConfig } from "../../config.ts";
import {
  auditEvents,
  measureSpending,
  measures,
  milestones,
  reportingPeriods,
} from "../../db/schema/index.ts";
import type {
  CompiledReportResponse,
  ReportingPeriodListResponse,
  ReportingPeriodResponse,
  StatusReportResponse,
  WaitingReportsResponse,
} from "./status-reports.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function setup(over: { budgetYear?: number } = {}) {
  const { db } = t.database;
  const s = await createStatusReportingSetup(db, over);
  const base = `/api/municipalities/${s.municipality.number}`;
  const as = async (email: string) => {
    const session = await signIn(t.app, email, testPassword);
    return (method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: object) =>
      t.app.inject({
        method,
        url: url.startsWith("/api/status") ? url : `${base}${url}`,
        headers: session.headers,
        ...(payload ? { payload } : {}),
      });
  };
  const planner = await as(s.users.planner.email);
  const ownerA = await as(s.users.ownerA.email);
  const ownerB = await as(s.users.ownerB.email);
  expect((await planner("POST", `/cycles/${s.cycle.id}/reporting-periods`)).statusCode).toBe(201);
  const list = (
    await planner("GET", `/cycles/${s.cycle.id}/reporting-periods`)
  ).json() as ReportingPeriodListResponse;
  const t1 = list.periods[0];
  if (!t1) throw new Error("no T1");
  return { ...s, base, planner, ownerA, ownerB, list, t1 };
}

const onPlan = {
  trafficLight: "on_track",
  measureStatus: "in_progress",
  progress: 30,
  achieved: "Forprosjekt ferdig.",
  nextSteps: "Anbud i juni.",
  risks: "",
};

describe("status reporting", () => {
  it("marks a period overdue when its due date has passed with reports missing, not once it is closed", async () => {
    const past = await setup({ budgetYear: 2020 });
    expect(past.list.periods.map((p) => [p.kind, p.overdue])).toEqual([
      ["t1", true],
      ["t2", true],
      ["annual", true],
    ]);
    await t.database.db
      .update(reportingPeriods)
      .set({ state: "closed" })
      .where(eq(reportingPeriods.id, past.t1.id));
    const list = (await past.planner("GET", `/cycles/${past.cycle.id}/reporting-periods`)).json();
    expect(list.periods[0]).toMatchObject({ kind: "t1", overdue: false });
    const future = await setup({ budgetYear: 2099 });
    expect(future.list.periods.every((p) => !p.overdue)).toBe(true);
  });

  it("creates T1, T2 and the annual period with default dates; only planners may", async () => {
    const s = await setup();
    expect(s.list.periods.map((p) => [p.kind, p.asOf, p.dueDate, p.state])).toEqual([
      ["t1", "2026-04-30", "2026-05-15", "planned"],
      ["t2", "2026-08-31", "2026-09-15", "planned"],
      ["annual", "2026-12-31", "2027-01-31", "planned"],
    ]);
    expect(s.t1.completeness).toEqual({ total: 3, missing: 3, submitted: 0, returned: 0, approved: 0 });
    expect((await s.ownerA("POST", `/cycles/${s.cycle.id}/reporting-periods`)).statusCode).toBe(403);
    // Creating again adds nothing.
    expect((await s.planner("POST", `/cycles/${s.cycle.id}/reporting-periods`)).json()).toEqual({
      created: 0,
    });
    // Outsiders get 404.
    const outsider = await createUser(t.database.db, { role: "planner" });
    const session = await signIn(t.app, outsider.email, testPassword);
    const refused = await t.app.inject({
      url: `${s.base}/reporting-periods/${s.t1.id}`,
      headers: session.headers,
    });
    expect(refused.statusCode).toBe(404);
  });

  it("saves a draft that only its author and the planners see, does not count it, and submits it later", async () => {
    const s = await setup();
    const report = `/reporting-periods/${s.t1.id}/measures/T-001/report`;
    await s.planner("PATCH", `/reporting-periods/${s.t1.id}`, { version: 1, state: "open" });
    const viewer = await createUser(t.database.db, { municipalityId: s.municipality.id, role: "viewer" });
    const asViewer = await signIn(t.app, viewer.email, testPassword);
    const viewerGet = (url: string) => t.app.inject({ url: `${s.base}${url}`, headers: asViewer.headers });

    // Half written: a deviation not yet explained, nothing achieved written. A draft takes it.
    const half = { ...onPlan, trafficLight: "deviation", achieved: "", progress: 20 };
    const saved = await s.ownerA("PUT", `${report}/draft`, half);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ state: "draft", version: 1 });
    // Wrong numbers are still refused.
    expect(
      (await s.ownerA("PUT", `${report}/draft`, { ...half, progress: 140, version: 1 })).statusCode,
    ).toBe(400);

    const mine = (await s.ownerA("GET", report)).json() as StatusReportResponse;
    expect(mine.report).toMatchObject({ state: "draft", trafficLight: "deviation", progress: 20 });
    expect(mine.canSaveDraft).toBe(true);
    expect(mine.history).toEqual([]);
    expect(((await s.planner("GET", report)).json() as StatusReportResponse).report?.state).toBe("draft");
    expect(((await s.ownerB("GET", report)).json() as StatusReportResponse).report).toBeNull();
    expect(((await viewerGet(report)).json() as StatusReportResponse).report).toBeNull();
    const period = (await viewerGet(`/reporting-periods/${s.t1.id}`)).json() as ReportingPeriodResponse;
    expect(period.completeness).toMatchObject({ missing: 3, submitted: 0 });
    expect(period.measures.find((m) => m.reference === "T-001")?.state).toBe("missing");
    const planners = (
      await s.planner("GET", `/reporting-periods/${s.t1.id}`)
    ).json() as ReportingPeriodResponse;
    expect(planners.measures.find((m) => m.reference === "T-001")?.state).toBe("draft");
    expect(planners.completeness.missing).toBe(3);
    // It is still due for its owner, and the planner has nothing to review.
    const waiting = (await s.ownerA("GET", "/api/status-reports/waiting")).json() as WaitingReportsResponse;
    expect(waiting.map((w) => [w.reference, w.reason])).toEqual([["T-001", "due"]]);
    expect(
      (await s.planner("POST", `${report}/review`, { version: 1, decision: "approve" })).statusCode,
    ).toBe(409);

    // Edited again, then submitted: a submission needs what a draft may leave out.
    expect((await s.ownerA("PUT", `${report}/draft`, { ...half, version: 1 })).json().version).toBe(2);
    expect((await s.ownerA("PUT", report, { ...half, version: 2 })).statusCode).toBe(400);
    const sent = await s.ownerA("PUT", report, {
      ...half,
      explanation: "Anbudet kom inn dyrere enn ventet.",
      achieved: "Forprosjekt ferdig.",
      version: 2,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: "submitted", version: 3 });
    expect(((await viewerGet(report)).json() as StatusReportResponse).report?.state).toBe("submitted");
    // Once submitted, it is no longer a draft.
    expect((await s.ownerA("PUT", `${report}/draft`, { ...half, version: 3 })).statusCode).toBe(409);
    const actions = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.municipalityId, s.municipality.id), eq(auditEvents.objectType, "status_report")),
      );
    expect(actions.map((a) => a.action)).toEqual([
      "save_status_report_draft",
      "save_status_report_draft",
      "submit_status_report",
    ]);
  });

  it("owners report, the planner returns one, it is corrected and approved, and approval becomes the measure's state", async () => {
    const s = await setup();
    const report = (ref: string) => `/reporting-periods/${s.t1.id}/measures/${ref}/report`;
    // Not open yet.
    expect((await s.ownerA("PUT", report("T-001"), onPlan)).statusCode).toBe(409);
    const opened = await s.planner("PATCH", `/reporting-periods/${s.t1.id}`, { version: 1, state: "open" });
    expect(opened.json().state).toBe("open");

    // «Venter på deg» lists each owner's own measure.
    const waitingA = (await s.ownerA("GET", "/api/status-reports/waiting")).json() as WaitingReportsResponse;
    expect(waitingA.map((w) => [w.reference, w.reason, w.dueDate])).toEqual([["T-001", "due", "2026-05-15"]]);

    // Owner A may not report on owner B's measure.
    expect((await s.ownerA("PUT", report("T-002"), onPlan)).statusCode).toBe(403);

    // A deviation needs an explanation; nothing is stored when refused.
    const bad = await s.ownerB("PUT", report("T-002"), { ...onPlan, trafficLight: "deviation" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toContainEqual({
      path: "/explanation",
      message: "Forklar avviket: hva er årsaken, og hva gjøres med det?",
    });
    expect(
      ((await s.planner("GET", `/reporting-periods/${s.t1.id}`)).json() as ReportingPeriodResponse)
        .completeness.missing,
    ).toBe(3);

    expect(
      (
        await s.ownerA("PUT", report("T-001"), {
          ...onPlan,
          spending: [{ fundingSourceId: s.fundingSources.municipal.id, amountNok: 120_000 }],
        })
      ).statusCode,
    ).toBe(200);
    const b = await s.ownerB("PUT", report("T-002"), {
      ...onPlan,
      trafficLight: "deviation",
      measureStatus: "delayed",
      progress: 10,
      explanation: "Avtalen med USN kom tre måneder for sent.",
      spending: [
        { fundingSourceId: s.fundingSources.municipal.id, amountNok: 50_000 },
        { fundingSourceId: s.fundingSources.external.id, amountNok: 25_000 },
      ],
      milestonesReached: [s.milestone.id],
    });
    expect(b.json()).toMatchObject({ state: "submitted", version: 1 });

    // The planner returns B's report: a comment is required.
    const review = (ref: string) => `${report(ref)}/review`;
    expect(
      (await s.planner("POST", review("T-002"), { version: 1, decision: "return", comment: " " })).statusCode,
    ).toBe(400);
    expect((await s.ownerB("POST", review("T-002"), { version: 1, decision: "approve" })).statusCode).toBe(
      403,
    );
    const returned = await s.planner("POST", review("T-002"), {
      version: 1,
      decision: "return",
      comment: "Forbruket mangler tall for Innovasjon Norge.",
    });
    expect(returned.json()).toMatchObject({ state: "returned", version: 2 });
    const waitingB = (await s.ownerB("GET", "/api/status-reports/waiting")).json() as WaitingReportsResponse;
    expect(waitingB).toMatchObject([
      {
        reference: "T-002",
        reason: "returned",
        reviewComment: "Forbruket mangler tall for Innovasjon Norge.",
      },
    ]);
    const waitingPlanner = (
      await s.planner("GET", "/api/status-reports/waiting")
    ).json() as WaitingReportsResponse;
    expect(waitingPlanner.map((w) => [w.reference, w.reason])).toEqual([["T-001", "review"]]);

    // B corrects (a stale version is refused) and resubmits; the planner approves both.
    expect((await s.ownerB("PUT", report("T-002"), { ...onPlan, version: 1 })).statusCode).toBe(409);
    const corrected = await s.ownerB("PUT", report("T-002"), {
      ...onPlan,
      version: 2,
      trafficLight: "deviation",
      measureStatus: "delayed",
      progress: 10,
      explanation: "Avtalen med USN kom tre måneder for sent.",
      spending: [
        { fundingSourceId: s.fundingSources.municipal.id, amountNok: 50_000 },
        { fundingSourceId: s.fundingSources.external.id, amountNok: 30_000 },
      ],
      milestonesReached: [s.milestone.id],
    });
    expect(corrected.json()).toMatchObject({ state: "submitted", version: 3 });
    expect((await s.planner("POST", review("T-002"), { version: 3, decision: "approve" })).json().state).toBe(
      "approved",
    );
    expect((await s.planner("POST", review("T-001"), { version: 1, decision: "approve" })).json().state).toBe(
      "approved",
    );
    expect((await s.ownerB("PUT", report("T-002"), { ...onPlan, version: 4 })).statusCode).toBe(409);

    // History: submitted, returned (with comment), submitted, approved.
    const detail = (await s.ownerB("GET", report("T-002"))).json() as StatusReportResponse;
    expect(detail.history.map((h) => [h.action, h.comment])).toEqual([
      ["submitted", ""],
      ["returned", "Forbruket mangler tall for Innovasjon Norge."],
      ["submitted", ""],
      ["approved", ""],
    ]);
    expect(detail.allowedActions).not.toContain("submit");

    // The measure's state is the approved report's, with its date; spending and milestone fed.
    const { db } = t.database;
    const [campus] = await db.select().from(measures).where(eq(measures.id, s.measures.campus.id));
    expect(campus).toMatchObject({
      status: "delayed",
      progress: 10,
      statusAsOf: "2026-04-30",
      statusReason: "Avtalen med USN kom tre måneder for sent.",
    });
    const measureDetail = (await s.planner("GET", "/measures/T-002")).json();
    expect(measureDetail).toMatchObject({ status: "delayed", statusAsOf: "2026-04-30" });
    const spent = await db
      .select({ source: measureSpending.fundingSourceId, amount: measureSpending.amountNok })
      .from(measureSpending)
      .where(and(eq(measureSpending.measureId, s.measures.campus.id), eq(measureSpending.year, 2026)));
    expect(spent.sort((a, b) => a.amount - b.amount)).toEqual([
      { source: s.fundingSources.external.id, amount: 30_000 },
      { source: s.fundingSources.municipal.id, amount: 50_000 },
    ]);
    const [milestone] = await db.select().from(milestones).where(eq(milestones.id, s.milestone.id));
    expect(milestone?.done).toBe(true);
    const audit = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, s.measures.campus.id));
    expect(audit.map((a) => a.action)).toContain("apply_status_report");

    // Completeness, and the compiled report: deviations first, budget planned vs spent.
    const period = (
      await s.planner("GET", `/reporting-periods/${s.t1.id}`)
    ).json() as ReportingPeriodResponse;
    expect(period.completeness).toEqual({ total: 3, missing: 1, submitted: 0, returned: 0, approved: 2 });
    const compiled = (
      await s.planner("GET", `/reporting-periods/${s.t1.id}/compiled`)
    ).json() as CompiledReportResponse;
    expect(compiled.title).toBe("1. tertial 2026");
    expect(compiled.distribution).toEqual({
      on_track: 1,
      deviation: 1,
      serious_deviation: 0,
      not_reported: 1,
    });
    expect(
      compiled.focusAreas.map((f) => [f.title, f.measures.map((m) => `${m.reference}:${m.light}`)]),
    ).toEqual([
      ["Havnebyen", ["T-001:on_track", "T-003:not_reported"]],
      ["Kunnskapsbyen", ["T-002:deviation"]],
    ]);
    expect(compiled.budget.total).toEqual({
      area: "Sum",
      plannedNok: 1_500_000,
      spentNok: 200_000,
      remainingNok: 1_300_000,
    });
    expect(compiled.budget.lines.find((l) => l.area === "Ekstern finansiering")).toMatchObject({
      plannedNok: 300_000,
      spentNok: 30_000,
    });

    // The Word file downloads with the sections and numbers.
    const docx = await s.planner("GET", `/reporting-periods/${s.t1.id}/compiled.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-disposition"]).toBe('attachment; filename="statusrapport-t1-2026.docx"');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")?.async("string");
    expect(xml).toContain("Statusrapport 1. tertial 2026");
    expect(xml).toContain("Kunnskapsbyen");
    expect(xml).toContain("1\u00a0300\u00a0000\u00a0kr");
  });

  it("reminders go by e-mail to owners with reports due or returned when SMTP is configured", async () => {
    const smtp = await startSmtpServer();
    const { createTestDatabase } = await import("../../../test/database.ts");
    const { buildApp } = await import("../app.ts");
    const pino = (await import("pino")).default;
    const database = await createTestDatabase();
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: "test", SMTP_URL: smtp.url, PUBLIC_URL: "https://planverk.example.no" }),
      db: database.db,
      logger: pino({ level: "silent" }),
    });
    try {
      const s = await createStatusReportingSetup(database.db);
      const session = await signIn(app, s.users.planner.email, testPassword);
      const base = `/api/municipalities/${s.municipality.number}`;
      const send = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
        app.inject({
          method,
          url: `${base}${url}`,
          headers: session.headers,
          ...(payload ? { payload } : {}),
        });
      await send("POST", `/cycles/${s.cycle.id}/reporting-periods`);
      const [t1] = (await send("GET", `/cycles/${s.cycle.id}/reporting-periods`)).json().periods;
      expect((await send("POST", `/reporting-periods/${t1.id}/reminders`)).statusCode).toBe(409);
      await send("PATCH", `/reporting-periods/${t1.id}`, { version: 1, state: "open" });
      const sent = await send("POST", `/reporting-periods/${t1.id}/reminders`);
      expect(sent.json()).toEqual({ owners: 2, emailed: 2 });
      const toA = smtp.messages.find((m) => m.to.includes(s.users.ownerA.email));
      expect(toA?.subject).toBe("Statusrapport 1. tertial 2026: frist 15.05.2026");
      expect(toA?.text).toContain("- T-001 Landstrøm i havna");
      expect(toA?.text).toContain("https://planverk.example.no/status");
      expect(toA?.text).not.toContain("T-002");
    } finally {
      await app.close();
      await database.drop();
      await smtp.close();
    }
  });
});
