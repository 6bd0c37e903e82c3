import { and, eq } from "drizzle-orm";
import { actionPlanVersions, cycles, measures, measureVersions } from "../../db/schema/index.ts";
import {
  type PublicSearchHit,
  type PublicSearchItem,
  searchPublicContent,
} from "../../domain/public-site.ts";
import { richTextToPlain } from "../../domain/rich-text.ts";
import type { ServiceContext } from "../context.ts";
import { getPublicActionPlan } from "./get-public-action-plan.ts";
import type { PublicMunicipality } from "./internal.ts";
import { listPublicPlans } from "./list-public-plans.ts";

export type PublicSearchResult = {
  municipality: PublicMunicipality;
  query: string;
  results: (PublicSearchHit & { planId: string; budgetYear: number })[];
};

/**
 * Search across what is published (the newest adopted action plan of each published plan): goals,
 * focus areas and measures, in Norwegian (src/domain/public-site.ts).
 */
export async function searchPublic({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; q: string };
}): Promise<PublicSearchResult> {
  const { municipality, plans: planList } = await listPublicPlans({ ctx, input });
  const results: PublicSearchResult["results"] = [];
  for (const plan of planList) {
    const newest = plan.versions[0];
    if (!newest) continue;
    const actionPlan = await getPublicActionPlan({
      ctx,
      input: { municipalityNumber: input.municipalityNumber, planId: plan.id, budgetYear: newest.budgetYear },
    });
    const descriptions = new Map(
      (
        await ctx.db
          .select({ reference: measures.reference, description: measureVersions.description })
          .from(measureVersions)
          .innerJoin(measures, eq(measures.id, measureVersions.measureId))
          .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
          .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
          .where(
            and(
              eq(cycles.planId, plan.id),
              eq(cycles.budgetYear, actionPlan.budgetYear),
              eq(actionPlanVersions.revision, actionPlan.revision),
            ),
          )
      ).map((r) => [r.reference, richTextToPlain(r.description)]),
    );
    const focusTitles = new Map(actionPlan.focusAreas.map((f) => [f.id, f.title]));
    const items: PublicSearchItem[] = [
      ...actionPlan.goals.map((g) => ({
        kind: "goal" as const,
        id: g.id,
        title: g.title,
        text: g.description,
      })),
      ...actionPlan.focusAreas.map((f) => ({
        kind: "focus_area" as const,
        id: f.id,
        title: f.title,
        text: f.description,
      })),
      ...actionPlan.focusAreas.flatMap((f) =>
        f.measures.map((m) => ({
          kind: "measure" as const,
          id: m.reference,
          title: `${m.reference} ${m.title}`,
          text: descriptions.get(m.reference) ?? "",
          extra: [
            focusTitles.get(m.focusAreaId) ?? "",
            m.responsibleUnit,
            ...m.partners.map((p) => p.name),
          ].join("\n"),
        })),
      ),
    ];
    for (const hit of searchPublicContent(items, input.q)) {
      results.push({ ...hit, planId: plan.id, budgetYear: actionPlan.budgetYear });
    }
  }
  return { municipality, query: input.q, results };
}
