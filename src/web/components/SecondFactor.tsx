import { Alert, Button, Heading, List, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type {
  SecondFactorConfirmedResponse,
  SecondFactorSetupResponse,
} from "../../http/routes/second-factor.ts";
import { apiPaths, useSecondFactorStatus, useSend } from "../api.ts";
import { useSecondFactorMessages } from "../i18n/second-factor-messages.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { QueryState } from "./QueryState.tsx";

/** The secret in groups of four, as authenticator apps let you type it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/**
 * Two-step sign-in on the account page: set up an authenticator app (QR code, or the key typed in),
 * confirm with a code before it is on, then see the recovery codes once; or turn it off.
 */
export function SecondFactor() {
  const { tf } = useSecondFactorMessages();
  const status = useSecondFactorStatus();
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const start = useSend<void, SecondFactorSetupResponse>(() => ({
    method: "POST",
    path: `${apiPaths.secondFactor()}/setup`,
  }));
  const confirm = useSend<string, SecondFactorConfirmedResponse>((typed) => ({
    method: "POST",
    path: `${apiPaths.secondFactor()}/confirm`,
    body: { code: typed },
  }));
  const disable = useSend((body: { code?: string; password?: string }) => ({
    method: "POST",
    path: `${apiPaths.secondFactor()}/disable`,
    body,
  }));

  const submitConfirm = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code, {
      onSuccess: (result) => {
        setRecoveryCodes(result.recoveryCodes);
        setCode("");
        start.reset();
      },
    });
  };
  const submitDisable = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate(
      { ...(code.trim() ? { code } : {}), ...(password ? { password } : {}) },
      {
        onSuccess: () => {
          setCode("");
          setPassword("");
        },
      },
    );
  };

  return (
    <section className="pv-stack" aria-labelledby="second-factor-heading" data-testid="second-factor">
      <Heading level={2} data-size="sm" id="second-factor-heading">
        {tf("tf.heading")}
      </Heading>
      {!status.data ? (
        <QueryState isError={status.isError} />
      ) : recoveryCodes ? (
        <div className="pv-stack">
          <Alert data-color="success">{tf("tf.enabled")}</Alert>
          <Heading level={3} data-size="xs">
            {tf("tf.recoveryHeading")}
          </Heading>
          <Paragraph>{tf("tf.recoveryIntro")}</Paragraph>
          <List.Unordered className="pv-recovery-codes" data-testid="recovery-codes">
            {recoveryCodes.map((c) => (
              <List.Item key={c}>
                <code>{c}</code>
              </List.Item>
            ))}
          </List.Unordered>
          <div className="pv-actions">
            <Button variant="secondary" onClick={() => setRecoveryCodes(null)}>
              {tf("tf.recoveryDone")}
            </Button>
          </div>
        </div>
      ) : status.data.enabled ? (
        <div className="pv-stack">
          {disable.isSuccess && <Alert data-color="success">{tf("tf.disabled")}</Alert>}
          <Paragraph>{tf("tf.isOn", { count: status.data.recoveryCodesLeft })}</Paragraph>
          <Heading level={3} data-size="xs">
            {tf("tf.disableHeading")}
          </Heading>
          <Paragraph>{tf("tf.disableIntro")}</Paragraph>
          {status.data.required && <Paragraph>{tf("tf.requiredDisable")}</Paragraph>}
          <ErrorMessage error={disable.error} />
          <form className="pv-form" onSubmit={submitDisable} noValidate>
            <Textfield
              label={tf("tf.disableCode")}
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <Textfield
              label={tf("tf.disablePassword")}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <div className="pv-actions">
              <Button type="submit" variant="secondary" loading={disable.isPending}>
                {tf("tf.disable")}
              </Button>
            </div>
          </form>
        </div>
      ) : start.data ? (
        <div className="pv-stack">
          <Paragraph>{tf("tf.scan")}</Paragraph>
          <img
            className="pv-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrSvg)}`}
            alt={tf("tf.qrAlt")}
            width={200}
            height={200}
          />
          <Paragraph>
            {tf("tf.manual")} <code data-testid="totp-secret">{grouped(start.data.secret)}</code>
          </Paragraph>
          <Paragraph>{tf("tf.confirmIntro")}</Paragraph>
          <ErrorMessage error={confirm.error} />
          <form className="pv-form" onSubmit={submitConfirm} noValidate>
            <Textfield
              label={tf("tf.code")}
              description={tf("tf.codeHint")}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <div className="pv-actions">
              <Button type="submit" loading={confirm.isPending}>
                {tf("tf.confirm")}
              </Button>
              <Button variant="tertiary" onClick={() => start.reset()}>
                {tf("tf.cancel")}
              </Button>
            </div>
          </form>
        </div>
      ) : (
        <div className="pv-stack">
          {disable.isSuccess && <Alert data-color="success">{tf("tf.disabled")}</Alert>}
          <Paragraph>{tf("tf.intro")}</Paragraph>
          <Paragraph>{tf("tf.isOff")}</Paragraph>
          <ErrorMessage error={start.error} />
          <div className="pv-actions">
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {tf("tf.start")}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
