import { and, eq } from "drizzle-orm";
import { partnerOrganisations } from "../../db/schema/index.ts";
import type { OrganisationKind } from "../../domain/organisations.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import {
  loadParticipation,
  matchesSearch,
  nameCollator,
  type OrganisationSummary,
  present,
} from "./internal.ts";

/** The municipality's partner organisations, optionally searched by name and filtered by kind. */
export async function listOrganisations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; q?: string; kind?: OrganisationKind };
}): Promise<OrganisationSummary[]> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "read", "organisation", {}, "municipality");
  const [rows, participation] = await Promise.all([
    ctx.db
      .select()
      .from(partnerOrganisations)
      .where(
        and(
          eq(partnerOrganisations.municipalityId, tenant.id),
          input.kind ? eq(partnerOrganisations.kind, input.kind) : undefined,
        ),
      ),
    loadParticipation(ctx.db, tenant),
  ]);
  const measuresOf = new Map<string, Set<string>>();
  for (const p of participation) {
    const set = measuresOf.get(p.organisationId) ?? new Set<string>();
    set.add(p.measureId);
    measuresOf.set(p.organisationId, set);
  }
  // A municipality has tens or hundreds of partners: filtering here keeps æ, ø and å right
  // whatever collation the database was created with.
  return rows
    .filter((row) => matchesSearch(row, input.q ?? ""))
    .sort((a, b) => nameCollator.compare(a.name, b.name))
    .map((row) => present(row, tenant, measuresOf.get(row.id)?.size ?? 0));
}
