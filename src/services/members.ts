import { and, asc, eq, sql } from "drizzle-orm";
import { type Role, roles } from "../db/schema/accounts.ts";
import { memberships, users } from "../db/schema/index.ts";
import { diffFields } from "../domain/audit.ts";
import { AppError, notFound } from "../errors.ts";
import { authorize, resolveTenant } from "./access.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";

export type MemberView = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  version: number;
};

/** The people with a role in the municipality (admins and planners). */
export async function listMembers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}): Promise<MemberView[]> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "read_members", "membership", {}, "Kommunen");
  return ctx.db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      active: users.active,
      version: memberships.version,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.municipalityId, tenant.id))
    .orderBy(asc(users.name));
}

/** Changes a person's role (admins). Stale versions get 409; the last admin cannot be demoted. */
export async function changeMemberRole({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; membershipId: string; version: number; role: Role };
}): Promise<MemberView> {
  if (!roles.includes(input.role)) throw new AppError("validation", "Ukjent rolle.");
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ membership: memberships, user: users })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.id, input.membershipId), eq(memberships.municipalityId, tenant.id)))
      .for("update");
    if (!row) throw notFound("Medlemskapet");
    authorize(ctx, tenant, "update_member", "membership", { role: row.membership.role }, "Medlemskapet");
    const present = (m: typeof memberships.$inferSelect): MemberView => ({
      membershipId: m.id,
      userId: row.user.id,
      name: row.user.name,
      email: row.user.email,
      role: m.role,
      active: row.user.active,
      version: m.version,
    });
    if (row.membership.version !== input.version) {
      throw new AppError("conflict", "Noen andre har endret rollen etter at du åpnet den.", {
        current: present(row.membership),
      });
    }
    if (row.membership.role === input.role) return present(row.membership);
    if (row.membership.role === "admin") {
      const [admins] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(memberships)
        .where(and(eq(memberships.municipalityId, tenant.id), eq(memberships.role, "admin")));
      if ((admins?.count ?? 0) <= 1)
        throw new AppError("validation", "Kommunen må ha minst én administrator.");
    }
    const [updated] = await tx
      .update(memberships)
      .set({ role: input.role, version: sql`${memberships.version} + 1`, updatedAt: new Date() })
      .where(eq(memberships.id, row.membership.id))
      .returning();
    if (!updated) throw notFound("Medlemskapet");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "membership",
        objectId: updated.id,
        objectLabel: row.user.email,
        action: "update",
        changes: diffFields(row.membership, updated, ["role"]),
      },
      ctx.requestId,
    );
    return present(updated);
  });
}
