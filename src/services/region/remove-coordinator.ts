import { and, eq } from "drizzle-orm";
import { regionCoordinators, users } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { authorizeRegionUpdate, loadRegion } from "./internal.ts";

/** Ends a coordinator appointment (installation admins), audited. */
export async function removeCoordinator({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { slug: string; userId: string };
}) {
  const region = await loadRegion(ctx, input.slug);
  authorizeRegionUpdate(ctx, region.id);
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(regionCoordinators)
      .where(and(eq(regionCoordinators.regionId, region.id), eq(regionCoordinators.userId, input.userId)))
      .returning();
    if (removed.length === 0) throw notFound("coordinator");
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: null,
        objectType: "region",
        objectId: region.id,
        objectLabel: region.name,
        action: "remove_coordinator",
        changes: { coordinator: { before: user?.email ?? input.userId, after: null } },
      },
      ctx.requestId,
    );
  });
}
