import { and, eq, inArray, max, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  cycles,
  focusAreas,
  goals,
  partnerOrganisations,
  proposalCosts,
  proposalGoals,
  proposalOrganisations,
  proposals,
} from "../../db/schema/index.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { proposalsOpen } from "../../domain/proposals.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import { membersWithRoles, type NewNotification, notify } from "../comments/notifications.ts";
import type { ServiceContext } from "../context.ts";
import { organisationOfMember } from "./proposal-access.ts";

export type ProposalInput = {
  cycleId: string;
  title: string;
  description: string;
  expectedEffect: string;
  focusAreaId: string | null;
  goalIds: string[];
  /** Other organisations that would take part. */
  organisationIds: string[];
  costs: { year: number; amountNok: number; funder: string }[];
  /** Only when a planner registers a proposal on an organisation's behalf. */
  onBehalfOfOrganisationId?: string | null;
};

type Problem = { path: string; message: string };

/**
 * A partner sends a proposal (innspill) to a cycle that is open for proposals. The planners are
 * told. A planner may register one received by letter or e-mail, naming the organisation.
 */
export async function submitProposal({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string } & ProposalInput;
}): Promise<{ number: number; notices: { userIds: string[]; notification: NewNotification }[] }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "create", "proposal", {}, "municipality");
  return ctx.db.transaction(async (tx) => {
    const [cycle] = await tx
      .select()
      .from(cycles)
      .where(and(eq(cycles.id, input.cycleId), eq(cycles.municipalityId, tenant.id)));
    if (!cycle) throw notFound("cycle");
    if (!proposalsOpen(cycle.phase)) {
      throw new AppError("conflict", "proposal.notAcceptingNow", { year: cycle.budgetYear });
    }
    const memberOrganisation = await organisationOfMember(tx, tenant);
    const organisationId =
      tenant.subject.role === "partner" ? memberOrganisation : (input.onBehalfOfOrganisationId ?? null);
    if (tenant.subject.role === "partner" && !organisationId) {
      throw new AppError("validation", "proposal.accountWithoutPartner");
    }
    await checkReferences(tx, tenant.id, cycle, input, organisationId);

    // One proposal number at a time per municipality.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('proposal-number'), hashtext(${tenant.id}))`);
    const [last] = await tx
      .select({ number: max(proposals.number) })
      .from(proposals)
      .where(eq(proposals.municipalityId, tenant.id));
    const number = (last?.number ?? 0) + 1;
    const actor = ctx.actor;
    if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInToPropose");
    const [row] = await tx
      .insert(proposals)
      .values({
        municipalityId: tenant.id,
        cycleId: cycle.id,
        number,
        title: input.title.trim(),
        description: input.description.trim(),
        expectedEffect: input.expectedEffect.trim(),
        focusAreaId: input.focusAreaId,
        organisationId,
        submittedByUserId: actor.userId,
      })
      .returning();
    if (!row) throw new Error("proposal not inserted");
    const goalIds = [...new Set(input.goalIds)];
    if (goalIds.length > 0)
      await tx.insert(proposalGoals).values(goalIds.map((goalId) => ({ proposalId: row.id, goalId })));
    const others = [...new Set(input.organisationIds)].filter((id) => id !== organisationId);
    if (others.length > 0) {
      await tx
        .insert(proposalOrganisations)
        .values(others.map((id) => ({ proposalId: row.id, organisationId: id })));
    }
    if (input.costs.length > 0) {
      await tx.insert(proposalCosts).values(
        input.costs.map((c) => ({
          proposalId: row.id,
          year: c.year,
          amountNok: c.amountNok,
          funder: c.funder.trim(),
        })),
      );
    }
    await recordAudit(
      tx,
      actor,
      {
        municipalityId: tenant.id,
        objectType: "proposal",
        objectId: row.id,
        objectLabel: `Innspill ${number}: ${row.title}`,
        action: "submit",
        changes: {
          title: { before: null, after: row.title },
          cycle: { before: null, after: cycle.budgetYear },
          costs: { before: null, after: input.costs },
        },
      },
      ctx.requestId,
    );
    const planners = await membersWithRoles(tx, tenant.id, ["planner"]);
    const notification = {
      kind: "proposal_submitted",
      title: `Nytt innspill: ${row.title}`,
      link: `/innspill/${number}`,
    };
    await notify(tx, tenant.id, planners, notification, actor.userId);
    return { number, notices: [{ userIds: planners.filter((id) => id !== actor.userId), notification }] };
  });
}

async function checkReferences(
  tx: DbOrTx,
  municipalityId: string,
  cycle: typeof cycles.$inferSelect,
  input: ProposalInput,
  organisationId: string | null,
) {
  const problems: Problem[] = [];
  if (input.focusAreaId) {
    const [area] = await tx
      .select({ id: focusAreas.id })
      .from(focusAreas)
      .where(and(eq(focusAreas.id, input.focusAreaId), eq(focusAreas.planId, cycle.planId)));
    if (!area) problems.push({ path: "/focusAreaId", message: "Velg et satsingsområde i planen." });
  }
  const goalIds = [...new Set(input.goalIds)];
  if (goalIds.length > 0) {
    const found = await tx
      .select({ id: goals.id })
      .from(goals)
      .where(and(inArray(goals.id, goalIds), eq(goals.planId, cycle.planId)));
    if (found.length !== goalIds.length) problems.push({ path: "/goalIds", message: "Velg mål fra planen." });
  }
  const organisationIds = [
    ...new Set([...input.organisationIds, ...(organisationId ? [organisationId] : [])]),
  ];
  if (organisationIds.length > 0) {
    const found = await tx
      .select({ id: partnerOrganisations.id })
      .from(partnerOrganisations)
      .where(
        and(
          inArray(partnerOrganisations.id, organisationIds),
          eq(partnerOrganisations.municipalityId, municipalityId),
        ),
      );
    if (found.length !== organisationIds.length)
      problems.push({
        path: "/organisationIds",
        message: "Velg samarbeidspartnere som er registrert i kommunen.",
      });
  }
  const { years, startYear, endYear } = financialPlanPeriod(cycle.budgetYear);
  input.costs.forEach((cost, i) => {
    if (!years.includes(cost.year))
      problems.push({
        path: `/costs/${i}/year`,
        message: `Året må være i perioden ${startYear}–${endYear}.`,
      });
  });
  if (new Set(input.costs.map((c) => c.year)).size !== input.costs.length)
    problems.push({ path: "/costs", message: "Hvert år kan bare stå én gang." });
  if (problems.length > 0)
    throw new AppError(
      "validation",
      "common.untranslated",
      { text: problems.map((p) => p.message).join(" ") },
      problems,
    );
}
