import { eq } from "drizzle-orm";
import { sessions, users } from "../../db/schema/index.ts";
import { normaliseEmail } from "../../domain/sign-in.ts";
import { AppError } from "../../errors.ts";
import { hashPassword } from "../accounts/passwords.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

/** Sets a new password and ends every session of the person. */
export async function resetPassword({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { email: string; password: string };
}) {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.email, email))
      .returning();
    if (!user) throw new AppError("not_found", "notFound.userEmail", { email });
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(tx, ctx.actor, {
      municipalityId: null,
      objectType: "user",
      objectId: user.id,
      objectLabel: email,
      action: "reset_password",
      changes: { password: { before: "(skjult)", after: "(skjult)" } },
    });
    return user;
  });
}
