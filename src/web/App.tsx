import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout.tsx";
import { LanguageProvider } from "./i18n/language.tsx";
import type { Language } from "./i18n/messages.ts";
import { AcceptInvitationPage } from "./pages/AcceptInvitationPage.tsx";
import { AccountPage } from "./pages/AccountPage.tsx";
import { ActionPlanPage } from "./pages/ActionPlanPage.tsx";
import { AdminPage } from "./pages/AdminPage.tsx";
import { BudgetPage } from "./pages/BudgetPage.tsx";
import { ComparePage } from "./pages/ComparePage.tsx";
import { CyclePage } from "./pages/CyclePage.tsx";
import { MeasureFormPage } from "./pages/MeasureFormPage.tsx";
import { MeasurePage } from "./pages/MeasurePage.tsx";
import { MeasuresPage } from "./pages/MeasuresPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { OrganisationPage } from "./pages/OrganisationPage.tsx";
import { OrganisationsPage } from "./pages/OrganisationsPage.tsx";
import { PlanStructurePage } from "./pages/PlanStructurePage.tsx";
import { PlanTreePage } from "./pages/PlanTreePage.tsx";
import { RegionPage } from "./pages/RegionPage.tsx";
import { SharedMeasuresPage } from "./pages/SharedMeasuresPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
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
  { path: "/plan/:planId/handlingsplan/:budgetYear/:revision", element: <ActionPlanPage /> },
  { path: "/endringer", element: <ComparePage /> },
  { path: "/logg-inn", element: <SignInPage /> },
  { path: "/konto", element: <AccountPage /> },
  { path: "/admin", element: <AdminPage /> },
  { path: "/drift/kommuner", element: <SystemPage /> },
  { path: "/invitasjon/:token", element: <AcceptInvitationPage /> },
  { path: "/partnere", element: <OrganisationsPage /> },
  { path: "/partnere/:organisationId", element: <OrganisationPage /> },
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
