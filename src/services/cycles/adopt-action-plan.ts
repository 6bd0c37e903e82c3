import { and, desc, eq } from "drizzle-orm";
import { actionPlanVersions } from "../../db/schema/index.ts";
import { cycleActionConsequences } from "../../domain/consequences.ts";
import { AppError } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import { computeFrameCheck, describeOverruns } from "../budget/frame-check.ts";
import { auditText } from "../consequence-texts.ts";
import type { ServiceContext } from "../context.ts";
import { cycleActionFacts } from "./cycle-consequences.ts";
import { cycleFacts } from "./cycles.ts";
import { actionPlanLabel, lockCycleFor } from "./internal.ts";

/**
 * Records the council's decision on the cycle's draft action plan (the original in the «vedtak»
 * phase, or a revision later): the version is frozen from then on. Returns the warnings the
 * confirmation showed (proposals not decided), which the audit entry keeps too.
 */
export async function adoptActionPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    cycleId: string;
    adoptedOn: string;
    decisionBody: string;
    caseReference: string;
  };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const cycle = await lockCycleFor(ctx, tx, tenant, "adopt", input.cycleId);
    const [draft] = await tx
      .select()
      .from(actionPlanVersions)
      .where(eq(actionPlanVersions.cycleId, cycle.id))
      .orderBy(desc(actionPlanVersions.revision))
      .limit(1)
      .for("update");
    if (draft?.status !== "draft") throw new AppError("conflict", "actionPlan.noDraftToAdopt");
    if (draft.revision === 0 && cycle.phase !== "vedtak") {
      throw new AppError("conflict", "actionPlan.adoptInDecisionPhase", {
        phase: { key: `cycle.phase.${cycle.phase}` },
      });
    }
    const { facts } = await cycleFacts(tx, cycle.id);
    // Each problem is an item of the answer's `details` list, as in every other refusal.
    const problems: { path: string; message: string; overruns?: typeof check.overruns }[] = [];
    if (facts.measureCount === 0) problems.push({ path: "/", message: "Handlingsplanen har ingen tiltak." });
    if (facts.measuresNeedingReview > 0)
      problems.push({ path: "/", message: `${facts.measuresNeedingReview} tiltak er merket «må vurderes».` });
    const check = await computeFrameCheck(tx, tenant.id, cycle.id, draft.id);
    if (check.overruns.length > 0) {
      problems.push({
        path: "/",
        message: `Tiltakene går over budsjettrammene: ${describeOverruns(check.overruns)}.`,
        overruns: check.overruns,
      });
    }
    if (problems.length > 0) {
      throw new AppError(
        "conflict",
        "actionPlan.cannotAdopt",
        { problems: problems.map((p) => p.message).join(" ") },
        problems,
      );
    }
    // Warnings, not walls: proposals still «Til behandling» do not stop the decision.
    const { warnings } = cycleActionConsequences("adopt", await cycleActionFacts(tx, cycle, "adopt"));
    const [adopted] = await tx
      .update(actionPlanVersions)
      .set({
        status: "adopted",
        adoptedOn: input.adoptedOn,
        decisionBody: input.decisionBody.trim(),
        caseReference: input.caseReference.trim(),
        frozenAt: new Date(),
        version: draft.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(actionPlanVersions.id, draft.id), eq(actionPlanVersions.status, "draft")))
      .returning();
    if (!adopted) throw new AppError("conflict", "actionPlan.adoptedByOther");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "action_plan",
        objectId: draft.id,
        objectLabel: actionPlanLabel(cycle.budgetYear, draft.revision),
        action: "adopt",
        changes: {
          status: { before: "draft", after: "adopted" },
          decision: {
            before: null,
            after: `${input.decisionBody} ${input.adoptedOn}, ${input.caseReference}`,
          },
          ...(warnings.length > 0 ? { warnings: { before: null, after: warnings.map(auditText) } } : {}),
        },
      },
      ctx.requestId,
    );
    return { budgetYear: cycle.budgetYear, revision: adopted.revision, status: adopted.status, warnings };
  });
}
