import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  type CommentVisibility,
  comments,
  memberships,
  partnerOrganisations,
  users,
} from "../db/schema/index.ts";
import { can } from "../domain/permissions.ts";
import { canEditComment, commentVisibleTo, visibilitiesFor } from "../domain/proposals.ts";
import { AppError, notFound } from "../errors.ts";
import { authorize, resolveTenant, type Tenant } from "./access.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";
import { findVisibleMeasure } from "./get-measure.ts";
import { membersWithRoles, type NewNotification, notify } from "./notifications.ts";
import { findReadableProposal, viewerOf } from "./proposal-access.ts";

export type CommentTargetRef = { type: "proposal"; number: number } | { type: "measure"; reference: string };

export type CommentView = {
  id: string;
  parentId: string | null;
  author: { name: string; organisation: string | null };
  visibility: CommentVisibility;
  body: string;
  createdAt: string;
  editedAt: string | null;
  removed: { at: string; reason: string } | null;
  version: number;
  canEdit: boolean;
  canRemove: boolean;
};

export type CommentThread = {
  comments: CommentView[];
  /** What the person may choose when writing; empty when they may not write. */
  visibilities: CommentVisibility[];
};

type ResolvedTarget = {
  type: "proposal" | "measure";
  id: string;
  published: boolean;
  label: string;
  link: string;
  /** Who hears about a comment from the municipality visible to partners (the proposer). */
  proposerUserId: string | null;
};

async function resolveTarget(db: DbOrTx, tenant: Tenant, target: CommentTargetRef): Promise<ResolvedTarget> {
  if (target.type === "proposal") {
    const { proposal } = await findReadableProposal(db, tenant, target.number);
    return {
      type: "proposal",
      id: proposal.id,
      published: proposal.publishedAt !== null,
      label: `Innspill ${proposal.number}: ${proposal.title}`,
      link: `/innspill/${proposal.number}`,
      proposerUserId: proposal.submittedByUserId,
    };
  }
  const { measure, inAdoptedPlan } = await findVisibleMeasure(db, tenant, target.reference);
  return {
    type: "measure",
    id: measure.id,
    published: inAdoptedPlan,
    label: `${measure.reference}`,
    link: `/tiltak/${measure.reference}`,
    proposerUserId: null,
  };
}

/** The comments a person may read on a proposal or measure, oldest first (replies point to their parent). */
export async function loadCommentThread(
  db: DbOrTx,
  tenant: Tenant,
  target: { type: "proposal" | "measure"; id: string; published: boolean },
): Promise<CommentThread> {
  const viewer = viewerOf(tenant);
  const rows = await db
    .select({ comment: comments, authorName: users.name, organisation: partnerOrganisations.name })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorUserId))
    .leftJoin(
      memberships,
      and(
        eq(memberships.userId, comments.authorUserId),
        eq(memberships.municipalityId, comments.municipalityId),
      ),
    )
    .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, memberships.organisationId))
    .where(
      and(
        eq(comments.municipalityId, tenant.id),
        eq(comments.targetType, target.type),
        eq(comments.targetId, target.id),
      ),
    )
    .orderBy(asc(comments.createdAt));
  const now = new Date();
  const moderator = can(tenant.subject, "moderate", "comment");
  return {
    comments: rows
      .filter((r) => commentVisibleTo(viewer, r.comment.visibility, target.published))
      .map(({ comment: c, authorName, organisation }) => ({
        id: c.id,
        parentId: c.parentId,
        author: { name: authorName, organisation: organisation ?? null },
        visibility: c.visibility,
        body: c.removedAt ? "" : c.body,
        createdAt: c.createdAt.toISOString(),
        editedAt: c.editedAt?.toISOString() ?? null,
        removed: c.removedAt ? { at: c.removedAt.toISOString(), reason: c.removalReason ?? "" } : null,
        version: c.version,
        canEdit: canEditComment(c, tenant.subject.userId, now),
        canRemove: moderator && c.removedAt === null,
      })),
    visibilities: can(tenant.subject, "create", "comment") ? visibilitiesFor(viewer) : [],
  };
}

export async function getComments({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; target: CommentTargetRef };
}): Promise<CommentThread> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const target = await resolveTarget(ctx.db, tenant, input.target);
  return loadCommentThread(ctx.db, tenant, target);
}

export type Notice = { userIds: string[]; notification: NewNotification };

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

async function lockComment(tx: DbOrTx, tenant: Tenant, commentId: string) {
  const [row] = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.municipalityId, tenant.id)))
    .for("update");
  if (!row) throw notFound("comment");
  return row;
}

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
      throw new AppError(
        "conflict",
        "comment.changedByOther",
        {},
        {
          current: { body: row.body, version: row.version },
        },
      );
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
