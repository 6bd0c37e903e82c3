import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { createUser, systemContext } from "../../../test/factories.ts";
import { auditEvents, municipalities, plans, users } from "../../db/schema/index.ts";
import { loadDemoDataIfEmpty } from "../../demo/load-demo-data.ts";
import { syncMunicipalityRegister } from "../municipalities/sync-municipality-register.ts";
import { restoreBackup, tablesInOrder, writeBackup } from "./backup.ts";

const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const database of opened) await database.drop();
});
async function database() {
  const handle = await createTestDatabase();
  opened.push(handle);
  return handle;
}

async function dump(db: TestDatabase["db"], municipalityNumber?: string) {
  const lines: string[] = [];
  await writeBackup(db, { municipalityNumber }, (line) => {
    lines.push(line);
  });
  return lines;
}
const body = (lines: string[]) => lines.slice(1);

describe("backup and restore", () => {
  it("puts parents before children", () => {
    const order = tablesInOrder().map((t) => t.name);
    expect(order.indexOf("municipalities")).toBeLessThan(order.indexOf("plans"));
    expect(order.indexOf("plans")).toBeLessThan(order.indexOf("measures"));
    expect(order.indexOf("measures")).toBeLessThan(order.indexOf("measure_versions"));
    expect(order).not.toContain("sessions");
  });

  it("round-trips a whole installation byte for byte", async () => {
    const source = await database();
    await syncMunicipalityRegister({ ctx: systemContext(source.db) });
    await loadDemoDataIfEmpty({ ctx: systemContext(source.db) });
    const before = await dump(source.db);
    expect(JSON.parse(before[0] ?? "{}")).toMatchObject({ format: "planverk-backup", scope: "all" });

    // The target was started once: its municipality register is filled in, but it holds no data.
    const target = await database();
    await syncMunicipalityRegister({ ctx: systemContext(target.db) });
    const counts = await restoreBackup(target.db, before);
    expect(counts.measures).toBeGreaterThan(10);
    expect(body(await dump(target.db))).toEqual(body(before));

    // The audit trail goes on numbering after the restored events.
    const [last] = await target.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(auditEvents.id);
    expect(last).toBeDefined();
  });

  it("backs up one municipality with the people its rows name, and nothing of another", async () => {
    const source = await database();
    await loadDemoDataIfEmpty({ ctx: systemContext(source.db) });
    // The demo has Lier too, with a plan, a planner and a share in one of Drammen's measures.
    const [lier] = await source.db.select().from(municipalities).where(eq(municipalities.number, "3312"));
    const stranger = await createUser(source.db, { municipalityId: lier?.id, role: "planner" });
    const drammen = await dump(source.db, "3301");
    const target = await database();
    await restoreBackup(target.db, drammen);
    expect(await target.db.select().from(municipalities)).toHaveLength(1);
    expect(
      await target.db
        .select()
        .from(plans)
        .where(eq(plans.municipalityId, lier?.id ?? "")),
    ).toEqual([]);
    expect(await target.db.select().from(users).where(eq(users.id, stranger.id))).toEqual([]);
    expect((await target.db.select().from(users)).length).toBeGreaterThan(0);
    expect(body(await dump(target.db, "3301"))).toEqual(body(drammen));
  });

  it("refuses to restore over data, and changes nothing", async () => {
    const source = await database();
    await loadDemoDataIfEmpty({ ctx: systemContext(source.db) });
    const lines = await dump(source.db);
    await expect(restoreBackup(source.db, lines)).rejects.toThrow(/ikke tom/);
    expect(body(await dump(source.db))).toEqual(body(lines));

    const empty = await database();
    await expect(restoreBackup(empty.db, ['{"format":"noe annet"}'])).rejects.toThrow(/ikke en Planverk/);
    const broken = [lines[0] ?? "", '{"table":"plans","rows":[{"id":"ikke en uuid"}]}'];
    await expect(restoreBackup(empty.db, broken)).rejects.toThrow();
    expect(await empty.db.select().from(plans)).toEqual([]);
  });
});
