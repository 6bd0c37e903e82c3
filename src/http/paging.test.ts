import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Signed, signIn } from "../../test/app.ts";
import {
  createActionPlanVersion,
  createFocusArea,
  createMeasure,
  createMunicipality,
  createOrganisation,
  createPlan,
  createUser,
  testPassword,
} from "../../test/factories.ts";
import { auditEvents, comments, notifications } from "../db/schema/index.ts";

// Cursor paging: every list that can grow walks page by page with no duplicates and no gaps, also
// through rows whose sort keys are equal; a tampered cursor is refused in the one error shape.

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: Signed;
let base: string;
let planId: string;
let planner: { id: string };
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const municipality = await createMunicipality(db);
  base = `/api/municipalities/${municipality.number}`;
  const user = await createUser(db, { municipalityId: municipality.id, role: "admin" });
  planner = user;
  admin = await signIn(t.app, user.email, testPassword);

  // Nine organisations, seven of them with the same name (the sort key).
  const names = ["Alfa AS", ...Array.from({ length: 7 }, () => "Samme navn AS"), "Øst AS"];
  ids.organisations = [];
  for (const name of names)
    ids.organisations.push((await createOrganisation(db, { municipalityId: municipality.id, name })).id);

  // Seven measures, all with the same status (the sort key asked for).
  const plan = await createPlan(db, { municipalityId: municipality.id });
  planId = plan.id;
  const actionPlanVersion = await createActionPlanVersion(db, { plan });
  const focusArea = await createFocusArea(db, { plan });
  ids.measures = [];
  let measureId = "";
  for (let i = 1; i <= 7; i++) {
    const reference = `T-${String(i).padStart(3, "0")}`;
    const { measure } = await createMeasure(db, { actionPlanVersion, focusAreaId: focusArea.id, reference });
    measureId = measure.id;
    ids.measures.push(reference);
  }

  // Eleven audit events at the very same instant, and two earlier ones.
  // Microseconds, which a JavaScript Date cannot hold: the cursor must keep them.
  const same = sql`'2026-03-01T10:00:00.123456Z'::timestamptz`;
  const events = await db
    .insert(auditEvents)
    .values(
      Array.from({ length: 13 }, (_, i) => ({
        municipalityId: municipality.id,
        actorLabel: "Test",
        occurredAt: i < 11 ? same : new Date(Date.UTC(2026, 0, i)),
        objectType: "plan",
        objectId: plan.id,
        action: "update",
      })),
    )
    .returning({ id: auditEvents.id });
  ids.audit = events.map((e) => String(e.id));

  // Nine comments on the last measure and nine notifications, all at one instant.
  const commentRows = await db
    .insert(comments)
    .values(
      Array.from({ length: 9 }, (_, i) => ({
        municipalityId: municipality.id,
        targetType: "measure" as const,
        targetId: measureId,
        authorUserId: user.id,
        visibility: "internal" as const,
        body: `Kommentar ${i}`,
        createdAt: same,
      })),
    )
    .returning({ id: comments.id });
  ids.comments = commentRows.map((c) => c.id);
  const notificationRows = await db
    .insert(notifications)
    .values(
      Array.from({ length: 9 }, (_, i) => ({
        municipalityId: municipality.id,
        userId: user.id,
        kind: "test",
        title: `Varsel ${i}`,
        link: "/",
        createdAt: same,
      })),
    )
    .returning({ id: notifications.id });
  ids.notifications = notificationRows.map((n) => n.id);
}, 60_000);
afterAll(() => t?.close());

