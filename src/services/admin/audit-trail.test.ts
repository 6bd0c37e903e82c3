import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import {
  createActionPlanVersion,
  createFocusArea,
  createMeasure,
  createMunicipality,
  createPlan,
  createUser,
} from "../../../test/factories.ts";
import { users } from "../../db/schema/index.ts";
import { recordAudit } from "../audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { exportAuditTrailCsv, listAuditTrail } from "./audit-trail.ts";

let database: TestDatabase;
let ctx: ServiceContext;
let number: string;
let measureId: string;
let ownerId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const municipality = await createMunicipality(database.db);
  number = municipality.number;
  const admin = await createUser(database.db, { municipalityId: municipality.id, role: "admin" });
  const owner = await createUser(database.db, { municipalityId: municipality.id, role: "measure_owner" });
  await database.db.update(users).set({ name: "Kari Nordmann" }).where(eq(users.id, owner.id));
  await database.db.update(users).set({ name: "Ada Admin" }).where(eq(users.id, admin.id));
  ownerId = owner.id;
  const actor: Actor = {
    kind: "user",
    userId: admin.id,
    email: admin.email,
    name: "Ada Admin",
    isSystemAdmin: false,
    roles: { [municipality.id]: "admin" },
  };
  ctx = { db: database.db, actor };
  const plan = await createPlan(database.db, { municipalityId: municipality.id });
  const focusArea = await createFocusArea(database.db, { plan });
  const actionPlanVersion = await createActionPlanVersion(database.db, { plan });
  const { measure } = await createMeasure(database.db, {
    actionPlanVersion,
    focusAreaId: focusArea.id,
    reference: "T-001",
  });
  measureId = measure.id;
  await recordAudit(database.db, actor, {
    municipalityId: municipality.id,
    objectType: "measure",
    objectId: measure.id,
    objectLabel: "T-001 Næringshage",
    action: "update",
    changes: {
      ownerUserId: { before: null, after: owner.id },
      title: { before: "Hage", after: "Næringshage" },
    },
  });
  await recordAudit(database.db, actor, {
    municipalityId: municipality.id,
    objectType: "invitation",
    objectId: "00000000-0000-4000-8000-000000000001",
    objectLabel: "ny@test.no",
    action: "withdraw_invitation",
    changes: { status: { before: "valid", after: "withdrawn" } },
  });
});

afterAll(() => database?.drop());

describe("the audit trail in people's words", () => {
  it("finds events by the names of object types and actions, in any language, and by the object", async () => {
    const byName = async (what: string) =>
      (await listAuditTrail({ ctx, input: { municipalityNumber: number, what } })).items.map((e) => e.action);
    expect(await byName("tiltak")).toEqual(["update"]);
    expect(await byName("Measure")).toEqual(["update"]);
    expect(await byName("trukket tilbake")).toEqual(["withdraw_invitation"]);
    expect(await byName("T-001")).toEqual(["update"]);
    expect(await byName("finnes ikke")).toEqual([]);
  });

  it("names the person, the ids in the changes, and links the object to its page", async () => {
    const {
      items: [event],
    } = await listAuditTrail({ ctx, input: { municipalityNumber: number, objectId: measureId } });
    expect(event).toMatchObject({
      actorName: "Ada Admin",
      valueNames: { [ownerId]: "Kari Nordmann" },
      link: "/tiltak/T-001",
    });
    const found = await listAuditTrail({ ctx, input: { municipalityNumber: number, person: "ada" } });
    expect(found.items).toHaveLength(2);
  });

  it("keeps the codes in the CSV, with the names beside them", async () => {
    const csv = await exportAuditTrailCsv({ ctx, input: { municipalityNumber: number, what: "tiltak" } });
    const [header, row] = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(header).toContain("handling;endringer;navn;objekttype (navn);handling (navn)");
    expect(row).toContain(";measure;");
    expect(row).toContain(";tiltak;endret;");
    expect(row).toContain("tiltakseier: – → Kari Nordmann");
  });
});
