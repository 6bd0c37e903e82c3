import { Link } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { Link as RouterLink, useLocation, useNavigate } from "react-router";
import { usePlanParam, usePlanTree } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";

/** The pages that show one plan; switching plan on them stays on the page, elsewhere it goes to the plan. */
const planPages = [
  "/",
  "/tiltak",
  "/tiltak/nytt",
  "/plan/struktur",
  "/arshjul",
  "/budsjett",
  "/status",
  "/endringer",
  "/indikatorer",
];

const storageKey = (municipalityNumber: string) => `planverk.plan.${municipalityNumber}`;

/** The address `path` with `plan` set to the plan (and the year left out: years belong to one plan). */
export function addressForPlan(path: string, search: string, planId: string) {
  const params = new URLSearchParams(search);
  params.delete("aar");
  params.set("plan", planId);
  return `${path}?${params.toString()}`;
}

/**
 * The plan one works in is in the address (`?plan=<id>`), so a link to it can be shared; it is also
 * remembered in this browser, and a plan page opened without it shows the remembered plan.
 */
function useRememberedPlan(municipalityNumber: string, shownPlanId: string | undefined, planIds: string[]) {
  const planParam = usePlanParam();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    const key = storageKey(municipalityNumber);
    if (planParam) {
      window.localStorage.setItem(key, planParam);
      return;
    }
    const remembered = window.localStorage.getItem(key);
    if (!remembered || !shownPlanId || remembered === shownPlanId || !planIds.includes(remembered)) return;
    if (planPages.includes(pathname))
      navigate(addressForPlan(pathname, search, remembered), { replace: true });
  }, [municipalityNumber, planParam, shownPlanId, planIds, pathname, search, navigate]);
}

/**
 * A page about one thing of a plan (a measure) names that plan in the address when it is not the
 * plan the views would show anyway, so the header says which plan it belongs to and the plan is
 * remembered as the one worked in.
 */
export function useFollowPlan(municipalityNumber: string | undefined, planId: string | undefined) {
  const planParam = usePlanParam();
  const shownPlanId = usePlanTree(municipalityNumber).data?.plan?.id;
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (!planId || planId === (planParam ?? shownPlanId) || (!planParam && !shownPlanId)) return;
    const params = new URLSearchParams(search);
    params.set("plan", planId);
    navigate(`${pathname}?${params.toString()}`, { replace: true });
  }, [planId, planParam, shownPlanId, pathname, search, navigate]);
}

/** «Plan: Strategisk næringsplan 2023–2027» in the header, with the way to the municipality's other plans. */
export function PlanSwitcher({ municipalityNumber, year }: { municipalityNumber: string; year?: number }) {
  const { t } = useLanguage();
  const tree = usePlanTree(municipalityNumber, year).data;
  const { pathname, search } = useLocation();
  const plans = tree?.plans ?? [];
  const shown = tree?.plan;
  useRememberedPlan(
    municipalityNumber,
    shown?.id,
    plans.map((p) => p.id),
  );
  if (!shown) return null;
  const target = planPages.includes(pathname) ? pathname : "/";
  return (
    <div className="pv-plan-switcher" data-testid="plan-switcher">
      <span className="pv-plan-switcher__label">{t("plans.current")}:</span>{" "}
      <strong data-testid="plan-current">{shown.title}</strong>
      <details className="pv-plan-switcher__menu">
        <summary>{plans.length > 1 ? t("plans.switch") : t("plans.all")}</summary>
        <ul>
          {plans.map((p) => (
            <li key={p.id}>
              <Link asChild>
                <RouterLink
                  to={addressForPlan(target, target === pathname ? search : "", p.id)}
                  aria-current={p.id === shown.id ? "page" : undefined}
                >
                  {p.title}
                </RouterLink>
              </Link>
            </li>
          ))}
          <li>
            <Link asChild>
              <RouterLink to="/planer">{t("plans.manage")}</RouterLink>
            </Link>
          </li>
        </ul>
      </details>
    </div>
  );
}
