import { Alert, Button, Divider, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import type { SessionResponse } from "../../http/routes/session.ts";
import { apiPaths, sendJson, useSession } from "../api.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { useLanguage } from "../i18n/language.tsx";
import { useSecondFactorMessages } from "../i18n/second-factor-messages.ts";

/** Only local paths, so a crafted link cannot send someone elsewhere after sign-in. */
const safeReturn = (value: string | null) =>
  value?.startsWith("/") && !value.startsWith("//") ? value : "/";

export function SignInPage() {
  const { t } = useLanguage();
  const { tf } = useSecondFactorMessages();
  const session = useSession().data;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState("");
  const returnTo = safeReturn(params.get("til"));
  // The password was right and the one-time code is still to come (also after a reload).
  const codeStep = session?.signInStep === "second_factor";

  /** After a step of signing in: the code step, the account page to set one up, or where the person was going. */
  const proceed = async (answer: SessionResponse) => {
    if (answer.signInStep === "second_factor") {
      // The waiting session's CSRF token must go with the code.
      queryClient.setQueryData([apiPaths.session()], answer);
      return;
    }
    await queryClient.resetQueries();
    await navigate(answer.signInStep === "set_up_second_factor" ? "/konto" : returnTo);
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setError(new Error(tf("tf.signInRequired")));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await proceed(
        await sendJson<SessionResponse>(queryClient, "POST", "/api/session/second-factor/verify", { code }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const restart = async () => {
    await sendJson(queryClient, "DELETE", "/api/session").catch(() => undefined);
    setCode("");
    setError(null);
    await queryClient.resetQueries();
  };

  if (codeStep)
    return (
      <article className="pv-stack" style={{ maxWidth: "32rem" }}>
        <Heading level={1} data-size="lg">
          {tf("tf.signInHeading")}
        </Heading>
        <Paragraph>{tf("tf.signInIntro")}</Paragraph>
        <ErrorMessage error={error} heading={t("auth.errorHeading")} />
        <form className="pv-form" onSubmit={(e) => void submitCode(e)} noValidate>
          <Textfield
            label={tf("tf.signInCode")}
            name="code"
            inputMode="text"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <div className="pv-actions">
            <Button type="submit" loading={busy}>
              {tf("tf.signInSubmit")}
            </Button>
            <Button variant="tertiary" onClick={() => void restart()}>
              {tf("tf.signInRestart")}
            </Button>
          </div>
        </form>
      </article>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(new Error(t("auth.required")));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await proceed(
        await sendJson<SessionResponse>(queryClient, "POST", "/api/session", { email, password }),
      );
      setPassword("");
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
