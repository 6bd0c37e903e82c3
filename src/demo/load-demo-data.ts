import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { plans, users } from "../db/schema/index.ts";
import { hashPassword } from "../services/accounts/passwords.ts";
import { recordAudit } from "../services/audit.ts";
import type { ServiceContext } from "../services/context.ts";
import { demoMunicipality, demoPassword, demoUsers } from "./data/drammen.ts";
import { regionDemoUsers } from "./data/region.ts";
import { insertIndicatorDemo } from "./insert-indicators.ts";
import { insertDemo } from "./insert-plan.ts";

/*
 * The demo: Drammen's strategic business plan with example measures, proposals, evaluations,
 * indicators and a neighbour in the region. The content is data in src/demo/data/; the insert-*.ts
 * files write it; this is the one entry the start-up and the tests call.
 */

export { demoMunicipality, demoPassword, demoUsers };

export function demoUsersNotice(): string {
  const lines = demoUsers.map((u) => `  ${u.email.padEnd(32)} ${u.role ?? "installasjonsadministrator"}`);
  lines.push(
    ...regionDemoUsers.map(
      (u) => `  ${u.email.padEnd(32)} ${u.role ? `${u.role} (Lier)` : "regional koordinator"}`,
    ),
  );
  return ["", `Demobrukere (kun for demo), passord for alle: ${demoPassword}`, ...lines, ""].join("\n");
}

/** Loads the demo once, into an installation with no plan and no user yet. Returns whether it did. */
export async function loadDemoDataIfEmpty({ ctx }: { ctx: ServiceContext }): Promise<boolean> {
  const isEmpty = async (db: DbOrTx) => {
    const [plan] = await db.select({ id: plans.id }).from(plans).limit(1);
    const [user] = await db.select({ id: users.id }).from(users).limit(1);
    return !plan && !user;
  };
  // Every start asks; only an empty installation pays for hashing the demo password.
  if (!(await isEmpty(ctx.db))) return false;
  const passwordHash = await hashPassword(demoPassword);
  return ctx.db.transaction(async (tx) => {
    // Serialise concurrent first starts against the same database, and look again under the lock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('planverk-demo-data'))`);
    if (!(await isEmpty(tx))) return false;
    const municipalityId = await insertDemo(tx, passwordHash);
    await insertIndicatorDemo(tx, municipalityId);
    await recordAudit(tx, ctx.actor, {
      municipalityId,
      objectType: "municipality",
      objectId: municipalityId,
      objectLabel: demoMunicipality.name,
      action: "load_demo_data",
    });
    return true;
  });
}

/** A production start refuses to run while demo accounts (with published passwords) can sign in. */
export async function refuseDemoUsersInProduction({ ctx }: { ctx: ServiceContext }): Promise<void> {
  const [demo] = await ctx.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.active, true)))
    .limit(1);
  if (demo) {
    throw new Error(
      `NODE_ENV=production, men demobrukeren ${demo.email} er aktiv. ` +
        "Deaktiver demobrukerne med `npm run planverk -- disable-demo-users` før produksjonsstart.",
    );
  }
}
