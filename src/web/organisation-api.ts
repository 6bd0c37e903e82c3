import { can } from "../domain/permissions.ts";
import { useCurrentMunicipality } from "./api.ts";

/** API paths of partner organisations; the query key of each query is its path, as in api.ts. */
export const organisationPaths = {
  list: (municipalityNumber: string, query = "") =>
    `/api/municipalities/${municipalityNumber}/organisations${query ? `?${query}` : ""}`,
  one: (municipalityNumber: string, organisationId: string) =>
    `/api/municipalities/${municipalityNumber}/organisations/${organisationId}`,
};

/** The municipality shown, and whether the person is a member who may see partners at all. */
export function useMembership() {
  const municipality = useCurrentMunicipality();
  const data = municipality.data;
  const subject = { role: data?.role ?? ("anonymous" as const), userId: null, isSystemAdmin: false };
  return {
    ...municipality,
    mayRead: Boolean(data?.role) && can(subject, "read", "organisation"),
    mayCreate: Boolean(data?.role) && can(subject, "create", "organisation"),
  };
}