type Lists = {
  path: () => string;
  items: (body: unknown) => { id?: unknown; reference?: unknown }[];
  id: (item: { id?: unknown; reference?: unknown }) => string;
  all: () => string[];
};
const lists: Record<string, Lists> = {
  audit: {
    path: () => `${base}/audit?objectType=plan`,
    items: (b) => b as { id: number }[],
    id: (i) => String(i.id),
    all: () => ids.audit ?? [],
  },
  "plan history": {
    path: () => `${base}/plans/${planId}/history?`,
    items: (b) => b as { id: number }[],
    id: (i) => String(i.id),
    all: () => ids.audit ?? [],
  },
  organisations: {
    path: () => `${base}/organisations?`,
    items: (b) => b as { id: string }[],
    id: (i) => String(i.id),
    all: () => ids.organisations ?? [],
  },
  measures: {
    path: () => `${base}/plans/${planId}/measures?sort=status`,
    items: (b) => (b as { items: { reference: string }[] }).items,
    id: (i) => String(i.reference),
    all: () => ids.measures ?? [],
  },
  comments: {
    path: () => `${base}/comments?measure=T-007`,
    items: (b) => (b as { comments: { id: string }[] }).comments,
    id: (i) => String(i.id),
    all: () => ids.comments ?? [],
  },
  notifications: {
    path: () => "/api/notifications?",
    items: (b) => (b as { items: { id: string }[] }).items,
    id: (i) => String(i.id),
    all: () => ids.notifications ?? [],
  },
};

const withQuery = (path: string, query: string) => `${path}${path.endsWith("?") ? "" : "&"}${query}`;

describe("cursor paging", () => {
  for (const [name, list] of Object.entries(lists)) {
    it(`${name}: walks every page by the Link header with no duplicates or gaps`, async () => {
      const seen: string[] = [];
      let url: string | null = withQuery(list.path(), "limit=2");
      let pages = 0;
      while (url) {
        const response = await t.app.inject({ url, headers: admin.headers });
        expect(response.statusCode, response.body).toBe(200);
        const items = list.items(response.json());
        expect(items.length).toBeLessThanOrEqual(2);
        seen.push(...items.map(list.id));
        const link = response.headers.link as string | undefined;
        const cursor = response.headers["next-cursor"] as string | undefined;
        const body = response.json() as { nextCursor?: string | null };
        if ("nextCursor" in body) expect(body.nextCursor ?? undefined).toBe(cursor);
        if (link) expect(link).toContain(`cursor=${encodeURIComponent(cursor ?? "")}`);
        url = link ? (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null) : null;
        pages++;
        expect(pages).toBeLessThan(20);
      }
      expect(pages).toBeGreaterThan(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...list.all()].sort());
    });

    it(`${name}: the first page without a cursor is the start of the list; a tampered cursor is a 400`, async () => {
      const first = await t.app.inject({ url: list.path(), headers: admin.headers });
      expect(first.statusCode).toBe(200);
      expect(list.items(first.json()).length).toBe(list.all().length);
      const two = await t.app.inject({ url: withQuery(list.path(), "limit=2"), headers: admin.headers });
      const cursor = two.headers["next-cursor"] as string;
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      for (const bad of [
        `${cursor.slice(0, -3)}x!`,
        "bm90LWpzb24",
        cursor.replace(/^./, (c) => (c === "W" ? "X" : "W")),
      ]) {
        const response = await t.app.inject({
          url: withQuery(list.path(), `cursor=${encodeURIComponent(bad)}`),
          headers: admin.headers,
        });
        expect(response.statusCode, `${name} ${bad}`).toBe(400);
        const { error } = response.json() as {
          error: {
            code: string;
            message: string;
            messageKey: string;
            details: { path: string; message: string }[];
          };
        };
        expect(error.code).toBe("validation");
        expect(error.messageKey).toBe("paging.badCursor");
        expect(error.message).toMatch(/^Feil i «cursor»: /);
        expect(error.details).toEqual([{ path: "/cursor", message: error.message }]);
      }
      const tooMany = await t.app.inject({
        url: withQuery(list.path(), "limit=201"),
        headers: admin.headers,
      });
      expect(tooMany.statusCode).toBe(400);
    });
  }

  it("a cursor of one list is refused by another", async () => {
    const two = await t.app.inject({ url: `${base}/organisations?limit=2`, headers: admin.headers });
    const cursor = two.headers["next-cursor"] as string;
    const response = await t.app.inject({
      url: `${base}/plans/${planId}/measures?cursor=${cursor}`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(planner.id).toBeTruthy();
  });
});
