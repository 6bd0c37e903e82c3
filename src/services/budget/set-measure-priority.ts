import { eq } from "drizzle-orm";
import { measureVersions } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { measureValue } from "../../domain/prioritisation.ts";
import { AppError, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { lockDraftMeasure } from "../measures/draft-measure.ts";

/** Sets a measure's priority value and mandatory mark in the draft action plan (planners), audited. */
export async function setMeasurePriority({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    reference: string;
    priority: number | null;
    mandatory: boolean;
    /** The measure version's `version` the person saw; a stale one gets 409. Optional. */
    version?: number;
  };
}): Promise<{
  reference: string;
  priority: number | null;
  mandatory: boolean;
  value: number;
  version: number;
}> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "action_plan", {}, "measure");
  if (input.priority !== null && (!Number.isSafeInteger(input.priority) || input.priority < 0))
    throw new AppError("validation", "actionPlan.priorityInvalid", {}, [
      { path: "/priority", message: "Prioriteten er et helt tall, 0 eller mer." },
    ]);
  return ctx.db.transaction(async (tx) => {
    const { measure, version } = await lockDraftMeasure(tx, ctx, tenant, input.reference);
    if (input.version !== undefined && input.version !== version.version)
      throw new AppError("conflict", "measure.changedByOther", {}, [
        staleDetail({ priority: version.priority, mandatory: version.mandatory, version: version.version }),
      ]);
    const next = { priority: input.priority, mandatory: input.mandatory };
    const changes = diffFields(version, next, ["priority", "mandatory"]);
    if (Object.keys(changes).length === 0)
      return {
        reference: measure.reference,
        ...next,
        value: measureValue(next.priority),
        version: version.version,
      };
    const [saved] = await tx
      .update(measureVersions)
      .set({ ...next, version: version.version + 1, updatedAt: new Date() })
      .where(eq(measureVersions.id, version.id))
      .returning({ version: measureVersions.version });
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: `${measure.reference} ${version.title}`,
        action: "update",
        changes,
      },
      ctx.requestId,
    );
    return {
      reference: measure.reference,
      ...next,
      value: measureValue(next.priority),
      version: saved?.version ?? version.version + 1,
    };
  });
}
