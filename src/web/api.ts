import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { ErrorBody } from "../http/errors.ts";
import type { MunicipalityListResponse, PlanTreeResponse } from "../http/routes/plan.ts";

export type FetchJson = (path: string) => Promise<unknown>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
  ) {
    super(body?.error.message ?? `HTTP ${status}`);
  }
}

export const browserFetchJson: FetchJson = async (path) => {
  const response = await fetch(path, { headers: { accept: "application/json" }, credentials: "same-origin" });
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, body as ErrorBody | undefined);
  return body;
};

/** Typed API paths; the query key of each query is its path, so the server can prefetch it. */
export const apiPaths = {
  municipalities: () => "/api/municipalities",
  planTree: (municipalityNumber: string) => `/api/municipalities/${municipalityNumber}/plan-tree`,
};

export function useMunicipalities() {
  return useQuery({
    queryKey: [apiPaths.municipalities()],
    queryFn: () => browserFetchJson(apiPaths.municipalities()) as Promise<MunicipalityListResponse>,
  });
}

/** Until accounts exist, the app shows the first municipality of the installation. */
export function useCurrentMunicipality() {
  const list = useMunicipalities();
  return { ...list, data: list.data?.[0] };
}

export function usePlanTree(municipalityNumber: string | undefined) {
  const path = apiPaths.planTree(municipalityNumber ?? "");
  return useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<PlanTreeResponse>,
    enabled: Boolean(municipalityNumber),
  });
}

/** What the server fetches before it renders a page, so the HTML arrives complete. */
export async function prefetchPageData(queryClient: QueryClient, fetchJson: FetchJson): Promise<void> {
  const list = (await queryClient.fetchQuery({
    queryKey: [apiPaths.municipalities()],
    queryFn: () => fetchJson(apiPaths.municipalities()),
  })) as MunicipalityListResponse;
  const first = list[0];
  if (first) {
    const path = apiPaths.planTree(first.number);
    await queryClient.fetchQuery({ queryKey: [path], queryFn: () => fetchJson(path) });
  }
}
