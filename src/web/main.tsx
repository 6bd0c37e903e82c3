import "@fontsource/inter/latin-400.css";
import "@fontsource/inter/latin-500.css";
import "@fontsource/inter/latin-600.css";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./styles.css";
import { hydrate } from "@tanstack/react-query";
import { StrictMode, useEffect } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App, preloadPage } from "./App.tsx";
import { isLanguage, loadMessages } from "./i18n/messages.ts";
import { createQueryClient } from "./query-client.ts";

const queryClient = createQueryClient();
const stateElement = document.getElementById("planverk-state");
if (stateElement?.textContent) hydrate(queryClient, JSON.parse(stateElement.textContent));

const htmlLang = document.documentElement.lang;
const language = isLanguage(htmlLang) ? htmlLang : "nb";
const root = document.getElementById("root");
if (!root) throw new Error("#root missing");

/** Tells tests and bench/web-load.ts when the page's buttons work (ms since navigation start). */
function Hydrated() {
  // Effects run after React has committed the hydrated tree.
  useEffect(() => {
    document.documentElement.dataset.hydrated = String(Math.round(performance.now()));
  }, []);
  return null;
}

const app = (
  <StrictMode>
    <BrowserRouter>
      <App queryClient={queryClient} language={language} />
      <Hydrated />
    </BrowserRouter>
  </StrictMode>
);

// The chunk of the current page and the catalogue of its language load before hydration, so the
// server's markup is kept as it is.
// The server renders every page; when it could not, the browser renders from scratch.
void Promise.all([preloadPage(window.location.pathname), loadMessages(language)]).then(() => {
  if (root.hasChildNodes()) hydrateRoot(root, app);
  else createRoot(root).render(app);
});
