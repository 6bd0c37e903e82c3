import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { oidcIdentities, users } from "../../db/schema/index.ts";
import { normaliseEmail } from "../../domain/sign-in.ts";
import { AppError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { openSession } from "./sessions.ts";

/** What the identity provider vouched for, after openid-client has verified the response. */
export type OidcIdentityInput = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
};

/** How the person was found: by their linked identity, by a verified e-mail, or newly created. */
export type OidcSignInOutcome = "identity" | "linked" | "created";

export type OidcSignInResult = {
  token: string;
  csrfToken: string;
  userId: string;
  outcome: OidcSignInOutcome;
};

type User = typeof users.$inferSelect;

/**
 * Signs in a person the organisation's identity provider has authenticated. In one transaction:
 * the user linked to (issuer, subject); else the user with the same e-mail address, linked now, but
 * only when the provider says the address is verified (otherwise anyone able to set an unverified
 * address at the provider could take over that account); else a new user. Then a session and an
 * audit event.
 */
export async function signInWithOidc({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  /** replacesTokenHash: the session the browser comes back with, if any; it ends. */
  input: OidcIdentityInput & { replacesTokenHash?: string | null; userAgent?: string | null };
}): Promise<OidcSignInResult> {
  const email = input.email ? normaliseEmail(input.email) : null;
  return ctx.db.transaction(async (tx) => {
    const found = await findOrCreateUser(tx, { ...input, email });
    const { user, outcome } = found;
    if (!user.active) {
      throw new AppError("forbidden", "auth.userDeactivated");
    }
    const session = await openSession(tx, user, {
      action: "sign_in_oidc",
      // A new link between an outside identity and an account is what an auditor looks for.
      changes:
        outcome === "identity"
          ? {}
          : {
              oidcIdentity: { before: null, after: { issuer: input.issuer, subject: input.subject } },
              ...(outcome === "created" ? { user: { before: null, after: { email: user.email } } } : {}),
            },
      requestId: ctx.requestId,
      replacesTokenHash: input.replacesTokenHash,
      // The identity provider applies its own rules for a second factor.
      assurance: "oidc",
      userAgent: input.userAgent,
    });
    return { ...session, userId: user.id, outcome };
  });
}

async function findOrCreateUser(
  tx: DbOrTx,
  input: OidcIdentityInput,
): Promise<{ user: User; outcome: OidcSignInOutcome }> {
  const [linked] = await tx
    .select({ user: users })
    .from(oidcIdentities)
    .innerJoin(users, eq(users.id, oidcIdentities.userId))
    .where(and(eq(oidcIdentities.issuer, input.issuer), eq(oidcIdentities.subject, input.subject)));
  // The link is the identity; name and e-mail stay as Planverk has them (an admin may have edited them).
  if (linked) return { user: linked.user, outcome: "identity" };

  const email = input.email;
  if (!email) {
    throw new AppError("validation", "auth.oidcNoEmail");
  }
  const [existing] = await tx.select().from(users).where(eq(users.email, email));
  if (existing) {
    if (!input.emailVerified) {
      throw new AppError("conflict", "auth.oidcEmailUnverified");
    }
    await link(tx, input, existing.id);
    return { user: existing, outcome: "linked" };
  }

  // A new person gets no roles: until an admin or planner gives them one, they see only what is
  // public, exactly like an anonymous visitor.
  const [created] = await tx
    .insert(users)
    .values({ email, name: input.name?.trim() || email, passwordHash: null })
    .returning();
  if (!created) throw new Error("insert into users returned no row");
  await link(tx, input, created.id);
  return { user: created, outcome: "created" };
}

async function link(tx: DbOrTx, input: OidcIdentityInput, userId: string) {
  await tx.insert(oidcIdentities).values({ issuer: input.issuer, subject: input.subject, userId });
}
