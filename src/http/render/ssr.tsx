import { dehydrate } from "@tanstack/react-query";
import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { StaticRouter } from "react-router";
import { App, preloadPage, routeOf } from "../../web/App.tsx";
import { type FetchJson, prefetchPageData } from "../../web/api.ts";
import { type Language, loadMessages } from "../../web/i18n/messages.ts";
import { createQueryClient } from "../../web/query-client.ts";

/** `modules`: what the browser loads before hydrating (relative to src/web), for preload links. */
export type RenderedPage = { html: string; state: unknown; status: 200 | 404; modules: string[] };

/** Renders a page on the server with its data, so it reads well before any script runs. */
export async function renderPage(
  url: string,
  language: Language,
  fetchJson: FetchJson,
): Promise<RenderedPage> {
  const queryClient = createQueryClient();
  // The page's module is loaded before rendering, so the lazy page renders in full at once.
  const [known] = await Promise.all([
    preloadPage(url),
    loadMessages(language),
    prefetchPageData(queryClient, fetchJson, url),
  ]);
  const html = renderToString(
    <StrictMode>
      <StaticRouter location={url}>
        <App queryClient={queryClient} language={language} />
      </StaticRouter>
    </StrictMode>,
  );
  const page = routeOf(url)?.source;
  const modules = [...(page ? [page] : []), `i18n/catalogue/${language}.ts`];
  return { html, state: dehydrate(queryClient), status: known ? 200 : 404, modules };
}
