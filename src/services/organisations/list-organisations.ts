import { and, eq } from "drizzle-orm";
import { partnerOrganisations } from "../../db/schema/index.ts";
import type { OrganisationKind } from "../../domain/organisations.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { type Page, type PageInput, pageOfSorted } from "../paging.ts";
import {
  loadParticipation,
  matchesSearch,
  nameCollator,
  type OrganisationSummary,
  present,
} from "./internal.ts";

/**
 * The municipality's partner organisations, optionally searched by name and filtered by kind, by
 * name (then id, so equal names keep one order), a page at a time.
 */
export async function listOrganisations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; q?: string; kind?: OrganisationKind } & PageInput;
}): Promise<Page<OrganisationSummary>> {
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
  const sorted = rows
    .filter((row) => matchesSearch(row, input.q ?? ""))
    .sort((a, b) => nameCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = pageOfSorted("organisations", sorted, (row) => row.id, input);
  return { ...page, items: page.items.map((row) => present(row, tenant, measuresOf.get(row.id)?.size ?? 0)) };
}
