import { useQuery } from "@tanstack/react-query";
import type {
  RegionListResponse,
  RegionOverviewResponse,
  RegionSettingsResponse,
  SharedMeasureListResponse,
} from "../http/routes/region.ts";
import { browserFetchJson } from "./api.ts";

/** API paths of the region; each query's key is its path, so the server can prefetch it. */
export const regionPaths = {
  regions: () => "/api/regions",
  region: (slug: string, year?: number) => `/api/regions/${slug}${year ? `?year=${year}` : ""}`,
  settings: (slug: string) => `/api/regions/${slug}/settings`,
  coordinator: (slug: string, userId: string) => `/api/regions/${slug}/coordinators/${userId}`,
  coordinators: (slug: string) => `/api/regions/${slug}/coordinators`,
  sharedMeasures: (municipalityNumber: string) => `/api/municipalities/${municipalityNumber}/shared-measures`,
  participation: (municipalityNumber: string, participationId: string) =>
    `/api/municipalities/${municipalityNumber}/shared-measures/${participationId}`,
  participants: (municipalityNumber: string, reference: string) =>
    `/api/municipalities/${municipalityNumber}/measures/${encodeURIComponent(reference)}/participants`,
};

function useJson<T>(path: string, enabled = true) {
  return useQuery({ queryKey: [path], queryFn: () => browserFetchJson(path) as Promise<T>, enabled });
}

export const useRegions = () => useJson<RegionListResponse>(regionPaths.regions());

/** The overview for a budget year (`?aar=` on the page); without one, the server's default year. */
export const useRegionOverview = (slug: string | undefined, year?: number) =>
  useJson<RegionOverviewResponse>(regionPaths.region(slug ?? "", year), Boolean(slug));

export const useRegionSettings = (slug: string, enabled: boolean) =>
  useJson<RegionSettingsResponse>(regionPaths.settings(slug), enabled);

export const useSharedMeasures = (municipalityNumber: string | undefined, enabled = true) =>
  useJson<SharedMeasureListResponse>(
    regionPaths.sharedMeasures(municipalityNumber ?? ""),
    Boolean(municipalityNumber) && enabled,
  );
