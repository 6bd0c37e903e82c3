import { asc, eq } from "drizzle-orm";
import { municipalities, regionCoordinators, regionMunicipalities, users } from "../../db/schema/index.ts";
import type { ServiceContext } from "../context.ts";
import { authorizeRegionUpdate, loadRegion } from "./internal.ts";

/** The region's settings for an installation admin: members and coordinators. */
export async function getRegionSettings({ ctx, input }: { ctx: ServiceContext; input: { slug: string } }) {
  const region = await loadRegion(ctx, input.slug);
  authorizeRegionUpdate(ctx, region.id);
  const [members, coordinators] = await Promise.all([
    ctx.db
      .select({ number: municipalities.number, name: municipalities.name })
      .from(regionMunicipalities)
      .innerJoin(municipalities, eq(municipalities.id, regionMunicipalities.municipalityId))
      .where(eq(regionMunicipalities.regionId, region.id))
      .orderBy(asc(municipalities.number)),
    ctx.db
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(regionCoordinators)
      .innerJoin(users, eq(users.id, regionCoordinators.userId))
      .where(eq(regionCoordinators.regionId, region.id))
      .orderBy(asc(users.name)),
  ]);
  return {
    slug: region.slug,
    name: region.name,
    version: region.version,
    municipalityNumbers: members.map((m) => m.number),
    coordinators,
  };
}
