import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  actionPlanVersions,
  budgetFrames,
  cycles,
  focusAreas,
  frameAreas,
  fundingSources,
  goalFocusAreas,
  goals,
  measureCosts,
  measures,
  measureVersionGoals,
  measureVersionObjectives,
  measureVersionPartners,
  measureVersions,
  memberships,
  milestones,
  municipalities,
  objectives,
  organisationContacts,
  partnerOrganisations,
  plans,
  users,
} from "../db/schema/index.ts";
import { financialPlanPeriod } from "../domain/cycle.ts";
import type { Role } from "../domain/permissions.ts";
import { sanitizeRichText } from "../domain/rich-text.ts";
import {
  contactSpecs,
  demoCycles,
  demoFrameAreaName,
  demoMunicipality,
  demoPlan,
  demoUsers,
  focusAreaSpecs,
  fundingSourceNames,
  goalTitles,
  partnerSpecs,
} from "./data/drammen.ts";
import { exampleMeasures } from "./data/drammen-measures.ts";
import { insertDemoEvaluations } from "./insert-evaluations.ts";
import { insertDemoProposals } from "./insert-proposals.ts";
import { insertRegionDemo } from "./insert-region.ts";

/*
 * Drammen's plan in the demo (src/demo/data/drammen.ts): the users, the plan with goals, focus
 * areas and objectives, partners, the measures in the 2026 and 2027 action plans, their costs and
 * the frames, then the proposals, evaluations and the region that build on them.
 */

/** The demo users with their roles; returns the user id per role (measure owners are picked by role). */
async function insertDemoUsers(
  tx: DbOrTx,
  municipalityId: string,
  passwordHash: string,
): Promise<Map<Role, string>> {
  const rows = await tx
    .insert(users)
    .values(
      demoUsers.map((demo) => ({
        email: demo.email,
        name: demo.name,
        passwordHash,
        isDemo: true,
        isSystemAdmin: demo.role === null,
      })),
    )
    .returning({ id: users.id, email: users.email });
  const idByEmail = new Map(rows.map((r) => [r.email, r.id]));
  const byRole = new Map<Role, string>();
  for (const demo of demoUsers) {
    const userId = idByEmail.get(demo.email);
    if (!userId) throw new Error(`demo user ${demo.email} not inserted`);
    if (demo.role) byRole.set(demo.role, userId);
  }
  await tx
    .insert(memberships)
    .values([...byRole].map(([role, userId]) => ({ municipalityId, userId, role })));
  return byRole;
}

