import { and, eq } from "drizzle-orm";
import { sessions, users } from "../../db/schema/index.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

/** Deactivates the demo accounts (their passwords are public) and ends their sessions. */
export async function disableDemoUsers({ ctx }: { ctx: ServiceContext }) {
  return ctx.db.transaction(async (tx) => {
    const demo = await tx
      .update(users)
      .set({ active: false, updatedAt: new Date() })
      .where(and(eq(users.isDemo, true), eq(users.active, true)))
      .returning();
    for (const user of demo) {
      await tx.delete(sessions).where(eq(sessions.userId, user.id));
      await recordAudit(tx, ctx.actor, {
        municipalityId: null,
        objectType: "user",
        objectId: user.id,
        objectLabel: user.email,
        action: "deactivate",
        changes: { active: { before: true, after: false } },
      });
    }
    return demo.length;
  });
}
