import { eq } from "drizzle-orm";
import { measures } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import type { MeasureStatus } from "../../domain/measures.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { authorizeRunningState } from "./get-measure.ts";

export type MeasureState = { status: MeasureStatus; statusReason: string; progress: number | null };

/** The rule for a measure's running state: delayed and stopped need a reason; completed means 100 %. */
export function stateProblems(state: MeasureState): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if ((state.status === "delayed" || state.status === "stopped") && state.statusReason.trim() === "") {
    problems.push({ path: "/statusReason", message: "Skriv hvorfor tiltaket er forsinket eller stoppet." });
  }
  if (
    state.progress !== null &&
    (!Number.isInteger(state.progress) || state.progress < 0 || state.progress > 100)
  ) {
    problems.push({ path: "/progress", message: "Fremdrift er et helt tall fra 0 til 100." });
  }
  return problems;
}

/**
 * Updates how a measure is going (status, reason, progress): planners, and the measure's owner.
 * This is running state, kept apart from the adopted content; status reports will feed it later.
 */
export async function updateMeasureStatus({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string; version: number } & MeasureState;
}): Promise<MeasureState & { version: number }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const measure = await authorizeRunningState(tx, ctx, tenant, input.reference);
    const [locked] = await tx.select().from(measures).where(eq(measures.id, measure.id)).for("update");
    if (!locked) throw notFound("measure");
    const before: MeasureState = {
      status: locked.status,
      statusReason: locked.statusReason,
      progress: locked.progress,
    };
    if (locked.version !== input.version) {
      throw new AppError("conflict", "measure.statusChangedByOther", {}, [
        staleDetail({ ...before, version: locked.version }),
      ]);
    }
    const after: MeasureState = {
      status: input.status,
      statusReason: input.status === "delayed" || input.status === "stopped" ? input.statusReason.trim() : "",
      progress: input.status === "completed" && input.progress === null ? 100 : input.progress,
    };
    const problems = stateProblems(after);
    if (problems.length > 0)
      throw new AppError(
        "validation",
        "common.untranslated",
        { text: problems.map((p) => p.message).join(" ") },
        problems,
      );
    const changes = diffFields(before, after, ["status", "statusReason", "progress"]);
    if (Object.keys(changes).length === 0) return { ...before, version: locked.version };
    await tx
      .update(measures)
      .set({ ...after, version: locked.version + 1, updatedAt: new Date() })
      .where(eq(measures.id, locked.id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: measure.reference,
        action: "update_status",
        changes,
      },
      ctx.requestId,
    );
    return { ...after, version: locked.version + 1 };
  });
}
