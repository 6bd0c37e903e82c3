import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { PartnersClosed } from "../../components/PartnersClosed.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useOrganisationMessages } from "../../i18n/organisation-messages.ts";
import { useMembership } from "../../organisation-api.ts";
import { NewOrganisation } from "./NewOrganisation.tsx";
import { OrganisationList } from "./OrganisationList.tsx";

/** /partnere: the municipality's partner organisations, and the form for a new one. */
export function OrganisationsPage() {
  const { o } = useOrganisationMessages();
  const membership = useMembership();
  const municipality = membership.data;
  if (membership.isPending || membership.isError) return <QueryState isError={membership.isError} />;
  if (!municipality || !membership.mayRead) return <PartnersClosed />;
  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {o("org.heading")}
        </Heading>
        <Paragraph>{o("org.intro")}</Paragraph>
      </header>
      <OrganisationList municipalityNumber={municipality.number} mayCreate={membership.mayCreate} />
      {membership.mayCreate && <NewOrganisation municipalityNumber={municipality.number} />}
    </article>
  );
}
