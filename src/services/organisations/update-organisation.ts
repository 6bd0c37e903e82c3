import { eq, sql } from "drizzle-orm";
import { partnerOrganisations } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import type { OrganisationKind } from "../../domain/organisations.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import {
  type AuditedState,
  auditedFields,
  auditState,
  type ContactInput,
  contactsOf,
  ensureNumberIsFree,
  findOrganisation,
  loadContacts,
  normaliseContacts,
  normaliseFields,
  type OrganisationDetail,
  presentDetail,
  replaceContacts,
  withDuplicateAsConflict,
} from "./internal.ts";

/**
 * Edits an organisation (planners); `contacts`, when given, replaces the list. The caller names the
 * version they edited; a stale one is refused with 409 and the current state, never overwritten.
 */
export async function updateOrganisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    organisationId: string;
    version: number;
    name?: string;
    kind?: OrganisationKind;
    organisationNumber?: string | null;
    website?: string | null;
    contacts?: ContactInput[];
  };
}): Promise<OrganisationDetail> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "organisation", {}, "partner");
  const next = normaliseFields(input);
  return withDuplicateAsConflict(next.organisationNumber, () =>
    ctx.db.transaction(async (tx) => {
      const row = await findOrganisation(tx, tenant, input.organisationId, true);
      if (row.version !== input.version) {
        throw new AppError("conflict", "organisation.changedByOther", {}, [
          staleDetail(await presentDetail(tx, tenant, row)),
        ]);
      }
      const beforeContacts = contactsOf(await loadContacts(tx, tenant, row.id));
      const afterContacts = input.contacts ? normaliseContacts(input.contacts) : beforeContacts;
      const before = auditState(row, beforeContacts);
      const after = auditState({ ...row, ...next }, afterContacts);
      const changes = diffFields<AuditedState>(before, after, auditedFields);
      if (Object.keys(changes).length === 0) return presentDetail(tx, tenant, row);

      if (next.organisationNumber !== undefined)
        await ensureNumberIsFree(tx, tenant, next.organisationNumber, row.id);
      const [updated] = await tx
        .update(partnerOrganisations)
        .set({ ...next, version: sql`${partnerOrganisations.version} + 1`, updatedAt: new Date() })
        .where(eq(partnerOrganisations.id, row.id))
        .returning();
      if (!updated) throw notFound("partner");
      if (changes.contacts) await replaceContacts(tx, tenant, row.id, afterContacts);
      await recordAudit(
        tx,
        ctx.actor,
        {
          municipalityId: tenant.id,
          objectType: "organisation",
          objectId: row.id,
          objectLabel: updated.name,
          action: "update",
          changes,
        },
        ctx.requestId,
      );
      return presentDetail(tx, tenant, updated);
    }),
  );
}
