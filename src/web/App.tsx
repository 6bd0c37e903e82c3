import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout.tsx";
import { NotFoundPage } from "./components/NotFoundPage.tsx";
import { LanguageProvider } from "./i18n/language.tsx";
import type { Language } from "./i18n/messages.ts";
import { AcceptInvitationPage } from "./pages/AcceptInvitationPage.tsx";
import { AccountPage } from "./pages/AccountPage.tsx";
import { ActionPlanPage } from "./pages/ActionPlanPage.tsx";
import { AdminPage } from "./pages/AdminPage.tsx";
import { BudgetPage } from "./pages/budget/BudgetPage.tsx";
import { ComparePage } from "./pages/ComparePage.tsx";
import { CompiledStatusReportPage } from "./pages/CompiledStatusReportPage.tsx";
import { CyclePage } from "./pages/cycle/CyclePage.tsx";
import { EvaluationsPage } from "./pages/EvaluationsPage.tsx";
import { EvaluationRoundPage } from "./pages/evaluation-round/EvaluationRoundPage.tsx";
import { ImportMeasuresPage } from "./pages/ImportMeasuresPage.tsx";
import { IndicatorFormPage } from "./pages/IndicatorFormPage.tsx";
import { IndicatorImportPage } from "./pages/IndicatorImportPage.tsx";
import { IndicatorPage } from "./pages/IndicatorPage.tsx";
import { IndicatorsPage } from "./pages/IndicatorsPage.tsx";
import { MeasureFormPage } from "./pages/MeasureFormPage.tsx";
import { MeasurePage } from "./pages/MeasurePage.tsx";
import { MeasuresPage } from "./pages/MeasuresPage.tsx";
import { NotificationsPage } from "./pages/NotificationsPage.tsx";
import { OrganisationPage } from "./pages/OrganisationPage.tsx";
import { OrganisationsPage } from "./pages/organisations/OrganisationsPage.tsx";
import { PlanStructurePage } from "./pages/PlanStructurePage.tsx";
import { PlanTreePage } from "./pages/PlanTreePage.tsx";
import { ProposalPage } from "./pages/ProposalPage.tsx";
import { ProposalsPage } from "./pages/ProposalsPage.tsx";
import { RegionPage } from "./pages/RegionPage.tsx";
import { SharedMeasuresPage } from "./pages/SharedMeasuresPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { StatusPage } from "./pages/StatusPage.tsx";
import { StatusReportPage } from "./pages/StatusReportPage.tsx";
import { SystemPage } from "./pages/SystemPage.tsx";

/** The pages of the app; the server renders the same routes (src/web/ssr.tsx). */
export const pageRoutes = [
  { path: "/", element: <PlanTreePage /> },
  { path: "/tiltak", element: <MeasuresPage /> },
  { path: "/tiltak/nytt", element: <MeasureFormPage /> },
  { path: "/tiltak/:reference", element: <MeasurePage /> },
  { path: "/tiltak/:reference/rediger", element: <MeasureFormPage /> },
  { path: "/plan/struktur", element: <PlanStructurePage /> },
  { path: "/arshjul", element: <CyclePage /> },
  { path: "/budsjett", element: <BudgetPage /> },
  { path: "/indikatorer", element: <IndicatorsPage /> },
  { path: "/indikatorer/ny", element: <IndicatorFormPage /> },
  { path: "/indikatorer/:id", element: <IndicatorPage /> },
  { path: "/indikatorer/:id/rediger", element: <IndicatorFormPage /> },
  { path: "/indikatorer/:id/import", element: <IndicatorImportPage /> },
  { path: "/plan/:planId/handlingsplan/:budgetYear/:revision", element: <ActionPlanPage /> },
  { path: "/plan/:planId/handlingsplan/:budgetYear/:revision/import", element: <ImportMeasuresPage /> },
  { path: "/endringer", element: <ComparePage /> },
  { path: "/logg-inn", element: <SignInPage /> },
  { path: "/konto", element: <AccountPage /> },
  { path: "/admin", element: <AdminPage /> },
  { path: "/drift/kommuner", element: <SystemPage /> },
  { path: "/invitasjon/:token", element: <AcceptInvitationPage /> },
  { path: "/partnere", element: <OrganisationsPage /> },
  { path: "/partnere/:organisationId", element: <OrganisationPage /> },
  { path: "/innspill", element: <ProposalsPage /> },
  { path: "/innspill/:number", element: <ProposalPage /> },
  { path: "/varsler", element: <NotificationsPage /> },
  { path: "/status", element: <StatusPage /> },
  { path: "/status/:periodId/rapport", element: <CompiledStatusReportPage /> },
  { path: "/status/:periodId/:reference", element: <StatusReportPage /> },
  { path: "/evalueringer", element: <EvaluationsPage /> },
  { path: "/evalueringer/:roundId", element: <EvaluationRoundPage /> },
  { path: "/region", element: <RegionPage /> },
  { path: "/region/:slug", element: <RegionPage /> },
  { path: "/felles-tiltak", element: <SharedMeasuresPage /> },
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
