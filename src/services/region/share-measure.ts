import { and, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import { measureParticipations, municipalities, regionMunicipalities } from "../../db/schema/index.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { findVisibleMeasure } from "../measures/get-measure.ts";

/**
 * The owner's planner invites another municipality of its region to take part in a measure it can
 * read. The
 * invited municipality decides itself whether to join and with what share (participate-in-measure.ts).
 * Recorded in the owner's trail.
 */
export async function inviteToMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string; participantNumber: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const measure = await measureToShare(ctx, tx, tenant, input.reference);
    if (input.participantNumber === tenant.number)
      throw new AppError("validation", "measure.shareOwnMunicipality");
    // Only municipalities that use the installation and share a region with the owner.
    const own = alias(regionMunicipalities, "own_region");
    const [participant] = await tx
      .selectDistinct({ id: municipalities.id, number: municipalities.number, name: municipalities.name })
      .from(municipalities)
      .innerJoin(regionMunicipalities, eq(regionMunicipalities.municipalityId, municipalities.id))
      .innerJoin(own, and(eq(own.regionId, regionMunicipalities.regionId), eq(own.municipalityId, tenant.id)))
      .where(
        and(
          eq(municipalities.number, input.participantNumber),
          eq(municipalities.active, true),
          ne(municipalities.id, tenant.id),
        ),
      );
    if (!participant) throw new AppError("validation", "measure.shareNotInRegion");
    const [row] = await tx
      .insert(measureParticipations)
      .values({
        municipalityId: participant.id,
        measureId: measure.id,
        ownerMunicipalityId: tenant.id,
        status: "invited",
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError("conflict", "measure.shareAlreadyInvited", { municipality: participant.name });
    await recordShareAudit(ctx, tx, tenant, measure, "share_invite", {
      before: null,
      after: `${participant.number} ${participant.name}`,
    });
    return {
      id: row.id,
      municipalityNumber: participant.number,
      municipalityName: participant.name,
      status: row.status,
    };
  });
}

/**
 * The owner withdraws an invitation that has not been accepted. A municipality that has joined
 * leaves only by its own decision, so the owner cannot remove it.
 */
export async function withdrawInvitation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string; participantNumber: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  await ctx.db.transaction(async (tx) => {
    const measure = await measureToShare(ctx, tx, tenant, input.reference);
    const [row] = await tx
      .select({ participation: measureParticipations, name: municipalities.name })
      .from(measureParticipations)
      .innerJoin(municipalities, eq(municipalities.id, measureParticipations.municipalityId))
      .where(
        and(
          eq(measureParticipations.measureId, measure.id),
          eq(municipalities.number, input.participantNumber),
        ),
      )
      .for("update");
    if (!row) throw notFound("invitation");
    if (row.participation.status === "joined")
      throw new AppError("conflict", "measure.shareOnlySelfCanLeave", { municipality: row.name });
    await tx.delete(measureParticipations).where(eq(measureParticipations.id, row.participation.id));
    await recordShareAudit(ctx, tx, tenant, measure, "share_withdraw", {
      before: `${input.participantNumber} ${row.name}`,
      after: null,
    });
  });
}

/** The measure the owner's planner shares: only what the person can read, so a hidden reference
 * answers as one that does not exist. */
async function measureToShare(ctx: ServiceContext, tx: DbOrTx, tenant: Tenant, reference: string) {
  const { measure } = await findVisibleMeasure(tx, tenant, reference);
  authorize(ctx, tenant, "share", "measure", {}, "measure");
  return measure;
}

/** A change to who takes part in the measure, in the owner's trail. */
async function recordShareAudit(
  ctx: ServiceContext,
  tx: DbOrTx,
  tenant: Tenant,
  measure: { id: string; reference: string },
  action: "share_invite" | "share_withdraw",
  participant: { before: string | null; after: string | null },
) {
  await recordAudit(
    tx,
    ctx.actor,
    {
      municipalityId: tenant.id,
      objectType: "measure",
      objectId: measure.id,
      objectLabel: measure.reference,
      action,
      changes: { participant },
    },
    ctx.requestId,
  );
}
