import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { createEvaluationSetting, createUser } from "../../../test/factories.ts";
import {
  cycles,
  evaluationAnswers,
  evaluationPanelists,
  evaluationRoundMeasures,
  evaluationRounds,
  proposals,
  remindersSent,
} from "../../db/schema/index.ts";
import { defaultCriteria } from "../../domain/evaluation.ts";
import type { Mailer, MailMessage } from "../../infra/mailer.ts";
import { systemActor } from "../context.ts";
import { runDeadlineReminders } from "./run-deadline-reminders.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

function recordingMailer() {
  const sent: MailMessage[] = [];
  const mailer: Mailer = {
    send: async (message) => {
      sent.push(message);
      return true;
    },
    close: () => undefined,
  };
  return { sent, mailer };
}

const run = (mailer: Mailer, at: string) =>
  runDeadlineReminders({
    ctx: { db: database.db, actor: systemActor("Påminnelser") },
    now: new Date(`${at}T10:00:00Z`),
    mailer,
    publicUrl: "https://planverk.example.no/",
  });

describe("reminders before the proposal phase ends", () => {
  it("go to the partners who have not proposed, once, three days before the end", async () => {
    const s = await createEvaluationSetting(database.db);
    await database.db
      .update(cycles)
      .set({ phaseDates: { innspill: { start: "2026-01-01", end: "2026-03-20" } } })
      .where(eq(cycles.id, s.cycleId));
    // The business partner's organisation has proposed; academia and the outsider have not.
    await database.db.insert(proposals).values({
      municipalityId: s.municipality.id,
      cycleId: s.cycleId,
      number: 1,
      title: "Felles innkjøp",
      description: "Et innspill",
      organisationId: s.business.organisation.id,
      submittedByUserId: s.business.user.id,
    });
    const { sent, mailer } = recordingMailer();

    expect(await run(mailer, "2026-03-16")).toEqual({ deadlines: 0, emailed: 0 });
    // Two instances at the same moment: one claims the deadline, the other finds it claimed.
    const [a, b] = await Promise.all([run(mailer, "2026-03-17"), run(mailer, "2026-03-17")]);
    expect((a?.deadlines ?? 0) + (b?.deadlines ?? 0)).toBe(1);
    expect(sent.map((m) => m.to).sort()).toEqual([s.academia.user.email, s.outsider.user.email].sort());
    expect(sent[0]?.subject).toBe("Innspill til handlingsplanen for 2027: frist 20.03.2026");
    expect(sent[0]?.text).toContain("https://planverk.example.no/innspill");
    expect(await run(mailer, "2026-03-19")).toEqual({ deadlines: 0, emailed: 0 });
    expect(sent).toHaveLength(2);
    const [record] = await database.db
      .select()
      .from(remindersSent)
      .where(eq(remindersSent.objectId, s.cycleId));
    expect(record).toMatchObject({ kind: "phase_end", dueDate: "2026-03-20", recipients: 2 });

    // A cycle past the proposal phase reminds nobody, even with the end still ahead.
    await database.db.update(cycles).set({ phase: "utarbeidelse" }).where(eq(cycles.id, s.cycleId));
    await database.db
      .update(cycles)
      .set({ phaseDates: { innspill: { start: "2026-01-01", end: "2026-03-25" } } })
      .where(eq(cycles.id, s.cycleId));
    expect(await run(mailer, "2026-03-23")).toEqual({ deadlines: 0, emailed: 0 });
  });
});

describe("reminders before an evaluation round's deadline", () => {
  it("go to the panelists who have not scored every measure, once, three days before", async () => {
    const s = await createEvaluationSetting(database.db);
    // Leave the proposal phase, so only the round's reminder is in play.
    await database.db.update(cycles).set({ phase: "evaluering" }).where(eq(cycles.id, s.cycleId));
    const [round] = await database.db
      .insert(evaluationRounds)
      .values({
        municipalityId: s.municipality.id,
        cycleId: s.cycleId,
        title: "Vårens evaluering",
        criteria: defaultCriteria,
        deadline: "2026-04-30",
      })
      .returning();
    if (!round) throw new Error("no round");
    await database.db.insert(evaluationRoundMeasures).values(
      s.measures.map((m) => ({
        municipalityId: s.municipality.id,
        roundId: round.id,
        measureId: m.measure.id,
      })),
    );
    const done = s.business.user;
    const halfway = s.academia.user;
    const notStarted = await createUser(database.db, { municipalityId: s.municipality.id, role: "viewer" });
    await database.db.insert(evaluationPanelists).values(
      [done, halfway, notStarted].map((u) => ({
        municipalityId: s.municipality.id,
        roundId: round.id,
        userId: u.id,
      })),
    );
    const allScores = Object.fromEntries(defaultCriteria.map((c) => [c.key, 4]));
    await database.db.insert(evaluationAnswers).values([
      ...s.measures.map((m) => ({
        municipalityId: s.municipality.id,
        roundId: round.id,
        measureId: m.measure.id,
        userId: done.id,
        scores: allScores,
      })),
      {
        municipalityId: s.municipality.id,
        roundId: round.id,
        measureId: s.measures[0]?.measure.id as string,
        userId: halfway.id,
        scores: allScores,
      },
    ]);
    const { sent, mailer } = recordingMailer();

    expect(await run(mailer, "2026-04-26")).toEqual({ deadlines: 0, emailed: 0 });
    const [a, b] = await Promise.all([run(mailer, "2026-04-27"), run(mailer, "2026-04-27")]);
    expect((a?.deadlines ?? 0) + (b?.deadlines ?? 0)).toBe(1);
    expect(sent.map((m) => m.to).sort()).toEqual([halfway.email, notStarted.email].sort());
    const toHalfway = sent.find((m) => m.to === halfway.email);
    expect(toHalfway?.subject).toBe("Evaluering «Vårens evaluering»: frist 30.04.2026");
    expect(toHalfway?.text).toContain("Du har vurdert 1 av 2 tiltak");
    expect(await run(mailer, "2026-04-29")).toEqual({ deadlines: 0, emailed: 0 });
    expect(sent).toHaveLength(2);
  });
});
