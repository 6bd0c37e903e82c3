import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../../../test/app.ts";
import { createUser, testPassword } from "../../../test/factories.ts";
import { auditEvents, sessions } from "../../db/schema/index.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Listed = { id: string; createdAt: string; expiresAt: string; current: boolean };

describe("«Mine økter»: one's own sessions", () => {
  it("lists both sign-ins with the current marked, and ends the other one only", async () => {
    const user = await createUser(t.database.db);
    const first = await signIn(t.app, user.email, testPassword);
    const second = await signIn(t.app, user.email, testPassword);
    const list = await t.app.inject({ method: "GET", url: "/api/session/sessions", headers: second.headers });
    expect(list.statusCode).toBe(200);
    const listed = list.json().sessions as Listed[];
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    const other = listed.find((s) => !s.current);
    expect(other?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const ended = await t.app.inject({
      method: "DELETE",
      url: `/api/session/sessions/${other?.id}`,
      headers: second.headers,
    });
    expect(ended.statusCode).toBe(204);
    const withFirst = await t.app.inject({
      method: "GET",
      url: "/api/session/sessions",
      headers: first.headers,
    });
    expect(withFirst.statusCode).toBe(401);
    const withSecond = await t.app.inject({
      method: "GET",
      url: "/api/session/sessions",
      headers: second.headers,
    });
    expect(withSecond.statusCode).toBe(200);
    expect((withSecond.json().sessions as Listed[]).map((s) => s.current)).toEqual([true]);

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, user.id), eq(auditEvents.action, "end_session")));
    expect(audit).toHaveLength(1);
  });

  it("refuses without the CSRF token", async () => {
    const user = await createUser(t.database.db);
    const first = await signIn(t.app, user.email, testPassword);
    const second = await signIn(t.app, user.email, testPassword);
    const listed = (
      await t.app.inject({ method: "GET", url: "/api/session/sessions", headers: second.headers })
    ).json().sessions as Listed[];
    const other = listed.find((s) => !s.current);
    const response = await t.app.inject({
      method: "DELETE",
      url: `/api/session/sessions/${other?.id}`,
      headers: { cookie: second.cookie },
    });
    expect(response.statusCode).toBe(403);
    const stillThere = await t.app.inject({
      method: "GET",
      url: "/api/session/sessions",
      headers: first.headers,
    });
    expect(stillThere.statusCode).toBe(200);
  });

  it("answers 404 for another person's session and changes nothing", async () => {
    const owner = await createUser(t.database.db);
    const intruder = await createUser(t.database.db);
    const ownerSession = await signIn(t.app, owner.email, testPassword);
    const intruderSession = await signIn(t.app, intruder.email, testPassword);
    const ownerId = (
      (
        await t.app.inject({ method: "GET", url: "/api/session/sessions", headers: ownerSession.headers })
      ).json().sessions as Listed[]
    )[0]?.id;
    const foreign = await t.app.inject({
      method: "DELETE",
      url: `/api/session/sessions/${ownerId}`,
      headers: intruderSession.headers,
    });
    const unknown = await t.app.inject({
      method: "DELETE",
      url: "/api/session/sessions/finnes-ikke",
      headers: intruderSession.headers,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(unknown.json());
    const ownerRows = await t.database.db.select().from(sessions).where(eq(sessions.userId, owner.id));
    expect(ownerRows).toHaveLength(1);
    const still = await t.app.inject({
      method: "GET",
      url: "/api/session/sessions",
      headers: ownerSession.headers,
    });
    expect(still.statusCode).toBe(200);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, intruder.id), eq(auditEvents.action, "end_session")));
    expect(audit).toHaveLength(0);
  });
});
