import { useOrganisationMessages } from "../i18n/organisation-messages.ts";

/** An empty cell: a dash to see, words to hear. */
export function NotGiven() {
  const { o } = useOrganisationMessages();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="pv-visually-hidden">{o("org.notGiven")}</span>
    </>
  );
}
