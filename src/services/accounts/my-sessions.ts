import { createHash } from "node:crypto";
import { and, asc, eq, gt, ne } from "drizzle-orm";
import { sessions } from "../../db/schema/index.ts";
import { type Device, deviceOf } from "../../domain/user-agent.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

/**
 * The public id of a session: derived from the stored token hash, so it names the session without
 * revealing anything that opens it (the table has no id column of its own).
 */
export const sessionPublicId = (tokenHash: string) =>
  createHash("sha256").update(`session-id:${tokenHash}`).digest("base64url").slice(0, 22);

export type MySession = {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  /** The browser and system, from the User-Agent at sign-in. */
  device: Device;
  lastUsedAt: Date | null;
  current: boolean;
};

function requireUser(ctx: ServiceContext) {
  if (ctx.actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInRequired");
  return ctx.actor;
}

const liveSessionsOf = (ctx: ServiceContext, userId: string) =>
  ctx.db
    .select({
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
      lastUsedAt: sessions.lastUsedAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, new Date()),
        // A sign-in still waiting for its one-time code is not a session yet.
        ne(sessions.assurance, "pending_second_factor"),
      ),
    )
    .orderBy(asc(sessions.createdAt));

/** The signed-in person's live sessions, oldest first, the one making the request marked `current`. */
export async function listMySessions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { currentTokenHash: string };
}): Promise<MySession[]> {
  const actor = requireUser(ctx);
  const rows = await liveSessionsOf(ctx, actor.userId);
  return rows.map((r) => ({
    id: sessionPublicId(r.tokenHash),
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    device: deviceOf(r.userAgent),
    lastUsedAt: r.lastUsedAt,
    current: r.tokenHash === input.currentTokenHash,
  }));
}

/**
 * Ends one of the signed-in person's own sessions. Another person's session, or one that does not
 * exist, gets the same answer: not found.
 */
export async function endMySession({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const actor = requireUser(ctx);
  await ctx.db.transaction(async (tx) => {
    const own = await tx
      .select({ tokenHash: sessions.tokenHash })
      .from(sessions)
      .where(eq(sessions.userId, actor.userId));
    const target = own.find((s) => sessionPublicId(s.tokenHash) === input.id);
    if (!target) throw new AppError("not_found", "notFound.session");
    await tx
      .delete(sessions)
      .where(and(eq(sessions.tokenHash, target.tokenHash), eq(sessions.userId, actor.userId)));
    await recordAudit(
      tx,
      actor,
      {
        municipalityId: null,
        objectType: "user",
        objectId: actor.userId,
        objectLabel: actor.email,
        action: "end_session",
        changes: { session: { before: input.id, after: null } },
      },
      ctx.requestId,
    );
  });
}
