import type { Role } from "./permissions.ts";
import { normaliseEmail } from "./sign-in.ts";

/**
 * Invitations by e-mail to a role in a municipality: how long a link lives, what state it is in,
 * which way accepting it goes, and what the e-mail says. Who may invite whom is the permission
 * table's business (src/domain/permissions.ts), not this file's.
 */

/** Long enough to reach someone back from a week's holiday, short enough that old links die. */
export const invitationValidDays = 7;

export function invitationExpiresAt(now: Date): Date {
  return new Date(now.getTime() + invitationValidDays * 24 * 60 * 60 * 1000);
}

export type InvitationStatus = "valid" | "expired" | "used" | "withdrawn";

/**
 * A used link stays "used" after it would have expired: that is the more useful thing to say; a
 * withdrawn one says it was withdrawn (an administrator took it back before it was used).
 */
export function invitationStatus(
  invitation: { expiresAt: Date; acceptedAt: Date | null; withdrawnAt?: Date | null },
  now: Date,
): InvitationStatus {
  if (invitation.acceptedAt) return "used";
  if (invitation.withdrawnAt) return "withdrawn";
  return now.getTime() < invitation.expiresAt.getTime() ? "valid" : "expired";
}

/** Why a link can no longer be accepted, in words for the person holding it; null when it can. */
export function unusableInvitationMessage(status: InvitationStatus): string | null {
  switch (status) {
    case "valid":
      return null;
    case "expired":
      return "Invitasjonen er utløpt. Be den som inviterte deg om å sende en ny.";
    case "used":
      return "Invitasjonen er allerede brukt. Logg inn for å komme videre, eller be om en ny invitasjon.";
    case "withdrawn":
      return "Invitasjonen er trukket tilbake og kan ikke brukes. Be kommunen om en ny invitasjon hvis du fortsatt skal ha tilgang.";
  }
}

/** The roles as people in a Norwegian municipality call them. */
export const roleNames: Record<Role, string> = {
  admin: "administrator",
  planner: "planlegger",
  measure_owner: "tiltakseier",
  partner: "partner",
  viewer: "leser",
};

export type AcceptPath =
  /** Signed in as the invited person: add the role to their account. */
  | "signed_in"
  /** Not signed in and no account yet: create one with the name and password they give. */
  | "create_account"
  /** Not signed in but the account exists: they must prove it is theirs by signing in. */
  | "sign_in_first"
  /** Signed in as someone else: the link is not theirs to use. */
  | "wrong_person";

/** Which way accepting goes. E-mail addresses are compared normalised (lower-case, trimmed). */
export function acceptPath(input: {
  invitationEmail: string;
  signedInEmail: string | null;
  accountExists: boolean;
}): AcceptPath {
  if (input.signedInEmail !== null) {
    return normaliseEmail(input.signedInEmail) === normaliseEmail(input.invitationEmail)
      ? "signed_in"
      : "wrong_person";
  }
  return input.accountExists ? "sign_in_first" : "create_account";
}

/** The link the invited person opens; it carries the token itself, of which only a hash is stored. */
export const invitationLink = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, "")}/invitasjon/${token}`;

const osloTime = new Intl.DateTimeFormat("nb-NO", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Oslo",
});

/** «17. mars 2026 kl. 13:00», in Norwegian time whatever the server's zone. */
export const formatOsloTime = (date: Date) => osloTime.format(date);

/** The invitation e-mail, as plain text. */
export function invitationEmail(input: {
  inviterName: string;
  municipalityName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): { subject: string; text: string } {
  const role = roleNames[input.role];
  return {
    subject: `Invitasjon til Planverk for ${input.municipalityName}`,
    text: [
      "Hei!",
      "",
      `${input.inviterName} har invitert deg til Planverk for ${input.municipalityName} med rollen ${role}.`,
      "",
      "Åpne lenken for å godta invitasjonen:",
      input.link,
      "",
      `Lenken kan brukes én gang og gjelder til ${formatOsloTime(input.expiresAt)}.`,
      "Venter du ikke denne invitasjonen, kan du se bort fra e-posten.",
      "",
      "Hilsen Planverk",
      "",
    ].join("\n"),
  };
}
