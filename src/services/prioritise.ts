import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { type DbOrTx, queryAll } from "../db/client.ts";
import {
  actionPlanVersions,
  budgetFrames,
  cycles,
  frameAreas,
  fundingSources,
  measureCosts,
  measures,
  measureVersions,
} from "../db/schema/index.ts";
import { diffFields } from "../domain/audit.ts";
import { splitMeasureCosts } from "../domain/cost-split.ts";
import { financialPlanPeriod } from "../domain/cycle.ts";
import { evaluationValue } from "../domain/evaluation.ts";
import { can } from "../domain/permissions.ts";
import {
  applyOverrides,
  type EffectiveFrame,
  type FrameOverride,
  framesThatCount,
  measureValue,
  type PrioritisationInput,
  type PrioritisationResult,
  preparePrioritisation,
  readSolution,
} from "../domain/prioritisation.ts";
import { AppError, notFound } from "../errors.ts";
import { authorize, resolveTenant, type Tenant } from "./access.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";
import { lockDraftMeasure } from "./draft-measure.ts";
import { latestEvaluations } from "./evaluation-feeds.ts";
import { computeFrameCheck, type FrameCheckView } from "./frame-check.ts";
import { joinedParties, loadParticipations } from "./shared-measures.ts";
import { solveInWorker } from "./solver-thread.ts";

async function solve(input: PrioritisationInput): Promise<PrioritisationResult> {
  const prepared = preparePrioritisation(input);
  if ("result" in prepared) return prepared.result;
  return readSolution(input, prepared.model, await solveInWorker(prepared.model));
}

/** The cycle, scoped to the municipality, and its newest action plan version. */
async function cycleAndNewestVersion(db: DbOrTx, tenant: Tenant, cycleId: string) {
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.id, cycleId), eq(cycles.municipalityId, tenant.id)));
  if (!cycle) throw notFound("cycle");
  const [version] = await db
    .select()
    .from(actionPlanVersions)
    .where(eq(actionPlanVersions.cycleId, cycle.id))
    .orderBy(desc(actionPlanVersions.revision))
    .limit(1);
  if (!version) throw new AppError("validation", "cycle.noActionPlan", { year: cycle.budgetYear });
  return { cycle, version };
}

function requireDraft(cycle: { budgetYear: number }, version: { status: string }) {
  if (version.status !== "draft")
    throw new AppError("conflict", "actionPlan.adoptedCannotReprioritise", { year: cycle.budgetYear });
}

export type PrioritisationMeasureView = {
  reference: string;
  title: string;
  priority: number | null;
  mandatory: boolean;
  value: number;
  /** Mean over the criteria in the latest closed evaluation round with the measure; null without. */
  evaluationScore: number | null;
  version: number;
  costs: { frameAreaId: string; year: number; amountNok: number }[];
};

