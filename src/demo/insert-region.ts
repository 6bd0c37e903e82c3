import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  actionPlanVersions,
  budgetFrames,
  cycles,
  focusAreas,
  frameAreas,
  fundingSources,
  measureCosts,
  measureParticipations,
  measures,
  measureVersions,
  memberships,
  municipalities,
  plans,
  regionCoordinators,
  regionMunicipalities,
  regions,
  users,
} from "../db/schema/index.ts";
import { financialPlanPeriod } from "../domain/cycle.ts";
import { defaultRegion } from "../domain/region.ts";
import { measureByReference } from "../services/measures/internal.ts";
import {
  lierFocusAreas,
  lierFrameAreaName,
  lierFrames,
  lierFundingSourceName,
  lierMeasures,
  lierPlan,
  regionDemoMunicipality,
  regionDemoShared,
  regionDemoUsers,
} from "./data/region.ts";

/**
 * Writes the region part of the demo (src/demo/data/region.ts): Lier with its small plan, the
 * regional coordinator, and Lier's share of a Drammen measure.
 */
export async function insertRegionDemo(
  tx: DbOrTx,
  input: { drammenId: string; passwordHash: string },
): Promise<void> {
  const [lier] = await tx
    .insert(municipalities)
    .values({ ...regionDemoMunicipality, active: true })
    .onConflictDoUpdate({ target: municipalities.number, set: { active: true } })
    .returning();
  if (!lier) throw new Error("demo: Lier not inserted");

  const userRows = await tx
    .insert(users)
    .values(
      regionDemoUsers.map((u) => ({
        email: u.email,
        name: u.name,
        passwordHash: input.passwordHash,
        isDemo: true,
      })),
    )
    .returning({ id: users.id, email: users.email });
  const userId = (email: string) => {
    const row = userRows.find((u) => u.email === email);
    if (!row) throw new Error(`demo: ${email} not inserted`);
    return row.id;
  };
  await tx
    .insert(memberships)
    .values({ municipalityId: lier.id, userId: userId(regionDemoUsers[0].email), role: "planner" });

  // The default region (start-up makes it too; the demo must not depend on the order).
  await tx
    .insert(regions)
    .values({ slug: defaultRegion.slug, name: defaultRegion.name })
    .onConflictDoNothing({ target: regions.slug });
  const [region] = await tx.select().from(regions).where(eq(regions.slug, defaultRegion.slug));
  if (!region) throw new Error("demo: region missing");
  await tx
    .insert(regionMunicipalities)
    .values([input.drammenId, lier.id].map((municipalityId) => ({ regionId: region.id, municipalityId })))
    .onConflictDoNothing();
  await tx
    .insert(regionCoordinators)
    .values({ regionId: region.id, userId: userId(regionDemoUsers[1].email) });

  // Lier's small plan: two focus areas, a 2027 draft with three measures, adopted frames.
  const [plan] = await tx
    .insert(plans)
    .values({ municipalityId: lier.id, ...lierPlan })
    .returning();
  if (!plan) throw new Error("demo: Lier plan not inserted");
  const areaRows = await tx
    .insert(focusAreas)
    .values(
      lierFocusAreas.map((title, i) => ({
        municipalityId: lier.id,
        planId: plan.id,
        title,
        description: "",
        position: i + 1,
      })),
    )
    .returning();
  const [cycle] = await tx
    .insert(cycles)
    .values({
      municipalityId: lier.id,
      planId: plan.id,
      budgetYear: lierFrames.budgetYear,
      phase: "tilpasning",
    })
    .returning();
  if (!cycle) throw new Error("demo: Lier cycle not inserted");
  const [draft] = await tx
    .insert(actionPlanVersions)
    .values({ municipalityId: lier.id, cycleId: cycle.id })
    .returning();
  if (!draft) throw new Error("demo: Lier action plan not inserted");
  const [frameArea] = await tx
    .insert(frameAreas)
    .values({ municipalityId: lier.id, name: lierFrameAreaName })
    .returning();
  if (!frameArea) throw new Error("demo: Lier frame area not inserted");
  const [source] = await tx
    .insert(fundingSources)
    .values({
      municipalityId: lier.id,
      name: lierFundingSourceName,
      kind: "municipal",
      frameAreaId: frameArea.id,
    })
    .returning();
  if (!source) throw new Error("demo: Lier funding source not inserted");
  const measureRows = await tx
    .insert(measures)
    .values(lierMeasures.map((m) => ({ municipalityId: lier.id, reference: m.reference, isExample: true })))
    .returning();
  const versionRows = await tx
    .insert(measureVersions)
    .values(
      lierMeasures.map((m) => ({
        municipalityId: lier.id,
        measureId: measureRows.find((r) => r.reference === m.reference)?.id ?? "",
        actionPlanVersionId: draft.id,
        focusAreaId: areaRows.find((a) => a.position === m.focusArea + 1)?.id ?? "",
        title: m.title,
        startYear: m.years[0],
        endYear: m.years[1],
        tags: ["eksempel"],
      })),
    )
    .returning();
  await tx.insert(measureCosts).values(
    lierMeasures.flatMap((m) => {
      const version = versionRows.find((v) => v.title === m.title);
      if (!version) throw new Error("demo: Lier measure version missing");
      return Array.from({ length: m.years[1] - m.years[0] + 1 }, (_, i) => ({
        municipalityId: lier.id,
        measureVersionId: version.id,
        year: m.years[0] + i,
        fundingSourceId: source.id,
        amountNok: m.perYear,
      }));
    }),
  );
  await tx.insert(budgetFrames).values(
    financialPlanPeriod(lierFrames.budgetYear).years.map((year) => ({
      municipalityId: lier.id,
      cycleId: cycle.id,
      frameAreaId: frameArea.id,
      year,
      amountNok: lierFrames.amountNok,
      status: "adopted" as const,
      decisionDate: lierFrames.decisionDate,
      caseReference: lierFrames.caseReference,
    })),
  );

  // Drammen's regional freight measure, shared with Lier: Lier's planner joined with 30 %.
  const shared = await measureByReference(tx, { id: input.drammenId }, regionDemoShared.reference);
  await tx.insert(measureParticipations).values({
    municipalityId: lier.id,
    measureId: shared.id,
    ownerMunicipalityId: input.drammenId,
    status: "joined",
    sharePercent: regionDemoShared.lierPercent,
    frameAreaId: frameArea.id,
  });
}
