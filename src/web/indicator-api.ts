import { useQuery } from "@tanstack/react-query";
import type { IndicatorDetailResponse, IndicatorSummaryResponse } from "../http/routes/indicators.ts";
import { browserFetchJson } from "./api.ts";

/** The indicator API's paths; a query's key is its path, so the server can prefetch it. */
export const indicatorPaths = {
  list: (municipalityNumber: string) => `/api/municipalities/${municipalityNumber}/indicators`,
  indicator: (municipalityNumber: string, id: string) =>
    `/api/municipalities/${municipalityNumber}/indicators/${id}`,
  target: (municipalityNumber: string, id: string, year: number) =>
    `/api/municipalities/${municipalityNumber}/indicators/${id}/targets/${year}`,
  preview: (municipalityNumber: string, id: string) =>
    `/api/municipalities/${municipalityNumber}/indicators/${id}/import-preview`,
  imports: (municipalityNumber: string, id: string) =>
    `/api/municipalities/${municipalityNumber}/indicators/${id}/imports`,
  restoreImport: (municipalityNumber: string, id: string, importId: string) =>
    `/api/municipalities/${municipalityNumber}/indicators/${id}/imports/${importId}/restore`,
};

/** The API paths a page under /indikatorer needs, for the server to fetch before it renders. */
export function indicatorPagePaths(url: string, municipalityNumber: string): string[] {
  const path = url.split("?")[0] ?? "";
  if (path === "/indikatorer") return [indicatorPaths.list(municipalityNumber)];
  const one = /^\/indikatorer\/([0-9a-f-]{36})(?:\/(?:import|rediger))?$/.exec(path);
  return one ? [indicatorPaths.indicator(municipalityNumber, one[1] as string)] : [];
}

export function useIndicators(municipalityNumber: string | undefined) {
  const path = indicatorPaths.list(municipalityNumber ?? "");
  return useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<IndicatorSummaryResponse[]>,
    enabled: Boolean(municipalityNumber),
  });
}

export function useIndicator(municipalityNumber: string | undefined, id: string | undefined) {
  const path = indicatorPaths.indicator(municipalityNumber ?? "", id ?? "");
  return useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<IndicatorDetailResponse>,
    enabled: Boolean(municipalityNumber && id),
  });
}