/** What prioritisation works on: an action plan version's measures with municipal costs, and the frames. */
async function loadPrioritisationData(db: DbOrTx, tenant: Tenant, cycleId: string) {
  const { cycle, version } = await cycleAndNewestVersion(db, tenant, cycleId);
  const [areas, frames, versions, costs] = await queryAll(db, [
    () =>
      db
        .select({ id: frameAreas.id, name: frameAreas.name })
        .from(frameAreas)
        .where(eq(frameAreas.municipalityId, tenant.id))
        .orderBy(asc(frameAreas.name)),
    () =>
      db
        .select({
          id: budgetFrames.id,
          frameAreaId: budgetFrames.frameAreaId,
          year: budgetFrames.year,
          amountNok: budgetFrames.amountNok,
          status: budgetFrames.status,
          decisionDate: budgetFrames.decisionDate,
          caseReference: budgetFrames.caseReference,
          version: budgetFrames.version,
        })
        .from(budgetFrames)
        .where(and(eq(budgetFrames.cycleId, cycle.id), eq(budgetFrames.municipalityId, tenant.id))),
    () =>
      db
        .select({
          id: measureVersions.id,
          measureId: measures.id,
          reference: measures.reference,
          title: measureVersions.title,
          priority: measureVersions.priority,
          mandatory: measureVersions.mandatory,
          version: measureVersions.version,
        })
        .from(measureVersions)
        .innerJoin(measures, eq(measures.id, measureVersions.measureId))
        .where(
          and(
            eq(measureVersions.actionPlanVersionId, version.id),
            eq(measureVersions.municipalityId, tenant.id),
          ),
        ),
    () =>
      // Municipal money only: external funding never counts against a frame.
      db
        .select({
          measureVersionId: measureCosts.measureVersionId,
          frameAreaId: fundingSources.frameAreaId,
          year: measureCosts.year,
          amountNok: measureCosts.amountNok,
        })
        .from(measureCosts)
        .innerJoin(fundingSources, eq(fundingSources.id, measureCosts.fundingSourceId))
        .innerJoin(measureVersions, eq(measureVersions.id, measureCosts.measureVersionId))
        .where(
          and(
            eq(measureVersions.actionPlanVersionId, version.id),
            eq(fundingSources.kind, "municipal"),
            isNotNull(fundingSources.frameAreaId),
          ),
        ),
  ]);
  const costsOf = new Map<string, PrioritisationMeasureView["costs"]>();
  for (const c of costs) {
    if (!c.frameAreaId || c.amountNok === 0) continue;
    const list = costsOf.get(c.measureVersionId) ?? [];
    list.push({ frameAreaId: c.frameAreaId, year: c.year, amountNok: c.amountNok });
    costsOf.set(c.measureVersionId, list);
  }
  const evaluations = await latestEvaluations(
    db,
    tenant.id,
    versions.map((v) => v.measureId),
  );
  // Shared measures (issue 12): the owner prioritises with its own share, as its frame check counts.
  const participations = await loadParticipations(
    db,
    versions.map((v) => v.measureId),
  );
  for (const v of versions) {
    const parties = joinedParties(participations.filter((p) => p.measureId === v.measureId));
    const lines = costsOf.get(v.id);
    if (parties.length === 0 || !lines) continue;
    costsOf.set(
      v.id,
      splitMeasureCosts({ ownerMunicipalityId: tenant.id, participants: parties, lines })
        .filter((s) => s.municipalityId === tenant.id && s.amountNok !== 0)
        .map((s) => ({ frameAreaId: s.frameAreaId ?? "", year: s.year, amountNok: s.amountNok })),
    );
  }
  const measureViews: PrioritisationMeasureView[] = versions
    .map((v) => ({
      reference: v.reference,
      title: v.title,
      priority: v.priority,
      mandatory: v.mandatory,
      value: measureValue(v.priority),
      evaluationScore: evaluations.get(v.measureId)?.score ?? null,
      version: v.version,
      costs: (costsOf.get(v.id) ?? []).sort(
        (a, b) => a.year - b.year || a.frameAreaId.localeCompare(b.frameAreaId),
      ),
    }))
    .sort((a, b) => a.reference.localeCompare(b.reference, "nb", { numeric: true }));
  return {
    cycle,
    version,
    years: financialPlanPeriod(cycle.budgetYear).years,
    areas,
    frames: framesThatCount(frames),
    measures: measureViews,
  };
}

export type PrioritisationSetup = {
  cycleId: string;
  budgetYear: number;
  years: number[];
  actionPlanVersionId: string;
  draft: boolean;
  areas: { id: string; name: string }[];
  /** The frames that count (adopted, or proposed where none is adopted), with their decision. */
  frames: {
    id: string;
    frameAreaId: string;
    year: number;
    amountNok: number;
    status: "proposed" | "adopted";
    decisionDate: string | null;
    caseReference: string | null;
    version: number;
  }[];
  measures: PrioritisationMeasureView[];
  allowedActions: "update"[];
};

/** The newest action plan of a cycle with each measure's priority, mandatory mark and municipal costs. */
export async function getPrioritisationSetup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string };
}): Promise<PrioritisationSetup> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  if (!can(tenant.subject, "read_drafts", "action_plan")) throw notFound("cycle");
  const data = await loadPrioritisationData(ctx.db, tenant, input.cycleId);
  return {
    cycleId: data.cycle.id,
    budgetYear: data.cycle.budgetYear,
    years: data.years,
    actionPlanVersionId: data.version.id,
    draft: data.version.status === "draft",
    areas: data.areas,
    frames: data.frames,
    measures: data.measures,
    allowedActions: can(tenant.subject, "update", "action_plan") ? ["update"] : [],
  };
}

export type ProposalView = PrioritisationResult & {
  frames: (EffectiveFrame & { frameAreaName: string })[];
};

