import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "../../../test/app.ts";
import { createMunicipality, createUser, testPassword } from "../../../test/factories.ts";
import { startSmtpServer } from "../../../test/smtp.ts";
import { loadConfig } from "../../config.ts";
import { auditEvents, invitations } from "../../db/schema/index.ts";
import type { Role } from "../../domain/permissions.ts";
import { hashToken } from "../../services/accounts/sessions.ts";
import { buildApp } from "../app.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const newPassword = "mitt-nye-passord-123";

/** A municipality with one signed-in member of the given role. */
async function memberOf(number: string, role: Role, app: FastifyInstance = t.app) {
  const municipality = await createMunicipality(t.database.db, { number, name: `Kommune ${number}` });
  const user = await createUser(t.database.db, { municipalityId: municipality.id, role });
  return { municipality, user, signed: await signIn(app, user.email, testPassword) };
}

async function signedInAs(municipalityId: string, role: Role) {
  const user = await createUser(t.database.db, { municipalityId, role });
  return signIn(t.app, user.email, testPassword);
}

function invite(
  number: string,
  body: { email: string; role: Role },
  signed?: Signed,
  app: FastifyInstance = t.app,
) {
  return app.inject({
    method: "POST",
    url: `/api/municipalities/${number}/invitations`,
    headers: signed?.headers,
    payload: body,
  });
}

function accept(token: string, body?: { name?: string; password?: string }, signed?: Signed) {
  return t.app.inject({
    method: "POST",
    url: `/api/invitations/${token}/accept`,
    headers: signed?.headers,
    payload: body,
  });
}

const tokenOf = (link: string) => link.split("/invitasjon/")[1] ?? "";

async function invited(number: string, signed: Signed, email: string, role: Role = "viewer") {
  const response = await invite(number, { email, role }, signed);
  expect(response.statusCode).toBe(201);
  return tokenOf(response.json().link);
}

/** Row counts of what these routes write, to show a refused request changed nothing. */
async function counts() {
  const result = await t.database.pool.query(`
    select (select count(*) from invitations) as invitations,
           (select count(*) from invitations where accepted_at is not null) as accepted,
           (select count(*) from memberships) as memberships,
           (select count(*) from users) as users,
           (select count(*) from sessions) as sessions,
           (select count(*) from audit_events) as audit`);
  return result.rows[0] as Record<string, string>;
}

async function sessionOf(cookie: string) {
  return (await t.app.inject({ url: "/api/session", headers: { cookie } })).json();
}

