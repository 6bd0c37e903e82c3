import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  goals,
  measures,
  measureVersions,
  partnerOrganisations,
  proposalCosts,
  proposalGoals,
  proposalOrganisations,
  proposals,
  users,
} from "../../db/schema/index.ts";
import { sumNok } from "../../domain/money.ts";
import { type Action, allowedActions, can } from "../../domain/permissions.ts";
import { type ProposalStatus, proposalsOpen } from "../../domain/proposals.ts";
import { resolveTenant, type Tenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { organisationOfMember, proposalObject, viewerOf } from "./proposal-access.ts";

export type ProposalSummary = {
  id: string;
  number: number;
  title: string;
  status: ProposalStatus;
  budgetYear: number;
  organisation: { id: string; name: string; kind: string } | null;
  focusArea: { id: string; title: string } | null;
  submittedBy: string;
  submittedAt: string;
  totalCostNok: number;
  /**
   * The measure it became or joined; `readable` says whether this person may open it (a draft
   * measure is internal until its action plan is adopted), so the reference is only linked then.
   */
  measure: { reference: string; readable: boolean } | null;
  deferredToYear: number | null;
  published: boolean;
};

export type ProposalsOverview = {
  proposals: ProposalSummary[];
  /** Cycles that take proposals now, for the «Nytt innspill» form. */
  openCycles: { id: string; budgetYear: number; planId: string }[];
  /** Adopted cycles with decided proposals not yet published (for planners). */
  publishableCycles: { id: string; budgetYear: number; count: number }[];
  /** The organisation the person speaks for, when a partner. */
  ownOrganisation: { id: string; name: string } | null;
  allowedActions: Action[];
};

/**
 * The proposals a person may read: the municipality reads them all (the planner's queue), a
 * partner their own organisation's and the published ones, the public the published ones.
 */
export async function listProposals({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; status?: ProposalStatus; organisationId?: string };
}): Promise<ProposalsOverview> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const viewer = viewerOf(tenant);
  const organisationId = await organisationOfMember(ctx.db, tenant);
  const visible: SQL | undefined =
    viewer === "internal"
      ? undefined
      : viewer === "partner" && organisationId
        ? or(isNotNull(proposals.publishedAt), eq(proposals.organisationId, organisationId))
        : isNotNull(proposals.publishedAt);
  const rows = await loadProposalRows(
    ctx.db,
    and(
      eq(proposals.municipalityId, tenant.id),
      visible,
      input.status ? eq(proposals.status, input.status) : undefined,
      input.organisationId ? eq(proposals.organisationId, input.organisationId) : undefined,
    ),
    tenant,
  );
  const openCycles = can(tenant.subject, "create", "proposal")
    ? (
        await ctx.db
          .select()
          .from(cycles)
          .where(eq(cycles.municipalityId, tenant.id))
          .orderBy(desc(cycles.budgetYear))
      )
        .filter((c) => proposalsOpen(c.phase))
        .map((c) => ({ id: c.id, budgetYear: c.budgetYear, planId: c.planId }))
    : [];
  const [own] = organisationId
    ? await ctx.db
        .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
        .from(partnerOrganisations)
        .where(eq(partnerOrganisations.id, organisationId))
    : [];
  const publishableCycles = can(tenant.subject, "publish", "proposal")
    ? await ctx.db
        .select({ id: cycles.id, budgetYear: cycles.budgetYear, count: sql<number>`count(*)::int` })
        .from(proposals)
        .innerJoin(cycles, eq(cycles.id, proposals.cycleId))
        .where(
          and(
            eq(proposals.municipalityId, tenant.id),
            isNull(proposals.publishedAt),
            ne(proposals.status, "submitted"),
            sql`exists (select 1 from ${actionPlanVersions} where ${actionPlanVersions.cycleId} = ${cycles.id} and ${actionPlanVersions.status} = 'adopted')`,
          ),
        )
        .groupBy(cycles.id, cycles.budgetYear)
        .orderBy(desc(cycles.budgetYear))
    : [];
  return {
    proposals: rows
      .filter((r) => can(tenant.subject, "read", "proposal", proposalObject(r.row, organisationId)))
      .map((r) => r.summary),
    openCycles,
    publishableCycles,
    ownOrganisation: own ?? null,
    allowedActions: allowedActions(tenant.subject, "proposal", {}),
  };
}

/**
 * Proposal rows with what a list shows about each, as `tenant`'s person sees them; newest first.
 * A proposal's measure is readable to those who see drafts, and to the others once it is in an
 * adopted action plan (the same rule as findVisibleMeasure in get-measure.ts).
 */
