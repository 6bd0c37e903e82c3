import { and, eq } from "drizzle-orm";
import { cycles, measures, proposals } from "../../db/schema/index.ts";
import {
  decisionProblems,
  type ProposalDecision,
  proposalAsMeasureDescription,
  statusAfter,
} from "../../domain/proposals.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { Notice } from "../comments/internal.ts";
import { membersOfOrganisation, notify } from "../comments/notifications.ts";
import type { ServiceContext } from "../context.ts";
import { insertMeasure } from "../measures/create-measure.ts";
import { loadProposalDetails } from "./list-proposals.ts";
import { findReadableProposal, proposalObject } from "./proposal-access.ts";

const outcomeWords = { accepted: "tatt inn", rejected: "avslått", deferred: "utsatt" } as const;

/**
 * The planner decides on a proposal: accepted as a new measure in the draft action plan (with the
 * proposal's text, goals and organisations), accepted by merging it into an existing measure,
 * rejected with a reason, or deferred to a later year. The proposer's organisation is told.
 */
export async function decideProposal({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; number: number; version: number; decision: ProposalDecision };
}): Promise<{ status: string; measureReference: string | null; notices: Notice[] }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const { proposal, organisationId } = await findReadableProposal(tx, tenant, input.number, true);
    authorize(ctx, tenant, "decide", "proposal", proposalObject(proposal, organisationId), "proposal");
    if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInRequired");
    if (proposal.version !== input.version) {
      throw new AppError("conflict", "proposal.changedByOther");
    }
    if (proposal.status === "accepted" || proposal.status === "rejected") {
      throw new AppError("conflict", "proposal.alreadyDecided", {
        outcome: { key: `proposal.outcome.${proposal.status}` },
      });
    }
    const [cycle] = await tx.select().from(cycles).where(eq(cycles.id, proposal.cycleId));
    if (!cycle) throw notFound("cycle");
    const { decision } = input;
    const problems = decisionProblems(decision, cycle.budgetYear);
    if (problems.length > 0)
      throw new AppError(
        "validation",
        "common.untranslated",
        { text: problems.map((p) => p.message).join(" ") },
        problems,
      );

    let measure: { id: string; reference: string } | null = null;
    if (decision.outcome === "accept_new") {
      const details = await loadProposalDetails(tx, proposal.id);
      const endYear = Math.max(cycle.budgetYear, ...details.costs.map((c) => c.year));
      const partners = [
        ...(proposal.organisationId
          ? [{ organisationId: proposal.organisationId, role: "lead" as const }]
          : []),
        ...details.organisations.map((o) => ({ organisationId: o.id, role: "contributor" as const })),
      ];
      const created = await insertMeasure(tx, ctx, tenant, cycle.planId, {
        title: proposal.title,
        description: proposalAsMeasureDescription(proposal.description, proposal.expectedEffect),
        focusAreaId: decision.focusAreaId,
        goalIds: details.goals.map((g) => g.id),
        objectiveIds: [],
        responsibleUnit: "",
        contactPerson: "",
        ownerUserId: null,
        partners,
        startYear: cycle.budgetYear,
        endYear,
        tags: ["innspill"],
        links: [],
      });
      measure = { id: created.measureId, reference: created.reference };
    } else if (decision.outcome === "accept_merge") {
      const [found] = await tx
        .select({ id: measures.id, reference: measures.reference })
        .from(measures)
        .where(and(eq(measures.id, decision.measureId), eq(measures.municipalityId, tenant.id)));
      if (!found) {
        const message = "Velg et tiltak i kommunens handlingsplan.";
        throw new AppError("validation", "proposal.chooseMeasure", {}, [{ path: "/measureId", message }]);
      }
      measure = found;
    }

    const status = statusAfter(decision);
    const reason = decision.reason?.trim() || null;
    await tx
      .update(proposals)
      .set({
        status,
        decisionReason: reason,
        decidedAt: new Date(),
        decidedByUserId: actor.userId,
        measureId: measure?.id ?? null,
        deferredToYear: decision.outcome === "defer" ? decision.toYear : null,
        version: proposal.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(proposals.id, proposal.id));
    await recordAudit(
      tx,
      actor,
      {
        municipalityId: tenant.id,
        objectType: "proposal",
        objectId: proposal.id,
        objectLabel: `Innspill ${proposal.number}: ${proposal.title}`,
        action: "decide",
        changes: {
          status: { before: proposal.status, after: status },
          decisionReason: { before: proposal.decisionReason, after: reason },
          measure: { before: null, after: measure?.reference ?? null },
          ...(decision.outcome === "defer"
            ? { deferredToYear: { before: null, after: decision.toYear } }
            : {}),
        },
      },
      ctx.requestId,
    );

    const recipients = [
      proposal.submittedByUserId,
      ...(proposal.organisationId ? await membersOfOrganisation(tx, proposal.organisationId) : []),
    ].filter((id) => id !== actor.userId);
    const notification = {
      kind: "proposal_decided",
      title: `Innspillet ditt er ${outcomeWords[status]}: ${proposal.title}`,
      link: `/innspill/${proposal.number}`,
    };
    await notify(tx, tenant.id, recipients, notification);
    return {
      status,
      measureReference: measure?.reference ?? null,
      notices: recipients.length ? [{ userIds: [...new Set(recipients)], notification }] : [],
    };
  });
}
