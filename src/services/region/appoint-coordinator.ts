import { eq } from "drizzle-orm";
import { regionCoordinators, users } from "../../db/schema/index.ts";
import { normaliseEmail } from "../../domain/sign-in.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { authorizeRegionUpdate, loadRegion } from "./internal.ts";

/** Appoints a regional coordinator by e-mail (installation admins), audited. */
export async function appointCoordinator({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { slug: string; email: string };
}) {
  const region = await loadRegion(ctx, input.slug);
  authorizeRegionUpdate(ctx, region.id);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.email, normaliseEmail(input.email)));
    if (!user) throw new AppError("validation", "region.noSuchUser");
    const inserted = await tx
      .insert(regionCoordinators)
      .values({ regionId: region.id, userId: user.id })
      .onConflictDoNothing()
      .returning();
    if (inserted.length > 0) {
      await recordAudit(
        tx,
        ctx.actor,
        {
          municipalityId: null,
          objectType: "region",
          objectId: region.id,
          objectLabel: region.name,
          action: "appoint_coordinator",
          changes: { coordinator: { before: null, after: user.email } },
        },
        ctx.requestId,
      );
    }
    return { userId: user.id, name: user.name, email: user.email };
  });
}
