import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { connectDatabase } from "../db/client.ts";
import { grantAppLogin, openDatabaseLogins } from "../db/logins.ts";
import { runMigrations } from "../db/migrate.ts";
import { AppError } from "../errors.ts";
import { createLogger } from "../server.ts";
import { restoreBackup, writeBackup } from "../services/admin/backup.ts";
import { createAdmin } from "../services/admin/create-admin.ts";
import { disableDemoUsers } from "../services/admin/disable-demo-users.ts";
import { generatePassword } from "../services/admin/internal.ts";
import { listUsers } from "../services/admin/list-users.ts";
import { resetPassword } from "../services/admin/reset-password.ts";
import { systemActor } from "../services/context.ts";
import { syncMunicipalityRegister } from "../services/municipalities/sync-municipality-register.ts";
import { ensureDefaultRegion } from "../services/region/ensure-default-region.ts";

const usage = `Bruk: npm run planverk -- <kommando> [valg]

Kommandoer:
  create-admin --email E --name "N" [--municipality 3301] [--password P]
        Oppretter en administrator for installasjonen (og for kommunen, som aktiveres).
        Uten --password lages et passord som skrives ut.
  reset-password --email E [--password P]
        Setter nytt passord og logger personen ut overalt.
  list-users
        Viser alle brukere og rollene deres.
  disable-demo-users
        Deaktiverer demobrukerne (nødvendig før NODE_ENV=production).
  backup --file F [--municipality 3301]
        Skriver en konsistent sikkerhetskopi av hele installasjonen, eller av én kommune, til F.
  restore --file F
        Leser en sikkerhetskopi inn i en tom database (alt eller ingenting).

Databasen er DATABASE_URL, ellers den innebygde i PLANVERK_DATA_DIR (også mens Planverk kjører).`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      municipality: { type: "string" },
      password: { type: "string" },
      file: { type: "string" },
    },
  });
  if (!command || command === "help" || command === "--help") {
    console.log(usage);
    return;
  }
  const commands = [
    "create-admin",
    "reset-password",
    "list-users",
    "disable-demo-users",
    "backup",
    "restore",
  ];
  if (!commands.includes(command)) {
    console.error(`Ukjent kommando: ${command}\n\n${usage}`);
    process.exit(2);
  }
  if (command === "create-admin" && (!values.email || !values.name)) {
    throw new AppError("validation", "cli.createAdminNeedsEmailAndName");
  }
  if ((command === "backup" || command === "restore") && !values.file)
    throw new AppError("validation", "cli.needsFile", { command });
  if (command === "reset-password" && !values.email)
    throw new AppError("validation", "cli.resetPasswordNeedsEmail");
  const config = loadConfig();
  const logger = createLogger({ logLevel: "warn" });
  // Operator commands run as the owner's login: they migrate, and a restore fills the audit trail.
  const logins = await openDatabaseLogins(config, logger, "open");
  const embedded = logins.embedded;
  const database = connectDatabase(logins.ownerUrl, { max: 2 });
  const ctx = { db: database.db, actor: systemActor("kommandolinjen (planverk)") };
  try {
    await runMigrations(database.db);
    await grantAppLogin(database, logins);
    await syncMunicipalityRegister({ ctx });
    await ensureDefaultRegion({ ctx });
    switch (command) {
      case "create-admin": {
        if (!values.email || !values.name)
          throw new AppError("validation", "cli.createAdminNeedsEmailAndName");
        const password = values.password ?? generatePassword();
        await createAdmin({
          ctx,
          input: {
            email: values.email,
            name: values.name,
            password,
            municipalityNumber: values.municipality,
          },
        });
        console.log(
          `Administrator ${values.email} er klar.${values.password ? "" : ` Passord: ${password}`}`,
        );
        break;
      }
      case "reset-password": {
        const password = values.password ?? generatePassword();
        await resetPassword({ ctx, input: { email: values.email as string, password } });
        console.log(`Nytt passord for ${values.email}${values.password ? " er satt." : `: ${password}`}`);
        break;
      }
      case "list-users": {
        const rows = await listUsers({ ctx });
        console.table(
          rows.map((r) => ({
            "e-post": r.email,
            navn: r.name,
            kommune: r.municipality ?? "",
            rolle: r.role ?? (r.isSystemAdmin ? "installasjonsadministrator" : ""),
            aktiv: r.active ? "ja" : "nei",
            demo: r.isDemo ? "ja" : "",
          })),
        );
        break;
      }
      case "backup": {
        const out = createWriteStream(values.file as string, { flags: "wx" });
        const counts = await writeBackup(
          database.db,
          { municipalityNumber: values.municipality },
          (line) =>
            new Promise<void>((resolve, reject) =>
              out.write(`${line}\n`, (error) => (error ? reject(error) : resolve())),
            ),
        );
        await new Promise<void>((resolve, reject) =>
          out.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(
          `Sikkerhetskopi skrevet til ${values.file}: ${rows} rader i ${Object.keys(counts).length} tabeller.`,
        );
        break;
      }
      case "restore": {
        const counts = await restoreBackup(database.db, fileLines(values.file as string));
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`Gjenopprettet ${rows} rader fra ${values.file}.`);
        break;
      }
      case "disable-demo-users": {
        const n = await disableDemoUsers({ ctx });
        console.log(`${n} demobrukere deaktivert.`);
        break;
      }
    }
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

/**
 * The lines of a file, read as they are asked for. (A readline interface made before the restore
 * starts reading would emit its lines to nobody, and the restore would wait forever.)
 */
async function* fileLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? error.message : error);
  process.exit(1);
});
