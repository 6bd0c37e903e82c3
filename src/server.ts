import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { connectDatabase } from "./db/client.ts";
import { connectOwner, grantAppLogin, openDatabaseLogins } from "./db/logins.ts";
import { runMigrations, underStartupLock } from "./db/migrate.ts";
import { demoUsersNotice, loadDemoDataIfEmpty, refuseDemoUsersInProduction } from "./demo/load-demo-data.ts";
import { norwegianDate } from "./domain/reminders.ts";
import { buildApp } from "./http/app.ts";
import { clockFrom } from "./infra/clock.ts";
import { defaultFetchLimits, defaultFetchPolicy } from "./infra/fetch-statistics.ts";
import { type JobQueue, type JobRunner, startJobs } from "./infra/jobs.ts";
import { createMailer } from "./infra/mailer.ts";
import { retiredSchedules, scheduledWork } from "./scheduled-work.ts";
import { systemActor } from "./services/context.ts";
import { syncMunicipalityRegister } from "./services/municipalities/sync-municipality-register.ts";
import { ensureDefaultRegion } from "./services/region/ensure-default-region.ts";

export { createLogger } from "./infra/logger.ts";

export type RunningPlanverk = { app: FastifyInstance; url: string; stop: () => Promise<void> };

/**
 * Starts everything in order: the database (embedded unless DATABASE_URL is given), the HTTP server
 * (answering 503 «starting» until the rest is done), migrations (as the owner's login, which then
 * grants the app's login its rights; src/db/roles.ts) and demo data under an advisory lock
 * (several instances on one database: one does the work, the others wait), background jobs, and then
 * ready. `stop` undoes it in reverse order: requests in flight finish, running jobs finish, then the
 * pool and PostgreSQL close.
 */
export async function startPlanverk(
  config: Config,
  logger: Logger,
  webDir?: string,
): Promise<RunningPlanverk> {
  const logins = await openDatabaseLogins(config, logger);
  const embedded = logins.embedded;
  const database = connectDatabase(logins.appUrl);
  const owner = connectOwner(logins);
  const readiness = { ready: false };
  let app: FastifyInstance | undefined;
  let jobs: JobRunner | undefined;
  const mailer = createMailer(config.smtp, logger);
  // The app's clock: the real time, or PLANVERK_NOW (tests); the pages' «today» follows it too.
  const clock = clockFrom(config.now);
  const jobQueue: { current: JobQueue | null } = { current: null };
  try {
    app = await buildApp({
      config,
      db: database.db,
      logger,
      webDir,
      mailer,
      readiness,
      jobQueue,
      today: config.now ? () => norwegianDate(clock()) : undefined,
    });
    const url = await app.listen({ port: config.port, host: config.host });
    await underStartupLock(owner.pool, async () => {
      await runMigrations(owner.db);
      await grantAppLogin(owner, logins);
      const ctx = { db: database.db, actor: systemActor() };
      await syncMunicipalityRegister({ ctx });
      await ensureDefaultRegion({ ctx });
      if (config.env === "production") await refuseDemoUsersInProduction({ ctx });
      else if (config.loadDemoData && (await loadDemoDataIfEmpty({ ctx }))) {
        logger.info("demo data loaded (Drammen kommune, example measures)");
        console.log(demoUsersNotice());
      }
    });
    // Background jobs run on every instance: pg-boss hands each job to one of them. Without SMTP the
    // mail queue has no worker and mail is logged as not sent, as before; scheduled work still runs.
    // pg-boss creates and migrates its schema itself, so it runs as the owner; the app's login gets
    // its rights there afterwards (it queues mail inside its own transactions).
    const runner = await startJobs({
      databaseUrl: logins.ownerUrl,
      // The worker sends with a transport of its own, so closing the app does not cut off a running job.
      mailer: config.smtp ? createMailer(config.smtp, logger) : undefined,
      log: logger,
      schedules: scheduledWork({
        db: database.db,
        mailer,
        clock,
        publicUrl: config.publicUrl,
        fetchLimits: { ...defaultFetchLimits, policy: { ...defaultFetchPolicy, ...config.fetch } },
        log: logger,
      }),
      retired: retiredSchedules,
    });
    jobs = runner;
    jobQueue.current = runner.queue;
    if (config.smtp) mailer.queue = runner.queueMail;
    await underStartupLock(owner.pool, () => grantAppLogin(owner, logins));
    await owner.close();
    readiness.ready = true;
    const started = app;
    return {
      app: started,
      url,
      stop: async () => {
        readiness.ready = false;
        await started.close();
        await jobs?.stop();
        await database.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await jobs?.stop(1000).catch(() => undefined);
    await owner.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
