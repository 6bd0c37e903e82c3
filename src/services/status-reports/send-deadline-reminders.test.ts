import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../../../test/app.ts";
import { createStatusReportingSetup, testPassword } from "../../../test/factories.ts";
import type { Mailer, MailMessage } from "../../infra/mailer.ts";
import { systemActor } from "../context.ts";
import { sendDeadlineReminders } from "./send-deadline-reminders.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("reminders before status report deadlines", () => {
  it("go once, three days before the deadline, even when two instances run the schedule at once", async () => {
    const s = await createStatusReportingSetup(t.database.db);
    const session = await signIn(t.app, s.users.planner.email, testPassword);
    const send = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/municipalities/${s.municipality.number}${url}`,
        headers: session.headers,
        ...(payload ? { payload } : {}),
      });
    await send("POST", `/cycles/${s.cycle.id}/reporting-periods`);
    const [t1] = (await send("GET", `/cycles/${s.cycle.id}/reporting-periods`)).json().periods;
    expect(t1.dueDate).toBe("2026-05-15");
    await send("PATCH", `/reporting-periods/${t1.id}`, { version: 1, state: "open" });

    const sent: MailMessage[] = [];
    const mailer: Mailer = {
      send: async (message) => {
        sent.push(message);
        return true;
      },
      close: () => undefined,
    };
    const run = (today: string) =>
      sendDeadlineReminders({
        ctx: { db: t.database.db, actor: systemActor("Påminnelser") },
        input: { today },
        mailer,
        publicUrl: "https://planverk.example.no",
      });

    // Four days before: nothing yet.
    expect(await run("2026-05-11")).toEqual({ periods: 0, emailed: 0 });
    expect(sent).toEqual([]);
    // Three days before, two runs at the same moment (two instances): the owners get one each.
    const [a, b] = await Promise.all([run("2026-05-12"), run("2026-05-12")]);
    expect((a?.periods ?? 0) + (b?.periods ?? 0)).toBe(1);
    expect(sent.map((m) => m.to).sort()).toEqual([s.users.ownerA.email, s.users.ownerB.email].sort());
    expect(sent[0]?.subject).toBe("Statusrapport 1. tertial 2026: frist 15.05.2026");
    // The next hours and days: not again; after the deadline: never.
    expect(await run("2026-05-12")).toEqual({ periods: 0, emailed: 0 });
    expect(await run("2026-05-14")).toEqual({ periods: 0, emailed: 0 });
    expect(await run("2026-05-16")).toEqual({ periods: 0, emailed: 0 });
    expect(sent).toHaveLength(2);
  });
});
