import { createHash, randomInt } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import type { DbOrTx } from "../../db/client.ts";
import { recoveryCodes, secondFactors } from "../../db/schema/index.ts";
import {
  formatRecoveryCode,
  normaliseRecoveryCode,
  recoveryCodeAlphabet,
  recoveryCodeCount,
  totpCodeOf,
} from "../../domain/second-factor.ts";
import type { SecretBox } from "../../infra/secret-box.ts";

/** RFC 6238 as authenticator apps expect it: SHA-1, six digits, 30-second steps. */
const period = 30;

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export const totpOf = (secretBase32: string, label: string) =>
  new TOTP({
    issuer: "Planverk",
    label,
    algorithm: "SHA1",
    digits: 6,
    period,
    secret: Secret.fromBase32(secretBase32),
  });

/**
 * The time step a typed code belongs to, when it is right for this secret: one step of clock drift
 * either way is accepted. A step at or before `lastUsedStep` is refused: a code works once.
 */
export function acceptedTotpStep(
  secretBase32: string,
  typed: string,
  lastUsedStep: number | null,
  now = Date.now(),
): number | null {
  const token = totpCodeOf(typed);
  if (!token) return null;
  const totp = totpOf(secretBase32, "check");
  const delta = totp.validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = totp.counter({ timestamp: now }) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

/** Recovery codes carry 60 random bits each; a fast hash is enough against a stolen table. */
export const hashRecoveryCode = (typed: string) =>
  createHash("sha256")
    .update(`recovery-code:${normaliseRecoveryCode(typed)}`)
    .digest("hex");

export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () =>
    formatRecoveryCode(
      Array.from({ length: 12 }, () => recoveryCodeAlphabet[randomInt(recoveryCodeAlphabet.length)]).join(""),
    ),
  );
}

/** Replaces a person's recovery codes with new ones; returns the codes (shown once, stored hashed). */
export async function replaceRecoveryCodes(tx: DbOrTx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

export type SecondFactorProof = { method: "totp" } | { method: "recovery_code"; codesLeft: number };

/**
 * Checks a typed code against a person's confirmed second factor, inside the caller's transaction
 * (the row is locked, so one code cannot be spent twice at once): a code from the app, or an unused
 * recovery code, which is spent. Null when it is neither.
 */
export async function proveSecondFactor(
  tx: DbOrTx,
  box: SecretBox,
  userId: string,
  typed: string,
): Promise<SecondFactorProof | null> {
  const [factor] = await tx
    .select()
    .from(secondFactors)
    .where(eq(secondFactors.userId, userId))
    .for("update");
  if (!factor?.enabledAt) return null;
  const step = acceptedTotpStep(box.open(factor.secret), typed, factor.lastUsedStep);
  if (step !== null) {
    await tx.update(secondFactors).set({ lastUsedStep: step }).where(eq(secondFactors.userId, userId));
    return { method: "totp" };
  }
  if (totpCodeOf(typed)) return null;
  const spent = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(typed)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  if (spent.length === 0) return null;
  const left = await tx
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return { method: "recovery_code", codesLeft: left.length };
}

/** The throttle counters a guess at a second factor counts against: the account's and the client's. */
export const secondFactorThrottleKeys = (userId: string, clientIp: string) => ({
  email: `second-factor:${userId}`,
  ip: `ip:${clientIp}`,
});
