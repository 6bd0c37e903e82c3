import { dehydrate } from "@tanstack/react-query";
import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { matchRoutes, StaticRouter } from "react-router";
import { App, pageRoutes } from "./App.tsx";
import { type FetchJson, prefetchPageData } from "./api.ts";
import type { Language } from "./i18n/messages.ts";
import { createQueryClient } from "./query-client.ts";

export type RenderedPage = { html: string; state: unknown; status: 200 | 404 };

/** Renders a page on the server with its data, so it reads well before any script runs. */
export async function renderPage(
  url: string,
  language: Language,
  fetchJson: FetchJson,
): Promise<RenderedPage> {
  const queryClient = createQueryClient();
  await prefetchPageData(queryClient, fetchJson, url);
  const html = renderToString(
    <StrictMode>
      <StaticRouter location={url}>
        <App queryClient={queryClient} language={language} />
      </StaticRouter>
    </StrictMode>,
  );
  const known = matchRoutes(pageRoutes, url) !== null;
  return { html, state: dehydrate(queryClient), status: known ? 200 : 404 };
}
