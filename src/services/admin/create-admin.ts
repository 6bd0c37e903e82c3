import { eq } from "drizzle-orm";
import { memberships, municipalities, users } from "../../db/schema/index.ts";
import { normaliseEmail } from "../../domain/sign-in.ts";
import { AppError } from "../../errors.ts";
import { hashPassword } from "../accounts/passwords.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

/**
 * Creates the first administrator (or makes an existing person one): an installation admin, and
 * admin of a municipality when one is named (activating it).
 */
export async function createAdmin({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { email: string; name: string; password: string; municipalityNumber?: string };
}) {
  const email = normaliseEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+$/.test(email))
    throw new AppError("validation", "auth.invalidEmail", { email: input.email });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, name: input.name, passwordHash, isSystemAdmin: true })
      .onConflictDoUpdate({ target: users.email, set: { isSystemAdmin: true, active: true, passwordHash } })
      .returning();
    if (!user) throw new Error("user not saved");
    await recordAudit(tx, ctx.actor, {
      municipalityId: null,
      objectType: "user",
      objectId: user.id,
      objectLabel: email,
      action: "create_admin",
      changes: { isSystemAdmin: { before: null, after: true } },
    });
    if (input.municipalityNumber) {
      const [municipality] = await tx
        .update(municipalities)
        .set({ active: true })
        .where(eq(municipalities.number, input.municipalityNumber))
        .returning();
      if (!municipality)
        throw new AppError("not_found", "notFound.municipalityNumber", { number: input.municipalityNumber });
      await tx
        .insert(memberships)
        .values({ municipalityId: municipality.id, userId: user.id, role: "admin" })
        .onConflictDoUpdate({
          target: [memberships.userId, memberships.municipalityId],
          set: { role: "admin" },
        });
      await recordAudit(tx, ctx.actor, {
        municipalityId: municipality.id,
        objectType: "membership",
        objectId: user.id,
        objectLabel: email,
        action: "grant_admin",
        changes: { role: { before: null, after: "admin" } },
      });
    }
    return user;
  });
}
