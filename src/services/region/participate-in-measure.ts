import { and, eq, ne } from "drizzle-orm";
import { frameAreas, measureParticipations, measures, municipalities } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

/** The participation of THIS municipality (a planner never reaches another municipality's row). */
async function lockOwnParticipation(
  tx: Parameters<Parameters<ServiceContext["db"]["transaction"]>[0]>[0],
  municipalityId: string,
  participationId: string,
) {
  const [row] = await tx
    .select({
      participation: measureParticipations,
      reference: measures.reference,
      ownerName: municipalities.name,
    })
    .from(measureParticipations)
    .innerJoin(measures, eq(measures.id, measureParticipations.measureId))
    .innerJoin(municipalities, eq(municipalities.id, measureParticipations.ownerMunicipalityId))
    .where(
      and(
        eq(measureParticipations.id, participationId),
        eq(measureParticipations.municipalityId, municipalityId),
      ),
    )
    .for("update", { of: measureParticipations });
  if (!row) throw notFound("sharedMeasure");
  return row;
}

/**
 * A municipality joins a shared measure it is invited to, or changes its share: its planner's
 * decision, recorded in its own trail. The share is whole percent; the owner keeps the rest, so the
 * participants together may hold at most 100 %. The share counts against the frame area chosen here.
 */
export async function joinSharedMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    participationId: string;
    sharePercent: number;
    frameAreaId: string;
    version: number;
  };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    authorize(ctx, tenant, "participate", "measure", { shared: true }, "sharedMeasure");
    const row = await lockOwnParticipation(tx, tenant.id, input.participationId);
    const before = row.participation;
    if (before.version !== input.version)
      throw new AppError("conflict", "measure.participationChangedByOther", {}, [
        staleDetail({ sharePercent: before.sharePercent, status: before.status, version: before.version }),
      ]);
    const [area] = await tx
      .select({ id: frameAreas.id, name: frameAreas.name })
      .from(frameAreas)
      .where(and(eq(frameAreas.id, input.frameAreaId), eq(frameAreas.municipalityId, tenant.id)));
    if (!area) throw new AppError("validation", "measure.participationArea");
    // Lock the measure's other participations so two municipalities joining at once cannot pass 100 %.
    const others = await tx
      .select({ sharePercent: measureParticipations.sharePercent })
      .from(measureParticipations)
      .where(
        and(
          eq(measureParticipations.measureId, before.measureId),
          eq(measureParticipations.status, "joined"),
          ne(measureParticipations.id, before.id),
        ),
      )
      .for("update");
    const othersPercent = others.reduce((a, o) => a + o.sharePercent, 0);
    if (othersPercent + input.sharePercent > 100)
      throw new AppError("validation", "measure.participationShareTooLarge", {
        others: othersPercent,
        municipality: tenant.name,
        max: 100 - othersPercent,
      });
    const after = { status: "joined" as const, sharePercent: input.sharePercent, frameAreaId: area.id };
    const [updated] = await tx
      .update(measureParticipations)
      .set({ ...after, version: before.version + 1, updatedAt: new Date() })
      .where(eq(measureParticipations.id, before.id))
      .returning();
    if (!updated) throw new Error("participation not updated");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "shared_measure",
        objectId: before.id,
        objectLabel: `${row.ownerName} ${row.reference}`,
        action: before.status === "joined" ? "update_share" : "join",
        changes: diffFields(
          { status: before.status, sharePercent: before.sharePercent, frameAreaId: before.frameAreaId },
          after,
          ["status", "sharePercent", "frameAreaId"],
        ),
      },
      ctx.requestId,
    );
    return {
      id: updated.id,
      status: updated.status,
      sharePercent: updated.sharePercent,
      version: updated.version,
    };
  });
}

/** A municipality leaves a shared measure (or declines the invitation): its own decision, in its own trail. */
export async function leaveSharedMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; participationId: string; version: number };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  await ctx.db.transaction(async (tx) => {
    authorize(ctx, tenant, "participate", "measure", { shared: true }, "sharedMeasure");
    const row = await lockOwnParticipation(tx, tenant.id, input.participationId);
    if (row.participation.version !== input.version)
      throw new AppError("conflict", "measure.participationChangedByOther");
    await tx.delete(measureParticipations).where(eq(measureParticipations.id, row.participation.id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "shared_measure",
        objectId: row.participation.id,
        objectLabel: `${row.ownerName} ${row.reference}`,
        action: row.participation.status === "joined" ? "leave" : "decline",
        changes: {
          status: { before: row.participation.status, after: null },
          sharePercent: { before: row.participation.sharePercent, after: null },
        },
      },
      ctx.requestId,
    );
  });
}
