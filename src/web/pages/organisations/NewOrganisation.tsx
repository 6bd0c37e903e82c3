import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useState } from "react";
import type { OrganisationDetailResponse } from "../../../http/routes/organisations.ts";
import { useSend } from "../../api.ts";
import { AppLink } from "../../components/AppLink.tsx";
import {
  bodyOf,
  emptyDraft,
  type OrganisationDraft,
  OrganisationForm,
} from "../../components/OrganisationForm.tsx";
import { useOrganisationMessages } from "../../i18n/organisation-messages.ts";
import { organisationPaths } from "../../organisation-api.ts";

/** Registering a new partner; the form empties after a save and links to the new partner. */
export function NewOrganisation({ municipalityNumber }: { municipalityNumber: string }) {
  const { o } = useOrganisationMessages();
  // A new key empties the form after a successful save.
  const [formKey, setFormKey] = useState(0);
  const create = useSend<OrganisationDraft, OrganisationDetailResponse>((draft) => ({
    method: "POST",
    path: organisationPaths.list(municipalityNumber),
    body: bodyOf(draft),
  }));
  return (
    <section className="pv-panel pv-stack" aria-labelledby="new-organisation-heading">
      <Heading level={2} data-size="md" id="new-organisation-heading">
        {o("org.new")}
      </Heading>
      <Paragraph data-size="sm">{o("org.newIntro")}</Paragraph>
      {create.data && (
        <Alert data-color="success" role="status" data-testid="organisation-created">
          <Paragraph>
            {o("org.created", { name: create.data.name })}{" "}
            <AppLink to={`/partnere/${create.data.id}`}>{o("org.open", { name: create.data.name })}</AppLink>
          </Paragraph>
        </Alert>
      )}
      <OrganisationForm
        key={formKey}
        idPrefix="new-organisation"
        initial={emptyDraft()}
        submitLabel={o("org.create")}
        pending={create.isPending}
        error={create.error}
        onSubmit={(draft) => create.mutate(draft, { onSuccess: () => setFormKey((k) => k + 1) })}
      />
    </section>
  );
}
