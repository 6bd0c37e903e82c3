import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { comments, memberships, partnerOrganisations, users } from "../../db/schema/index.ts";
import type { CommentVisibility } from "../../domain/comments.ts";
import { can } from "../../domain/permissions.ts";
import { canEditComment, commentVisibleTo, visibilitiesFor } from "../../domain/proposals.ts";
import { notFound } from "../../errors.ts";
import type { Tenant } from "../access.ts";
import { findVisibleMeasure } from "../measures/get-measure.ts";
import { findReadableProposal, viewerOf } from "../proposals/proposal-access.ts";
import type { NewNotification } from "./notifications.ts";

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

export async function resolveTarget(
  db: DbOrTx,
  tenant: Tenant,
  target: CommentTargetRef,
): Promise<ResolvedTarget> {
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
    .orderBy(asc(comments.createdAt), asc(comments.id));
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

export type Notice = { userIds: string[]; notification: NewNotification };

export async function lockComment(tx: DbOrTx, tenant: Tenant, commentId: string) {
  const [row] = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.municipalityId, tenant.id)))
    .for("update");
  if (!row) throw notFound("comment");
  return row;
}
