import { resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { type CommentTargetRef, type CommentThread, loadCommentThread, resolveTarget } from "./internal.ts";

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
