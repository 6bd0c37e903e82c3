import { eq } from "drizzle-orm";
import { municipalities } from "../../db/schema/index.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";

export type MunicipalityPublicSettings = {
  number: string;
  name: string;
  /** The address of the accessibility statement (tilgjengelighetserklæring); "" when not set. */
  accessibilityStatementUrl: string;
  /** The organisation number in Enhetsregisteret, the open data catalogue's publisher; null when not set. */
  organisationNumber: string | null;
};

/** What the public pages and the open data catalogue say about the municipality itself (its admins). */
export async function getPublicSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}): Promise<MunicipalityPublicSettings> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "municipality");
  const [row] = await ctx.db
    .select({
      number: municipalities.number,
      name: municipalities.name,
      accessibilityStatementUrl: municipalities.accessibilityStatementUrl,
      organisationNumber: municipalities.organisationNumber,
    })
    .from(municipalities)
    .where(eq(municipalities.id, tenant.id));
  return row as MunicipalityPublicSettings;
}
