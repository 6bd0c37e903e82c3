import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  actionPlanVersions,
  comments,
  cycles,
  measures,
  measureVersions,
  notifications,
  partnerOrganisations,
  proposalCosts,
  proposals,
} from "../db/schema/index.ts";
import type { Role } from "../domain/permissions.ts";
import { type DemoProposal, demoProposals, demoProposalThread as thread } from "./data/proposals.ts";

/**
 * Writes the example proposals (src/demo/data/proposals.ts) with their costs, the dialogue on one of
 * them and the notifications it gave. The demo partner speaks for Næringsforeningen (insert-plan.ts).
 */
export async function insertDemoProposals(
  tx: DbOrTx,
  municipalityId: string,
  userByRole: Map<Role, string>,
): Promise<void> {
  const partnerUserId = userByRole.get("partner");
  const plannerUserId = userByRole.get("planner");
  if (!partnerUserId || !plannerUserId) throw new Error("demo proposals: partner or planner missing");
  const organisationRows = await tx
    .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
    .from(partnerOrganisations)
    .where(eq(partnerOrganisations.municipalityId, municipalityId));
  const organisation = (prefix: string) => {
    const row = organisationRows.find((o) => o.name.startsWith(prefix));
    if (!row) throw new Error(`demo proposals: no organisation ${prefix}`);
    return row.id;
  };
  const cycleRows = await tx.select().from(cycles).where(eq(cycles.municipalityId, municipalityId));
  const cycleOf = (year: number) => {
    const row = cycleRows.find((c) => c.budgetYear === year);
    if (!row) throw new Error(`demo proposals: no cycle ${year}`);
    return row;
  };
  // The first measures of each year's action plan, to merge accepted proposals into.
  const measuresOf = async (year: number) =>
    tx
      .select({ id: measures.id, focusAreaId: measureVersions.focusAreaId })
      .from(measureVersions)
      .innerJoin(measures, eq(measures.id, measureVersions.measureId))
      .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
      .where(inArray(actionPlanVersions.cycleId, [cycleOf(year).id]))
      .orderBy(asc(measures.reference));
  const measures2027 = await measuresOf(2027);
  const mergedInto = async (s: DemoProposal) =>
    s.mergedInto === null ? null : ((await measuresOf(s.year))[s.mergedInto]?.id ?? null);
  const specs = await Promise.all(
    demoProposals.map(async (s) => ({
      ...s,
      organisationId: organisation(s.organisation),
      submittedBy: s.submittedBy === "partner" ? partnerUserId : plannerUserId,
      measureId: await mergedInto(s),
    })),
  );
  const decided = (year: number) => new Date(`${year - 1}-04-20T10:00:00Z`);

  const focusArea = measures2027[0]?.focusAreaId ?? null;
  const rows = await tx
    .insert(proposals)
    .values(
      specs.map((s, i) => ({
        municipalityId,
        cycleId: cycleOf(s.year).id,
        number: i + 1,
        title: s.title,
        description: s.description,
        expectedEffect: s.effect,
        focusAreaId: focusArea,
        organisationId: s.organisationId,
        submittedByUserId: s.submittedBy,
        status: s.status,
        decisionReason: s.reason,
        decidedAt: s.status === "submitted" ? null : decided(s.year),
        decidedByUserId: s.status === "submitted" ? null : plannerUserId,
        measureId: s.measureId,
        deferredToYear: s.status === "deferred" ? s.year + 1 : null,
        publishedAt: s.published ? new Date(`${s.year}-01-10T10:00:00Z`) : null,
        createdAt: new Date(`${s.year - 1}-02-15T10:00:00Z`),
      })),
    )
    .returning({ id: proposals.id, number: proposals.number });
  const idOf = (number: number) => {
    const row = rows.find((r) => r.number === number);
    if (!row) throw new Error(`demo proposals: no proposal ${number}`);
    return row.id;
  };
  const costRows = specs.flatMap((s, i) => s.costs.map((c) => ({ proposalId: idOf(i + 1), ...c })));
  if (costRows.length) await tx.insert(proposalCosts).values(costRows);

  const [question] = await tx
    .insert(comments)
    .values({
      municipalityId,
      targetType: "proposal",
      targetId: idOf(thread.proposal),
      authorUserId: plannerUserId,
      visibility: "partners",
      body: thread.question.body,
      createdAt: new Date(thread.question.createdAt),
    })
    .returning({ id: comments.id });
  await tx.insert(comments).values([
    {
      municipalityId,
      targetType: "proposal",
      targetId: idOf(thread.proposal),
      parentId: question?.id ?? null,
      authorUserId: partnerUserId,
      visibility: "partners",
      body: thread.answer.body,
      createdAt: new Date(thread.answer.createdAt),
    },
    {
      municipalityId,
      targetType: "proposal",
      targetId: idOf(thread.proposal),
      authorUserId: plannerUserId,
      visibility: "internal",
      body: thread.internalNote.body,
      createdAt: new Date(thread.internalNote.createdAt),
    },
  ]);
  await tx.insert(notifications).values([
    {
      municipalityId,
      userId: partnerUserId,
      kind: "proposal_decided",
      title: `Innspillet ditt er tatt inn: ${specs[2]?.title}`,
      link: "/innspill/3",
      createdAt: decided(2027),
    },
    {
      municipalityId,
      userId: plannerUserId,
      kind: "proposal_comment",
      title: `Ny kommentar fra partner: Innspill 4: ${specs[3]?.title}`,
      link: "/innspill/4",
      createdAt: new Date(thread.answer.createdAt),
    },
  ]);
}
