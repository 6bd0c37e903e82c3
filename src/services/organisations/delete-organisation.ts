import { and, eq, sql } from "drizzle-orm";
import {
  measureVersionPartners,
  measureVersions,
  organisationContacts,
  partnerOrganisations,
} from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { AppError, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import {
  type AuditedState,
  auditedFields,
  auditState,
  contactsOf,
  findOrganisation,
  loadContacts,
  presentDetail,
} from "./internal.ts";

/**
 * Deletes an organisation and its contacts (planners). Refused while any measure version, draft or
 * adopted, names it: an adopted action plan must keep saying who took part.
 */
export async function deleteOrganisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; organisationId: string; version: number };
}): Promise<void> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "delete", "organisation", {}, "partner");
  await ctx.db.transaction(async (tx) => {
    // The row lock also holds back new links to it (their foreign key check waits for it).
    const row = await findOrganisation(tx, tenant, input.organisationId, true);
    if (row.version !== input.version) {
      throw new AppError("conflict", "organisation.changedByOther", {}, [
        staleDetail(await presentDetail(tx, tenant, row)),
      ]);
    }
    const [links] = await tx
      .select({ count: sql<number>`count(distinct ${measureVersions.measureId})::int` })
      .from(measureVersionPartners)
      .innerJoin(measureVersions, eq(measureVersions.id, measureVersionPartners.measureVersionId))
      .where(
        and(
          eq(measureVersionPartners.municipalityId, tenant.id),
          eq(measureVersionPartners.organisationId, row.id),
        ),
      );
    const measureCount = links?.count ?? 0;
    if (measureCount > 0) {
      throw new AppError("conflict", "organisation.inUse", { name: row.name, count: measureCount }, [
        { path: "/", code: "in_use", measureCount },
      ]);
    }
    const contacts = contactsOf(await loadContacts(tx, tenant, row.id));
    await tx
      .delete(organisationContacts)
      .where(
        and(
          eq(organisationContacts.municipalityId, tenant.id),
          eq(organisationContacts.organisationId, row.id),
        ),
      );
    await tx.delete(partnerOrganisations).where(eq(partnerOrganisations.id, row.id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "organisation",
        objectId: row.id,
        objectLabel: row.name,
        action: "delete",
        changes: diffFields<AuditedState>(auditState(row, contacts), null, auditedFields),
      },
      ctx.requestId,
    );
  });
}
