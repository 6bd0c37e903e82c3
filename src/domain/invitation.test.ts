import { describe, expect, it } from "vitest";
import {
  acceptPath,
  formatOsloTime,
  invitationEmail,
  invitationExpiresAt,
  invitationLink,
  invitationStatus,
  roleNames,
  unusableInvitationMessage,
} from "./invitation.ts";
import { roles } from "./permissions.ts";

const now = new Date("2026-03-10T12:00:00Z");

describe("invitation validity", () => {
  it("lasts seven days from when it is made", () => {
    expect(invitationExpiresAt(now).toISOString()).toBe("2026-03-17T12:00:00.000Z");
  });

  it("is valid until the moment it expires, and used once accepted, even after expiry", () => {
    const expiresAt = invitationExpiresAt(now);
    expect(invitationStatus({ expiresAt, acceptedAt: null }, now)).toBe("valid");
    expect(invitationStatus({ expiresAt, acceptedAt: null }, new Date(expiresAt.getTime() - 1))).toBe(
      "valid",
    );
    expect(invitationStatus({ expiresAt, acceptedAt: null }, expiresAt)).toBe("expired");
    expect(invitationStatus({ expiresAt, acceptedAt: now }, now)).toBe("used");
    expect(invitationStatus({ expiresAt, acceptedAt: now }, new Date("2027-01-01"))).toBe("used");
    expect(invitationStatus({ expiresAt, acceptedAt: null, withdrawnAt: now }, now)).toBe("withdrawn");
    expect(invitationStatus({ expiresAt, acceptedAt: now, withdrawnAt: null }, now)).toBe("used");
  });

  it("explains in Norwegian why a link cannot be used", () => {
    expect(unusableInvitationMessage("valid")).toBeNull();
    expect(unusableInvitationMessage("expired")).toMatch(/utløpt/);
    expect(unusableInvitationMessage("used")).toMatch(/allerede brukt/);
    expect(unusableInvitationMessage("withdrawn")).toMatch(/trukket tilbake/);
  });
});

describe("acceptPath", () => {
  const invitationEmail = "kari@drammen.kommune.no";

  it("adds the role to the invited person's own account, whatever the case of the address", () => {
    expect(
      acceptPath({ invitationEmail, signedInEmail: "Kari@Drammen.Kommune.no", accountExists: true }),
    ).toBe("signed_in");
  });

  it("refuses someone signed in as another person", () => {
    expect(
      acceptPath({ invitationEmail, signedInEmail: "ola@drammen.kommune.no", accountExists: true }),
    ).toBe("wrong_person");
  });

  it("creates an account when there is none, and asks for sign-in when there is", () => {
    expect(acceptPath({ invitationEmail, signedInEmail: null, accountExists: false })).toBe("create_account");
    expect(acceptPath({ invitationEmail, signedInEmail: null, accountExists: true })).toBe("sign_in_first");
  });
});

describe("invitation link and e-mail", () => {
  it("builds the link from the public address, with or without a trailing slash", () => {
    expect(invitationLink("https://planverk.test", "abc")).toBe("https://planverk.test/invitasjon/abc");
    expect(invitationLink("https://planverk.test/", "abc")).toBe("https://planverk.test/invitasjon/abc");
  });

  it("names every role in Norwegian", () => {
    expect(roles.map((r) => roleNames[r])).toEqual([
      "administrator",
      "planlegger",
      "tiltakseier",
      "partner",
      "leser",
    ]);
  });

  it("shows times in Norwegian time, summer and winter", () => {
    expect(formatOsloTime(new Date("2026-01-15T11:00:00Z"))).toBe("15. januar 2026 kl. 12:00");
    expect(formatOsloTime(new Date("2026-07-15T11:00:00Z"))).toBe("15. juli 2026 kl. 13:00");
  });

  it("says who invited whom to which municipality and role, the link and when it expires", () => {
    const mail = invitationEmail({
      inviterName: "Kari Nordmann",
      municipalityName: "Drammen",
      role: "planner",
      link: "https://planverk.test/invitasjon/abc",
      expiresAt: new Date("2026-03-17T12:00:00Z"),
    });
    expect(mail.subject).toBe("Invitasjon til Planverk for Drammen");
    expect(mail.text).toContain(
      "Kari Nordmann har invitert deg til Planverk for Drammen med rollen planlegger.",
    );
    expect(mail.text).toContain("\nhttps://planverk.test/invitasjon/abc\n");
    expect(mail.text).toContain("gjelder til 17. mars 2026 kl. 13:00");
  });
});
