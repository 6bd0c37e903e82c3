import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../../../test/app.ts";
import { createMunicipality, createUser, testPassword } from "../../../test/factories.ts";
import { loadConfig } from "../../config.ts";
import { auditEvents, sessions, signInThrottle } from "../../db/schema/index.ts";
import { buildApp } from "../app.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("sign-in and sessions", () => {
  it("signs in with a cookie that is HttpOnly and SameSite=Lax, and tells who is signed in", async () => {
    const municipality = await createMunicipality(t.database.db, { name: "Lier" });
    const user = await createUser(t.database.db, { municipalityId: municipality.id, role: "planner" });
    const response = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: user.email.toUpperCase(), password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "planverk_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    const body = response.json();
    expect(body.user.memberships).toEqual([
      { municipalityNumber: municipality.number, municipalityName: "Lier", role: "planner" },
    ]);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    // Only a hash of the token is stored.
    const stored = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored.map((s) => s.tokenHash)).not.toContain(cookie?.value);
  });

  it("sets Secure on the cookie behind an HTTPS proxy (TRUST_PROXY=true)", async () => {
    const user = await createUser(t.database.db);
    const proxied = await buildApp({
      config: loadConfig({ NODE_ENV: "test", TRUST_PROXY: "true" }),
      db: t.database.db,
      logger: pino({ level: "silent" }),
    });
    const response = await proxied.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: user.email, password: testPassword },
      headers: { "x-forwarded-proto": "https" },
    });
    expect(response.cookies.find((c) => c.name === "__Host-planverk_session")?.secure).toBe(true);
    await proxied.close();
  });

  it("refuses a wrong password without telling whether the account exists", async () => {
    const user = await createUser(t.database.db);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: user.email, password: "feil-passord-her" },
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: "ingen@finnes.no", password: "feil-passord-her" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.cookies).toEqual([]);
  });

  it("makes repeated failures wait longer and longer, then lets the right password in after the wait", async () => {
    const user = await createUser(t.database.db);
    const attempt = (password: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/session",
        payload: { email: user.email, password },
        remoteAddress: "10.9.8.7",
      });
    for (let i = 0; i < 4; i++) expect((await attempt("feil-passord-her")).statusCode).toBe(401);
    const blocked = await attempt(testPassword);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(blocked.json().error.message).toMatch(/Vent \d+ sekunder/);
    // Pretend the wait has passed.
    await t.database.db
      .update(signInThrottle)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(signInThrottle.key, `email:${user.email}`));
    expect((await attempt(testPassword)).statusCode).toBe(200);
  });

  it("signs out for good: the old cookie opens nothing afterwards", async () => {
    const user = await createUser(t.database.db);
    const signed = await signIn(t.app, user.email, testPassword);
    const out = await t.app.inject({ method: "DELETE", url: "/api/session", headers: signed.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: "/api/session", headers: { cookie: signed.cookie } });
    expect(after.json().user).toBeNull();
    const reuse = await t.app.inject({
      method: "POST",
      url: "/api/session/password",
      headers: signed.headers,
      payload: { currentPassword: testPassword, newPassword: "et-helt-nytt-passord" },
    });
    expect(reuse.statusCode).toBe(401);
  });

  it("refuses a cookie-authenticated write without the CSRF token, and one from another site", async () => {
    const user = await createUser(t.database.db);
    const signed = await signIn(t.app, user.email, testPassword);
    const payload = { currentPassword: testPassword, newPassword: "et-helt-nytt-passord" };
    const noToken = await t.app.inject({
      method: "POST",
      url: "/api/session/password",
      headers: { cookie: signed.cookie },
      payload,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.message).toMatch(/CSRF/);
    const crossSite = await t.app.inject({
      method: "POST",
      url: "/api/session/password",
      headers: { ...signed.headers, "sec-fetch-site": "cross-site" },
      payload,
    });
    expect(crossSite.statusCode).toBe(403);
    // The password is unchanged.
    await signIn(t.app, user.email, testPassword);
  });

  it("changes the password, ends the other sessions, and audits it without the password", async () => {
    const user = await createUser(t.database.db);
    const here = await signIn(t.app, user.email, testPassword);
    const elsewhere = await signIn(t.app, user.email, testPassword);
    const tooShort = await t.app.inject({
      method: "POST",
      url: "/api/session/password",
      headers: here.headers,
      payload: { currentPassword: testPassword, newPassword: "kort" },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.message).toMatch(/minst 12 tegn/);
    // A common password is refused with a hint in Norwegian how to make it stronger.
    const common = await t.app.inject({
      method: "POST",
      url: "/api/session/password",
      headers: here.headers,
      payload: { currentPassword: testPassword, newPassword: "password1234" },
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.message).toMatch(/^Passordet er for lett å gjette\. .*ord/);
    const changed = await t.app.inject({
      method: "POST",
      url: "/api/session/password",
      headers: here.headers,
      payload: { currentPassword: testPassword, newPassword: "et-helt-nytt-passord" },
    });
    expect(changed.statusCode).toBe(204);
    expect(
      (await t.app.inject({ url: "/api/session", headers: { cookie: here.cookie } })).json().user?.id,
    ).toBe(user.id);
    expect(
      (await t.app.inject({ url: "/api/session", headers: { cookie: elsewhere.cookie } })).json().user,
    ).toBeNull();
    await signIn(t.app, user.email, "et-helt-nytt-passord");
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, user.id));
    const change = events.find((e) => e.action === "change_password");
    expect(JSON.stringify(change?.changes)).not.toContain("et-helt-nytt-passord");
  });
});
