import { eq } from "drizzle-orm";
import { comments } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { lockComment } from "./internal.ts";

/**
 * A moderator removes a comment. The row stays, marked with who removed it, when and why; the text
 * leaves the page but is kept in the audit trail for the administrators.
 */
export async function removeComment({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; commentId: string; reason: string };
}): Promise<void> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "moderate", "comment", {}, "comment");
  const actor = ctx.actor;
  if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInRequired");
  await ctx.db.transaction(async (tx) => {
    const row = await lockComment(tx, tenant, input.commentId);
    if (row.removedAt) throw new AppError("conflict", "comment.alreadyRemoved");
    const reason = input.reason.trim();
    await tx
      .update(comments)
      .set({
        removedAt: new Date(),
        removedByUserId: actor.userId,
        removalReason: reason,
        body: "",
        version: row.version + 1,
      })
      .where(eq(comments.id, row.id));
    await recordAudit(
      tx,
      actor,
      {
        municipalityId: tenant.id,
        objectType: "comment",
        objectId: row.id,
        objectLabel: "Kommentar",
        action: "remove",
        changes: { body: { before: row.body, after: "" }, removalReason: { before: null, after: reason } },
      },
      ctx.requestId,
    );
  });
}
