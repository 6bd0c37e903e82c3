import { and, asc, eq, sql } from "drizzle-orm";
import { memberships, partnerOrganisations, users } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { type Role, roles } from "../../domain/permissions.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

export type MemberView = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** For partners: the organisation they speak for. */
  organisation: { id: string; name: string } | null;
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
  authorize(ctx, tenant, "read_members", "membership", {}, "municipality");
  const rows = await ctx.db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      organisationId: partnerOrganisations.id,
      organisationName: partnerOrganisations.name,
      active: users.active,
      version: memberships.version,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, memberships.organisationId))
    .where(eq(memberships.municipalityId, tenant.id))
    .orderBy(asc(users.name));
  return rows.map(({ organisationId, organisationName, ...member }) => ({
    ...member,
    organisation: organisationId && organisationName ? { id: organisationId, name: organisationName } : null,
  }));
}

/**
 * Changes a person's role, and for a partner the organisation they speak for (admins). Stale
 * versions get 409; the last admin cannot be demoted.
 */
export async function changeMemberRole({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    membershipId: string;
    version: number;
    role: Role;
    organisationId?: string | null;
  };
}): Promise<MemberView> {
  if (!roles.includes(input.role)) throw new AppError("validation", "member.unknownRole");
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ membership: memberships, user: users })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.id, input.membershipId), eq(memberships.municipalityId, tenant.id)))
      .for("update");
    if (!row) throw notFound("membership");
    authorize(ctx, tenant, "update_member", "membership", { role: row.membership.role }, "membership");
    const organisationName = async (id: string | null) => {
      if (!id) return null;
      const [organisation] = await tx
        .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
        .from(partnerOrganisations)
        .where(and(eq(partnerOrganisations.id, id), eq(partnerOrganisations.municipalityId, tenant.id)));
      return organisation ?? null;
    };
    const present = async (m: typeof memberships.$inferSelect): Promise<MemberView> => ({
      membershipId: m.id,
      userId: row.user.id,
      name: row.user.name,
      email: row.user.email,
      role: m.role,
      organisation: await organisationName(m.organisationId),
      active: row.user.active,
      version: m.version,
    });
    if (row.membership.version !== input.version) {
      throw new AppError("conflict", "member.changedByOther", {}, [
        staleDetail(await present(row.membership)),
      ]);
    }
    // Only a partner speaks for an organisation; leaving out organisationId keeps the one they have.
    const organisationId =
      input.role === "partner"
        ? input.organisationId === undefined
          ? row.membership.organisationId
          : input.organisationId
        : null;
    if (organisationId && !(await organisationName(organisationId))) {
      const message = "Velg en samarbeidspartner som er registrert i kommunen.";
      throw new AppError("validation", "member.choosePartner", {}, [{ path: "/organisationId", message }]);
    }
    if (row.membership.role === input.role && row.membership.organisationId === organisationId)
      return present(row.membership);
    if (row.membership.role === "admin" && input.role !== "admin") {
      const [admins] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(memberships)
        .where(and(eq(memberships.municipalityId, tenant.id), eq(memberships.role, "admin")));
      if ((admins?.count ?? 0) <= 1) throw new AppError("validation", "member.lastAdmin");
    }
    const [updated] = await tx
      .update(memberships)
      .set({
        role: input.role,
        organisationId,
        version: sql`${memberships.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(memberships.id, row.membership.id))
      .returning();
    if (!updated) throw notFound("membership");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "membership",
        objectId: updated.id,
        objectLabel: row.user.email,
        action: "update",
        changes: diffFields(row.membership, updated, ["role", "organisationId"]),
      },
      ctx.requestId,
    );
    return await present(updated);
  });
}
