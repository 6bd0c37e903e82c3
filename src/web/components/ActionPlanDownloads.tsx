import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { documentPaths } from "../document-api.ts";
import { useDocumentMessages } from "../i18n/document-messages.ts";
import { AppLink } from "./AppLink.tsx";

/** Download links for one action plan version (Word, PDF, Excel), and the import for planners on a draft. */
export function ActionPlanDownloads({
  municipalityNumber,
  planId,
  budgetYear,
  revision,
  canImport,
}: {
  municipalityNumber: string;
  planId: string;
  budgetYear: number;
  revision: number;
  canImport: boolean;
}) {
  const { d } = useDocumentMessages();
  const href = (format: "docx" | "pdf" | "xlsx") =>
    documentPaths.download(municipalityNumber, planId, budgetYear, revision, format);
  return (
    <section className="pv-stack" aria-labelledby="ap-downloads-heading" data-testid="downloads">
      <Heading level={2} data-size="sm" id="ap-downloads-heading">
        {d("docs.heading")}
      </Heading>
      <Paragraph data-size="sm">{d("docs.intro")}</Paragraph>
      <ul className="pv-actions pv-downloads">
        {(["docx", "pdf", "xlsx"] as const).map((format) => (
          <li key={format}>
            <a className="ds-button" data-variant="secondary" data-size="sm" href={href(format)} download>
              {d(`docs.${format}`)}
            </a>
          </li>
        ))}
      </ul>
      {canImport && (
        <Paragraph>
          <AppLink to={`/plan/${planId}/handlingsplan/${budgetYear}/${revision}/import`}>
            {d("docs.importLink")}
          </AppLink>
        </Paragraph>
      )}
    </section>
  );
}
