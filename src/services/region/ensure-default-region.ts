import { inArray } from "drizzle-orm";
import { municipalities, regionMunicipalities, regions } from "../../db/schema/index.ts";
import { defaultRegion } from "../../domain/region.ts";
import type { ServiceContext } from "../context.ts";

/**
 * Makes sure the default region (Drammensregionen) exists, at every start. Its members are set only
 * when it is created, so an installation admin's later changes stay.
 */
export async function ensureDefaultRegion({ ctx }: { ctx: ServiceContext }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(regions)
      .values({ slug: defaultRegion.slug, name: defaultRegion.name })
      .onConflictDoNothing({ target: regions.slug })
      .returning();
    if (!created) return;
    const members = await tx
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(inArray(municipalities.number, [...defaultRegion.municipalityNumbers]));
    if (members.length > 0) {
      await tx
        .insert(regionMunicipalities)
        .values(members.map((m) => ({ regionId: created.id, municipalityId: m.id })))
        .onConflictDoNothing();
    }
  });
}
