import { eq } from "drizzle-orm";
import { regions } from "../../db/schema/index.ts";
import { can } from "../../domain/permissions.ts";
import { AppError, notFound } from "../../errors.ts";
import { subjectInRegion } from "../access.ts";
import type { ServiceContext } from "../context.ts";

export async function loadRegion(ctx: ServiceContext, slug: string) {
  const [region] = await ctx.db.select().from(regions).where(eq(regions.slug, slug));
  if (!region) throw notFound("region");
  return region;
}

export function authorizeRegionUpdate(ctx: ServiceContext, regionId: string) {
  if (can(subjectInRegion(ctx.actor, regionId), "update", "region")) return;
  if (ctx.actor.kind === "anonymous") throw new AppError("unauthenticated", "auth.signInRequired");
  throw new AppError("forbidden", "region.adminsOnly");
}
