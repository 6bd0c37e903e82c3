import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useOrganisationMessages } from "../i18n/organisation-messages.ts";

/** What the partner pages show to someone who may not see partners: sign in first. */
export function PartnersClosed() {
  const { o } = useOrganisationMessages();
  return (
    <article className="pv-stack">
      <Heading level={1} data-size="lg">
        {o("org.heading")}
      </Heading>
      <Paragraph>{o("org.signInFirst")}</Paragraph>
    </article>
  );
}
