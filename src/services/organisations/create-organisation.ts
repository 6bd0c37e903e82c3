import { partnerOrganisations } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import type { OrganisationKind } from "../../domain/organisations.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import {
  type AuditedState,
  auditedFields,
  auditState,
  type ContactInput,
  ensureNumberIsFree,
  normaliseContacts,
  normaliseFields,
  type OrganisationDetail,
  type OrganisationFields,
  presentDetail,
  replaceContacts,
  withDuplicateAsConflict,
} from "./internal.ts";

/** Registers a partner organisation with its contacts (planners), in one audited transaction. */
export async function createOrganisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    name: string;
    kind: OrganisationKind;
    organisationNumber?: string | null;
    website?: string | null;
    contacts?: ContactInput[];
  };
}): Promise<OrganisationDetail> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "create", "organisation", {}, "municipality");
  const fields = normaliseFields({
    name: input.name,
    kind: input.kind,
    organisationNumber: input.organisationNumber ?? null,
    website: input.website ?? null,
  }) as OrganisationFields;
  const contacts = normaliseContacts(input.contacts ?? []);
  return withDuplicateAsConflict(fields.organisationNumber, () =>
    ctx.db.transaction(async (tx) => {
      await ensureNumberIsFree(tx, tenant, fields.organisationNumber);
      const [created] = await tx
        .insert(partnerOrganisations)
        .values({ ...fields, municipalityId: tenant.id })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await replaceContacts(tx, tenant, created.id, contacts);
      await recordAudit(
        tx,
        ctx.actor,
        {
          municipalityId: tenant.id,
          objectType: "organisation",
          objectId: created.id,
          objectLabel: created.name,
          action: "create",
          changes: diffFields<AuditedState>(null, auditState(created, contacts), auditedFields),
        },
        ctx.requestId,
      );
      return presentDetail(tx, tenant, created);
    }),
  );
}
