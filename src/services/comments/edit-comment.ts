import { eq } from "drizzle-orm";
import { comments } from "../../db/schema/index.ts";
import { canEditComment, commentVisibleTo } from "../../domain/proposals.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { viewerOf } from "../proposals/proposal-access.ts";
import { lockComment } from "./internal.ts";

/** The author corrects their comment within the edit window. */
export async function editComment({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; commentId: string; version: number; body: string };
}): Promise<void> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  await ctx.db.transaction(async (tx) => {
    const row = await lockComment(tx, tenant, input.commentId);
    if (
      !commentVisibleTo(viewerOf(tenant), row.visibility, false) &&
      row.authorUserId !== tenant.subject.userId
    )
      throw notFound("comment");
    if (!canEditComment(row, tenant.subject.userId, new Date())) {
      throw new AppError("forbidden", "comment.editWindow");
    }
    if (row.version !== input.version) {
      throw new AppError("conflict", "comment.changedByOther", {}, [
        staleDetail({ body: row.body, version: row.version }),
      ]);
    }
    const body = input.body.trim();
    await tx
      .update(comments)
      .set({ body, editedAt: new Date(), version: row.version + 1, updatedAt: new Date() })
      .where(eq(comments.id, row.id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "comment",
        objectId: row.id,
        objectLabel: "Kommentar",
        action: "update",
        changes: { body: { before: row.body, after: body } },
      },
      ctx.requestId,
    );
  });
}
