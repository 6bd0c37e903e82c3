import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ComponentType, lazy, Suspense } from "react";
import { matchRoutes, Route, Routes } from "react-router";
import { Layout } from "./components/Layout.tsx";
import { LanguageProvider } from "./i18n/language.tsx";
import type { Language } from "./i18n/messages.ts";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";

type LazyPage = { Page: ComponentType; preload: () => Promise<unknown> };

/**
 * A page loaded on demand. Once its module is loaded (preload), the page renders synchronously:
 * the server preloads the matched page before rendering, and the browser before hydrating, so
 * hydration finds the same markup and nothing flashes. Pages reached later by navigation suspend
 * once while their chunk loads.
 */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazyPage {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const preload = () => {
    pending ??= load().then((module) => {
      loaded = pick(module);
      return loaded;
    });
    return pending;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per page at module level, never during render.
  function Page() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return { Page, preload };
}

const pages = {
  PlanTreePage: lazyPage(
    () => import("./pages/PlanTreePage.tsx"),
    (m) => m.PlanTreePage,
  ),
  MeasuresPage: lazyPage(
    () => import("./pages/MeasuresPage.tsx"),
    (m) => m.MeasuresPage,
  ),
  MeasureFormPage: lazyPage(
    () => import("./pages/MeasureFormPage.tsx"),
    (m) => m.MeasureFormPage,
  ),
  MeasurePage: lazyPage(
    () => import("./pages/MeasurePage.tsx"),
    (m) => m.MeasurePage,
  ),
  PlanStructurePage: lazyPage(
    () => import("./pages/PlanStructurePage.tsx"),
    (m) => m.PlanStructurePage,
  ),
  CyclePage: lazyPage(
    () => import("./pages/CyclePage.tsx"),
    (m) => m.CyclePage,
  ),
  BudgetPage: lazyPage(
    () => import("./pages/BudgetPage.tsx"),
    (m) => m.BudgetPage,
  ),
  IndicatorsPage: lazyPage(
    () => import("./pages/IndicatorsPage.tsx"),
    (m) => m.IndicatorsPage,
  ),
  IndicatorFormPage: lazyPage(
    () => import("./pages/IndicatorFormPage.tsx"),
    (m) => m.IndicatorFormPage,
  ),
  IndicatorPage: lazyPage(
    () => import("./pages/IndicatorPage.tsx"),
    (m) => m.IndicatorPage,
  ),
  IndicatorImportPage: lazyPage(
    () => import("./pages/IndicatorImportPage.tsx"),
    (m) => m.IndicatorImportPage,
  ),
  ActionPlanPage: lazyPage(
    () => import("./pages/ActionPlanPage.tsx"),
    (m) => m.ActionPlanPage,
  ),
  ImportMeasuresPage: lazyPage(
    () => import("./pages/ImportMeasuresPage.tsx"),
    (m) => m.ImportMeasuresPage,
  ),
  ComparePage: lazyPage(
    () => import("./pages/ComparePage.tsx"),
    (m) => m.ComparePage,
  ),
  SignInPage: lazyPage(
    () => import("./pages/SignInPage.tsx"),
    (m) => m.SignInPage,
  ),
  AccountPage: lazyPage(
    () => import("./pages/AccountPage.tsx"),
    (m) => m.AccountPage,
  ),
  AdminPage: lazyPage(
    () => import("./pages/AdminPage.tsx"),
    (m) => m.AdminPage,
  ),
  SystemPage: lazyPage(
    () => import("./pages/SystemPage.tsx"),
    (m) => m.SystemPage,
  ),
  AcceptInvitationPage: lazyPage(
    () => import("./pages/AcceptInvitationPage.tsx"),
    (m) => m.AcceptInvitationPage,
  ),
  OrganisationsPage: lazyPage(
    () => import("./pages/OrganisationsPage.tsx"),
    (m) => m.OrganisationsPage,
  ),
  OrganisationPage: lazyPage(
    () => import("./pages/OrganisationPage.tsx"),
    (m) => m.OrganisationPage,
  ),
  ProposalsPage: lazyPage(
    () => import("./pages/ProposalsPage.tsx"),
    (m) => m.ProposalsPage,
  ),
  ProposalPage: lazyPage(
    () => import("./pages/ProposalPage.tsx"),
    (m) => m.ProposalPage,
  ),
  NotificationsPage: lazyPage(
    () => import("./pages/NotificationsPage.tsx"),
    (m) => m.NotificationsPage,
  ),
  StatusPage: lazyPage(
    () => import("./pages/StatusPage.tsx"),
    (m) => m.StatusPage,
  ),
  CompiledStatusReportPage: lazyPage(
    () => import("./pages/CompiledStatusReportPage.tsx"),
    (m) => m.CompiledStatusReportPage,
  ),
  StatusReportPage: lazyPage(
    () => import("./pages/StatusReportPage.tsx"),
    (m) => m.StatusReportPage,
  ),
  EvaluationsPage: lazyPage(
    () => import("./pages/EvaluationsPage.tsx"),
    (m) => m.EvaluationsPage,
  ),
  EvaluationRoundPage: lazyPage(
    () => import("./pages/EvaluationRoundPage.tsx"),
    (m) => m.EvaluationRoundPage,
  ),
  RegionPage: lazyPage(
    () => import("./pages/RegionPage.tsx"),
    (m) => m.RegionPage,
  ),
  SharedMeasuresPage: lazyPage(
    () => import("./pages/SharedMeasuresPage.tsx"),
    (m) => m.SharedMeasuresPage,
  ),
};

/** The pages of the app; the server renders the same routes (src/http/render/ssr.tsx). */
export const pageRoutes: { path: string; page: LazyPage }[] = [
  { path: "/", page: pages.PlanTreePage },
  { path: "/tiltak", page: pages.MeasuresPage },
  { path: "/tiltak/nytt", page: pages.MeasureFormPage },
  { path: "/tiltak/:reference", page: pages.MeasurePage },
  { path: "/tiltak/:reference/rediger", page: pages.MeasureFormPage },
  { path: "/plan/struktur", page: pages.PlanStructurePage },
  { path: "/arshjul", page: pages.CyclePage },
  { path: "/budsjett", page: pages.BudgetPage },
  { path: "/indikatorer", page: pages.IndicatorsPage },
  { path: "/indikatorer/ny", page: pages.IndicatorFormPage },
  { path: "/indikatorer/:id", page: pages.IndicatorPage },
  { path: "/indikatorer/:id/rediger", page: pages.IndicatorFormPage },
  { path: "/indikatorer/:id/import", page: pages.IndicatorImportPage },
  { path: "/plan/:planId/handlingsplan/:budgetYear/:revision", page: pages.ActionPlanPage },
  { path: "/plan/:planId/handlingsplan/:budgetYear/:revision/import", page: pages.ImportMeasuresPage },
  { path: "/endringer", page: pages.ComparePage },
  { path: "/logg-inn", page: pages.SignInPage },
  { path: "/konto", page: pages.AccountPage },
  { path: "/admin", page: pages.AdminPage },
  { path: "/drift/kommuner", page: pages.SystemPage },
  { path: "/invitasjon/:token", page: pages.AcceptInvitationPage },
  { path: "/partnere", page: pages.OrganisationsPage },
  { path: "/partnere/:organisationId", page: pages.OrganisationPage },
  { path: "/innspill", page: pages.ProposalsPage },
  { path: "/innspill/:number", page: pages.ProposalPage },
  { path: "/varsler", page: pages.NotificationsPage },
  { path: "/status", page: pages.StatusPage },
  { path: "/status/:periodId/rapport", page: pages.CompiledStatusReportPage },
  { path: "/status/:periodId/:reference", page: pages.StatusReportPage },
  { path: "/evalueringer", page: pages.EvaluationsPage },
  { path: "/evalueringer/:roundId", page: pages.EvaluationRoundPage },
  { path: "/region", page: pages.RegionPage },
  { path: "/region/:slug", page: pages.RegionPage },
  { path: "/felles-tiltak", page: pages.SharedMeasuresPage },
];

/** Loads the module of the page at this URL, so that it renders (or hydrates) without suspending. */
export async function preloadPage(url: string): Promise<boolean> {
  const match = matchRoutes(pageRoutes, url);
  const route = match?.[match.length - 1]?.route;
  if (route) await route.page.preload();
  return route !== undefined;
}

/** The whole app, without its router: the browser wraps it in BrowserRouter, the server in StaticRouter. */
export function App({ queryClient, language }: { queryClient: QueryClient; language: Language }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider initial={language}>
        <Layout>
          {/* Only a page reached by navigation whose chunk is not loaded yet waits here, briefly. */}
          <Suspense fallback={<p aria-busy="true" />}>
            <Routes>
              {pageRoutes.map((r) => (
                <Route key={r.path} path={r.path} element={<r.page.Page />} />
              ))}
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </Layout>
      </LanguageProvider>
    </QueryClientProvider>
  );
}
