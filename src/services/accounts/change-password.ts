import { and, eq, ne } from "drizzle-orm";
import { sessions, signInThrottle, users } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { newPasswordProblem } from "./password-strength.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { countPasswordFailure, refuseWhileThrottled, throttleKeys } from "./sign-in.ts";

/** The notice a person gets when their password changes: if it was not them, they know at once. */
export function passwordChangedEmail(input: { name: string; publicUrl: string; at: Date }) {
  const when = input.at.toLocaleString("nb-NO", {
    timeZone: "Europe/Oslo",
    dateStyle: "long",
    timeStyle: "short",
  });
  return {
    subject: "Passordet ditt i Planverk er endret",
    text: [
      `Hei ${input.name},`,
      "",
      `Passordet ditt i Planverk ble endret ${when}. Andre innlogginger ble logget ut.`,
      "",
      "Var det ikke deg? Kontakt administratoren i kommunen din med en gang, slik at kontoen kan sperres",
      `og få nytt passord. Planverk: ${input.publicUrl}`,
    ].join("\n"),
  };
}

/**
 * Changes the signed-in person's password, signs out their other sessions, and e-mails them a
 * notice (after the change is saved; a mail failure does not undo it).
 */
export async function changePassword({
  ctx,
  input,
  notice,
}: {
  ctx: ServiceContext;
  input: { currentPassword: string; newPassword: string; currentTokenHash: string; clientIp: string };
  notice?: { mailer: Mailer; publicUrl: string };
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
  if (notice)
    await notice.mailer.send(
      {
        to: user.email,
        ...passwordChangedEmail({ name: user.name, publicUrl: notice.publicUrl, at: new Date() }),
      },
      { requestId: ctx.requestId },
    );
}
