import type pg from "pg";

/*
 * Two database logins: the owner, which runs the migrations and owns every table, and the app's
 * login, which the running app's pool uses. The app's login may read and write the tables as the
 * app needs, but on the audit trail only SELECT and INSERT: no UPDATE, DELETE or TRUNCATE, and, as
 * it owns no table, no ALTER TABLE (so no DISABLE TRIGGER). Whoever can run SQL through the app
 * cannot rewrite or switch off the audit trail.
 */

/** The app's login in the embedded PostgreSQL. */
export const embeddedAppRole = "planverk_app";

/** The table the app's login may only read and append to. */
export const appendOnlyTables = ["audit_events"] as const;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Creates the app's login, or sets its password when it exists. Run as a role that may create roles. */
export async function ensureAppRole(client: pg.ClientBase, role: string, password: string): Promise<void> {
  const exists = await client.query("select 1 from pg_roles where rolname = $1", [role]);
  const verb = exists.rowCount === 0 ? "create" : "alter";
  await client.query(
    `${verb} role ${quoteIdent(role)} with login nosuperuser nocreatedb nocreaterole noinherit password ${quoteLiteral(password)}`,
  );
}

/**
 * The grant statements for the app's login, run as the owner after migrations: the ordinary rights
 * on every table and sequence, the same by default for tables the owner creates later, and on the
 * append-only tables only SELECT and INSERT. Also the README's SQL for an external PostgreSQL.
 */
export function appRoleGrants(role: string, options: { schemas?: string[] } = {}): string[] {
  const app = quoteIdent(role);
  const statements: string[] = [];
  for (const schema of options.schemas ?? ["public"]) {
    const s = quoteIdent(schema);
    statements.push(
      `grant usage on schema ${s} to ${app}`,
      `grant select, insert, update, delete on all tables in schema ${s} to ${app}`,
      `grant usage, select, update on all sequences in schema ${s} to ${app}`,
      `alter default privileges in schema ${s} grant select, insert, update, delete on tables to ${app}`,
      `alter default privileges in schema ${s} grant usage, select, update on sequences to ${app}`,
    );
  }
  for (const table of appendOnlyTables) {
    statements.push(
      `revoke update, delete, truncate, references, trigger on ${quoteIdent(table)} from ${app}`,
      `grant select, insert on ${quoteIdent(table)} to ${app}`,
    );
  }
  return statements;
}

/**
 * Grants the app's login its rights, as the owner (idempotent; run after every migration). The
 * schema of background jobs (`pgboss`) is included when it exists: the app queues mail in its own
 * transactions there.
 */
export async function grantAppRole(client: pg.ClientBase, role: string): Promise<void> {
  const pgboss = await client.query("select 1 from pg_namespace where nspname = 'pgboss'");
  const schemas = pgboss.rowCount ? ["public", "pgboss"] : ["public"];
  for (const statement of appRoleGrants(role, { schemas })) await client.query(statement);
}

/** The login name in a connection string. */
export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
