/** One partner organisation with its contacts and measures (to be implemented). */
export function OrganisationPage() {
  return null;
}
