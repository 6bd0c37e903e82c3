import type { PublicMunicipality } from "../../../services/public/internal.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import { Document, type PageEnv } from "./layout.tsx";
import { municipalityPath } from "./urls.ts";

export function NotFoundPage({
  env,
  municipality,
}: {
  env: PageEnv;
  municipality: PublicMunicipality | null;
}) {
  const t = publicTranslator(env.language);
  return (
    <Document
      env={env}
      municipality={municipality}
      head={{ title: t("notFound.title"), description: t("notFound.text") }}
    >
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      {municipality && (
        <p>
          <a href={municipalityPath(municipality.number)}>{t("notFound.home")}</a>
        </p>
      )}
    </Document>
  );
}
