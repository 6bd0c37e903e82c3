import { Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { useLanguage } from "../i18n/language.tsx";

export function NotFoundPage() {
  const { t } = useLanguage();
  return (
    <article className="pv-stack">
      <Heading level={1} data-size="lg">
        {t("notFound.heading")}
      </Heading>
      <Paragraph>{t("notFound.body")}</Paragraph>
      <Link href="/">{t("notFound.home")}</Link>
    </article>
  );
}
