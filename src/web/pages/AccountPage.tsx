import { Alert, Button, Heading, List, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type { SessionResponse } from "../../http/routes/session.ts";
import { useSend, useSession } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { MySessions } from "../components/MySessions.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { SecondFactor } from "../components/SecondFactor.tsx";
import { useLanguage } from "../i18n/language.tsx";
import { useSecondFactorMessages } from "../i18n/second-factor-messages.ts";

export function AccountPage() {
  const { t } = useLanguage();
  const { tf } = useSecondFactorMessages();
  const session = useSession();
  if (!session.data) return <QueryState isError={session.isError} />;
  const user = session.data.user;
  if (!user) {
    return (
      <Paragraph>
        <AppLink to="/logg-inn?til=/konto">{t("auth.signIn")}</AppLink>
      </Paragraph>
    );
  }
  // Held to setting up a second factor, the page shows that alone (the rest of the app is closed).
  const settingUp = session.data.signInStep === "set_up_second_factor";
  return (
    <article className="pv-stack">
      <Heading level={1} data-size="lg">
        {t("account.heading")}
      </Heading>
      <Paragraph>
        {user.name} · {user.email}
      </Paragraph>
      {settingUp && <Alert data-color="warning">{tf("tf.requiredNotice")}</Alert>}
      {/* The same place in the tree whether setting up or not, so the recovery codes stay shown. */}
      {settingUp ? null : <AccountDetails user={user} />}
      <SecondFactor />
      {settingUp ? null : <MySessions />}
    </article>
  );
}

/** The person's roles, and changing the password. */
function AccountDetails({ user }: { user: NonNullable<SessionResponse["user"]> }) {
  const { t } = useLanguage();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const change = useSend((body: { currentPassword: string; newPassword: string }) => ({
    method: "POST",
    path: "/api/session/password",
    body,
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent("");
          setNew("");
        },
      },
    );
  };
  return (
    <>
      <section className="pv-stack" aria-labelledby="roles-heading">
        <Heading level={2} data-size="sm" id="roles-heading">
          {t("account.roles")}
        </Heading>
        {user.memberships.length === 0 ? (
          <Paragraph>{t("account.noRoles")}</Paragraph>
        ) : (
          <List.Unordered>
            {user.memberships.map((m) => (
              <List.Item key={m.municipalityNumber}>
                {m.municipalityName} kommune: {t(`role.${m.role}`)}
              </List.Item>
            ))}
          </List.Unordered>
        )}
      </section>
      <section className="pv-stack" aria-labelledby="password-heading">
        <Heading level={2} data-size="sm" id="password-heading">
          {t("account.changePassword")}
        </Heading>
        {change.isSuccess && <Alert data-color="success">{t("account.passwordChanged")}</Alert>}
        <ErrorMessage error={change.error} />
        <form className="pv-form" onSubmit={submit} noValidate>
          <Textfield
            label={t("account.currentPassword")}
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
          />
          <Textfield
            label={t("account.newPassword")}
            description={t("account.newPasswordHint")}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
          />
          <div className="pv-actions">
            <Button type="submit" loading={change.isPending}>
              {t("account.changePassword")}
            </Button>
          </div>
        </form>
      </section>
    </>
  );
}
