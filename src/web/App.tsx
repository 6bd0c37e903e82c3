import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ComponentType, lazy, Suspense } from "react";
import { matchRoutes, Route, Routes } from "react-router";
import { Layout } from "./components/Layout.tsx";
import { NotFoundPage } from "./components/NotFoundPage.tsx";
import { LanguageProvider } from "./i18n/language.tsx";
import type { Language } from "./i18n/messages.ts";

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
    () => import("./pages/cycle/CyclePage.tsx"),
    (m) => m.CyclePage,
  ),
  BudgetPage: lazyPage(
    () => import("./pages/budget/BudgetPage.tsx"),
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
  JobsPage: lazyPage(
    () => import("./pages/JobsPage.tsx"),
    (m) => m.JobsPage,
  ),
  AcceptInvitationPage: lazyPage(
    () => import("./pages/AcceptInvitationPage.tsx"),
    (m) => m.AcceptInvitationPage,
  ),
  OrganisationsPage: lazyPage(
    () => import("./pages/organisations/OrganisationsPage.tsx"),
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
    () => import("./pages/evaluation-round/EvaluationRoundPage.tsx"),
    (m) => m.EvaluationRoundPage,
  ),
  RegionPage: lazyPage(
    () => import("./pages/RegionPage.tsx"),
    (m) => m.RegionPage,
  ),
  PlansPage: lazyPage(
    () => import("./pages/PlansPage.tsx"),
    (m) => m.PlansPage,
  ),
  SharedMeasuresPage: lazyPage(
    () => import("./pages/SharedMeasuresPage.tsx"),
    (m) => m.SharedMeasuresPage,
  ),
};

/** The pages of the app; the server renders the same routes (src/http/render/ssr.tsx). */
/** `source`: the page's module, relative to src/web, as Vite's manifest names it (for preload links). */
export const pageRoutes: { path: string; page: LazyPage; source: string }[] = [
  { path: "/", page: pages.PlanTreePage, source: "pages/PlanTreePage.tsx" },
  { path: "/tiltak", page: pages.MeasuresPage, source: "pages/MeasuresPage.tsx" },
  { path: "/tiltak/nytt", page: pages.MeasureFormPage, source: "pages/MeasureFormPage.tsx" },
  { path: "/tiltak/:reference", page: pages.MeasurePage, source: "pages/MeasurePage.tsx" },
  { path: "/tiltak/:reference/rediger", page: pages.MeasureFormPage, source: "pages/MeasureFormPage.tsx" },
  { path: "/plan/struktur", page: pages.PlanStructurePage, source: "pages/PlanStructurePage.tsx" },
  { path: "/planer", page: pages.PlansPage, source: "pages/PlansPage.tsx" },
  { path: "/arshjul", page: pages.CyclePage, source: "pages/cycle/CyclePage.tsx" },
  { path: "/budsjett", page: pages.BudgetPage, source: "pages/budget/BudgetPage.tsx" },
  { path: "/indikatorer", page: pages.IndicatorsPage, source: "pages/IndicatorsPage.tsx" },
  { path: "/indikatorer/ny", page: pages.IndicatorFormPage, source: "pages/IndicatorFormPage.tsx" },
  { path: "/indikatorer/:id", page: pages.IndicatorPage, source: "pages/IndicatorPage.tsx" },
  { path: "/indikatorer/:id/rediger", page: pages.IndicatorFormPage, source: "pages/IndicatorFormPage.tsx" },
  {
    path: "/indikatorer/:id/import",
    page: pages.IndicatorImportPage,
    source: "pages/IndicatorImportPage.tsx",
  },
  {
    path: "/plan/:planId/handlingsplan/:budgetYear/:revision",
    page: pages.ActionPlanPage,
    source: "pages/ActionPlanPage.tsx",
  },
  {
    path: "/plan/:planId/handlingsplan/:budgetYear/:revision/import",
    page: pages.ImportMeasuresPage,
    source: "pages/ImportMeasuresPage.tsx",
  },
  { path: "/endringer", page: pages.ComparePage, source: "pages/ComparePage.tsx" },
  { path: "/logg-inn", page: pages.SignInPage, source: "pages/SignInPage.tsx" },
  { path: "/konto", page: pages.AccountPage, source: "pages/AccountPage.tsx" },
  { path: "/admin", page: pages.AdminPage, source: "pages/AdminPage.tsx" },
  { path: "/drift/kommuner", page: pages.SystemPage, source: "pages/SystemPage.tsx" },
  { path: "/drift/jobber", page: pages.JobsPage, source: "pages/JobsPage.tsx" },
  { path: "/invitasjon/:token", page: pages.AcceptInvitationPage, source: "pages/AcceptInvitationPage.tsx" },
  { path: "/partnere", page: pages.OrganisationsPage, source: "pages/organisations/OrganisationsPage.tsx" },
  { path: "/partnere/:organisationId", page: pages.OrganisationPage, source: "pages/OrganisationPage.tsx" },
  { path: "/innspill", page: pages.ProposalsPage, source: "pages/ProposalsPage.tsx" },
  { path: "/innspill/:number", page: pages.ProposalPage, source: "pages/ProposalPage.tsx" },
  { path: "/varsler", page: pages.NotificationsPage, source: "pages/NotificationsPage.tsx" },
  { path: "/status", page: pages.StatusPage, source: "pages/StatusPage.tsx" },
  {
    path: "/status/:periodId/rapport",
    page: pages.CompiledStatusReportPage,
    source: "pages/CompiledStatusReportPage.tsx",
  },
  {
    path: "/status/:periodId/:reference",
    page: pages.StatusReportPage,
    source: "pages/StatusReportPage.tsx",
  },
  { path: "/evalueringer", page: pages.EvaluationsPage, source: "pages/EvaluationsPage.tsx" },
  {
    path: "/evalueringer/:roundId",
    page: pages.EvaluationRoundPage,
    source: "pages/evaluation-round/EvaluationRoundPage.tsx",
  },
  { path: "/region", page: pages.RegionPage, source: "pages/RegionPage.tsx" },
  { path: "/region/:slug", page: pages.RegionPage, source: "pages/RegionPage.tsx" },
  { path: "/felles-tiltak", page: pages.SharedMeasuresPage, source: "pages/SharedMeasuresPage.tsx" },
];

/** The route of the page at this URL, if it is one of the app's. */
export function routeOf(url: string) {
  const match = matchRoutes(pageRoutes, url);
  return match?.[match.length - 1]?.route;
}

/** Loads the module of the page at this URL, so that it renders (or hydrates) without suspending. */
export async function preloadPage(url: string): Promise<boolean> {
  const route = routeOf(url);
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
