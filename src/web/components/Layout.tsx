import { Heading, Link, Paragraph, SkipLink } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { useCurrentMunicipality, useSession } from "../api.ts";
import { useEvaluationMessages } from "../i18n/evaluation-messages.ts";
import { useIndicatorMessages } from "../i18n/indicator-messages.ts";
import { useLanguage } from "../i18n/language.tsx";
import { useProposalMessages } from "../i18n/proposal-messages.ts";
import { useRegionMessages } from "../i18n/region-messages.ts";
import { translateStatus } from "../i18n/status-messages.ts";
import { useNotifications } from "../proposals-api.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { UserMenu } from "./UserMenu.tsx";
import { useWaitingCount } from "./WaitingTasks.tsx";

export function Layout({ children }: { children: ReactNode }) {
  const { p } = useProposalMessages();
  const { t, language } = useLanguage();
  const indicatorText = useIndicatorMessages().m;
  const { e } = useEvaluationMessages();
  const { r } = useRegionMessages();
  const municipality = useCurrentMunicipality().data;
  const user = useSession().data?.user;
  const administers = municipality?.role === "admin" || municipality?.role === "planner";
  return (
    <div className="pv-page">
      <SkipLink href="#main">{t("app.skipToContent")}</SkipLink>
      <header className="pv-header">
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
          <div className="pv-header__tools">
            {user && <NotificationsLink />}
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
        <nav className="pv-nav" aria-label={t("nav.label")}>
          <ul className="pv-nav__list">
            <li>
              <NavLink to="/" end className="pv-nav__link">
                {t("nav.plan")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/tiltak" className="pv-nav__link">
                {t("nav.measures")}
              </NavLink>
            </li>
            {municipality?.role && (
              <li>
                <NavLink to="/arshjul" className="pv-nav__link">
                  {t("nav.cycle")}
                </NavLink>
              </li>
            )}
            {municipality?.role && municipality.role !== "partner" && (
              <li>
                <NavLink to="/budsjett" className="pv-nav__link">
                  {t("nav.budget")}
                </NavLink>
              </li>
            )}
            {municipality?.role && municipality.role !== "partner" && (
              <li>
                <NavLink to="/status" className="pv-nav__link">
                  {translateStatus(language, "nav.status")}
                </NavLink>
              </li>
            )}
            <li>
              <NavLink to="/indikatorer" className="pv-nav__link">
                {indicatorText("nav.indicators")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/region" className="pv-nav__link">
                {r("nav.region")}
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
                {p("nav.proposals")}
              </NavLink>
            </li>
            {municipality?.role && (
              <li>
                <NavLink to="/evalueringer" className="pv-nav__link">
                  {e("nav.evaluation")}
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
  const { p } = useProposalMessages();
  // Unread notices and open tasks (reports to write or review, evaluations to answer).
  const unread = (useNotifications(true).data?.unread ?? 0) + useWaitingCount(true);
  return (
    <NavLink to="/varsler" className="pv-header__link" data-testid="notifications-link">
      {unread > 0 ? p("nav.notificationsUnread", { count: unread }) : p("nav.notifications")}
    </NavLink>
  );
}
