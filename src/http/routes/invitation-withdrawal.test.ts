import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "../../../test/app.ts";
import { createMunicipality, createUser, testPassword } from "../../../test/factories.ts";
import { auditEvents } from "../../db/schema/index.ts";
import type { Role } from "../../domain/permissions.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function memberOf(number: string, role: Role) {
  const municipality = await createMunicipality(t.database.db, { number, name: `Kommune ${number}` });
  const user = await createUser(t.database.db, { municipalityId: municipality.id, role });
  return { municipality, user, signed: await signIn(t.app, user.email, testPassword) };
}

async function invite(number: string, signed: Signed, email: string, role: Role = "viewer") {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/municipalities/${number}/invitations`,
    headers: signed.headers,
    payload: { email, role },
  });
  expect(response.statusCode).toBe(201);
  const body = response.json();
  return { id: body.invitation.id as string, token: (body.link as string).split("/invitasjon/")[1] ?? "" };
}

const withdraw = (number: string, id: string, signed?: Signed) =>
  t.app.inject({
    method: "DELETE",
    url: `/api/municipalities/${number}/invitations/${id}`,
    headers: signed?.headers,
  });

describe("withdrawing an invitation", () => {
  it("stops the link with a clear message, leaves the open list and is audited", async () => {
    const { municipality, user, signed } = await memberOf("6101", "admin");
    const { id, token } = await invite("6101", signed, "trekkes@test.no");

    const open = await t.app.inject({ url: "/api/municipalities/6101/invitations", headers: signed.headers });
    expect(open.json()).toEqual([
      expect.objectContaining({
        email: "trekkes@test.no",
        invitedByName: user.name,
        createdAt: expect.any(String),
      }),
    ]);

    const response = await withdraw("6101", id, signed);
    expect(response.statusCode).toBe(200);

    const view = await t.app.inject({ url: `/api/invitations/${token}` });
    expect(view.json().status).toBe("withdrawn");
    const accepted = await t.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: { name: "Kari", password: "mitt-nye-passord-123" },
    });
    expect(accepted.statusCode).toBe(400);
    expect(accepted.json().error.message).toMatch(/trukket tilbake/);

    const after = await t.app.inject({
      url: "/api/municipalities/6101/invitations",
      headers: signed.headers,
    });
    expect(after.json()).toEqual([]);

    const trail = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.municipalityId, municipality.id), eq(auditEvents.action, "withdraw_invitation")),
      );
    expect(trail).toEqual([
      expect.objectContaining({ objectType: "invitation", objectId: id, actorUserId: user.id }),
    ]);

    const again = await withdraw("6101", id, signed);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/allerede trukket tilbake/);
  });

  it("is refused for those who may not invite to the role, and for another municipality's invitation", async () => {
    const { municipality, signed: admin } = await memberOf("6102", "admin");
    const { id } = await invite("6102", admin, "sjef@test.no", "admin");
    const plannerUser = await createUser(t.database.db, { municipalityId: municipality.id, role: "planner" });
    const planner = await signIn(t.app, plannerUser.email, testPassword);
    // A planner may not invite an admin, so may not withdraw such an invitation either.
    expect((await withdraw("6102", id, planner)).statusCode).toBe(403);
    // An admin of another municipality does not find it.
    const { signed: otherAdmin } = await memberOf("6103", "admin");
    expect((await withdraw("6103", id, otherAdmin)).statusCode).toBe(404);
    expect((await withdraw("6102", id)).statusCode).toBeGreaterThanOrEqual(401);
    const view = await t.app.inject({ url: "/api/municipalities/6102/invitations", headers: admin.headers });
    expect(view.json()).toHaveLength(1);
  });
});
