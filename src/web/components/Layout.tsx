import { Heading, Link, Paragraph, SkipLink } from "@digdir/designsystemet-react";
import { type ReactNode, useEffect, useState } from "react";
import { NavLink, useLocation, useNavigate } from "react-router";
import { useCurrentMunicipality, usePlanParam, useSession } from "../api.ts";
import { useEvaluationTasks } from "../evaluation-api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { useNotifications } from "../proposals-api.ts";
import { useWaitingReports } from "../status-api.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { PlanSwitcher } from "./PlanSwitcher.tsx";
import { useYearParam } from "./PlanYearSwitcher.tsx";
import { UserMenu } from "./UserMenu.tsx";

/**
 * The frame of every page. Its texts come from the main catalogue only, so the first load does not
 * carry the catalogues of other areas. On narrow screens the tools and the menu fold behind a menu
 * button (a disclosure: aria-expanded, Escape closes it, a navigation closes it).
 */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useLanguage();
  const municipality = useCurrentMunicipality().data;
  const session = useSession().data;
  const user = session?.user;
  const administers = municipality?.role === "admin" || municipality?.role === "planner";
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname, search } = useLocation();
  // The year-dependent views keep the action plan named in the address (ADR 0009), and every view
  // the plan one works in.
  const year = useYearParam();
  const plan = usePlanParam();
  const withPlan = (path: string, withYear = false) => {
    const params = new URLSearchParams();
    if (plan) params.set("plan", plan);
    if (withYear && year) params.set("aar", String(year));
    const query = params.toString();
    return query ? `${path}?${query}` : path;
  };
  const withYear = (path: string) => withPlan(path, true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes the menu whenever the page changes.
  useEffect(() => setMenuOpen(false), [pathname]);
  // Someone who must set up a second factor first stays on the account page (the server does the same).
  const navigate = useNavigate();
  const mustSetUp = session?.signInStep === "set_up_second_factor";
  useEffect(() => {
    if (mustSetUp && pathname !== "/konto") void navigate("/konto", { replace: true });
  }, [mustSetUp, pathname, navigate]);
  return (
    <div className="pv-page">
      <SkipLink href="#main">{t("app.skipToContent")}</SkipLink>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the menu from anywhere in the header. */}
      <header
        className="pv-header"
        data-menu={menuOpen ? "open" : "closed"}
        onKeyDown={(event) => {
          if (event.key === "Escape" && menuOpen) {
            setMenuOpen(false);
            document.getElementById("pv-menu-button")?.focus();
          }
        }}
      >
        <div className="pv-header__inner">
          <div className="pv-brand">
            <a href="/" className="pv-brand__name">
              {t("app.name")}
            </a>
            {municipality && (
              <span className="pv-brand__municipality" data-testid="municipality-name">
                {municipality.name} {t("municipality.suffix")}
              </span>
            )}
          </div>
          <button
            type="button"
            id="pv-menu-button"
            className="pv-menu-button"
            aria-expanded={menuOpen}
            aria-controls="pv-tools pv-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true" className="pv-menu-button__icon" />
            {t("nav.menu")}
          </button>
          <div className="pv-header__tools" id="pv-tools">
            {user && <NotificationsLink />}
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
        {municipality && !mustSetUp && (
          <div className="pv-plan-bar">
            <PlanSwitcher key={pathname + search} municipalityNumber={municipality.number} year={year} />
          </div>
        )}
        {/* Held to setting up a second factor, there is nowhere else to go yet. */}
        <nav
          className="pv-nav"
          id="pv-nav"
          aria-label={t("nav.label")}
          style={mustSetUp ? { display: "none" } : undefined}
        >
          <ul className="pv-nav__list">
            <li>
              <NavLink to={withYear("/")} end className="pv-nav__link">
                {t("nav.plan")}
              </NavLink>
            </li>
            <li>
              <NavLink to={withYear("/tiltak")} className="pv-nav__link">
                {t("nav.measures")}
              </NavLink>
            </li>
            {municipality?.role && (
              <li>
                <NavLink to={withPlan("/arshjul")} className="pv-nav__link">
                  {t("nav.cycle")}
                </NavLink>
              </li>
            )}
            {municipality?.role && municipality.role !== "partner" && (
              <li>
                <NavLink to={withYear("/budsjett")} className="pv-nav__link">
                  {t("nav.budget")}
                </NavLink>
              </li>
            )}
            {municipality?.role && municipality.role !== "partner" && (
              <li>
                <NavLink to={withYear("/status")} className="pv-nav__link">
                  {t("nav.status")}
                </NavLink>
              </li>
            )}
            <li>
              <NavLink to={withPlan("/indikatorer")} className="pv-nav__link">
                {t("nav.indicators")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/region" className="pv-nav__link">
                {t("nav.region")}
              </NavLink>
            </li>
            {municipality?.role && (
              <li>
                <NavLink to="/partnere" className="pv-nav__link">
                  {t("nav.partners")}
                </NavLink>
              </li>
            )}
            <li>
              <NavLink to="/innspill" className="pv-nav__link">
                {t("nav.proposals")}
              </NavLink>
            </li>
            {municipality?.role && (
              <li>
                <NavLink to="/evalueringer" className="pv-nav__link">
                  {t("nav.evaluation")}
                </NavLink>
              </li>
            )}
            {administers && (
              <li>
                <NavLink to="/admin" className="pv-nav__link">
                  {t("nav.admin")}
                </NavLink>
              </li>
            )}
            {user?.isSystemAdmin && (
              <li>
                <NavLink to="/drift/kommuner" className="pv-nav__link">
                  {t("nav.system")}
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" className="pv-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="pv-footer">
        <Heading level={2} data-size="2xs" className="pv-visually-hidden">
          {t("app.name")}
        </Heading>
        <Paragraph data-size="sm">
          {t("app.name")} – {t("app.tagline")}. {t("footer.source")}{" "}
          <Link href="/api/docs">{t("nav.api")}</Link>
          {municipality && (
            <>
              {" · "}
              <Link href={`/kommune/${municipality.number}`}>{t("footer.public")}</Link>
            </>
          )}
        </Paragraph>
      </footer>
    </div>
  );
}

/** The header's way to what waits for the person, with the number of unread notifications. */
function NotificationsLink() {
  const { t } = useLanguage();
  // Unread notices and open tasks (reports to write or review, evaluations to answer), counted as
  // WaitingTasks lists them.
  const reports = useWaitingReports(true).data ?? [];
  const evaluations = useEvaluationTasks(true).data ?? [];
  const unread =
    (useNotifications(true).data?.unread ?? 0) +
    reports.length +
    evaluations.filter((e) => e.answered < e.measureCount).length;
  return (
    <NavLink to="/varsler" className="pv-header__link" data-testid="notifications-link">
      {unread > 0 ? t("nav.notificationsUnread", { count: unread }) : t("nav.notifications")}
    </NavLink>
  );
}
