import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import type { AcceptResponse, InvitationResponse } from "../../http/routes/invitations.ts";
import { apiPaths, browserFetchJson, sendJson, useSession } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useLanguage } from "../i18n/language.tsx";

/** The page an invitation link opens: create an account (or use one's own) and take the role. */
export function AcceptInvitationPage() {
  const { t } = useLanguage();
  const { token = "" } = useParams();
  const queryClient = useQueryClient();
  const session = useSession().data;
  const invitation = useQuery({
    queryKey: [apiPaths.invitation(token)],
    queryFn: () => browserFetchJson(apiPaths.invitation(token)) as Promise<InvitationResponse>,
  });
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<AcceptResponse | null>(null);
  const [busy, setBusy] = useState(false);

  if (!invitation.data) return <QueryState isError={invitation.isError} />;
  const inv = invitation.data;
  const role = t(`role.${inv.role}`);
  const signedInAsInvitee = session?.user?.email === inv.email;

  const accept = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = signedInAsInvitee ? {} : { name, password };
      const result = await sendJson<AcceptResponse>(
        queryClient,
        "POST",
        apiPaths.acceptInvitation(token),
        body,
      );
      await queryClient.invalidateQueries();
      setDone(result);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="pv-stack" style={{ maxWidth: "36rem" }}>
      <Heading level={1} data-size="lg">
        {t("accept.heading")}
      </Heading>
      <Paragraph>
        {t("accept.body", { municipality: inv.municipality.name, role, email: inv.email })}
      </Paragraph>
      {done ? (
        <Alert data-color="success">
          <Paragraph>
            {t("accept.done", { role: t(`role.${done.role}`), municipality: done.municipality.name })}
          </Paragraph>
          <AppLink to="/">{t("accept.toPlan")}</AppLink>
        </Alert>
      ) : inv.status === "expired" ? (
        <Alert data-color="warning">{t("accept.expired")}</Alert>
      ) : inv.status === "used" ? (
        <Alert data-color="warning">{t("accept.used")}</Alert>
      ) : inv.status === "withdrawn" ? (
        <Alert data-color="warning" data-testid="invitation-withdrawn">
          {t("accept.withdrawn")}
        </Alert>
      ) : signedInAsInvitee ? (
        <>
          <ErrorMessage error={error} />
          <div className="pv-actions">
            <Button onClick={() => void accept()} loading={busy}>
              {t("accept.accept")}
            </Button>
          </div>
        </>
      ) : inv.accountExists || session?.user ? (
        <Alert data-color="info">
          <Paragraph>{t("accept.signInFirst", { email: inv.email })}</Paragraph>
          <AppLink to={`/logg-inn?til=${encodeURIComponent(`/invitasjon/${token}`)}`}>
            {t("auth.signIn")}
          </AppLink>
        </Alert>
      ) : (
        <form className="pv-form" onSubmit={(e) => void accept(e)} noValidate>
          <ErrorMessage error={error} />
          <Textfield
            label={t("accept.name")}
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Textfield label={t("auth.email")} value={inv.email} readOnly />
          <Textfield
            label={t("accept.password")}
            description={t("accept.passwordHint")}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <div className="pv-actions">
            <Button type="submit" loading={busy}>
              {t("accept.createAccount")}
            </Button>
          </div>
        </form>
      )}
    </article>
  );
}
