import path from "node:path";
import { z } from "zod";
import { secondFactorRoles } from "./domain/second-factor.ts";

/**
 * All configuration, read and checked once at start-up and passed in from there.
 * Nothing else in Planverk reads process.env.
 */
const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** The owner's login for migrations; DATABASE_URL is then the app's own, lesser login. */
  DATABASE_OWNER_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PLANVERK_DATA_DIR: z.string().default("./data"),
  PLANVERK_DEMO_DATA: z.enum(["auto", "off"]).default("auto"),
  PUBLIC_URL: z.url().optional(),
  OIDC_ISSUER_URL: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().min(1).default("kommunens innlogging"),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("Planverk <planverk@localhost>"),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Hosts «import by URL» may fetch from, comma-separated; `*`: any host with public addresses. */
  PLANVERK_FETCH_HOSTS: z
    .string()
    .regex(/^\s*(\*|[a-z0-9.-]+(\s*,\s*[a-z0-9.-]+)*)\s*$/i, "a comma-separated list of host names, or *")
    .optional(),
  PLANVERK_FETCH_HTTP: z.enum(["true", "false"]).default("false"),
  /** Seconds a client has to send a request's body after its headers; slower ones are cut off. */
  PLANVERK_REQUEST_TIMEOUT: z.coerce.number().min(1).max(3600).default(60),
  /** Roles that must use a second factor when signing in with a password: `admin`, `planner`, both, or none. */
  PLANVERK_REQUIRE_2FA_ROLES: z
    .string()
    .regex(/^\s*((admin|planner)(\s*,\s*(admin|planner))*)?\s*$/, "a comma-separated list of admin, planner")
    .default(""),
  /** Seals stored second-factor secrets (AES-256-GCM); at least 32 characters, e.g. `openssl rand -base64 32`. */
  PLANVERK_SECRET_KEY: z.string().min(32, "at least 32 characters").optional(),
  /** Sets the app's clock (tests, demonstrations): an ISO date or date and time; refused in production. */
  PLANVERK_NOW: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});

/** Statistics Norway's API hosts: where «import by URL» fetches from unless configured otherwise. */
export const defaultFetchHosts = ["data.ssb.no", "www.ssb.no"];

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  /** External PostgreSQL; when absent Planverk starts its own embedded server. */
  databaseUrl: string | undefined;
  /**
   * The owner's login to that PostgreSQL (migrations, operator commands); absent: DATABASE_URL is
   * used for both, and the app's login could alter the audit trail (a warning at start).
   */
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  loadDemoData: boolean;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  /** Behind a reverse proxy: trust X-Forwarded-* (client address, HTTPS for Secure cookies). */
  trustProxy: boolean;
  /** The address people reach Planverk at; used in invitation links and the OIDC redirect. */
  publicUrl: string;
  /** Sign-in with the organisation's identity provider (e.g. Entra ID), when configured. */
  oidc: { issuerUrl: string; clientId: string; clientSecret: string; displayName: string } | null;
  /** E-mail (invitations, reminders), when configured. */
  smtp: { url: string; from: string } | null;
  /** «Import by URL»: the hosts it may fetch from (null: any public host), and whether plain http is allowed. */
  fetch: { hosts: string[] | null; allowHttp: boolean };
  /** Milliseconds a client has to send a request's body (against slow-body attacks). */
  requestTimeoutMs: number;
  /** The roles that must set up and use a second factor (not when signing in through OIDC). */
  requireSecondFactorRoles: (typeof secondFactorRoles)[number][];
  /** The key that seals second-factor secrets in the database; null: stored unsealed. */
  secretKey: string | null;
  /** The moment the app's clock starts at (PLANVERK_NOW); null: the real time. */
  now: Date | null;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const c = parsed.data;
  if (c.DATABASE_OWNER_URL && !c.DATABASE_URL) {
    throw new Error("Invalid configuration:\n  DATABASE_OWNER_URL needs DATABASE_URL (the app's own login)");
  }
  const oidcParts = [c.OIDC_ISSUER_URL, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcParts > 0 && oidcParts < 3) {
    throw new Error(
      "Invalid configuration:\n  OIDC: set all of OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none",
    );
  }
  if (c.PLANVERK_NOW && c.NODE_ENV === "production") {
    throw new Error("Invalid configuration:\n  PLANVERK_NOW: the clock cannot be set in production");
  }
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    databaseOwnerUrl: c.DATABASE_OWNER_URL,
    dataDir: path.resolve(c.PLANVERK_DATA_DIR),
    loadDemoData: c.PLANVERK_DEMO_DATA === "auto",
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY === "true",
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ""),
    oidc:
      c.OIDC_ISSUER_URL && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET
        ? {
            issuerUrl: c.OIDC_ISSUER_URL,
            clientId: c.OIDC_CLIENT_ID,
            clientSecret: c.OIDC_CLIENT_SECRET,
            displayName: c.OIDC_DISPLAY_NAME,
          }
        : null,
    smtp: c.SMTP_URL ? { url: c.SMTP_URL, from: c.MAIL_FROM } : null,
    fetch: {
      hosts:
        c.PLANVERK_FETCH_HOSTS === undefined
          ? defaultFetchHosts
          : c.PLANVERK_FETCH_HOSTS.trim() === "*"
            ? null
            : c.PLANVERK_FETCH_HOSTS.split(",").map((h) => h.trim().toLowerCase()),
      allowHttp: c.PLANVERK_FETCH_HTTP === "true",
    },
    requestTimeoutMs: c.PLANVERK_REQUEST_TIMEOUT * 1000,
    requireSecondFactorRoles: secondFactorRoles.filter((role) =>
      c.PLANVERK_REQUIRE_2FA_ROLES.split(",")
        .map((r) => r.trim())
        .includes(role),
    ),
    secretKey: c.PLANVERK_SECRET_KEY ?? null,
    // A date alone is that day at noon in Norway (11:00 UTC in winter), safely inside the day.
    now: c.PLANVERK_NOW
      ? new Date(/T/.test(c.PLANVERK_NOW) ? c.PLANVERK_NOW : `${c.PLANVERK_NOW}T11:00:00Z`)
      : null,
  };
}
