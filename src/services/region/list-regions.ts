import { asc, eq } from "drizzle-orm";
import { municipalities, regionMunicipalities, regions } from "../../db/schema/index.ts";
import { allowedActions } from "../../domain/permissions.ts";
import { subjectInRegion } from "../access.ts";
import type { ServiceContext } from "../context.ts";

/** The regions of the installation with their member municipalities. */
export async function listRegions({ ctx }: { ctx: ServiceContext }) {
  const [regionRows, memberRows] = await Promise.all([
    ctx.db.select().from(regions).orderBy(asc(regions.name)),
    ctx.db
      .select({
        regionId: regionMunicipalities.regionId,
        number: municipalities.number,
        name: municipalities.name,
        active: municipalities.active,
      })
      .from(regionMunicipalities)
      .innerJoin(municipalities, eq(municipalities.id, regionMunicipalities.municipalityId))
      .orderBy(asc(municipalities.name)),
  ]);
  return regionRows.map((r) => ({
    slug: r.slug,
    name: r.name,
    version: r.version,
    municipalities: memberRows.filter((m) => m.regionId === r.id).map(({ regionId: _r, ...m }) => m),
    allowedActions: allowedActions(subjectInRegion(ctx.actor, r.id), "region"),
  }));
}