describe("inviting a new person", () => {
  it("admin invites → the link works once → the person sets a password and is signed in with the role", async () => {
    const { municipality, user: admin, signed } = await memberOf("9501", "admin");

    const response = await invite("9501", { email: "  Ny.Person@Test.NO ", role: "planner" }, signed);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.invitation).toMatchObject({ email: "ny.person@test.no", role: "planner" });
    const days = (Date.parse(body.invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect(body.link).toMatch(/^http:\/\/localhost:3000\/invitasjon\/[\w-]{43}$/);
    expect(body.emailSent).toBe(false);
    const token = tokenOf(body.link);

    // Only the hash is stored.
    const [row] = await t.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, body.invitation.id));
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const [inviteAudit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, "invitation"), eq(auditEvents.objectId, body.invitation.id)));
    expect(inviteAudit).toMatchObject({
      municipalityId: municipality.id,
      actorUserId: admin.id,
      action: "invite",
      changes: {
        email: { before: null, after: "ny.person@test.no" },
        role: { before: null, after: "planner" },
      },
    });

    const open = await t.app.inject({ url: "/api/municipalities/9501/invitations", headers: signed.headers });
    expect(open.json()).toEqual([
      expect.objectContaining({ email: "ny.person@test.no", role: "planner", invitedByName: admin.name }),
    ]);

    const view = await t.app.inject({ url: `/api/invitations/${token}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toEqual({
      municipality: { number: "9501", name: "Kommune 9501" },
      email: "ny.person@test.no",
      role: "planner",
      expiresAt: body.invitation.expiresAt,
      status: "valid",
      accountExists: false,
    });

    // A bad password or a missing name is refused, and nothing is written.
    const before = await counts();
    const weak = await accept(token, { name: "Ny Person", password: "kort" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details).toEqual([
      { path: "/password", message: expect.stringMatching(/12 tegn/) },
    ]);
    const nameless = await accept(token, { password: newPassword });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error.details).toEqual([{ path: "/name", message: "Skriv navnet ditt." }]);
    expect(await counts()).toEqual(before);

    const accepted = await accept(token, { name: " Ny Person ", password: newPassword });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({
      municipality: { number: "9501", name: "Kommune 9501" },
      role: "planner",
      accountCreated: true,
      csrfToken: expect.any(String),
    });
    const cookie = accepted.cookies.find((c) => c.name === "planverk_session");
    expect(cookie?.httpOnly).toBe(true);
    const session = await sessionOf(`planverk_session=${cookie?.value}`);
    expect(session.user).toMatchObject({
      name: "Ny Person",
      email: "ny.person@test.no",
      memberships: [{ municipalityNumber: "9501", municipalityName: "Kommune 9501", role: "planner" }],
    });
    expect(session.csrfToken).toBe(accepted.json().csrfToken);

    const [acceptAudit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "accept_invitation"), eq(auditEvents.actorUserId, session.user.id)));
    expect(acceptAudit).toMatchObject({
      municipalityId: municipality.id,
      objectType: "membership",
      changes: { role: { before: null, after: "planner" } },
    });

    // The link works once.
    const afterAccept = await counts();
    const again = await accept(token, { name: "Noen Andre", password: newPassword });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toMatch(/allerede brukt/);
    expect(await counts()).toEqual(afterAccept);
    expect((await t.app.inject({ url: `/api/invitations/${token}` })).json()).toMatchObject({
      status: "used",
      accountExists: true,
    });
    const openAfter = await t.app.inject({
      url: "/api/municipalities/9501/invitations",
      headers: signed.headers,
    });
    expect(openAfter.json()).toEqual([]);

    // The new password signs in.
    await expect(signIn(t.app, "ny.person@test.no", newPassword)).resolves.toBeTruthy();
  });

  it("lets one of two simultaneous accepts through, never both", async () => {
    const { signed } = await memberOf("9502", "admin");
    const token = await invited("9502", signed, "samtidig@test.no");
    const responses = await Promise.all([
      accept(token, { name: "Første", password: newPassword }),
      accept(token, { name: "Andre", password: newPassword }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const users = await t.database.pool.query("select name from users where email = 'samtidig@test.no'");
    expect(users.rows).toHaveLength(1);
  });

  it("refuses an expired invitation and changes nothing", async () => {
    const { signed } = await memberOf("9503", "admin");
    const token = await invited("9503", signed, "sein@test.no");
    await t.database.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.tokenHash, hashToken(token)));

    expect((await t.app.inject({ url: `/api/invitations/${token}` })).json().status).toBe("expired");
    const before = await counts();
    const response = await accept(token, { name: "For Sein", password: newPassword });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "validation",
      message: expect.stringMatching(/utløpt/),
    });
    expect(await counts()).toEqual(before);
    const open = await t.app.inject({ url: "/api/municipalities/9503/invitations", headers: signed.headers });
    expect(open.json()).toEqual([]);
  });

  it("answers an unknown link with 404", async () => {
    expect((await t.app.inject({ url: "/api/invitations/ukjent-token" })).statusCode).toBe(404);
    const before = await counts();
    const response = await accept("ukjent-token", { name: "Noen", password: newPassword });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe("Invitasjonen finnes ikke.");
    expect(await counts()).toEqual(before);
  });
});

describe("inviting a person who has an account", () => {
  it("asks them to sign in first, refuses anyone else, and gives the role to the person themselves", async () => {
    const { municipality, signed } = await memberOf("9511", "admin");
    const elsewhere = await createMunicipality(t.database.db, { number: "9512" });
    const person = await createUser(t.database.db, { municipalityId: elsewhere.id, role: "viewer" });
    const token = await invited("9511", signed, person.email.toUpperCase(), "measure_owner");
    expect((await t.app.inject({ url: `/api/invitations/${token}` })).json().accountExists).toBe(true);

    const before = await counts();
    const anonymous = await accept(token, { name: "Kapring", password: newPassword });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.message).toBe(`Logg inn som ${person.email} først, og åpne lenken igjen.`);

    const someoneElse = await signedInAs(elsewhere.id, "admin");
    const afterSignIn = await counts();
    const wrong = await accept(token, undefined, someoneElse);
    expect(wrong.statusCode).toBe(403);
    expect(await counts()).toEqual(afterSignIn);
    expect(Number(afterSignIn.users)).toBe(Number(before.users) + 1);

    const own = await signIn(t.app, person.email, testPassword);
    const response = await accept(token, undefined, own);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ role: "measure_owner", accountCreated: false, csrfToken: null });
    expect(response.cookies.find((c) => c.name === "planverk_session")).toBeUndefined();
    const session = await sessionOf(own.cookie);
    expect(session.user.memberships).toEqual(
      expect.arrayContaining([
        { municipalityNumber: "9511", municipalityName: "Kommune 9511", role: "measure_owner" },
        { municipalityNumber: "9512", municipalityName: elsewhere.name, role: "viewer" },
      ]),
    );
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "accept_invitation"), eq(auditEvents.actorUserId, person.id)));
    expect(audit).toMatchObject({
      municipalityId: municipality.id,
      changes: { role: { before: null, after: "measure_owner" } },
    });
  });

  it("changes the role of someone who got one since they were invited, and lists only this municipality's", async () => {
    const { signed } = await memberOf("9514", "admin");
    const person = await createUser(t.database.db);
    // Two open invitations for the same person: the second one accepted changes the role.
    const asViewer = await invited("9514", signed, person.email, "viewer");
    const asPlanner = await invited("9514", signed, person.email, "planner");
    const open = await t.app.inject({ url: "/api/municipalities/9514/invitations", headers: signed.headers });
    expect(open.json().map((i: { role: Role; email: string }) => [i.email, i.role])).toEqual([
      [person.email, "planner"],
      [person.email, "viewer"],
    ]);

    const own = await signIn(t.app, person.email, testPassword);
    expect((await accept(asViewer, undefined, own)).statusCode).toBe(200);
    expect((await accept(asPlanner, undefined, own)).statusCode).toBe(200);
    expect((await sessionOf(own.cookie)).user.memberships).toEqual([
      { municipalityNumber: "9514", municipalityName: "Kommune 9514", role: "planner" },
    ]);
    const trail = await t.database.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "accept_invitation"), eq(auditEvents.actorUserId, person.id)))
      .orderBy(auditEvents.id);
    expect(trail.map((a) => a.changes)).toEqual([
      { role: { before: null, after: "viewer" } },
      { role: { before: "viewer", after: "planner" } },
    ]);
  });

  it("refuses to invite someone who already has a role there, and a malformed address", async () => {
    const { municipality, signed } = await memberOf("9513", "admin");
    const member = await createUser(t.database.db, { municipalityId: municipality.id, role: "viewer" });
    const before = await counts();
    const taken = await invite("9513", { email: member.email, role: "planner" }, signed);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe(`${member.email} har allerede en rolle i Kommune 9513.`);
    const malformed = await invite("9513", { email: "ikke-en-adresse", role: "viewer" }, signed);
    expect(malformed.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe("who may invite", () => {
  it("lets a planner invite a viewer but not an admin", async () => {
    const { signed } = await memberOf("9521", "planner");
    expect((await invite("9521", { email: "leser@test.no", role: "viewer" }, signed)).statusCode).toBe(201);
    const before = await counts();
    const admin = await invite("9521", { email: "sjef@test.no", role: "admin" }, signed);
    expect(admin.statusCode).toBe(403);
    expect(admin.json().error.code).toBe("forbidden");
    expect(await counts()).toEqual(before);
  });

  it("refuses partners, viewers and measure owners (403)", async () => {
    const municipality = await createMunicipality(t.database.db, { number: "9522" });
    const members = await Promise.all(
      (["partner", "viewer", "measure_owner"] as const).map((role) => signedInAs(municipality.id, role)),
    );
    const before = await counts();
    for (const signed of members) {
      expect((await invite("9522", { email: "x@test.no", role: "viewer" }, signed)).statusCode).toBe(403);
      const list = await t.app.inject({
        url: "/api/municipalities/9522/invitations",
        headers: signed.headers,
      });
      expect(list.statusCode).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it("hides the municipality's invitations from outsiders and anonymous visitors (404)", async () => {
    await memberOf("9523", "admin");
    const { signed: outsider } = await memberOf("9524", "admin");
    const before = await counts();
    for (const signed of [outsider, undefined]) {
      const response = await invite("9523", { email: "x@test.no", role: "viewer" }, signed);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toBe("Kommunen finnes ikke.");
      const list = await t.app.inject({
        url: "/api/municipalities/9523/invitations",
        headers: signed?.headers,
      });
      expect(list.statusCode).toBe(404);
    }
    expect((await invite("0998", { email: "x@test.no", role: "viewer" }, outsider)).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe("invitation e-mail", () => {
  it("sends the link in Norwegian through the configured SMTP server", async () => {
    const smtp = await startSmtpServer();
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: "test", SMTP_URL: smtp.url, PUBLIC_URL: "https://planverk.test" }),
      db: t.database.db,
      logger: pino({ level: "silent" }),
    });
    try {
      await app.ready();
      const { user: admin, signed } = await memberOf("9531", "admin", app);
      const response = await invite("9531", { email: "Epost@Test.no", role: "planner" }, signed, app);
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body.emailSent).toBe(true);
      expect(body.link).toMatch(/^https:\/\/planverk\.test\/invitasjon\/[\w-]{43}$/);

      expect(smtp.messages).toHaveLength(1);
      const mail = smtp.messages[0];
      expect(mail?.from).toBe("planverk@localhost");
      expect(mail?.to).toEqual(["epost@test.no"]);
      expect(mail?.subject).toBe("Invitasjon til Planverk for Kommune 9531");
      expect(mail?.text).toContain(
        `${admin.name} har invitert deg til Planverk for Kommune 9531 med rollen planlegger.`,
      );
      expect(mail?.text).toContain(`\n${body.link}\n`);
      expect(mail?.text).toMatch(
        /Lenken kan brukes én gang og gjelder til \d{1,2}\. \p{L}+ \d{4} kl\. \d\d:\d\d\./u,
      );
    } finally {
      await app.close();
      await smtp.close();
    }
  });

  it("keeps the invitation and says so when the e-mail cannot be sent", async () => {
    // A port that was free a moment ago: nobody answers there.
    const gone = await startSmtpServer();
    await gone.close();
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: "test", SMTP_URL: gone.url }),
      db: t.database.db,
      logger: pino({ level: "silent" }),
    });
    try {
      await app.ready();
      const { signed } = await memberOf("9532", "admin", app);
      const response = await invite("9532", { email: "uten-post@test.no", role: "viewer" }, signed, app);
      expect(response.statusCode).toBe(201);
      expect(response.json().emailSent).toBe(false);
      const view = await t.app.inject({ url: `/api/invitations/${tokenOf(response.json().link)}` });
      expect(view.json().status).toBe("valid");
    } finally {
      await app.close();
    }
  });
});
