import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { invitations, memberships, municipalities, users } from "../../db/schema/index.ts";
import { acceptPath, invitationStatus, unusableInvitationMessage } from "../../domain/invitation.ts";
import type { Role } from "../../domain/permissions.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { newPasswordProblem } from "./password-strength.ts";
import { hashPassword } from "./passwords.ts";
import { createSession, hashToken } from "./sessions.ts";

export type AcceptInvitationResult = {
  municipality: { number: string; name: string };
  role: Role;
  accountCreated: boolean;
  /** A session for a newly created account, so the person is signed in straight away. */
  session: { token: string; csrfToken: string } | null;
};

type UserActor = Extract<Actor, { kind: "user" }>;

async function findInvitation(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      municipalityId: invitations.municipalityId,
      email: invitations.email,
      role: invitations.role,
      organisationId: invitations.organisationId,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      withdrawnAt: invitations.withdrawnAt,
      number: municipalities.number,
      name: municipalities.name,
      accountId: users.id,
    })
    .from(invitations)
    .innerJoin(municipalities, eq(municipalities.id, invitations.municipalityId))
    // In the same statement, so the answer about the account matches the invitation's state.
    .leftJoin(users, eq(users.email, invitations.email))
    .where(and(eq(invitations.tokenHash, tokenHash), eq(municipalities.active, true)));
  if (!row) throw notFound("invitation");
  return row;
}

function refuseUnusable(invitation: { expiresAt: Date; acceptedAt: Date | null; withdrawnAt: Date | null }) {
  const problem = unusableInvitationMessage(invitationStatus(invitation, new Date()));
  if (problem) throw new AppError("validation", "common.untranslated", { text: problem });
}

/**
 * Accepts an invitation: the invited person gets the role (a new account first when they have none,
 * signed in straight away). The link works once: the invitation row is locked for the transaction,
 * so of two accepts at the same moment the second sees it used.
 */
export async function acceptInvitation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { token: string; name?: string; password?: string };
}): Promise<AcceptInvitationResult> {
  const tokenHash = hashToken(input.token);
  const found = await findInvitation(ctx.db, tokenHash);
  refuseUnusable(found);

  const actor = ctx.actor;
  const path = acceptPath({
    invitationEmail: found.email,
    signedInEmail: actor.kind === "user" ? actor.email : null,
    accountExists: found.accountId !== null,
  });
  const signInFirst = () => new AppError("unauthenticated", "invitation.signInAs", { email: found.email });
  if (path === "wrong_person") {
    throw new AppError("forbidden", "invitation.wrongPerson", { email: found.email });
  }
  if (path === "sign_in_first") throw signInFirst();

  let newAccount: { name: string; passwordHash: string } | null = null;
  if (path === "create_account") {
    const name = input.name?.trim() ?? "";
    const password = input.password ?? "";
    const problems: { path: string; message: string }[] = [];
    if (!name) problems.push({ path: "/name", message: "Skriv navnet ditt." });
    const passwordMessage = newPasswordProblem(password, [name, found.email]);
    if (passwordMessage) problems.push({ path: "/password", message: passwordMessage });
    if (problems[0])
      throw new AppError("validation", "common.untranslated", { text: problems[0].message }, problems);
    // Hashing is slow on purpose; do it before the transaction holds the invitation locked.
    newAccount = { name, passwordHash: await hashPassword(password) };
  }

  return ctx.db.transaction(async (tx) => {
    // Lock the invitation, then look again: another accept may have committed since we read it.
    const [locked] = await tx
      .select({
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        withdrawnAt: invitations.withdrawnAt,
      })
      .from(invitations)
      .where(eq(invitations.id, found.id))
      .for("update");
    if (!locked) throw notFound("invitation");
    refuseUnusable(locked);

    let user: UserActor;
    if (newAccount) {
      // The address may have got an account meanwhile (another invitation); then it must sign in.
      const [created] = await tx
        .insert(users)
        .values({ email: found.email, name: newAccount.name, passwordHash: newAccount.passwordHash })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id, isSystemAdmin: users.isSystemAdmin });
      if (!created) throw signInFirst();
      user = {
        kind: "user",
        userId: created.id,
        email: found.email,
        name: newAccount.name,
        isSystemAdmin: created.isSystemAdmin,
        roles: {},
      };
      await recordAudit(
        tx,
        user,
        {
          municipalityId: found.municipalityId,
          objectType: "user",
          objectId: created.id,
          objectLabel: found.email,
          action: "create_via_invitation",
          changes: { email: { before: null, after: found.email }, name: { before: null, after: user.name } },
        },
        ctx.requestId,
      );
    } else if (actor.kind === "user") {
      user = actor;
    } else {
      throw signInFirst();
    }

    const [existing] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, user.userId), eq(memberships.municipalityId, found.municipalityId)))
      .for("update");
    const [membership] = await tx
      .insert(memberships)
      .values({
        municipalityId: found.municipalityId,
        userId: user.userId,
        role: found.role,
        organisationId: found.organisationId,
      })
      .onConflictDoUpdate({
        target: [memberships.userId, memberships.municipalityId],
        set: {
          role: found.role,
          organisationId: found.organisationId,
          version: sql`${memberships.version} + 1`,
          updatedAt: new Date(),
        },
      })
      .returning({ id: memberships.id });
    if (!membership) throw new Error("upsert returned no row");

    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedByUserId: user.userId })
      .where(eq(invitations.id, found.id));
    await recordAudit(
      tx,
      user,
      {
        municipalityId: found.municipalityId,
        objectType: "membership",
        objectId: membership.id,
        objectLabel: found.email,
        action: "accept_invitation",
        changes: { role: { before: existing?.role ?? null, after: found.role } },
      },
      ctx.requestId,
    );

    return {
      municipality: { number: found.number, name: found.name },
      role: found.role,
      accountCreated: newAccount !== null,
      session: newAccount ? await createSession(tx, user.userId) : null,
    };
  });
}
