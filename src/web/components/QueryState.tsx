import { Alert, Spinner } from "@digdir/designsystemet-react";
import { useLanguage } from "../i18n/language.tsx";

/** What a page shows while its data is loading or could not be loaded. */
export function QueryState({ isError }: { isError: boolean }) {
  const { t } = useLanguage();
  if (isError) return <Alert data-color="danger">{t("error.loading")}</Alert>;
  return <Spinner aria-label={t("loading")} />;
}
