import { and, eq } from "drizzle-orm";
import { type DbOrTx, sqlExecutorOf } from "../../db/client.ts";
import {
  cycles,
  evaluationPanelists,
  evaluationRoundMeasures,
  evaluationRounds,
} from "../../db/schema/index.ts";
import { criteriaProblems, criterionKey, type EvaluationCriterion } from "../../domain/evaluation.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { cycleMeasures, membersWithSector, todayInNorway } from "./evaluation-data.ts";

export type RoundSetup = {
  title: string;
  /** Existing criteria keep their key; new ones (without a key) get one from their title. */
  criteria: { key?: string | null; title: string }[];
  deadline: string;
  /** Measure references, from the cycle's action plan. */
  measures: string[];
  panelistUserIds: string[];
};

/** Checks a round's setup against the cycle and the municipality; refuses with every problem named. */
export async function checkRoundSetup(db: DbOrTx, tenant: Tenant, cycleId: string, setup: RoundSetup) {
  const problems: string[] = [];
  const criteria: EvaluationCriterion[] = [];
  for (const c of setup.criteria) {
    const title = c.title.trim();
    const key =
      c.key ??
      criterionKey(
        title,
        criteria.map((x) => x.key),
      );
    criteria.push({ key, title });
  }
  problems.push(...criteriaProblems(criteria));
  if (setup.deadline < todayInNorway()) problems.push("Fristen kan ikke være passert.");
  const available = await cycleMeasures(db, tenant.id, cycleId);
  const byReference = new Map(available.map((m) => [m.reference, m]));
  const unknown = setup.measures.filter((r) => !byReference.has(r));
  if (unknown.length)
    problems.push(`Tiltakene ${unknown.join(", ")} er ikke i handlingsplanen for rulleringen.`);
  if (setup.measures.length === 0) problems.push("Velg minst ett tiltak.");
  const panel = await membersWithSector(db, tenant.id, [...new Set(setup.panelistUserIds)]);
  if (panel.length !== new Set(setup.panelistUserIds).size)
    problems.push("Panelet kan bare ha personer med tilgang til kommunen.");
  if (setup.panelistUserIds.length === 0) problems.push("Velg minst én person til panelet.");
  if (problems.length)
    throw new AppError(
      "validation",
      "common.untranslated",
      { text: problems.join(" ") },
      problems.map((message) => ({ path: "/", message })),
    );
  const measureIds = [...new Set(setup.measures)].flatMap((r) => byReference.get(r)?.measureId ?? []);
  return { criteria, measureIds, panel };
}

/**
 * Tells new panelists about the round by e-mail (when SMTP is configured); never fails the write.
 * Given the round's transaction and a mailer with a queue, the e-mails go into the outbox with it;
 * callers call it inside the transaction when `mailer.queue` is set, and after the commit otherwise.
 */
export async function tellPanelists(
  mailer: Mailer | undefined,
  panel: { email: string; name: string }[],
  round: { title: string; deadline: string },
  requestId?: string,
  tx?: DbOrTx,
) {
  if (!mailer) return;
  const messages = panel.map((p) => ({
    to: p.email,
    subject: `Du er med i evalueringsrunden «${round.title}»`,
    text:
      `Hei ${p.name},\n\nDu er invitert til å vurdere tiltak i evalueringsrunden «${round.title}» i Planverk. ` +
      `Fristen er ${round.deadline}.\n\nLogg inn i Planverk og velg «Evaluering» i menyen.\n`,
  }));
  const queue = mailer.queue;
  if (queue && tx) {
    for (const message of messages) await queue(sqlExecutorOf(tx), message, { requestId });
    return;
  }
  await Promise.all(messages.map((message) => mailer.send(message, { requestId })));
}

/** A planner opens an evaluation round for a cycle. */
export async function createEvaluationRound({
  ctx,
  input,
  mailer,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string } & RoundSetup;
  mailer?: Mailer;
}): Promise<{ id: string }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "create", "evaluation", {}, "cycle");
  const { id, panel } = await ctx.db.transaction(async (tx) => {
    const [cycle] = await tx
      .select()
      .from(cycles)
      .where(and(eq(cycles.id, input.cycleId), eq(cycles.municipalityId, tenant.id)));
    if (!cycle) throw notFound("cycle");
    const { criteria, measureIds, panel } = await checkRoundSetup(tx, tenant, cycle.id, input);
    const [round] = await tx
      .insert(evaluationRounds)
      .values({
        municipalityId: tenant.id,
        cycleId: cycle.id,
        title: input.title.trim(),
        criteria,
        deadline: input.deadline,
        createdByUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      })
      .returning();
    if (!round) throw new Error("round not inserted");
    await tx
      .insert(evaluationRoundMeasures)
      .values(measureIds.map((measureId) => ({ municipalityId: tenant.id, roundId: round.id, measureId })));
    await tx
      .insert(evaluationPanelists)
      .values(panel.map((p) => ({ municipalityId: tenant.id, roundId: round.id, userId: p.userId })));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "evaluation_round",
        objectId: round.id,
        objectLabel: round.title,
        action: "create",
        changes: {
          title: { before: null, after: round.title },
          deadline: { before: null, after: round.deadline },
          criteria: { before: null, after: criteria.map((c) => c.title) },
          measures: { before: null, after: input.measures },
          panel: { before: null, after: panel.map((p) => p.name) },
        },
      },
      ctx.requestId,
    );
    if (mailer?.queue) await tellPanelists(mailer, panel, input, ctx.requestId, tx);
    return { id: round.id, panel };
  });
  if (!mailer?.queue) await tellPanelists(mailer, panel, input, ctx.requestId);
  return { id };
}
