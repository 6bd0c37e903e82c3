import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { Secret, TOTP } from "otpauth";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "../../../test/app.ts";
import { createUser, testPassword } from "../../../test/factories.ts";
import { webDir } from "../../cli/web-build.ts";
import { loadConfig } from "../../config.ts";
import { auditEvents, recoveryCodes, secondFactors, sessions } from "../../db/schema/index.ts";
import { signInWithOidc } from "../../services/accounts/oidc-sign-in.ts";
import { anonymous } from "../../services/context.ts";
import { buildApp } from "../app.ts";

const sent: { to: string; subject: string; text: string }[] = [];
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({
    env: { PLANVERK_SECRET_KEY: "a-key-for-tests-that-is-long-enough-0123456789" },
    mailer: {
      send: async (message) => {
        sent.push(message);
        return true;
      },
      close: () => undefined,
    },
  });
});
afterAll(() => t.close());

/** A code from the person's authenticator app, `stepsAhead` 30-second steps from now. */
const codeFor = (secret: string, stepsAhead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });

const post = (app: FastifyInstance, url: string, signed: Signed, payload?: object) =>
  app.inject({ method: "POST", url, headers: signed.headers, ...(payload ? { payload } : {}) });

/** Signs in, sets up and turns on the second factor; answers the secret and the recovery codes. */
async function withSecondFactor(app: FastifyInstance, email: string) {
  const signed = await signIn(app, email, testPassword);
  const setup = await post(app, "/api/session/second-factor/setup", signed);
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret, uri, qrSvg } = setup.json() as { secret: string; uri: string; qrSvg: string };
  expect(uri).toMatch(/^otpauth:\/\/totp\/Planverk:/);
  expect(qrSvg).toMatch(/^<svg/);
  const confirmed = await post(app, "/api/session/second-factor/confirm", signed, { code: codeFor(secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { signed, secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

/** The first step of signing in: the password; answers the waiting session. */
async function passwordStep(app: FastifyInstance, email: string): Promise<Signed> {
  const response = await app.inject({
    method: "POST",
    url: "/api/session",
    payload: { email, password: testPassword },
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json()).toMatchObject({ user: null, signInStep: "second_factor" });
  const cookie = `planverk_session=${response.cookies.find((c) => c.name === "planverk_session")?.value}`;
  const csrfToken = response.json().csrfToken as string;
  return { cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
}

const actionsOf = async (userId: string) =>
  (await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, userId))).map(
    (e) => e.action,
  );

describe("turning the second factor on", () => {
  it("refuses a wrong code, then turns on with the right one: ten recovery codes, stored hashed, audited, e-mailed", async () => {
    const user = await createUser(t.database.db);
    const signed = await signIn(t.app, user.email, testPassword);
    const setup = (await post(t.app, "/api/session/second-factor/setup", signed)).json() as {
      secret: string;
    };
    const wrong = await post(t.app, "/api/session/second-factor/confirm", signed, { code: "000000" });
    expect(wrong.statusCode).toBe(400);
    const off = await t.app.inject({
      method: "GET",
      url: "/api/session/second-factor",
      headers: signed.headers,
    });
    expect(off.json()).toMatchObject({ enabled: false });

    const confirmed = await post(t.app, "/api/session/second-factor/confirm", signed, {
      code: codeFor(setup.secret),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const codes = confirmed.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const on = await t.app.inject({
      method: "GET",
      url: "/api/session/second-factor",
      headers: signed.headers,
    });
    expect(on.json()).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });

    // Neither the secret nor the recovery codes are in the database as they are.
    const [stored] = await t.database.db
      .select()
      .from(secondFactors)
      .where(eq(secondFactors.userId, user.id));
    expect(stored?.secret).not.toContain(setup.secret);
    const hashes = await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(hashes.map((h) => h.codeHash)).not.toContain(codes[0]);

    expect(await actionsOf(user.id)).toContain("enable_second_factor");
    const notice = sent.find((m) => m.to === user.email);
    expect(notice?.subject).toMatch(/slått på/);
    expect(notice?.text).not.toContain(setup.secret);
  });
});

describe("signing in with a second factor", () => {
  it("asks for the code after the password, opens nothing before it, and signs in with it", async () => {
    const user = await createUser(t.database.db);
    const { secret } = await withSecondFactor(t.app, user.email);
    const waiting = await passwordStep(t.app, user.email);
    // The waiting session is nobody yet.
    const mine = await t.app.inject({
      method: "GET",
      url: "/api/session/sessions",
      headers: waiting.headers,
    });
    expect(mine.statusCode).toBe(401);
    const who = await t.app.inject({ method: "GET", url: "/api/session", headers: waiting.headers });
    expect(who.json()).toMatchObject({ user: null, signInStep: "second_factor" });

    const wrong = await post(t.app, "/api/session/second-factor/verify", waiting, { code: "123456" });
    expect(wrong.statusCode).toBe(400);
    const right = await post(t.app, "/api/session/second-factor/verify", waiting, {
      code: codeFor(secret, 1),
    });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json()).toMatchObject({ user: { email: user.email }, signInStep: null });
    const cookie = `planverk_session=${right.cookies.find((c) => c.name === "planverk_session")?.value}`;
    expect(cookie).not.toBe(waiting.cookie);
    const after = await t.app.inject({ method: "GET", url: "/api/session/sessions", headers: { cookie } });
    expect(after.statusCode).toBe(200);
    // The same code again does not sign in a second time.
    const again = await passwordStep(t.app, user.email);
    const replay = await post(t.app, "/api/session/second-factor/verify", again, {
      code: codeFor(secret, 1),
    });
    expect(replay.statusCode).toBe(400);
    expect(await actionsOf(user.id)).toEqual(expect.arrayContaining(["sign_in", "sign_in_failed"]));
  });

  it("takes a recovery code once, and audits its use", async () => {
    const user = await createUser(t.database.db);
    const { recoveryCodes: codes } = await withSecondFactor(t.app, user.email);
    const code = (codes[3] ?? "").toUpperCase();
    const first = await post(
      t.app,
      "/api/session/second-factor/verify",
      await passwordStep(t.app, user.email),
      {
        code,
      },
    );
    expect(first.statusCode, first.body).toBe(200);
    const second = await post(
      t.app,
      "/api/session/second-factor/verify",
      await passwordStep(t.app, user.email),
      {
        code,
      },
    );
    expect(second.statusCode).toBe(400);
    const [used] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, user.id), eq(auditEvents.action, "use_recovery_code")));
    expect(used?.changes).toMatchObject({ recoveryCodesLeft: { before: 10, after: 9 } });
  });

  it("throttles guessing the code like guessing a password", async () => {
    const user = await createUser(t.database.db);
    const { secret } = await withSecondFactor(t.app, user.email);
    const waiting = await passwordStep(t.app, user.email);
    const answers: number[] = [];
    for (let i = 0; i < 5; i++)
      answers.push(
        (await post(t.app, "/api/session/second-factor/verify", waiting, { code: `99999${i}` })).statusCode,
      );
    expect(answers.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(answers[4]).toBe(429);
    // Even the right code waits now.
    const right = await post(t.app, "/api/session/second-factor/verify", waiting, {
      code: codeFor(secret, 1),
    });
    expect(right.statusCode).toBe(429);
  });

  it("turns off with a current code, audits it and e-mails the person", async () => {
    const user = await createUser(t.database.db);
    const { signed, secret } = await withSecondFactor(t.app, user.email);
    const wrong = await post(t.app, "/api/session/second-factor/disable", signed, {
      password: "not-the-password",
    });
    expect(wrong.statusCode).toBe(400);
    const off = await post(t.app, "/api/session/second-factor/disable", signed, { code: codeFor(secret, 1) });
    expect(off.statusCode, off.body).toBe(204);
    expect(await actionsOf(user.id)).toContain("disable_second_factor");
    expect(sent.filter((m) => m.to === user.email).map((m) => m.subject)).toEqual([
      expect.stringMatching(/slått på/),
      expect.stringMatching(/slått av/),
    ]);
    // The password alone signs in again.
    await signIn(t.app, user.email, testPassword);
  });
});

describe("required for admins and planners by the installation's setting", () => {
  let strict: FastifyInstance;
  beforeAll(async () => {
    strict = await buildApp({
      config: loadConfig({ NODE_ENV: "test", PLANVERK_REQUIRE_2FA_ROLES: "admin,planner" }),
      db: t.database.db,
      logger: pino({ level: "silent" }),
      webDir,
    });
    await strict.ready();
  });
  afterAll(() => strict.close());

  it("sends a planner without one to set it up, and lets them do nothing else until done", async () => {
    const planner = await createUser(t.database.db, { role: "planner" });
    const response = await strict.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: planner.email, password: testPassword },
    });
    expect(response.json()).toMatchObject({
      signInStep: "set_up_second_factor",
      user: { email: planner.email },
    });
    const signed = await signIn(strict, planner.email, testPassword);
    // Pages lead to the account page; the API answers as to anyone, and refuses writes.
    const page = await strict.inject({ method: "GET", url: "/tiltak", headers: { cookie: signed.cookie } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe("/konto");
    const sessionsList = await strict.inject({
      method: "GET",
      url: "/api/session/sessions",
      headers: signed.headers,
    });
    expect(sessionsList.statusCode).toBe(401);
    const write = await post(strict, "/api/session/password", signed, {
      currentPassword: testPassword,
      newPassword: "en-helt-ny-og-lang-setning",
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.messageKey).toBe("auth.secondFactorSetupRequired");

    const setup = (await post(strict, "/api/session/second-factor/setup", signed)).json() as {
      secret: string;
    };
    const confirmed = await post(strict, "/api/session/second-factor/confirm", signed, {
      code: codeFor(setup.secret),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const now = await strict.inject({ method: "GET", url: "/api/session/sessions", headers: signed.headers });
    expect(now.statusCode).toBe(200);
    const who = await strict.inject({ method: "GET", url: "/api/session", headers: signed.headers });
    expect(who.json().signInStep).toBeNull();
  });

  it("does not hold a viewer, nor someone signed in through the municipality's identity provider", async () => {
    const viewer = await createUser(t.database.db, { role: "viewer" });
    const viewerSession = await signIn(strict, viewer.email, testPassword);
    const viewerWho = await strict.inject({
      method: "GET",
      url: "/api/session",
      headers: viewerSession.headers,
    });
    expect(viewerWho.json().signInStep).toBeNull();

    const admin = await createUser(t.database.db, { role: "admin" });
    const oidc = await signInWithOidc({
      ctx: { db: t.database.db, actor: anonymous, requestId: "test" },
      input: {
        issuer: "https://idp.test",
        subject: "adm-1",
        email: admin.email,
        emailVerified: true,
        name: null,
      },
    });
    const cookie = `planverk_session=${oidc.token}`;
    const who = await strict.inject({ method: "GET", url: "/api/session", headers: { cookie } });
    expect(who.json()).toMatchObject({ signInStep: null, user: { email: admin.email } });
    const list = await strict.inject({ method: "GET", url: "/api/session/sessions", headers: { cookie } });
    expect(list.statusCode).toBe(200);
  });
});

describe("«Mine økter» names the device and when it was last used", () => {
  it("shows the browser and system from the User-Agent, and a last use", async () => {
    const user = await createUser(t.database.db);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/session",
      headers: {
        "user-agent":
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      },
      payload: { email: user.email, password: testPassword },
    });
    const cookie = `planverk_session=${response.cookies.find((c) => c.name === "planverk_session")?.value}`;
    const list = await t.app.inject({ method: "GET", url: "/api/session/sessions", headers: { cookie } });
    const [listed] = list.json().sessions;
    expect(listed.device).toEqual({ browser: "Chrome", os: "Windows" });
    expect(Date.now() - Date.parse(listed.lastUsedAt)).toBeLessThan(60_000);
  });

  it("writes the last use at most once a minute", async () => {
    const user = await createUser(t.database.db);
    const signed = await signIn(t.app, user.email, testPassword);
    const longAgo = new Date(Date.now() - 10 * 60_000);
    const recently = new Date(Date.now() - 20_000);
    await t.database.db.update(sessions).set({ lastUsedAt: recently }).where(eq(sessions.userId, user.id));
    await t.app.inject({ method: "GET", url: "/api/session", headers: signed.headers });
    const [kept] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(kept?.lastUsedAt?.getTime()).toBe(recently.getTime());
    await t.database.db.update(sessions).set({ lastUsedAt: longAgo }).where(eq(sessions.userId, user.id));
    await t.app.inject({ method: "GET", url: "/api/session", headers: signed.headers });
    const [touched] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(Date.now() - (touched?.lastUsedAt?.getTime() ?? 0)).toBeLessThan(5_000);
  });
});
