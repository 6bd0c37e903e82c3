import { and, eq, gt } from "drizzle-orm";
import { sessions, signInThrottle, users } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import type { SecretBox } from "../../infra/secret-box.ts";
import { recordAudit } from "../audit.ts";
import { accountActor, type ServiceContext } from "../context.ts";
import { proveSecondFactor, secondFactorThrottleKeys } from "./second-factor-internal.ts";
import { openSession } from "./sessions.ts";
import {
  countPasswordFailure,
  recordFailedSignIn,
  refuseWhileThrottled,
  type SignInResult,
} from "./sign-in.ts";

/**
 * The second step of signing in: the session the right password opened waits for a code from the
 * authenticator app, or a recovery code (spent, and audited). A right one replaces the waiting
 * session with a full one (a new token); wrong ones are throttled like wrong passwords and audited
 * as failed sign-ins.
 */
export async function completeSecondFactorSignIn({
  ctx,
  input,
  box,
}: {
  ctx: ServiceContext;
  input: { pendingTokenHash: string; code: string; clientIp: string; userAgent?: string | null };
  box: SecretBox;
}): Promise<SignInResult> {
  const [pending] = await ctx.db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, input.pendingTokenHash),
        eq(sessions.assurance, "pending_second_factor"),
        gt(sessions.expiresAt, new Date()),
      ),
    );
  if (!pending?.user.active) throw new AppError("unauthenticated", "auth.secondFactorStepExpired");
  const user = pending.user;
  const keys = secondFactorThrottleKeys(user.id, input.clientIp);
  await refuseWhileThrottled(ctx.db, keys);

  const result = await ctx.db.transaction(async (tx) => {
    const proof = await proveSecondFactor(tx, box, user.id, input.code);
    if (!proof) return null;
    await tx.delete(signInThrottle).where(eq(signInThrottle.key, keys.email));
    const session = await openSession(tx, user, {
      action: "sign_in",
      changes: { secondFactor: { before: null, after: proof.method } },
      requestId: ctx.requestId,
      replacesTokenHash: input.pendingTokenHash,
      assurance: "two_factor",
      userAgent: input.userAgent,
    });
    if (proof.method === "recovery_code")
      await recordAudit(
        tx,
        accountActor(user),
        {
          municipalityId: null,
          objectType: "user",
          objectId: user.id,
          objectLabel: user.email,
          action: "use_recovery_code",
          changes: { recoveryCodesLeft: { before: proof.codesLeft + 1, after: proof.codesLeft } },
        },
        ctx.requestId,
      );
    return { ...session, userId: user.id, secondFactorRequired: false };
  });
  if (!result) {
    await countPasswordFailure(ctx.db, keys);
    await recordFailedSignIn(ctx, {
      email: user.email,
      clientIp: input.clientIp,
      userId: user.id,
      reason: "wrong_second_factor",
    });
    throw new AppError("validation", "auth.wrongSecondFactorCode", {}, [
      { path: "/code", message: "Feil kode." },
    ]);
  }
  return result;
}
