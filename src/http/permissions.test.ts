import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "../../test/app.ts";
import { createMunicipality, createPlan, createUser, testPassword } from "../../test/factories.ts";
import { auditEvents, memberships, municipalities, plans } from "../db/schema/index.ts";
import type { Role } from "../domain/permissions.ts";
import {
  type Action,
  can,
  type PermissionObject,
  type Resource,
  type Subject,
} from "../domain/permissions.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Who = Role | "anonymous" | "system_admin";
const everyone: Who[] = [
  "anonymous",
  "admin",
  "planner",
  "measure_owner",
  "partner",
  "viewer",
  "system_admin",
];

/** A municipality with a published plan and a viewer whose role can be changed, plus a person in `who`'s shoes. */
async function fixture(who: Who) {
  const { db } = t.database;
  const municipality = await createMunicipality(db);
  const plan = await createPlan(db, { municipalityId: municipality.id, published: true });
  const target = await createUser(db, { municipalityId: municipality.id, role: "viewer" });
  const [targetMembership] = await db.select().from(memberships).where(eq(memberships.userId, target.id));
  const spare = await createMunicipality(db, { active: false });
  let signed: Signed | undefined;
  if (who !== "anonymous") {
    const user = await createUser(db, {
      municipalityId: municipality.id,
      role: who === "system_admin" ? undefined : who,
      isSystemAdmin: who === "system_admin",
    });
    signed = await signIn(t.app, user.email, testPassword);
  }
  if (!targetMembership) throw new Error("membership not created");
  return { municipality, plan, targetMembership, spare, headers: signed?.headers ?? {} };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

type WriteRoute = {
  name: string;
  action: Action;
  resource: Resource;
  object: (f: Fixture) => PermissionObject;
  request: (f: Fixture) => { method: "PATCH" | "POST"; url: string; payload: object };
  /** What the database looks like afterwards, to prove refused writes changed nothing. */
  state: (f: Fixture) => Promise<unknown>;
};

const writeRoutes: WriteRoute[] = [
  {
    name: "PATCH plan",
    action: "update",
    resource: "plan",
    object: () => ({ published: true }),
    request: (f) => ({
      method: "PATCH",
      url: `/api/municipalities/${f.municipality.number}/plans/${f.plan.id}`,
      payload: { version: f.plan.version, title: "Ny tittel" },
    }),
    state: async (f) => (await t.database.db.select().from(plans).where(eq(plans.id, f.plan.id)))[0],
  },
  {
    name: "PATCH member role",
    action: "update_member",
    resource: "membership",
    object: () => ({ role: "viewer" }),
    request: (f) => ({
      method: "PATCH",
      url: `/api/municipalities/${f.municipality.number}/members/${f.targetMembership.id}`,
      payload: { version: f.targetMembership.version, role: "planner" },
    }),
    state: async (f) =>
      (await t.database.db.select().from(memberships).where(eq(memberships.id, f.targetMembership.id)))[0],
  },
  {
    name: "PATCH municipality activation",
    action: "activate",
    resource: "municipality",
    object: () => ({}),
    request: (f) => ({
      method: "PATCH",
      url: `/api/admin/municipalities/${f.spare.number}`,
      payload: { active: true },
    }),
    state: async (f) =>
      (await t.database.db.select().from(municipalities).where(eq(municipalities.id, f.spare.id)))[0],
  },
];

const subjectOf = (who: Who): Subject =>
  who === "system_admin"
    ? { role: "anonymous", userId: "x", isSystemAdmin: true }
    : { role: who, userId: who === "anonymous" ? null : "x", isSystemAdmin: false };

const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0;

describe("the permission table, walked through every write route", () => {
  for (const route of writeRoutes) {
    for (const who of everyone) {
      const allowed = can(subjectOf(who), route.action, route.resource, { published: true, role: "viewer" });
      it(`${route.name} as ${who}: ${allowed ? "allowed" : "refused"}`, async () => {
        const f = await fixture(who);
        expect(can(subjectOf(who), route.action, route.resource, route.object(f))).toBe(allowed);
        const before = await route.state(f);
        const auditBefore = await auditCount();
        const response = await t.app.inject({ ...route.request(f), headers: f.headers });
        if (allowed) {
          expect(response.statusCode, response.body).toBe(200);
          expect(await route.state(f)).not.toEqual(before);
          expect(await auditCount()).toBe(auditBefore + 1);
        } else {
          expect([401, 403, 404]).toContain(response.statusCode);
          expect(response.json().error.message).toBeTruthy();
          expect(await route.state(f)).toEqual(before);
          expect(await auditCount()).toBe(auditBefore);
        }
      });
    }
  }
});