export type PrioritisationProposal = {
  cycleId: string;
  budgetYear: number;
  years: number[];
  actionPlanVersionId: string;
  areas: { id: string; name: string }[];
  /** The frame check of the draft as it stands. */
  frameCheck: FrameCheckView;
  /** The proposal under the frames as they are. */
  current: ProposalView;
  /** The proposal under the what-if frames; null without overrides. */
  whatIf: ProposalView | null;
  overrides: FrameOverride[];
};

/**
 * Proposes which measures of the cycle's draft to keep so every year × area stays within its frame
 * with the highest total value, and, with overrides, the proposal under changed frames beside it.
 * Nothing is saved. Mandatory measures that alone exceed a frame give status «infeasible» with
 * the explanation (an answer, not an error: a what-if may well be infeasible).
 */
export async function proposePrioritisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    cycleId: string;
    overrides?: FrameOverride[];
    /** What a measure is worth: its priority (default), or its evaluation score. */
    valueSource?: "priority" | "evaluation";
  };
}): Promise<PrioritisationProposal> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
  const data = await loadPrioritisationData(ctx.db, tenant, input.cycleId);
  requireDraft(data.cycle, data.version);
  const overrides = input.overrides ?? [];
  const problems = overrideProblems(overrides, data.years, new Set(data.areas.map((a) => a.id)));
  if (problems.length > 0)
    throw new AppError(
      "validation",
      "common.untranslated",
      { text: problems.map((p) => p.message).join(" ") },
      problems,
    );

  const areaNames = Object.fromEntries(data.areas.map((a) => [a.id, a.name]));
  const measuresInput = data.measures.map((m) => ({
    reference: m.reference,
    title: m.title,
    value: input.valueSource === "evaluation" ? evaluationValue(m.evaluationScore) : m.value,
    mandatory: m.mandatory,
    costs: m.costs,
  }));
  const proposalUnder = async (frames: EffectiveFrame[]): Promise<ProposalView> => ({
    ...(await solve({ measures: measuresInput, frames, areaNames })),
    frames: frames.map((f) => ({ ...f, frameAreaName: areaNames[f.frameAreaId] ?? "" })),
  });
  const stored = data.frames.map((f) => ({
    frameAreaId: f.frameAreaId,
    year: f.year,
    amountNok: f.amountNok,
    status: f.status,
  }));
  const current = await proposalUnder(applyOverrides(stored));
  const whatIf = overrides.length > 0 ? await proposalUnder(applyOverrides(stored, overrides)) : null;
  return {
    cycleId: data.cycle.id,
    budgetYear: data.cycle.budgetYear,
    years: data.years,
    actionPlanVersionId: data.version.id,
    areas: data.areas,
    frameCheck: await computeFrameCheck(ctx.db, tenant.id, data.cycle.id, data.version.id),
    current,
    whatIf,
    overrides,
  };
}

function overrideProblems(overrides: FrameOverride[], years: number[], areaIds: Set<string>) {
  const problems: { path: string; message: string }[] = [];
  const period = `${years[0]}–${years.at(-1)}`;
  overrides.forEach((o, i) => {
    if (o.year !== undefined && !years.includes(o.year))
      problems.push({
        path: `/overrides/${i}/year`,
        message: `Året ${o.year} er utenfor perioden ${period}.`,
      });
    if (o.frameAreaId !== undefined && !areaIds.has(o.frameAreaId))
      problems.push({ path: `/overrides/${i}/frameAreaId`, message: "Ukjent rammeområde." });
    if ("percent" in o && (!Number.isFinite(o.percent) || o.percent < -100))
      problems.push({ path: `/overrides/${i}/percent`, message: "Endringen kan ikke være under −100 %." });
    if ("amountNok" in o && (!Number.isSafeInteger(o.amountNok) || o.amountNok < 0))
      problems.push({ path: `/overrides/${i}/amountNok`, message: "Rammen er hele kroner, 0 eller mer." });
  });
  return problems;
}

/**
 * Applies a proposal: the named measures leave the cycle's DRAFT action plan (their versions there,
 * with costs and links, are removed), in one transaction, audited per measure as «deprioritise».
 * The measures themselves stay (reference, running state, history and any adopted versions), as
 * with a measure that is not carried into a new plan. Mandatory measures are refused.
 */
