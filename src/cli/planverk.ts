import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { connectDatabase } from "../db/client.ts";
import { openDataDirDatabase } from "../db/embedded.ts";
import { runMigrations } from "../db/migrate.ts";
import { AppError } from "../errors.ts";
import { createLogger } from "../server.ts";
import { systemActor } from "../services/context.ts";
import {
  createAdmin,
  disableDemoUsers,
  generatePassword,
  listUsers,
  resetPassword,
} from "../services/operator-commands.ts";
import { ensureDefaultRegion } from "../services/regions.ts";
import { syncMunicipalityRegister } from "../services/sync-municipality-register.ts";

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
    },
  });
  if (!command || command === "help" || command === "--help") {
    console.log(usage);
    return;
  }
  if (!["create-admin", "reset-password", "list-users", "disable-demo-users"].includes(command)) {
    console.error(`Ukjent kommando: ${command}\n\n${usage}`);
    process.exit(2);
  }
  if (command === "create-admin" && (!values.email || !values.name)) {
    throw new AppError("validation", "create-admin trenger --email og --name.");
  }
  if (command === "reset-password" && !values.email)
    throw new AppError("validation", "reset-password trenger --email.");
  const config = loadConfig();
  const logger = createLogger({ logLevel: "warn" });
  const embedded = config.databaseUrl ? undefined : await openDataDirDatabase(config.dataDir, logger);
  const database = connectDatabase(config.databaseUrl ?? (embedded?.url as string), { max: 2 });
  const ctx = { db: database.db, actor: systemActor("kommandolinjen (planverk)") };
  try {
    await runMigrations(database.db);
    await syncMunicipalityRegister({ ctx });
    await ensureDefaultRegion({ ctx });
    switch (command) {
      case "create-admin": {
        if (!values.email || !values.name)
          throw new AppError("validation", "create-admin trenger --email og --name.");
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

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? error.message : error);
  process.exit(1);
});
