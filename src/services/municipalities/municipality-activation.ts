import { asc, eq } from "drizzle-orm";
import { municipalities } from "../../db/schema/index.ts";
import { can } from "../../domain/permissions.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

export function authorizeInstallationAdmin(ctx: ServiceContext) {
  const actor = ctx.actor;
  const isAdmin = actor.kind === "user" && actor.isSystemAdmin;
  if (can({ role: "anonymous", userId: null, isSystemAdmin: isAdmin }, "activate", "municipality")) return;
  if (actor.kind === "anonymous") throw new AppError("unauthenticated", "auth.signInRequired");
  throw new AppError("forbidden", "auth.installationAdminsOnly");
}

/** All municipalities in the register, and whether each uses this installation. */
export async function listAllMunicipalities({ ctx }: { ctx: ServiceContext }) {
  authorizeInstallationAdmin(ctx);
  return ctx.db
    .select({
      number: municipalities.number,
      name: municipalities.name,
      county: municipalities.county,
      active: municipalities.active,
    })
    .from(municipalities)
    .orderBy(asc(municipalities.number));
}

/** Activates or deactivates a municipality (installation admins), audited. */
export async function setMunicipalityActive({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; active: boolean };
}) {
  authorizeInstallationAdmin(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(municipalities)
      .where(eq(municipalities.number, input.municipalityNumber))
      .for("update");
    if (!row) throw notFound("municipality");
    if (row.active !== input.active) {
      await tx.update(municipalities).set({ active: input.active }).where(eq(municipalities.id, row.id));
      await recordAudit(
        tx,
        ctx.actor,
        {
          municipalityId: row.id,
          objectType: "municipality",
          objectId: row.id,
          objectLabel: `${row.number} ${row.name}`,
          action: input.active ? "activate" : "deactivate",
          changes: { active: { before: row.active, after: input.active } },
        },
        ctx.requestId,
      );
    }
    return { number: row.number, name: row.name, county: row.county, active: input.active };
  });
}
