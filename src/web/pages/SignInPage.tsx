import { Alert, Button, Divider, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { sendJson, useSession } from "../api.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { useLanguage } from "../i18n/language.tsx";

/** Only local paths, so a crafted link cannot send someone elsewhere after sign-in. */
const safeReturn = (value: string | null) =>
  value?.startsWith("/") && !value.startsWith("//") ? value : "/";

export function SignInPage() {
  const { t } = useLanguage();
  const session = useSession().data;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const returnTo = safeReturn(params.get("til"));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(new Error(t("auth.required")));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await sendJson(queryClient, "POST", "/api/session", { email, password });
      await queryClient.resetQueries();
      await navigate(returnTo);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="pv-stack" style={{ maxWidth: "32rem" }}>
      <Heading level={1} data-size="lg">
        {t("auth.heading")}
      </Heading>
      <Paragraph>
        {session?.oidc ? t("auth.introWithOidc", { name: session.oidc.displayName }) : t("auth.intro")}
      </Paragraph>
      {params.get("feil") === "oidc" && <Alert data-color="danger">{t("auth.oidcFailed")}</Alert>}
      <ErrorMessage error={error} heading={t("auth.errorHeading")} />
      <form
        className="pv-form"
        onSubmit={(e) => void submit(e)}
        noValidate
        method="post"
        action="/api/session"
      >
        <Textfield
          label={t("auth.email")}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Textfield
          label={t("auth.password")}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="pv-actions">
          <Button type="submit" loading={busy}>
            {t("auth.submit")}
          </Button>
        </div>
      </form>
      {session?.oidc && (
        <>
          <Divider />
          <Paragraph>{t("auth.or")}</Paragraph>
          <Button asChild variant="secondary">
            <a href={`${session.oidc.startUrl}?returnTo=${encodeURIComponent(returnTo)}`}>
              {t("auth.oidc", { name: session.oidc.displayName })}
            </a>
          </Button>
        </>
      )}
    </article>
  );
}
