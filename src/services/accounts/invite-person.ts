import { and, eq } from "drizzle-orm";
import { sqlExecutorOf } from "../../db/client.ts";
import { invitations, memberships, partnerOrganisations, users } from "../../db/schema/index.ts";
import { invitationEmail, invitationExpiresAt, invitationLink } from "../../domain/invitation.ts";
import type { Role } from "../../domain/permissions.ts";
import { normaliseEmail } from "../../domain/sign-in.ts";
import { AppError } from "../../errors.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { hashToken, newToken } from "./sessions.ts";

export type InvitePersonResult = {
  invitation: { id: string; email: string; role: Role; expiresAt: string };
  /** Shown to the inviter to pass on; the only place the token exists besides the e-mail. */
  link: string;
  emailSent: boolean;
};

/**
 * Invites a person by e-mail to a role in a municipality: a one-time link valid for a week. With
 * background jobs the e-mail is queued in the invitation's transaction and sent with retries (then
 * `emailSent` means it is on its way); without them it is sent after the commit, so a mail failure
 * never loses the invitation. The inviter has the link either way.
 */
export async function invitePerson({
  ctx,
  input,
  publicUrl,
  mailer,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; email: string; role: Role; organisationId?: string | null };
  publicUrl: string;
  mailer: Mailer;
}): Promise<InvitePersonResult> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "invite", "membership", { role: input.role }, "municipality");
  const actor = ctx.actor;
  // The table lets only members invite; an invitation must name a person who sent it.
  if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInRequired");

  const email = normaliseEmail(input.email);
  const token = newToken();
  const expiresAt = invitationExpiresAt(new Date());

  const link = invitationLink(publicUrl, token);
  const message = {
    to: email,
    ...invitationEmail({
      inviterName: actor.name,
      municipalityName: tenant.name,
      role: input.role,
      link,
      expiresAt,
    }),
  };
  const invitation = await ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, email), eq(memberships.municipalityId, tenant.id)));
    if (member) {
      const message = `${email} har allerede en rolle i ${tenant.name}.`;
      throw new AppError("conflict", "invitation.alreadyMember", { email, municipality: tenant.name }, [
        { path: "/email", message },
      ]);
    }
    const organisationId = input.role === "partner" ? (input.organisationId ?? null) : null;
    if (organisationId) {
      const [organisation] = await tx
        .select({ id: partnerOrganisations.id })
        .from(partnerOrganisations)
        .where(
          and(
            eq(partnerOrganisations.id, organisationId),
            eq(partnerOrganisations.municipalityId, tenant.id),
          ),
        );
      if (!organisation) {
        const message = "Velg en samarbeidspartner som er registrert i kommunen.";
        throw new AppError("validation", "member.choosePartner", {}, [{ path: "/organisationId", message }]);
      }
    }
    const [row] = await tx
      .insert(invitations)
      .values({
        municipalityId: tenant.id,
        email,
        role: input.role,
        organisationId,
        tokenHash: hashToken(token),
        invitedByUserId: actor.userId,
        expiresAt,
      })
      .returning({ id: invitations.id });
    if (!row) throw new Error("insert returned no row");
    await recordAudit(
      tx,
      actor,
      {
        municipalityId: tenant.id,
        objectType: "invitation",
        objectId: row.id,
        objectLabel: email,
        action: "invite",
        changes: {
          email: { before: null, after: email },
          role: { before: null, after: input.role },
          ...(organisationId ? { organisationId: { before: null, after: organisationId } } : {}),
        },
      },
      ctx.requestId,
    );
    // The outbox: the e-mail is queued with the invitation, and goes out (with retries) once it commits.
    if (mailer.queue) await mailer.queue(sqlExecutorOf(tx), message, { requestId: ctx.requestId });
    return { id: row.id, email, role: input.role, expiresAt: expiresAt.toISOString() };
  });

  const emailSent = mailer.queue ? true : await mailer.send(message, { requestId: ctx.requestId });
  return { invitation, link, emailSent };
}
