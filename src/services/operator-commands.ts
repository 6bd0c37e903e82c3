import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { memberships, municipalities, sessions, users } from "../db/schema/index.ts";
import { normaliseEmail } from "../domain/sign-in.ts";
import { AppError } from "../errors.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";
import { hashPassword } from "./passwords.ts";

/** Operator use cases behind `npm run planverk -- <command>`; each runs as the system actor and is audited. */

export const generatePassword = () => randomBytes(12).toString("base64url");

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

/** Everyone with an account, with their roles. */
export async function listUsers({ ctx }: { ctx: ServiceContext }) {
  const rows = await ctx.db
    .select({
      email: users.email,
      name: users.name,
      active: users.active,
      isSystemAdmin: users.isSystemAdmin,
      isDemo: users.isDemo,
      municipality: municipalities.name,
      role: memberships.role,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .orderBy(asc(users.email));
  return rows;
}

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
