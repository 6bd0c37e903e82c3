import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiError } from "../web/api.ts";
import { isLanguage, type Language, languageCookie } from "../web/i18n/messages.ts";
import { renderPage } from "./render/ssr.tsx";

/** The chosen language is remembered in a cookie; without one, Norwegian bokmål. */
export function languageOf(request: FastifyRequest): Language {
  const cookie = request.headers.cookie ?? "";
  const match = new RegExp(`(?:^|;\\s*)${languageCookie}=([a-z]{2})`).exec(cookie);
  return isLanguage(match?.[1]) ? match[1] : "nb";
}

type Manifest = Record<string, { file: string; imports?: string[] }>;

/**
 * <link rel="modulepreload"> for the chunks the browser needs before it hydrates (the page's own
 * chunk, its imports and the language's catalogue), so they load beside the entry script instead
 * of after it. From Vite's build manifest; without one (an older build), no links.
 */
export function preloadLinks(manifest: Manifest, modules: string[]): string {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const module of modules) visit(module);
  return [...files].map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`).join("");
}

/** JSON placed inside <script> must not be able to close the tag. */
const safeJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * Serves the built web app: hashed assets from dist/web, and every page rendered on the server.
 * Page data is fetched through the app's own API (in-process), the same way the browser does.
 */
export async function registerWeb(app: FastifyInstance, webDir: string) {
  const template = readFileSync(path.join(webDir, "index.html"), "utf8");
  const manifestFile = path.join(webDir, ".vite/manifest.json");
  const manifest: Manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, "utf8")) : {};

  await app.register(fastifyStatic, {
    root: path.join(webDir, "assets"),
    prefix: "/assets/",
    // Hashed file names: a changed file gets a new name, so browsers may keep these for a year.
    immutable: true,
    maxAge: "365d",
    wildcard: true,
    // Brotli and gzip copies written at build time (vite.config.ts), chosen by Accept-Encoding.
    preCompressed: true,
  });
  app.get("/favicon.svg", (_request, reply) => reply.sendFile("favicon.svg", webDir, { maxAge: "1d" }));

  app.get("/*", async (request, reply) => {
    if (request.url.startsWith("/api/")) return reply.callNotFound();
    // Someone who must set up a second factor sees only the account page, where they do it.
    if (request.session?.setupRequired && request.url.split("?")[0] !== "/konto")
      return reply.redirect("/konto", 303);
    const language = languageOf(request);
    const fetchJson = async (apiPath: string) => {
      const response = await app.inject({
        method: "GET",
        url: apiPath,
        // The same cookie name as the page's request: over HTTPS the session cookie is `__Host-`.
        headers: {
          cookie: request.headers.cookie ?? "",
          ...(request.protocol === "https" ? { "x-forwarded-proto": "https" } : {}),
        },
      });
      const body = response.json();
      if (response.statusCode >= 400) throw new ApiError(response.statusCode, body);
      return body;
    };
    let body = template.replace('lang="nb"', `lang="${language}"`);
    try {
      const page = await renderPage(request.url, language, fetchJson);
      body = body
        .replace("</head>", `${preloadLinks(manifest, page.modules)}</head>`)
        .replace("<!--app-html-->", page.html)
        .replace(
          "<!--app-state-->",
          `<script type="application/json" id="planverk-state">${safeJson(page.state)}</script>`,
        );
      reply.status(page.status);
    } catch (error) {
      // The browser can still render the page itself; log why the server could not.
      request.log.error({ err: error }, "server-side rendering failed");
    }
    return reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store").send(body);
  });
}
