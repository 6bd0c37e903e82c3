import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { memberships, secondFactors, signInThrottle, users } from "../../db/schema/index.ts";
import { freeFailures, normaliseEmail, signInDelaySeconds } from "../../domain/sign-in.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { verifyPassword } from "./passwords.ts";
import { createSession, openSession } from "./sessions.ts";

/** `secondFactorRequired`: the password was right, and the session waits for the one-time code. */
export type SignInResult = {
  token: string;
  csrfToken: string;
  userId: string;
  secondFactorRequired: boolean;
};

/** Counts a failure for a throttle key and sets how long the next try must wait. */
async function countFailure(db: DbOrTx, key: string, free: number) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(signInThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: { failures: sql`${signInThrottle.failures} + 1` },
      })
      .returning();
    const delayMs = signInDelaySeconds(row?.failures ?? 1, free) * 1000;
    await tx
      .update(signInThrottle)
      .set({ lockedUntil: new Date(Date.now() + delayMs) })
      .where(eq(signInThrottle.key, key));
  });
}

/** The throttle counters a password guess counts against: the account's address and the client's. */
export const throttleKeys = (email: string, clientIp: string) => ({
  email: `email:${normaliseEmail(email)}`,
  ip: `ip:${clientIp}`,
});

/**
 * Refuses (429, with how long to wait) while either counter is locked. Every check of a password
 * goes through here first: signing in and confirming the current password to change it.
 */
export async function refuseWhileThrottled(db: DbOrTx, keys: { email: string; ip: string }) {
  const throttles = await db
    .select()
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, [keys.email, keys.ip]));
  const waitMs = Math.max(0, ...throttles.map((t) => t.lockedUntil.getTime() - Date.now()));
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    throw new AppError("too_many_requests", "auth.tooManyAttempts", { seconds: retryAfterSeconds }, [
      { path: "/", code: "throttled", retryAfterSeconds },
    ]);
  }
}

/** A wrong password: counted for the account's address and for the client. */
export async function countPasswordFailure(db: DbOrTx, keys: { email: string; ip: string }) {
  await countFailure(db, keys.email, freeFailures.email);
  await countFailure(db, keys.ip, freeFailures.ip);
}

/**
 * A failed sign-in in the audit trail (never the password given): in the trail of each municipality
 * the account belongs to, so its admins see attempts on their people; an address without an account
 * goes to the installation's trail (no municipality).
 */
export async function recordFailedSignIn(
  ctx: ServiceContext,
  attempt: { email: string; clientIp: string; userId: string | null; reason: string },
) {
  const places = attempt.userId
    ? (
        await ctx.db
          .select({ municipalityId: memberships.municipalityId })
          .from(memberships)
          .where(eq(memberships.userId, attempt.userId))
      ).map((m) => m.municipalityId)
    : [];
  for (const municipalityId of places.length > 0 ? places : [null])
    await recordAudit(
      ctx.db,
      ctx.actor,
      {
        municipalityId,
        objectType: "user",
        objectId: attempt.userId ?? attempt.email,
        objectLabel: attempt.email,
        action: "sign_in_failed",
        changes: {
          clientAddress: { before: null, after: attempt.clientIp },
          reason: { before: null, after: attempt.reason },
        },
      },
      ctx.requestId,
    );
}

/**
 * Signs in with e-mail and password. Failures per address and per client make the next try wait
 * longer (src/domain/sign-in.ts); the answer never says whether the address has an account.
 */
export async function signInWithPassword({
  ctx,
  input,
  refuseDemoUsers,
}: {
  ctx: ServiceContext;
  /** replacesTokenHash: the session the client signs in from, if any; it ends. */
  input: {
    email: string;
    password: string;
    clientIp: string;
    replacesTokenHash?: string | null;
    userAgent?: string | null;
  };
  refuseDemoUsers: boolean;
}): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const keys = throttleKeys(email, input.clientIp);
  await refuseWhileThrottled(ctx.db, keys);

  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || !user.active || (refuseDemoUsers && user.isDemo)) {
    await countPasswordFailure(ctx.db, keys);
    const reason = !user
      ? "unknown_account"
      : !passwordOk
        ? "wrong_password"
        : !user.active
          ? "inactive"
          : "demo_user";
    await recordFailedSignIn(ctx, { email, clientIp: input.clientIp, userId: user?.id ?? null, reason });
    throw new AppError("unauthenticated", "auth.wrongCredentials");
  }

  return ctx.db.transaction(async (tx) => {
    await tx.delete(signInThrottle).where(eq(signInThrottle.key, keys.email));
    const [factor] = await tx.select().from(secondFactors).where(eq(secondFactors.userId, user.id));
    if (factor?.enabledAt) {
      // The sign-in is recorded when the code comes (sign-in-second-factor.ts); until then the
      // session opens nothing else.
      const pending = await createSession(tx, user.id, input.replacesTokenHash, {
        assurance: "pending_second_factor",
        userAgent: input.userAgent,
      });
      return { ...pending, userId: user.id, secondFactorRequired: true };
    }
    const session = await openSession(tx, user, {
      action: "sign_in",
      requestId: ctx.requestId,
      replacesTokenHash: input.replacesTokenHash,
      userAgent: input.userAgent,
    });
    return { ...session, userId: user.id, secondFactorRequired: false };
  });
}
