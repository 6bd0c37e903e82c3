import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
import "@fontsource/inter/600.css";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./styles.css";
import { hydrate } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App.tsx";
import { isLanguage } from "./i18n/messages.ts";
import { createQueryClient } from "./query-client.ts";

const queryClient = createQueryClient();
const stateElement = document.getElementById("planverk-state");
if (stateElement?.textContent) hydrate(queryClient, JSON.parse(stateElement.textContent));

const htmlLang = document.documentElement.lang;
const language = isLanguage(htmlLang) ? htmlLang : "nb";
const root = document.getElementById("root");
if (!root) throw new Error("#root missing");
const app = (
  <StrictMode>
    <BrowserRouter>
      <App queryClient={queryClient} language={language} />
    </BrowserRouter>
  </StrictMode>
);
// The server renders every page; when it could not, the browser renders from scratch.
if (root.hasChildNodes()) hydrateRoot(root, app);
else createRoot(root).render(app);
