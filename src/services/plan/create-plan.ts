import { actionPlanVersions, cycles, plans } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { presentPlan } from "./update-plan.ts";

export type CreatePlanInput = {
  municipalityNumber: string;
  title: string;
  startYear: number;
  endYear: number;
  vision?: string;
  /** What the plan is based on (kommuneplanens samfunnsdel). */
  basis?: string;
  adoptedOn?: string | null;
  caseReference?: string | null;
  /** The budget year of the first rolling; its draft action plan is where measures go. */
  firstBudgetYear: number;
};

/** Creates a strategic plan with its first cycle and a draft action plan to put measures in. */
export async function createPlan({ ctx, input }: { ctx: ServiceContext; input: CreatePlanInput }) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "create", "plan", {}, "municipality");
  if (input.endYear < input.startYear) {
    throw new AppError("validation", "plan.endYearBeforeStart", {}, [
      { path: "/endYear", message: "Sluttår kan ikke være før startår." },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(plans)
      .values({
        municipalityId: tenant.id,
        title: input.title,
        startYear: input.startYear,
        endYear: input.endYear,
        vision: input.vision ?? "",
        basis: input.basis ?? "",
        adoptedOn: input.adoptedOn ?? null,
        caseReference: input.caseReference ?? null,
      })
      .returning();
    if (!plan) throw new Error("plan not inserted");
    const [cycle] = await tx
      .insert(cycles)
      .values({ municipalityId: tenant.id, planId: plan.id, budgetYear: input.firstBudgetYear })
      .returning();
    if (!cycle) throw new Error("cycle not inserted");
    await tx.insert(actionPlanVersions).values({ municipalityId: tenant.id, cycleId: cycle.id });
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "plan",
        objectId: plan.id,
        objectLabel: plan.title,
        action: "create",
        changes: {
          title: { before: null, after: plan.title },
          period: { before: null, after: `${plan.startYear}–${plan.endYear}` },
          ...(plan.basis ? { basis: { before: null, after: plan.basis } } : {}),
        },
      },
      ctx.requestId,
    );
    return presentPlan(plan, tenant);
  });
}