export async function applyPrioritisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string; drop: string[] };
}): Promise<{ dropped: string[]; frameCheck: FrameCheckView }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
  const references = [...new Set(input.drop)];
  const result = await ctx.db.transaction(async (tx) => {
    // Lock the cycle, so adoption or another prioritisation cannot interleave.
    const [locked] = await tx
      .select({ id: cycles.id })
      .from(cycles)
      .where(and(eq(cycles.id, input.cycleId), eq(cycles.municipalityId, tenant.id)))
      .for("update");
    if (!locked) throw notFound("cycle");
    const { cycle, version } = await cycleAndNewestVersion(tx, tenant, input.cycleId);
    requireDraft(cycle, version);
    const rows =
      references.length > 0
        ? await tx
            .select({
              measure: measures,
              versionId: measureVersions.id,
              title: measureVersions.title,
              mandatory: measureVersions.mandatory,
            })
            .from(measureVersions)
            .innerJoin(measures, eq(measures.id, measureVersions.measureId))
            .where(
              and(
                eq(measureVersions.actionPlanVersionId, version.id),
                eq(measures.municipalityId, tenant.id),
                inArray(measures.reference, references),
              ),
            )
            .for("update", { of: measureVersions })
        : [];
    const found = new Set(rows.map((r) => r.measure.reference));
    const missing = references.filter((r) => !found.has(r));
    if (missing.length > 0)
      throw new AppError(
        "conflict",
        "actionPlan.notInDraft",
        { year: cycle.budgetYear, references: missing.join(", ") },
        { missing },
      );
    const mandatory = rows.filter((r) => r.mandatory).map((r) => r.measure.reference);
    if (mandatory.length > 0)
      throw new AppError(
        "conflict",
        "actionPlan.mandatoryCannotBeLeftOut",
        { references: mandatory.join(", ") },
        { mandatory },
      );
    if (rows.length > 0)
      await tx.delete(measureVersions).where(
        inArray(
          measureVersions.id,
          rows.map((r) => r.versionId),
        ),
      );
    for (const r of rows) {
      await recordAudit(
        tx,
        ctx.actor,
        {
          municipalityId: tenant.id,
          objectType: "measure",
          objectId: r.measure.id,
          objectLabel: `${r.measure.reference} ${r.title}`,
          action: "deprioritise",
          changes: {
            actionPlan: { before: `Handlingsplan ${cycle.budgetYear} (utkast)`, after: null },
          },
        },
        ctx.requestId,
      );
    }
    return { dropped: rows.map((r) => r.measure.reference), cycleId: cycle.id, versionId: version.id };
  });
  // After the commit, on the pool: the frame check runs its queries side by side.
  return {
    dropped: result.dropped,
    frameCheck: await computeFrameCheck(ctx.db, tenant.id, result.cycleId, result.versionId),
  };
}

/** Sets a measure's priority value and mandatory mark in the draft action plan (planners), audited. */
export async function setMeasurePriority({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    reference: string;
    priority: number | null;
    mandatory: boolean;
    /** The measure version's `version` the person saw; a stale one gets 409. Optional. */
    version?: number;
  };
}): Promise<{
  reference: string;
  priority: number | null;
  mandatory: boolean;
  value: number;
  version: number;
}> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "action_plan", {}, "measure");
  if (input.priority !== null && (!Number.isSafeInteger(input.priority) || input.priority < 0))
    throw new AppError("validation", "actionPlan.priorityInvalid", {}, [
      { path: "/priority", message: "Prioriteten er et helt tall, 0 eller mer." },
    ]);
  return ctx.db.transaction(async (tx) => {
    const { measure, version } = await lockDraftMeasure(tx, ctx, tenant, input.reference);
    if (input.version !== undefined && input.version !== version.version)
      throw new AppError(
        "conflict",
        "measure.changedByOther",
        {},
        {
          current: { priority: version.priority, mandatory: version.mandatory, version: version.version },
        },
      );
    const next = { priority: input.priority, mandatory: input.mandatory };
    const changes = diffFields(version, next, ["priority", "mandatory"]);
    if (Object.keys(changes).length === 0)
      return {
        reference: measure.reference,
        ...next,
        value: measureValue(next.priority),
        version: version.version,
      };
    const [saved] = await tx
      .update(measureVersions)
      .set({ ...next, version: version.version + 1, updatedAt: new Date() })
      .where(eq(measureVersions.id, version.id))
      .returning({ version: measureVersions.version });
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: `${measure.reference} ${version.title}`,
        action: "update",
        changes,
      },
      ctx.requestId,
    );
    return {
      reference: measure.reference,
      ...next,
      value: measureValue(next.priority),
      version: saved?.version ?? version.version + 1,
    };
  });
}
