import { Button, Link } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { useLocation, useNavigate } from "react-router";
import { sendJson, useCurrentMunicipality, useSession } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";

/** Who is signed in, with their role here, and the way out; or the way in. */
export function UserMenu() {
  const { t } = useLanguage();
  const session = useSession().data;
  const municipality = useCurrentMunicipality().data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();

  if (!session?.user) {
    const returnTo = location.pathname === "/logg-inn" ? "/" : location.pathname;
    return (
      <Link href={`/logg-inn?til=${encodeURIComponent(returnTo)}`} data-testid="sign-in-link">
        {t("auth.signIn")}
      </Link>
    );
  }
  const signOut = async () => {
    await sendJson(queryClient, "DELETE", "/api/session");
    // Refetch what is on screen as the signed-out visitor sees it (clear() would not re-render it).
    await queryClient.resetQueries();
    await navigate("/");
  };
  return (
    <div className="pv-user">
      <span data-testid="signed-in-as">
        {t("auth.signedInAs", { name: session.user.name })}
        {municipality?.role && <span className="pv-muted"> · {t(`role.${municipality.role}`)}</span>}
      </span>
      <Link href="/konto">{t("nav.account")}</Link>
      <Button variant="secondary" data-size="sm" onClick={() => void signOut()}>
        {t("auth.signOut")}
      </Button>
    </div>
  );
}
