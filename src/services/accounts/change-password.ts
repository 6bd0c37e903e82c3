import { and, eq, ne } from "drizzle-orm";
import { sessions, users } from "../../db/schema/index.ts";
import { passwordProblem } from "../../domain/sign-in.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

/** Changes the signed-in person's password and signs out their other sessions. */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { currentPassword: string; newPassword: string; currentTokenHash: string };
}) {
  const actor = ctx.actor;
  if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInRequired");
  const problem = passwordProblem(input.newPassword);
  if (problem)
    throw new AppError("validation", "common.untranslated", { text: problem }, [
      { path: "/newPassword", message: problem },
    ]);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation", "auth.wrongCurrentPassword", {}, [
      { path: "/currentPassword", message: "Feil passord." },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
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
