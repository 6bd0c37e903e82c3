import { randomUUID } from "node:crypto";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { defaultFetchPolicy, type FetchPolicy } from "../infra/fetch-statistics.ts";
import type { JobQueue } from "../infra/jobs.ts";
import { createMailer, type Mailer } from "../infra/mailer.ts";
import { registerAuth } from "./auth.ts";
import { registerErrorHandling } from "./errors.ts";
import { redactUrl, serializeRequest } from "./log-redaction.ts";
import { adminRoutes } from "./routes/admin.ts";
import { budgetRoutes } from "./routes/budget.ts";
import { cycleDecisionRoutes } from "./routes/cycle-decisions.ts";
import { cycleRoutes } from "./routes/cycles.ts";
import { documentRoutes } from "./routes/documents.ts";
import { evaluationRoutes } from "./routes/evaluations.ts";
import { healthRoutes } from "./routes/health.ts";
import { indicatorRefreshRoutes } from "./routes/indicator-refresh.ts";
import { indicatorRoutes } from "./routes/indicators.ts";
import { invitationRoutes } from "./routes/invitations.ts";
import { jobQueueRoutes } from "./routes/job-queue.ts";
import { measureRemovalRoutes } from "./routes/measure-removal.ts";
import { measureRoutes } from "./routes/measures.ts";
import { municipalitySettingsRoutes } from "./routes/municipality-settings.ts";
import { oidcRoutes } from "./routes/oidc.ts";
import { openDataRoutes } from "./routes/open-data.ts";
import { organisationRoutes } from "./routes/organisations.ts";
import { planRoutes } from "./routes/plan.ts";
import { planStructureRoutes } from "./routes/plan-structure.ts";
import { prioritisationRoutes } from "./routes/prioritisation.ts";
import { proposalRoutes } from "./routes/proposals.ts";
import { publicSiteRoutes } from "./routes/public-site.tsx";
import { regionRoutes } from "./routes/region.ts";
import { secondFactorRoutes } from "./routes/second-factor.ts";
import { sessionRoutes } from "./routes/session.ts";
import { statusReportRoutes } from "./routes/status-reports.ts";
import { registerSecurityHeaders } from "./security.ts";
import { registerSlowRequestTimeout } from "./slow-requests.ts";
import { installNorwegianSchemaMessages } from "./validation-messages.ts";
import { registerWeb } from "./web.ts";

// Validation messages in Norwegian, for every schema (written in the request's language by errors.ts).
installNorwegianSchemaMessages();

export type AppDeps = {
  config: Config;
  db: Database;
  logger: FastifyBaseLogger;
  /** Folder of the built web app (dist/web); without it only the API is served. */
  webDir?: string;
  /** Seconds the public pages and open data keep a rendered answer in memory (default 10; 0: none). */
  publicCacheSeconds?: number;
  /** E-mail out; by default the SMTP server of `config.smtp`. One for the whole app, closed with it. */
  mailer?: Mailer;
  /** The clock (YYYY-MM-DD); by default today in Norway. Tests set it to walk through a year. */
  today?: () => string;
  /**
   * While `ready` is false (migrations running at start, or stopping) `/readyz` answers 503 and other
   * requests 503 with Retry-After; without it the app is ready at once.
   */
  readiness?: { ready: boolean };
  /** Overrides of where «import by URL» may fetch (tests' own local servers); by default `config.fetch`. */
  fetchPolicy?: Partial<FetchPolicy>;
  /** The background job queue for the admins' view, once jobs run (set after start-up). */
  jobQueue?: { current: JobQueue | null };
};

export async function buildApp({
  config,
  db,
  logger,
  webDir,
  publicCacheSeconds,
  mailer = createMailer(config.smtp, logger),
  today,
  readiness = { ready: true },
  fetchPolicy,
  jobQueue = { current: null },
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // Request addresses are logged with their secrets (invitation tokens, OIDC codes) redacted.
    loggerInstance: logger.child({}, { serializers: { req: serializeRequest } }),
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    // One line per request, written when the answer has gone (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.addHook("onResponse", async (request, reply) => {
    // The address goes into the line twice (field and message): both redacted.
    const url = redactUrl(request.url);
    request.log.info(
      { method: request.method, url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      `${request.method} ${url} ${reply.statusCode}`,
    );
  });
  app.addHook("onRequest", async (request, reply) => {
    if (readiness.ready || request.url === "/healthz" || request.url === "/readyz") return;
    return reply.status(503).header("retry-after", "5").send({ status: "starting" });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerSlowRequestTimeout(app, config.requestTimeoutMs);
  await registerSecurityHeaders(app);
  await registerAuth(app, db, {
    today,
    publicUrl: config.publicUrl,
    requireSecondFactorRoles: config.requireSecondFactorRoles,
  });
  app.addHook("onClose", async () => mailer.close());

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Planverk API",
        description: "Strategiske planer, handlingsplaner, budsjettrammer og samarbeid med partnere.",
        version: "0.1.0",
      },
      // Sign in with POST /api/session: it sets the session cookie and answers with the CSRF token
      // that every write sends back in a header.
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: "planverk_session",
            description:
              "The session cookie set by POST /api/session (sign-in); named `__Host-planverk_session` where Planverk is served over HTTPS.",
          },
          csrf: {
            type: "apiKey",
            in: "header",
            name: "x-csrf-token",
            description:
              "The `csrfToken` from POST /api/session or GET /api/session; required on every write (POST, PUT, PATCH, DELETE) made with the session cookie.",
          },
        },
      },
      security: [{ session: [], csrf: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { deepLinking: true },
    validatorUrl: false,
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(db, readiness));
  await app.register(sessionRoutes(config, mailer));
  await app.register(secondFactorRoutes(config, mailer));
  await app.register(planRoutes);
  await app.register(adminRoutes);
  await app.register(municipalitySettingsRoutes);
  await app.register(organisationRoutes);
  await app.register(planStructureRoutes);
  await app.register(measureRoutes);
  await app.register(cycleRoutes);
  await app.register(cycleDecisionRoutes);
  await app.register(budgetRoutes);
  await app.register(indicatorRoutes({ ...defaultFetchPolicy, ...config.fetch, ...fetchPolicy }));
  await app.register(documentRoutes);
  await app.register(indicatorRefreshRoutes);
  await app.register(jobQueueRoutes(jobQueue));
  await app.register(prioritisationRoutes);
  await app.register(measureRemovalRoutes);
  await app.register(proposalRoutes(config, mailer));
  await app.register(regionRoutes);
  await app.register(oidcRoutes(config));
  await app.register(invitationRoutes(config, mailer));
  await app.register(statusReportRoutes(config, mailer));
  const publicOptions = { publicUrl: config.publicUrl, cacheSeconds: publicCacheSeconds };
  await app.register(publicSiteRoutes(publicOptions));
  await app.register(openDataRoutes(publicOptions));
  await app.register(evaluationRoutes(mailer));
  if (webDir) await registerWeb(app, webDir);
  return app;
}
