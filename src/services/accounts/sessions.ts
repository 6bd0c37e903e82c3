import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  memberships,
  municipalities,
  regionCoordinators,
  regionMunicipalities,
  secondFactors,
  sessions,
  users,
} from "../../db/schema/index.ts";
import type { FieldChanges } from "../../domain/audit.ts";
import { pendingSecondFactorMs, type SessionAssurance } from "../../domain/second-factor.ts";
import { recordAudit } from "../audit.ts";
import { type Actor, accountActor } from "../context.ts";

export const sessionCookie = "planverk_session";
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const newToken = () => randomBytes(32).toString("base64url");

/**
 * Starts a session for a user; returns the cookie token (only its hash is stored). The token is
 * always new: a session the client already holds (`replacesTokenHash`) ends here, so a token planted
 * before sign-in never becomes a signed-in one (session fixation).
 */
export async function createSession(
  tx: DbOrTx,
  userId: string,
  replacesTokenHash?: string | null,
  options: { assurance?: SessionAssurance; userAgent?: string | null } = {},
): Promise<{ token: string; csrfToken: string }> {
  if (replacesTokenHash) await tx.delete(sessions).where(eq(sessions.tokenHash, replacesTokenHash));
  const token = newToken();
  const csrfToken = newToken();
  const assurance = options.assurance ?? "password";
  const now = new Date();
  await tx.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    assurance,
    userAgent: options.userAgent?.slice(0, 500) || null,
    lastUsedAt: now,
    // Between the password and the one-time code, the session lives only minutes.
    expiresAt: new Date(
      now.getTime() + (assurance === "pending_second_factor" ? pendingSecondFactorMs : sessionLifetimeMs),
    ),
  });
  return { token, csrfToken };
}

export type LoadedSession = {
  tokenHash: string;
  csrfToken: string;
  actor: Extract<Actor, { kind: "user" }>;
  assurance: SessionAssurance;
  lastUsedAt: Date | null;
  /** The person has a confirmed second factor. */
  secondFactorEnabled: boolean;
};

/** How often a session's «last used» is written: at most once a minute, not on every request. */
export const lastUsedResolutionMs = 60 * 1000;

/** Records that a session was used now, when its «last used» is older than a minute. */
export async function touchSession(db: DbOrTx, session: Pick<LoadedSession, "tokenHash" | "lastUsedAt">) {
  const now = Date.now();
  if (session.lastUsedAt && now - session.lastUsedAt.getTime() < lastUsedResolutionMs) return;
  await db
    .update(sessions)
    .set({ lastUsedAt: new Date(now) })
    .where(eq(sessions.tokenHash, session.tokenHash));
}

/** The live session for a cookie token, with the user's roles; null when unknown, expired or inactive. */
export async function loadSession(db: DbOrTx, token: string): Promise<LoadedSession | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      userId: users.id,
      email: users.email,
      name: users.name,
      isSystemAdmin: users.isSystemAdmin,
      assurance: sessions.assurance,
      lastUsedAt: sessions.lastUsedAt,
      secondFactorEnabledAt: secondFactors.enabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(secondFactors, and(eq(secondFactors.userId, users.id), isNotNull(secondFactors.enabledAt)))
    .where(
      and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date()), eq(users.active, true)),
    );
  if (!row) return null;
  const roleRows = await db
    .select({ municipalityId: memberships.municipalityId, role: memberships.role })
    .from(memberships)
    .innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .where(and(eq(memberships.userId, row.userId), eq(municipalities.active, true)));
  // Regions the person coordinates (few rows; none for almost everyone).
  const coordinatorRows = await db
    .select({ regionId: regionCoordinators.regionId, municipalityId: regionMunicipalities.municipalityId })
    .from(regionCoordinators)
    .leftJoin(regionMunicipalities, eq(regionMunicipalities.regionId, regionCoordinators.regionId))
    .where(eq(regionCoordinators.userId, row.userId));
  return {
    tokenHash,
    csrfToken: row.csrfToken,
    assurance: row.assurance,
    lastUsedAt: row.lastUsedAt,
    secondFactorEnabled: row.secondFactorEnabledAt !== null,
    actor: {
      kind: "user",
      userId: row.userId,
      email: row.email,
      name: row.name,
      isSystemAdmin: row.isSystemAdmin,
      roles: Object.fromEntries(roleRows.map((r) => [r.municipalityId, r.role])),
      coordinatorRegionIds: [...new Set(coordinatorRows.map((r) => r.regionId))],
      coordinatorMunicipalityIds: coordinatorRows.flatMap((r) =>
        r.municipalityId ? [r.municipalityId] : [],
      ),
    },
  };
}

/** Starts a session for someone who has just proved who they are, and records the sign-in. */
export async function openSession(
  tx: DbOrTx,
  user: { id: string; email: string; name: string; isSystemAdmin: boolean },
  sign: {
    action: string;
    changes?: FieldChanges;
    requestId?: string;
    replacesTokenHash?: string | null;
    assurance?: SessionAssurance;
    userAgent?: string | null;
  },
): Promise<{ token: string; csrfToken: string }> {
  const session = await createSession(tx, user.id, sign.replacesTokenHash, {
    assurance: sign.assurance,
    userAgent: sign.userAgent,
  });
  await recordAudit(
    tx,
    accountActor(user),
    {
      municipalityId: null,
      objectType: "user",
      objectId: user.id,
      objectLabel: user.email,
      action: sign.action,
      changes: sign.changes,
    },
    sign.requestId,
  );
  return session;
}
