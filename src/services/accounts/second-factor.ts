import { and, count, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import { recoveryCodes, secondFactors, sessions, signInThrottle, users } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import type { Mailer } from "../../infra/mailer.ts";
import type { SecretBox } from "../../infra/secret-box.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { verifyPassword } from "./passwords.ts";
import {
  acceptedTotpStep,
  newTotpSecret,
  proveSecondFactor,
  replaceRecoveryCodes,
  secondFactorThrottleKeys,
  totpOf,
} from "./second-factor-internal.ts";
import { countPasswordFailure, refuseWhileThrottled } from "./sign-in.ts";

export type SecondFactorNotice = { mailer: Mailer; publicUrl: string };

/** The notice a person gets when their second factor is turned on or off: if it was not them, they know. */
export function secondFactorChangedEmail(input: { name: string; publicUrl: string; at: Date; on: boolean }) {
  const when = input.at.toLocaleString("nb-NO", {
    timeZone: "Europe/Oslo",
    dateStyle: "long",
    timeStyle: "short",
  });
  return {
    subject: input.on
      ? "Totrinnsinnlogging er slått på for kontoen din i Planverk"
      : "Totrinnsinnlogging er slått av for kontoen din i Planverk",
    text: [
      `Hei ${input.name},`,
      "",
      input.on
        ? `Totrinnsinnlogging (kode fra en autentiseringsapp) ble slått på for kontoen din ${when}.`
        : `Totrinnsinnlogging ble slått av for kontoen din ${when}. Nå holder passordet alene for å logge inn.`,
      "",
      "Var det ikke deg? Kontakt administratoren i kommunen din med en gang, slik at kontoen kan sperres.",
      `Planverk: ${input.publicUrl}`,
    ].join("\n"),
  };
}

function requireUser(ctx: ServiceContext) {
  if (ctx.actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInRequired");
  return ctx.actor;
}

/** Whether the signed-in person has a second factor, and how many recovery codes are left. */
export async function secondFactorStatus({ ctx }: { ctx: ServiceContext }) {
  const actor = requireUser(ctx);
  const [factor] = await ctx.db.select().from(secondFactors).where(eq(secondFactors.userId, actor.userId));
  const [left] = await ctx.db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, actor.userId), isNull(recoveryCodes.usedAt)));
  return { enabled: Boolean(factor?.enabledAt), recoveryCodesLeft: factor?.enabledAt ? (left?.n ?? 0) : 0 };
}

/**
 * Starts setting up an authenticator app: a new secret, kept unconfirmed until a code from the app
 * proves it was copied right. Answers the secret for typing in, its otpauth address, and that
 * address as a QR code (SVG).
 */
export async function startSecondFactorSetup({ ctx, box }: { ctx: ServiceContext; box: SecretBox }) {
  const actor = requireUser(ctx);
  const [existing] = await ctx.db.select().from(secondFactors).where(eq(secondFactors.userId, actor.userId));
  if (existing?.enabledAt) throw new AppError("conflict", "auth.secondFactorAlreadyOn");
  const secret = newTotpSecret();
  await ctx.db
    .insert(secondFactors)
    .values({ userId: actor.userId, secret: box.seal(secret) })
    .onConflictDoUpdate({
      target: secondFactors.userId,
      set: { secret: box.seal(secret), enabledAt: null, lastUsedStep: null, createdAt: new Date() },
    });
  const uri = totpOf(secret, actor.email).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

async function sendNotice(ctx: ServiceContext, notice: SecondFactorNotice | undefined, on: boolean) {
  const actor = requireUser(ctx);
  if (!notice) return;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) return;
  await notice.mailer.send(
    {
      to: user.email,
      ...secondFactorChangedEmail({ name: user.name, publicUrl: notice.publicUrl, at: new Date(), on }),
    },
    { requestId: ctx.requestId },
  );
}

/**
 * Turns the second factor on once a code from the app matches the secret being set up. Answers ten
 * new recovery codes, shown this once (only their hashes are kept). The current session counts as
 * signed in with two factors from now on. Audited, and the person gets an e-mail.
 */
