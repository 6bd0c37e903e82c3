import { and, eq } from "drizzle-orm";
import { budgetFrames, frameAreas } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { nokAmountProblem } from "../../domain/money.ts";
import { AppError, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { lockCycle } from "../cycles/cycles.ts";

export type FrameInput = {
  municipalityNumber: string;
  cycleId: string;
  frameAreaId: string;
  year: number;
  amountNok: number;
  status: "proposed" | "adopted";
  decisionDate: string | null;
  caseReference: string | null;
  /** The version of the frame edited; 0 when setting a frame that does not exist yet. */
  version: number;
};

/** Sets one frame (year × area) of a cycle; adopted frames need the decision. Audited, so kept as history. */
export async function setFrame({ ctx, input }: { ctx: ServiceContext; input: FrameInput }) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const cycle = await lockCycle(tx, tenant, input.cycleId);
    authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
    const problems: { path: string; message: string }[] = [];
    if (!financialPlanPeriod(cycle.budgetYear).years.includes(input.year)) {
      problems.push({
        path: "/year",
        message: `Året må være i perioden ${cycle.budgetYear}–${cycle.budgetYear + 3}.`,
      });
    }
    const amountProblem = nokAmountProblem(input.amountNok);
    if (amountProblem) problems.push({ path: "/amountNok", message: amountProblem });
    if (input.status === "adopted" && (!input.decisionDate || !input.caseReference?.trim())) {
      problems.push({
        path: "/caseReference",
        message: "En vedtatt ramme trenger vedtaksdato og saksnummer.",
      });
    }
    const [area] = await tx
      .select()
      .from(frameAreas)
      .where(and(eq(frameAreas.id, input.frameAreaId), eq(frameAreas.municipalityId, tenant.id)));
    if (!area) problems.push({ path: "/frameAreaId", message: "Velg et rammeområde i kommunen." });
    if (problems.length > 0)
      throw new AppError(
        "validation",
        "common.untranslated",
        { text: problems.map((p) => p.message).join(" ") },
        problems,
      );

    const [current] = await tx
      .select()
      .from(budgetFrames)
      .where(
        and(
          eq(budgetFrames.cycleId, cycle.id),
          eq(budgetFrames.frameAreaId, input.frameAreaId),
          eq(budgetFrames.year, input.year),
        ),
      )
      .for("update");
    if ((current?.version ?? 0) !== input.version) {
      throw new AppError("conflict", "frame.changedByOther", {}, [staleDetail(current ?? null)]);
    }
    const next = {
      amountNok: input.amountNok,
      status: input.status,
      decisionDate: input.status === "adopted" ? input.decisionDate : null,
      caseReference: input.status === "adopted" ? (input.caseReference?.trim() ?? null) : null,
    };
    const changes = diffFields(current ?? null, next, [
      "amountNok",
      "status",
      "decisionDate",
      "caseReference",
    ]);
    if (current && Object.keys(changes).length === 0) return current;
    const [saved] = current
      ? await tx
          .update(budgetFrames)
          .set({ ...next, version: current.version + 1, updatedAt: new Date() })
          .where(eq(budgetFrames.id, current.id))
          .returning()
      : await tx
          .insert(budgetFrames)
          .values({
            municipalityId: tenant.id,
            cycleId: cycle.id,
            frameAreaId: input.frameAreaId,
            year: input.year,
            ...next,
          })
          .returning();
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "budget_frame",
        objectId: saved?.id ?? "",
        objectLabel: `${area?.name ?? ""} ${input.year} (rullering ${cycle.budgetYear})`,
        action: current ? "update" : "create",
        changes,
      },
      ctx.requestId,
    );
    return saved;
  });
}
