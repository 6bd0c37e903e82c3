import { readFileSync } from "node:fs";
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

/** JSON placed inside <script> must not be able to close the tag. */
const safeJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * Serves the built web app: hashed assets from dist/web, and every page rendered on the server.
 * Page data is fetched through the app's own API (in-process), the same way the browser does.
 */
export async function registerWeb(app: FastifyInstance, webDir: string) {
  const template = readFileSync(path.join(webDir, "index.html"), "utf8");

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
    const language = languageOf(request);
    const fetchJson = async (apiPath: string) => {
      const response = await app.inject({
        method: "GET",
        url: apiPath,
        headers: { cookie: request.headers.cookie ?? "" },
      });
      const body = response.json();
      if (response.statusCode >= 400) throw new ApiError(response.statusCode, body);
      return body;
    };
    let body = template.replace('lang="nb"', `lang="${language}"`);
    try {
      const page = await renderPage(request.url, language, fetchJson);
      body = body
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
