import { and, eq } from "drizzle-orm";
import { invitations } from "../../db/schema/index.ts";
import { invitationStatus } from "../../domain/invitation.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

/**
 * Withdraws an invitation that has not been used: its link stops working (the page says it was
 * withdrawn), it leaves the list of open invitations, and the trail says who withdrew it. Whoever
 * may invite to the role may withdraw an invitation to it. One that is used, or withdrawn already,
 * is refused with 409.
 */
export async function withdrawInvitation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; invitationId: string };
}): Promise<{ id: string; withdrawnAt: string }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, input.invitationId), eq(invitations.municipalityId, tenant.id)))
      .for("update");
    if (!invitation) throw notFound("invitation");
    authorize(ctx, tenant, "invite", "membership", { role: invitation.role }, "invitation");
    if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInRequired");
    const status = invitationStatus(invitation, new Date());
    if (status === "used" || status === "withdrawn")
      throw new AppError(
        "conflict",
        status === "used" ? "invitation.alreadyUsed" : "invitation.alreadyWithdrawn",
        {
          email: invitation.email,
        },
      );
    const withdrawnAt = new Date();
    await tx
      .update(invitations)
      .set({ withdrawnAt, withdrawnByUserId: actor.userId })
      .where(eq(invitations.id, invitation.id));
    await recordAudit(
      tx,
      actor,
      {
        municipalityId: tenant.id,
        objectType: "invitation",
        objectId: invitation.id,
        objectLabel: invitation.email,
        action: "withdraw_invitation",
        changes: { status: { before: status, after: "withdrawn" } },
      },
      ctx.requestId,
    );
    return { id: invitation.id, withdrawnAt: withdrawnAt.toISOString() };
  });
}
