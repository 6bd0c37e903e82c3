import { Alert, Button, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { apiPaths, useMySessions, useSend } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { localeFor } from "../i18n/messages.ts";
import { useSecondFactorMessages } from "../i18n/second-factor-messages.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { QueryState } from "./QueryState.tsx";

/** «Mine økter»: where the person is signed in; any session but this one can be ended here. */
export function MySessions() {
  const { t, language } = useLanguage();
  const { tf } = useSecondFactorMessages();
  const deviceText = (device: { browser: string | null; os: string | null }) =>
    device.browser || device.os
      ? tf("sessions.deviceText", {
          browser: device.browser ?? tf("sessions.unknownBrowser"),
          os: device.os ?? tf("sessions.unknownOs"),
        })
      : tf("sessions.unknownBrowser");
  const list = useMySessions();
  const end = useSend((id: string) => ({ method: "DELETE", path: `${apiPaths.mySessions()}/${id}` }));
  const time = new Intl.DateTimeFormat(localeFor[language], { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="pv-stack" aria-labelledby="sessions-heading">
      <Heading level={2} data-size="sm" id="sessions-heading">
        {t("sessions.heading")}
      </Heading>
      <Paragraph>{t("sessions.intro")}</Paragraph>
      {end.isSuccess && <Alert data-color="success">{t("sessions.ended")}</Alert>}
      <ErrorMessage error={end.error} />
      {!list.data ? (
        <QueryState isError={list.isError} />
      ) : (
        <Table data-size="sm" data-testid="my-sessions">
          <caption>{t("sessions.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{tf("sessions.device")}</Table.HeaderCell>
              <Table.HeaderCell>{t("sessions.started")}</Table.HeaderCell>
              <Table.HeaderCell>{tf("sessions.lastUsed")}</Table.HeaderCell>
              <Table.HeaderCell>{t("sessions.expires")}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="pv-visually-hidden">{t("sessions.end")}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.data.sessions.map((s) => {
              const started = time.format(new Date(s.createdAt));
              return (
                <Table.Row key={s.id}>
                  <Table.Cell>{deviceText(s.device)}</Table.Cell>
                  <Table.Cell>{started}</Table.Cell>
                  <Table.Cell>{s.lastUsedAt ? time.format(new Date(s.lastUsedAt)) : "–"}</Table.Cell>
                  <Table.Cell>{time.format(new Date(s.expiresAt))}</Table.Cell>
                  <Table.Cell>
                    {s.current ? (
                      <strong>{t("sessions.current")}</strong>
                    ) : (
                      <Button
                        variant="secondary"
                        data-size="sm"
                        aria-label={t("sessions.endLabel", { time: started })}
                        loading={end.isPending && end.variables === s.id}
                        onClick={() => end.mutate(s.id)}
                      >
                        {t("sessions.end")}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
