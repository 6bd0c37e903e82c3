import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { findOrganisation, type OrganisationDetail, presentDetail } from "./internal.ts";

/** One organisation with its contacts and the measures it takes part in. */
export async function getOrganisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; organisationId: string };
}): Promise<OrganisationDetail> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "read", "organisation", {}, "partner");
  const row = await findOrganisation(ctx.db, tenant, input.organisationId);
  return presentDetail(ctx.db, tenant, row);
}
