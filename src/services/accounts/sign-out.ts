import { eq } from "drizzle-orm";
import { sessions } from "../../db/schema/index.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

/** Ends a session for good: the cookie's token no longer opens anything. */
export async function signOut({ ctx, input }: { ctx: ServiceContext; input: { tokenHash: string } }) {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, input.tokenHash));
    if (ctx.actor.kind === "user") {
      await recordAudit(
        tx,
        ctx.actor,
        {
          municipalityId: null,
          objectType: "user",
          objectId: ctx.actor.userId,
          objectLabel: ctx.actor.email,
          action: "sign_out",
        },
        ctx.requestId,
      );
    }
  });
}
