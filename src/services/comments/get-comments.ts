import { resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { type PageInput, pageOfSorted } from "../paging.ts";
import { type CommentTargetRef, type CommentThread, loadCommentThread, resolveTarget } from "./internal.ts";

/** The comments on a proposal or measure the person may read, oldest first, a page at a time. */
export async function getComments({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; target: CommentTargetRef } & PageInput;
}): Promise<CommentThread & { nextCursor: string | null }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const target = await resolveTarget(ctx.db, tenant, input.target);
  const thread = await loadCommentThread(ctx.db, tenant, target);
  // Oldest first, so an answer's parent is always on its page or an earlier one.
  const page = pageOfSorted("comments", thread.comments, (c) => c.id, input);
  return { ...thread, comments: page.items, nextCursor: page.nextCursor };
}
