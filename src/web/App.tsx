import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout.tsx";
import { LanguageProvider } from "./i18n/language.tsx";
import type { Language } from "./i18n/messages.ts";
import { MeasuresPage } from "./pages/MeasuresPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PlanTreePage } from "./pages/PlanTreePage.tsx";

/** The pages of the app; the server renders the same routes (src/web/ssr.tsx). */
export const pageRoutes = [
  { path: "/", element: <PlanTreePage /> },
  { path: "/tiltak", element: <MeasuresPage /> },
];

/** The whole app, without its router: the browser wraps it in BrowserRouter, the server in StaticRouter. */
export function App({ queryClient, language }: { queryClient: QueryClient; language: Language }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider initial={language}>
        <Layout>
          <Routes>
            {pageRoutes.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Layout>
      </LanguageProvider>
    </QueryClientProvider>
  );
}
