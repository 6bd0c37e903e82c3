import { and, eq, ne } from "drizzle-orm";
import { sessions, signInThrottle, users } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { newPasswordProblem } from "./password-strength.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { countPasswordFailure, refuseWhileThrottled, throttleKeys } from "./sign-in.ts";

/** Changes the signed-in person's password and signs out their other sessions. */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { currentPassword: string; newPassword: string; currentTokenHash: string; clientIp: string };
}) {
  const actor = ctx.actor;
  if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInRequired");
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError("unauthenticated", "auth.signInRequired");
  const problem = newPasswordProblem(input.newPassword, [user.name, user.email]);
  if (problem)
    throw new AppError("validation", "common.untranslated", { text: problem }, [
      { path: "/newPassword", message: problem },
    ]);
  // Guessing the current password is throttled exactly like guessing it at sign-in.
  const keys = throttleKeys(user.email, input.clientIp);
  await refuseWhileThrottled(ctx.db, keys);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await countPasswordFailure(ctx.db, keys);
    throw new AppError("validation", "auth.wrongCurrentPassword", {}, [
      { path: "/currentPassword", message: "Feil passord." },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(signInThrottle).where(eq(signInThrottle.key, keys.email));
    await tx
      .update(users)
      .set({ passwordHash, version: user.version + 1, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, input.currentTokenHash)));
    await recordAudit(
      tx,
      actor,
      {
        municipalityId: null,
        objectType: "user",
        objectId: user.id,
        objectLabel: user.email,
        action: "change_password",
        changes: { password: { before: "(skjult)", after: "(skjult)" } },
      },
      ctx.requestId,
    );
  });
}
