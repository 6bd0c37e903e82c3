/** The list of partner organisations (to be implemented). */
export function OrganisationsPage() {
  return null;
}