export async function confirmSecondFactor({
  ctx,
  input,
  box,
  notice,
}: {
  ctx: ServiceContext;
  input: { code: string; currentTokenHash: string; clientIp: string };
  box: SecretBox;
  notice?: SecondFactorNotice;
}): Promise<{ recoveryCodes: string[] }> {
  const actor = requireUser(ctx);
  const keys = secondFactorThrottleKeys(actor.userId, input.clientIp);
  await refuseWhileThrottled(ctx.db, keys);
  const [factor] = await ctx.db.select().from(secondFactors).where(eq(secondFactors.userId, actor.userId));
  if (!factor) throw new AppError("conflict", "auth.secondFactorNotStarted");
  if (factor.enabledAt) throw new AppError("conflict", "auth.secondFactorAlreadyOn");
  const step = acceptedTotpStep(box.open(factor.secret), input.code, null);
  if (step === null) {
    await countPasswordFailure(ctx.db, keys);
    throw new AppError("validation", "auth.wrongSecondFactorCode", {}, [
      { path: "/code", message: "Feil kode." },
    ]);
  }
  const codes = await ctx.db.transaction(async (tx) => {
    await tx.delete(signInThrottle).where(eq(signInThrottle.key, keys.email));
    await tx
      .update(secondFactors)
      .set({ enabledAt: new Date(), lastUsedStep: step })
      .where(eq(secondFactors.userId, actor.userId));
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    await tx
      .update(sessions)
      .set({ assurance: "two_factor" })
      .where(and(eq(sessions.tokenHash, input.currentTokenHash), eq(sessions.userId, actor.userId)));
    await recordAudit(
      tx,
      actor,
      {
        municipalityId: null,
        objectType: "user",
        objectId: actor.userId,
        objectLabel: actor.email,
        action: "enable_second_factor",
        changes: { secondFactor: { before: null, after: "totp" } },
      },
      ctx.requestId,
    );
    return codes;
  });
  await sendNotice(ctx, notice, true);
  return { recoveryCodes: codes };
}

/**
 * Turns the second factor off. Needs a current code from the app, a recovery code or the password;
 * wrong guesses are throttled like sign-in. Audited, and the person gets an e-mail.
 */
export async function disableSecondFactor({
  ctx,
  input,
  box,
  notice,
}: {
  ctx: ServiceContext;
  input: { code?: string; password?: string; clientIp: string };
  box: SecretBox;
  notice?: SecondFactorNotice;
}) {
  const actor = requireUser(ctx);
  const keys = secondFactorThrottleKeys(actor.userId, input.clientIp);
  await refuseWhileThrottled(ctx.db, keys);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError("unauthenticated", "auth.signInRequired");
  const passwordOk = input.password ? await verifyPassword(user.passwordHash, input.password) : false;
  const done = await ctx.db.transaction(async (tx) => {
    const [factor] = await tx.select().from(secondFactors).where(eq(secondFactors.userId, actor.userId));
    if (!factor?.enabledAt) throw new AppError("conflict", "auth.secondFactorNotOn");
    const proof = passwordOk
      ? { method: "password" }
      : input.code
        ? await proveSecondFactor(tx, box, actor.userId, input.code)
        : null;
    if (!proof) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
    await tx.delete(secondFactors).where(eq(secondFactors.userId, actor.userId));
    await tx.delete(signInThrottle).where(eq(signInThrottle.key, keys.email));
    await recordAudit(
      tx,
      actor,
      {
        municipalityId: null,
        objectType: "user",
        objectId: actor.userId,
        objectLabel: actor.email,
        action: "disable_second_factor",
        changes: {
          secondFactor: { before: "totp", after: null },
          confirmedWith: { before: null, after: proof.method },
        },
      },
      ctx.requestId,
    );
    return true;
  });
  if (!done) {
    await countPasswordFailure(ctx.db, keys);
    throw new AppError("validation", "auth.secondFactorProofWrong", {}, [
      { path: input.code ? "/code" : "/password", message: "Feil kode eller passord." },
    ]);
  }
  await sendNotice(ctx, notice, false);
}