export async function loadProposalRows(db: DbOrTx, where: SQL | undefined, tenant: Tenant) {
  const seesDrafts = can(tenant.subject, "read_drafts", "measure");
  const rows = await db
    .select({
      proposal: proposals,
      budgetYear: cycles.budgetYear,
      organisation: {
        id: partnerOrganisations.id,
        name: partnerOrganisations.name,
        kind: partnerOrganisations.kind,
      },
      focusArea: { id: focusAreas.id, title: focusAreas.title },
      submittedBy: users.name,
      reference: measures.reference,
      measureAdopted: sql<boolean>`exists (select 1 from ${measureVersions} inner join ${actionPlanVersions} on ${actionPlanVersions.id} = ${measureVersions.actionPlanVersionId} where ${measureVersions.measureId} = ${proposals.measureId} and ${actionPlanVersions.status} = 'adopted')`,
    })
    .from(proposals)
    .innerJoin(cycles, eq(cycles.id, proposals.cycleId))
    .innerJoin(users, eq(users.id, proposals.submittedByUserId))
    .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, proposals.organisationId))
    .leftJoin(focusAreas, eq(focusAreas.id, proposals.focusAreaId))
    .leftJoin(measures, eq(measures.id, proposals.measureId))
    .where(where)
    .orderBy(desc(proposals.number));
  const ids = rows.map((r) => r.proposal.id);
  const costs = ids.length
    ? await db.select().from(proposalCosts).where(inArray(proposalCosts.proposalId, ids))
    : [];
  return rows.map((r) => ({
    row: r.proposal,
    summary: {
      id: r.proposal.id,
      number: r.proposal.number,
      title: r.proposal.title,
      status: r.proposal.status,
      budgetYear: r.budgetYear,
      organisation: r.organisation?.id ? r.organisation : null,
      focusArea: r.focusArea?.id ? r.focusArea : null,
      submittedBy: r.submittedBy,
      submittedAt: r.proposal.createdAt.toISOString(),
      totalCostNok: sumNok(costs.filter((c) => c.proposalId === r.proposal.id).map((c) => c.amountNok)),
      measure: r.reference ? { reference: r.reference, readable: seesDrafts || r.measureAdopted } : null,
      deferredToYear: r.proposal.deferredToYear,
      published: r.proposal.publishedAt !== null,
    } satisfies ProposalSummary,
  }));
}

/** Goals, participating organisations and costs of one proposal. */
export async function loadProposalDetails(db: DbOrTx, proposalId: string) {
  const [goalRows, organisationRows, costs] = [
    await db
      .select({ id: goals.id, title: goals.title })
      .from(proposalGoals)
      .innerJoin(goals, eq(goals.id, proposalGoals.goalId))
      .where(eq(proposalGoals.proposalId, proposalId))
      .orderBy(asc(goals.position)),
    await db
      .select({
        id: partnerOrganisations.id,
        name: partnerOrganisations.name,
        kind: partnerOrganisations.kind,
      })
      .from(proposalOrganisations)
      .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, proposalOrganisations.organisationId))
      .where(eq(proposalOrganisations.proposalId, proposalId))
      .orderBy(asc(partnerOrganisations.name)),
    await db
      .select({ year: proposalCosts.year, amountNok: proposalCosts.amountNok, funder: proposalCosts.funder })
      .from(proposalCosts)
      .where(eq(proposalCosts.proposalId, proposalId))
      .orderBy(asc(proposalCosts.year)),
  ];
  return { goals: goalRows, organisations: organisationRows, costs };
}

/**
 * The proposals a measure came from or took in (the other direction of proposals.measureId), as
 * far as the person may read them: all for the municipality, published ones for everyone else.
 */
export async function proposalsOfMeasure(db: DbOrTx, tenant: Tenant, measureId: string) {
  const internal = viewerOf(tenant) === "internal";
  const rows = await db
    .select({
      number: proposals.number,
      title: proposals.title,
      status: proposals.status,
      organisation: partnerOrganisations.name,
    })
    .from(proposals)
    .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, proposals.organisationId))
    .where(
      and(
        eq(proposals.municipalityId, tenant.id),
        eq(proposals.measureId, measureId),
        internal ? undefined : isNotNull(proposals.publishedAt),
      ),
    )
    .orderBy(asc(proposals.number));
  return rows.map((r) => ({ ...r, organisation: r.organisation ?? null }));
}
