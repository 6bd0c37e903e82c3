import { Link } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { Link as RouterLink } from "react-router";
import { usePlanParam } from "../api.ts";

/**
 * A Designsystemet link that navigates inside the app without reloading the page. A link inside the
 * app keeps the plan named in the address (`?plan=`), so one stays in the plan one works in.
 */
export function AppLink({
  to,
  children,
  ...rest
}: {
  to: string;
  children: ReactNode;
  "data-testid"?: string;
}) {
  const plan = usePlanParam();
  return (
    <Link asChild {...rest}>
      <RouterLink to={plan ? keepPlan(to, plan) : to}>{children}</RouterLink>
    </Link>
  );
}

/** `to` with `plan` added, unless it names a plan already (in its query or its path). */
export function keepPlan(to: string, plan: string): string {
  if (!to.startsWith("/") || /^\/plan\/[0-9a-f-]{36}\//.test(to) || /[?&]plan=/.test(to)) return to;
  const [path, hash] = to.split("#");
  const joined = `${path}${path?.includes("?") ? "&" : "?"}plan=${plan}`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}
