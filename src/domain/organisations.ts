/** The kinds of partner organisation, the sectors of the partnership (stored values). */
export const organisationKinds = ["business", "academia", "public", "voluntary"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
