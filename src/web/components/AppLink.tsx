import { Link } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { Link as RouterLink } from "react-router";

/** A Designsystemet link that navigates inside the app without reloading the page. */
export function AppLink({
  to,
  children,
  ...rest
}: {
  to: string;
  children: ReactNode;
  "data-testid"?: string;
}) {
  return (
    <Link asChild {...rest}>
      <RouterLink to={to}>{children}</RouterLink>
    </Link>
  );
}
