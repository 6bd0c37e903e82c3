import { and, desc, eq } from "drizzle-orm";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  measures,
  measureVersions,
  proposals,
  users,
} from "../../db/schema/index.ts";
import { type Action, allowedActions } from "../../domain/permissions.ts";
import { resolveTenant } from "../access.ts";
import { type CommentThread, loadCommentThread } from "../comments/internal.ts";
import type { ServiceContext } from "../context.ts";
import { loadProposalDetails, loadProposalRows, type ProposalSummary } from "./list-proposals.ts";
import { findReadableProposal, proposalObject } from "./proposal-access.ts";

export type ProposalDetail = ProposalSummary & {
  version: number;
  description: string;
  expectedEffect: string;
  goals: { id: string; title: string }[];
  organisations: { id: string; name: string; kind: string }[];
  costs: { year: number; amountNok: number; funder: string }[];
  decision: { reason: string | null; decidedAt: string; decidedBy: string | null } | null;
  thread: CommentThread;
  allowedActions: Action[];
  /** For the planner's decision: the plan's focus areas and the draft's measures to merge into. */
  choices: {
    focusAreas: { id: string; title: string }[];
    measures: { id: string; reference: string; title: string }[];
  } | null;
};

/** One proposal with its dialogue, as the person may see it. */
export async function getProposal({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; number: number };
}): Promise<ProposalDetail> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const { proposal, organisationId } = await findReadableProposal(ctx.db, tenant, input.number);
  const [row] = await loadProposalRows(ctx.db, eq(proposals.id, proposal.id), tenant);
  if (!row) throw new Error("proposal row vanished");
  const details = await loadProposalDetails(ctx.db, proposal.id);
  const [decidedBy] = proposal.decidedByUserId
    ? await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, proposal.decidedByUserId))
    : [];
  const actions = allowedActions(tenant.subject, "proposal", proposalObject(proposal, organisationId));
  const thread = await loadCommentThread(ctx.db, tenant, {
    type: "proposal",
    id: proposal.id,
    published: proposal.publishedAt !== null,
  });
  return {
    ...row.summary,
    version: proposal.version,
    description: proposal.description,
    expectedEffect: proposal.expectedEffect,
    ...details,
    decision: proposal.decidedAt
      ? {
          reason: proposal.decisionReason,
          decidedAt: proposal.decidedAt.toISOString(),
          decidedBy: decidedBy?.name ?? null,
        }
      : null,
    thread,
    allowedActions: actions,
    choices: actions.includes("decide") ? await decisionChoices(ctx, proposal.cycleId) : null,
  };
}

async function decisionChoices(ctx: ServiceContext, cycleId: string) {
  const [cycle] = await ctx.db.select().from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) return { focusAreas: [], measures: [] };
  const areas = await ctx.db
    .select({ id: focusAreas.id, title: focusAreas.title })
    .from(focusAreas)
    .where(eq(focusAreas.planId, cycle.planId))
    .orderBy(focusAreas.position);
  // The measures of the plan's newest action plan version, to merge a proposal into.
  const [newest] = await ctx.db
    .select({ id: actionPlanVersions.id })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(eq(cycles.planId, cycle.planId))
    .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision))
    .limit(1);
  const measureRows = newest
    ? await ctx.db
        .select({ id: measures.id, reference: measures.reference, title: measureVersions.title })
        .from(measureVersions)
        .innerJoin(measures, eq(measures.id, measureVersions.measureId))
        .where(and(eq(measureVersions.actionPlanVersionId, newest.id)))
        .orderBy(measures.reference)
    : [];
  return { focusAreas: areas, measures: measureRows };
}
