import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { invitations, municipalities, users } from "../../db/schema/index.ts";
import { type InvitationStatus, invitationStatus } from "../../domain/invitation.ts";
import type { Role } from "../../domain/permissions.ts";
import { notFound } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { hashToken } from "./sessions.ts";

export type InvitationView = {
  municipality: { number: string; name: string };
  email: string;
  role: Role;
  expiresAt: string;
  status: InvitationStatus;
  /** Tells the page whether to ask for a new password or for sign-in. */
  accountExists: boolean;
};

/**
 * What an invitation link leads to, for the page that opens it. Public: holding the link is the
 * right to see it. An unknown token, or one for a municipality no longer active, is a 404.
 */
export async function getInvitation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { token: string };
}): Promise<InvitationView> {
  const [row] = await ctx.db
    .select({
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      withdrawnAt: invitations.withdrawnAt,
      number: municipalities.number,
      name: municipalities.name,
    })
    .from(invitations)
    .innerJoin(municipalities, eq(municipalities.id, invitations.municipalityId))
    .where(and(eq(invitations.tokenHash, hashToken(input.token)), eq(municipalities.active, true)));
  if (!row) throw notFound("invitation");
  const [account] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, row.email));
  return {
    municipality: { number: row.number, name: row.name },
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt.toISOString(),
    status: invitationStatus(row, new Date()),
    accountExists: account !== undefined,
  };
}

export type OpenInvitation = {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  invitedByName: string;
};

/**
 * Invitations of a municipality not yet accepted, withdrawn nor expired, newest first, with when and
 * by whom each was sent, for its admins and planners.
 */
export async function listOpenInvitations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}): Promise<OpenInvitation[]> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "read_members", "membership", {}, "municipality");
  const rows = await ctx.db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      invitedByName: users.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(
      and(
        eq(invitations.municipalityId, tenant.id),
        isNull(invitations.acceptedAt),
        isNull(invitations.withdrawnAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}
