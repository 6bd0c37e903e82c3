import { eq } from "drizzle-orm";
import { measureVersions } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { lockDraftMeasure } from "./draft-measure.ts";

/** A planner has looked at a measure flagged «må vurderes» and keeps it as it is. */
export async function markMeasureReviewed({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  await ctx.db.transaction(async (tx) => {
    const { measure, version: draft } = await lockDraftMeasure(tx, ctx, tenant, input.reference);
    if (!draft.needsReview) throw new AppError("conflict", "measure.notMarkedForReview");
    await tx
      .update(measureVersions)
      .set({ needsReview: false, reviewNote: "", updatedAt: new Date() })
      .where(eq(measureVersions.id, draft.id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: measure.reference,
        action: "reviewed",
        changes: { needsReview: { before: true, after: false } },
      },
      ctx.requestId,
    );
  });
}
