import type { Role } from "./permissions.ts";

/**
 * How strongly a session's person has proved who they are:
 * - `pending_second_factor`: the password was right, the one-time code is still to come; the session
 *   opens nothing but the second step, and lives a few minutes;
 * - `password`: the password alone (the person has no second factor);
 * - `two_factor`: password and a one-time code (or a recovery code);
 * - `oidc`: the municipality's identity provider, which applies its own rules for a second factor.
 */
export const sessionAssurances = ["pending_second_factor", "password", "two_factor", "oidc"] as const;
export type SessionAssurance = (typeof sessionAssurances)[number];

/** How long the step between a right password and the one-time code may take. */
export const pendingSecondFactorMs = 5 * 60 * 1000;

/** The roles an installation may require a second factor for. */
export const secondFactorRoles = ["admin", "planner"] as const satisfies readonly Role[];

/**
 * Whether a signed-in person must set up a second factor before doing anything else: the
 * installation requires it for one of their roles (a system administrator counts as admin), they
 * have none, and they did not sign in through the municipality's identity provider.
 */
export function secondFactorSetupRequired(input: {
  requiredRoles: readonly Role[];
  roles: readonly Role[];
  isSystemAdmin: boolean;
  assurance: SessionAssurance;
  enabled: boolean;
}): boolean {
  if (input.enabled || input.assurance === "oidc" || input.assurance === "pending_second_factor")
    return false;
  const required = new Set(input.requiredRoles);
  return (input.isSystemAdmin && required.has("admin")) || input.roles.some((r) => required.has(r));
}

/** Recovery codes: ten, each 12 characters from an alphabet without look-alikes, shown as xxxx-xxxx-xxxx. */
export const recoveryCodeCount = 10;
export const recoveryCodeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

/** Formats 12 random characters as a recovery code. */
export const formatRecoveryCode = (chars: string) =>
  `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;

/** What a person typed, as the code it may be: spaces and dashes dropped, lower-case. */
export const normaliseRecoveryCode = (typed: string) => typed.toLowerCase().replace(/[\s-]/g, "");

/** A one-time code from an authenticator app: six digits (spaces allowed, as apps show «123 456»). */
export function totpCodeOf(typed: string): string | null {
  const digits = typed.replace(/\s/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}
