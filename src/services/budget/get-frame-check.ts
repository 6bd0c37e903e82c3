import { can } from "../../domain/permissions.ts";
import { notFound } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { computeFrameCheck, type FrameCheckView } from "./frame-check.ts";

/** The frame check of a cycle, for those who may read drafts. */
export async function getFrameCheck({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string };
}): Promise<FrameCheckView & { allowedActions: string[] }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  if (!can(tenant.subject, "read_drafts", "action_plan")) throw notFound("cycle");
  // Only a missing cycle is a 404; a database failure stays a 500.
  const check = await computeFrameCheck(ctx.db, tenant.id, input.cycleId);
  return { ...check, allowedActions: can(tenant.subject, "update", "action_plan") ? ["update"] : [] };
}
