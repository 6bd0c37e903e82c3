import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { roles } from "../../domain/permissions.ts";
import { sessionAssurances } from "../../domain/second-factor.ts";
import { id, municipalityRef, rowVersion, timestamps } from "./columns.ts";
import { partnerOrganisations } from "./organisations.ts";

// Re-exported until every importer takes the vocabulary from the domain.

/** A person. Email is stored lower-case. Without a password hash the person signs in only via OIDC. */
export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  /** Installation operator: activates municipalities. Not a role inside any municipality. */
  isSystemAdmin: boolean("is_system_admin").notNull().default(false),
  active: boolean("active").notNull().default(true),
  /** Demo accounts have published passwords; a production start refuses them. */
  isDemo: boolean("is_demo").notNull().default(false),
  version: rowVersion(),
  ...timestamps(),
});

/** A person's role in one municipality. */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    municipalityId: municipalityRef(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: roles }).notNull(),
    /** For partners: the organisation they speak for (its proposals are theirs; its kind is their sector). */
    organisationId: uuid("organisation_id").references(() => partnerOrganisations.id),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique("memberships_user_municipality_uq").on(t.userId, t.municipalityId)],
);

/** A signed-in browser. Only a hash of the cookie's token is stored. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** How the person proved who they are (src/domain/second-factor.ts). */
    assurance: text("assurance", { enum: sessionAssurances }).notNull().default("password"),
    /** The browser's User-Agent at sign-in (cut to 500 characters), to name the device in «Mine økter». */
    userAgent: text("user_agent"),
    /** When a request last came with this session; updated at most once a minute. */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed sign-ins per e-mail address: each failure doubles the wait before the next try. */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }).notNull().defaultNow(),
});

/** A one-time link inviting a person by e-mail to a role in a municipality. Only its hash is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    municipalityId: municipalityRef(),
    email: text("email").notNull(),
    role: text("role", { enum: roles }).notNull(),
    organisationId: uuid("organisation_id").references(() => partnerOrganisations.id),
    tokenHash: text("token_hash").notNull().unique(),
    invitedByUserId: uuid("invited_by_user_id")
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id),
    /** Withdrawn by an administrator before it was accepted: the link no longer works. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnByUserId: uuid("withdrawn_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invitations_municipality_idx").on(t.municipalityId)],
);

/** A person's identity at an OpenID Connect provider (issuer + subject). */
export const oidcIdentities = pgTable(
  "oidc_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("oidc_identities_uq").on(t.issuer, t.subject)],
);

/**
 * A person's authenticator app (TOTP, RFC 6238). The shared secret is sealed with the installation's
 * key when one is configured (src/infra/secret-box.ts). `enabledAt` null: set up but not yet
 * confirmed with a code. `lastUsedStep`: the time step of the last accepted code, so a code works once.
 */
export const secondFactors = pgTable("second_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  lastUsedStep: integer("last_used_step"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes for when the authenticator is lost. Only a hash of each is stored. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);