/** Inserts the whole demo with a few multi-row inserts (about twenty statements in all). */
export async function insertDemo(tx: DbOrTx, passwordHash: string): Promise<string> {
  const [municipality] = await tx
    .insert(municipalities)
    .values({ ...demoMunicipality, active: true })
    .onConflictDoUpdate({ target: municipalities.number, set: { active: true } })
    .returning();
  if (!municipality) throw new Error("demo municipality not inserted");
  const municipalityId = municipality.id;
  const userByRole = await insertDemoUsers(tx, municipalityId, passwordHash);

  const [plan] = await tx
    .insert(plans)
    .values({ municipalityId, ...demoPlan })
    .returning();
  if (!plan) throw new Error("demo plan not inserted");

  const goalRows = await tx
    .insert(goals)
    .values(
      goalTitles.map(([title, description], i) => ({
        municipalityId,
        planId: plan.id,
        title,
        description,
        position: i + 1,
      })),
    )
    .returning();
  const goalId = (i: number) => byKey(goalRows, (g) => g.position, i + 1).id;
  const focusAreaRows = await tx
    .insert(focusAreas)
    .values(
      focusAreaSpecs.map(([title, description], i) => ({
        municipalityId,
        planId: plan.id,
        title,
        description,
        position: i + 1,
      })),
    )
    .returning();
  const focusAreaId = (i: number) => byKey(focusAreaRows, (f) => f.position, i + 1).id;
  await tx
    .insert(goalFocusAreas)
    .values(
      focusAreaSpecs.flatMap(([, , goalIndexes], i) =>
        goalIndexes.map((g) => ({ municipalityId, goalId: goalId(g), focusAreaId: focusAreaId(i) })),
      ),
    );
  const objectiveRows = await tx
    .insert(objectives)
    .values(
      focusAreaSpecs.flatMap(([, , , objectiveTitles], i) =>
        objectiveTitles.map((title, j) => ({
          municipalityId,
          focusAreaId: focusAreaId(i),
          title,
          position: j + 1,
        })),
      ),
    )
    .returning();
  const objectiveId = (focusArea: number, j: number) => {
    const row = objectiveRows.find((o) => o.focusAreaId === focusAreaId(focusArea) && o.position === j + 1);
    if (!row) throw new Error(`demo data: no objective ${j} in focus area ${focusArea}`);
    return row.id;
  };

  const [drift] = await tx.insert(frameAreas).values({ municipalityId, name: demoFrameAreaName }).returning();
  if (!drift) throw new Error("demo frame area not inserted");
  const sources = await tx
    .insert(fundingSources)
    .values([
      {
        municipalityId,
        name: fundingSourceNames.municipal,
        kind: "municipal" as const,
        frameAreaId: drift.id,
      },
      { municipalityId, name: fundingSourceNames.county, kind: "external" as const },
      { municipalityId, name: fundingSourceNames.innovation, kind: "external" as const },
      { municipalityId, name: fundingSourceNames.partners, kind: "external" as const },
    ])
    .returning();
  const sourceId = (key: keyof typeof fundingSourceNames) =>
    byKey(sources, (s) => s.name, fundingSourceNames[key]).id;

  const organisationRows = await tx
    .insert(partnerOrganisations)
    .values(partnerSpecs.map((p) => ({ municipalityId, name: p.name, kind: p.kind, website: p.website })))
    .returning();
  const organisationId = (name: string) => byKey(organisationRows, (o) => o.name, name).id;
  // The demo partner speaks for the business association (their proposals and evaluation answers).
  const partnerUserId = userByRole.get("partner");
  if (!partnerUserId) throw new Error("demo partner not inserted");
  await tx
    .update(memberships)
    .set({ organisationId: organisationId("Næringsforeningen i Drammensregionen") })
    .where(and(eq(memberships.userId, partnerUserId), eq(memberships.municipalityId, municipalityId)));
  await tx.insert(organisationContacts).values(
    contactSpecs.map(({ organisation, ...contact }) => ({
      municipalityId,
      organisationId: organisationId(organisation),
      ...contact,
    })),
  );

  // One identity per measure, with its running state; versions per action plan below.
  const measureRows = await tx
    .insert(measures)
    .values(
      exampleMeasures.map((m) => ({
        municipalityId,
        reference: m.reference,
        isExample: true,
        status: m.status,
        statusReason: m.statusReason ?? "",
        progress: m.progress,
      })),
    )
    .returning({ id: measures.id, reference: measures.reference });
  const measureId = (reference: string) => byKey(measureRows, (m) => m.reference, reference).id;
  const milestoneRows = exampleMeasures.flatMap((m) =>
    (m.milestones ?? []).map((milestone) => ({
      municipalityId,
      measureId: measureId(m.reference),
      ...milestone,
    })),
  );
  if (milestoneRows.length > 0) await tx.insert(milestones).values(milestoneRows);

  const cycleSpecs = demoCycles;
  const cycleRows = await tx
    .insert(cycles)
    .values(
      cycleSpecs.map((c) => ({ municipalityId, planId: plan.id, budgetYear: c.budgetYear, phase: c.phase })),
    )
    .returning();
  const actionPlanRows = await tx
    .insert(actionPlanVersions)
    .values(
      cycleSpecs.map((c) => ({
        municipalityId,
        cycleId: byKey(cycleRows, (r) => r.budgetYear, c.budgetYear).id,
        revision: 0,
        status: c.adopted ? ("adopted" as const) : ("draft" as const),
        ...(c.adopted
          ? {
              adoptedOn: `${c.budgetYear - 1}-12-16`,
              decisionBody: "Bystyret",
              caseReference: `sak 999/${String(c.budgetYear - 1).slice(2)} (eksempel)`,
              frozenAt: new Date(`${c.budgetYear - 1}-12-16T12:00:00Z`),
            }
          : {}),
      })),
    )
    .returning();
  const actionPlanId = (budgetYear: number) =>
    byKey(actionPlanRows, (a) => a.cycleId, byKey(cycleRows, (c) => c.budgetYear, budgetYear).id).id;

  // What each action plan says about each measure it contains.
  const planned = cycleSpecs.flatMap(({ budgetYear }) =>
    exampleMeasures
      .filter((m) => m.inCycles.includes(budgetYear))
      .map((spec) => {
        const carried = budgetYear !== spec.inCycles[0] && spec.next ? spec.next : {};
        return {
          spec,
          budgetYear,
          years: carried.years ?? spec.years,
          municipalPerYear: carried.municipalPerYear ?? spec.municipalPerYear,
        };
      }),
  );
  const versionRows = await tx
    .insert(measureVersions)
    .values(
      planned.map(({ spec, budgetYear, years }) => ({
        municipalityId,
        measureId: measureId(spec.reference),
        actionPlanVersionId: actionPlanId(budgetYear),
        focusAreaId: focusAreaId(spec.focusArea),
        title: spec.title,
        description: sanitizeRichText(spec.description),
        responsibleUnit: spec.unit,
        contactPerson: spec.contactPerson,
        ownerUserId: spec.owner ? (userByRole.get(spec.owner) ?? null) : null,
        tags: spec.tags,
        links: spec.links ?? [],
        startYear: years[0],
        endYear: years[1],
      })),
    )
    .returning({
      id: measureVersions.id,
      measureId: measureVersions.measureId,
      actionPlanVersionId: measureVersions.actionPlanVersionId,
    });
  const withVersion = planned.map((p) => {
    const measure = measureId(p.spec.reference);
    const plan = actionPlanId(p.budgetYear);
    const row = versionRows.find((v) => v.measureId === measure && v.actionPlanVersionId === plan);
    if (!row) throw new Error(`demo data: no version of ${p.spec.reference} in ${p.budgetYear}`);
    return { ...p, versionId: row.id };
  });

  await tx
    .insert(measureVersionGoals)
    .values(
      withVersion.flatMap(({ spec, versionId }) =>
        spec.goals.map((g) => ({ municipalityId, measureVersionId: versionId, goalId: goalId(g) })),
      ),
    );
  await tx.insert(measureVersionObjectives).values(
    withVersion.flatMap(({ spec, versionId }) =>
      spec.objectives.map((o) => ({
        municipalityId,
        measureVersionId: versionId,
        objectiveId: objectiveId(spec.focusArea, o),
      })),
    ),
  );
  await tx.insert(measureVersionPartners).values(
    withVersion.flatMap(({ spec, versionId }) =>
      (spec.partners ?? []).map((p) => ({
        municipalityId,
        measureVersionId: versionId,
        organisationId: organisationId(p.name),
        role: p.role,
      })),
    ),
  );
  await tx.insert(measureCosts).values(
    withVersion.flatMap(({ spec, budgetYear, years, municipalPerYear, versionId }) =>
      financialPlanPeriod(budgetYear)
        .years.filter((year) => year >= years[0] && year <= years[1])
        .flatMap((year) => [
          {
            municipalityId,
            measureVersionId: versionId,
            year,
            fundingSourceId: sourceId("municipal"),
            amountNok: municipalPerYear,
          },
          ...(spec.external
            ? [
                {
                  municipalityId,
                  measureVersionId: versionId,
                  year,
                  fundingSourceId: sourceId(spec.external.source),
                  amountNok: spec.external.perYear,
                  externalStatus: (year === budgetYear ? "granted" : "expected") as "granted" | "expected",
                },
              ]
            : []),
        ]),
    ),
  );

  // Frames adopted in each cycle's June rammesak, with some room above what the measures cost.
  const frameRows = cycleSpecs.flatMap((c) => {
    const cycle = byKey(cycleRows, (r) => r.budgetYear, c.budgetYear);
    return financialPlanPeriod(c.budgetYear).years.map((year) => {
      const sum = withVersion
        .filter((v) => v.budgetYear === c.budgetYear && year >= v.years[0] && year <= v.years[1])
        .reduce((total, v) => total + v.municipalPerYear, 0);
      return {
        municipalityId,
        cycleId: cycle.id,
        frameAreaId: drift.id,
        year,
        amountNok: Math.ceil((sum * 1.05) / 250_000) * 250_000 + 250_000,
        status: "adopted" as const,
        decisionDate: `${c.budgetYear - 1}-06-18`,
        caseReference: `sak 068/${String(c.budgetYear - 1).slice(2)} (eksempel)`,
      };
    });
  });
  await tx.insert(budgetFrames).values(frameRows);
  await insertDemoProposals(tx, municipalityId, userByRole);
  await insertDemoEvaluations(tx, municipalityId, {
    partnerUserId: userByRole.get("partner") ?? "",
    plannerUserId: userByRole.get("planner") ?? "",
    ownerUserId: userByRole.get("measure_owner") ?? null,
  });
  await insertRegionDemo(tx, { drammenId: municipalityId, passwordHash });
  return municipalityId;
}

/** The row whose key is `value` (rows come back from multi-row inserts; match them by key, not order). */
function byKey<T, K>(rows: T[], key: (row: T) => K, value: K): T {
  const row = rows.find((r) => key(r) === value);
  if (row === undefined) throw new Error(`demo data: no row ${String(value)}`);
  return row;
}
