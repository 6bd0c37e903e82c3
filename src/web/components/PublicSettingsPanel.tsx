import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import type { MunicipalityPublicSettingsResponse } from "../../http/routes/municipality-settings.ts";
import { browserFetchJson, fieldError, useSend } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { QueryState } from "./QueryState.tsx";

const settingsPath = (municipalityNumber: string) =>
  `/api/municipalities/${municipalityNumber}/public-settings`;

/**
 * The municipality's own facts on the public site, for its admins: the address of its accessibility
 * statement (linked from every public page's footer) and its organisation number (the publisher
 * of its open data in the catalogue data.norge.no harvests).
 */
export function PublicSettingsPanel({ municipalityNumber }: { municipalityNumber: string }) {
  const { t } = useLanguage();
  const path = settingsPath(municipalityNumber);
  const settings = useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<MunicipalityPublicSettingsResponse>,
  });
  const [form, setForm] = useState({ accessibilityStatementUrl: "", organisationNumber: "" });
  useEffect(() => {
    if (settings.data)
      setForm({
        accessibilityStatementUrl: settings.data.accessibilityStatementUrl,
        organisationNumber: settings.data.organisationNumber ?? "",
      });
  }, [settings.data]);
  const save = useSend((body: typeof form) => ({ method: "PUT", path, body }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(form);
  };
  return (
    <section className="pv-stack" aria-labelledby="public-settings-heading">
      <Heading level={2} data-size="md" id="public-settings-heading">
        {t("publicSettings.heading")}
      </Heading>
      <Paragraph>{t("publicSettings.intro")}</Paragraph>
      {!settings.data ? (
        <QueryState isError={settings.isError} />
      ) : (
        <form className="pv-form pv-panel" onSubmit={submit} noValidate data-testid="public-settings">
          <ErrorMessage error={save.error} />
          <Textfield
            label={t("publicSettings.accessibility")}
            description={t("publicSettings.accessibilityHelp")}
            type="url"
            value={form.accessibilityStatementUrl}
            onChange={(e) => setForm({ ...form, accessibilityStatementUrl: e.target.value })}
            error={fieldError(save.error, "/accessibilityStatementUrl")}
          />
          <Textfield
            label={t("publicSettings.organisationNumber")}
            description={t("publicSettings.organisationNumberHelp")}
            inputMode="numeric"
            value={form.organisationNumber}
            onChange={(e) => setForm({ ...form, organisationNumber: e.target.value })}
            error={fieldError(save.error, "/organisationNumber")}
          />
          <div>
            <Button type="submit" disabled={save.isPending}>
              {t("publicSettings.save")}
            </Button>
          </div>
          {save.isSuccess && (
            <Alert data-color="success" role="status">
              {t("publicSettings.saved")}
            </Alert>
          )}
        </form>
      )}
    </section>
  );
}
