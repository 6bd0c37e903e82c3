import { and, eq } from "drizzle-orm";
import { comments } from "../../db/schema/index.ts";
import type { CommentVisibility } from "../../domain/comments.ts";
import { commentVisibleTo, visibilitiesFor } from "../../domain/proposals.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { viewerOf } from "../proposals/proposal-access.ts";
import { type CommentTargetRef, type Notice, resolveTarget } from "./internal.ts";
import { membersWithRoles, type NewNotification, notify } from "./notifications.ts";

/**
 * A comment, or a reply to one, with the visibility the writer chose among those allowed to them.
 * The author of the comment replied to, the proposer (for the municipality's partner-visible
 * comments on their proposal) and the planners (for partners' comments) are told.
 */
export async function postComment({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    target: CommentTargetRef;
    parentId: string | null;
    visibility: CommentVisibility;
    body: string;
  };
}): Promise<{ id: string; notices: Notice[] }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const target = await resolveTarget(tx, tenant, input.target);
    authorize(ctx, tenant, "create", "comment", {}, "comment");
    if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInToComment");
    const viewer = viewerOf(tenant);
    if (!visibilitiesFor(viewer).includes(input.visibility)) {
      const message = "Du kan ikke velge denne synligheten.";
      throw new AppError("validation", "comment.visibilityNotAllowed", {}, [
        { path: "/visibility", message },
      ]);
    }
    let parentAuthor: string | null = null;
    if (input.parentId) {
      const [parent] = await tx
        .select()
        .from(comments)
        .where(
          and(
            eq(comments.id, input.parentId),
            eq(comments.municipalityId, tenant.id),
            eq(comments.targetType, target.type),
            eq(comments.targetId, target.id),
          ),
        );
      if (!parent || !commentVisibleTo(viewer, parent.visibility, target.published))
        throw notFound("comment");
      parentAuthor = parent.authorUserId;
    }
    const [row] = await tx
      .insert(comments)
      .values({
        municipalityId: tenant.id,
        targetType: target.type,
        targetId: target.id,
        parentId: input.parentId,
        authorUserId: actor.userId,
        visibility: input.visibility,
        body: input.body.trim(),
      })
      .returning();
    if (!row) throw new Error("comment not inserted");
    await recordAudit(
      tx,
      actor,
      {
        municipalityId: tenant.id,
        objectType: "comment",
        objectId: row.id,
        objectLabel: target.label,
        action: "create",
        changes: {
          body: { before: null, after: row.body },
          visibility: { before: null, after: row.visibility },
        },
      },
      ctx.requestId,
    );

    const notices: Notice[] = [];
    const tell = async (userIds: (string | null)[], notification: NewNotification) => {
      const ids = [...new Set(userIds.filter((id): id is string => id !== null && id !== actor.userId))];
      await notify(tx, tenant.id, ids, notification);
      if (ids.length > 0) notices.push({ userIds: ids, notification });
    };
    if (parentAuthor)
      await tell([parentAuthor], {
        kind: "comment_reply",
        title: `Svar på kommentaren din: ${target.label}`,
        link: target.link,
      });
    if (
      viewer === "internal" &&
      input.visibility !== "internal" &&
      target.proposerUserId &&
      target.proposerUserId !== parentAuthor
    ) {
      await tell([target.proposerUserId], {
        kind: "proposal_question",
        title: `Kommunen har skrevet til deg om ${target.label}`,
        link: target.link,
      });
    }
    if (viewer === "partner" && target.type === "proposal") {
      await tell(await membersWithRoles(tx, tenant.id, ["planner"]), {
        kind: "proposal_comment",
        title: `Ny kommentar fra partner: ${target.label}`,
        link: target.link,
      });
    }
    return { id: row.id, notices };
  });
}
