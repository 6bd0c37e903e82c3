import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import type { ErrorBody } from "../http/errors.ts";
import type { MemberResponse } from "../http/routes/admin.ts";
import type { MeasureDetailResponse, MeasureListResponse } from "../http/routes/measures.ts";
import type { OrganisationSummaryResponse } from "../http/routes/organisations.ts";
import type {
  AuditEventResponse,
  MunicipalityListResponse,
  PlanListResponse,
  PlanTreeResponse,
} from "../http/routes/plan.ts";
import type { SecondFactorStatusResponse } from "../http/routes/second-factor.ts";
import type { MySessionsResponse, SessionResponse } from "../http/routes/session.ts";
import { indicatorPagePaths } from "./indicator-api.ts";
import { fetchAllPages, mergeArrays, mergeItems, usePaged } from "./paging.ts";

export type FetchJson = (path: string) => Promise<unknown>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
  ) {
    super(body?.error.message ?? `HTTP ${status}`);
  }
}

/**
 * Headers of every API call: JSON, in the language the page is shown in (the server would
 * otherwise answer errors in the browser's own language, which may not be the page's).
 */
export const apiHeaders = (): Record<string, string> => ({
  accept: "application/json",
  "accept-language": document.documentElement.lang || "nb",
});

export const browserFetchJson: FetchJson = async (path) => {
  const response = await fetch(path, { headers: apiHeaders(), credentials: "same-origin" });
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, body as ErrorBody | undefined);
  return body;
};

/** Typed API paths; the query key of each query is its path, so the server can prefetch it. */
export const apiPaths = {
  session: () => "/api/session",
  mySessions: () => "/api/session/sessions",
  secondFactor: () => "/api/session/second-factor",
  municipalities: () => "/api/municipalities",
  planTree: (municipalityNumber: string, year?: number, planId?: string) => {
    const query = new URLSearchParams();
    if (planId) query.set("plan", planId);
    if (year) query.set("year", String(year));
    const search = query.toString();
    return `/api/municipalities/${municipalityNumber}/plan-tree${search ? `?${search}` : ""}`;
  },
  plan: (municipalityNumber: string, planId: string) =>
    `/api/municipalities/${municipalityNumber}/plans/${planId}`,
  planHistory: (municipalityNumber: string, planId: string) =>
    `/api/municipalities/${municipalityNumber}/plans/${planId}/history`,
  members: (municipalityNumber: string) => `/api/municipalities/${municipalityNumber}/members`,
  member: (municipalityNumber: string, membershipId: string) =>
    `/api/municipalities/${municipalityNumber}/members/${membershipId}`,
  audit: (municipalityNumber: string, query = "") =>
    `/api/municipalities/${municipalityNumber}/audit${query ? `?${query}` : ""}`,
  auditCsv: (municipalityNumber: string, query = "") =>
    `/api/municipalities/${municipalityNumber}/audit.csv${query ? `?${query}` : ""}`,
  invitations: (municipalityNumber: string) => `/api/municipalities/${municipalityNumber}/invitations`,
  invitation: (token: string) => `/api/invitations/${encodeURIComponent(token)}`,
  acceptInvitation: (token: string) => `/api/invitations/${encodeURIComponent(token)}/accept`,
  measures: (municipalityNumber: string, planId: string, query = "") =>
    `/api/municipalities/${municipalityNumber}/plans/${planId}/measures${query ? `?${query}` : ""}`,
  /** With `year`, the measure in that action plan (a path to append to is asked without it). */
  measure: (municipalityNumber: string, reference: string, year?: number) =>
    `/api/municipalities/${municipalityNumber}/measures/${encodeURIComponent(reference)}${year ? `?year=${year}` : ""}`,
  organisations: (municipalityNumber: string) => `/api/municipalities/${municipalityNumber}/organisations`,
  planNode: (municipalityNumber: string, segment: "goals" | "focus-areas" | "objectives", id: string) =>
    `/api/municipalities/${municipalityNumber}/${segment}/${id}`,
  plans: (municipalityNumber: string) => `/api/municipalities/${municipalityNumber}/plans`,
  allMunicipalities: () => "/api/admin/municipalities",
  adminMunicipality: (municipalityNumber: string) => `/api/admin/municipalities/${municipalityNumber}`,
  adminJobs: () => "/api/admin/jobs",
  retryJob: (queue: string, jobId: string) => `/api/admin/jobs/${queue}/${jobId}/retry`,
};

const get =
  <T>(path: string) =>
  () =>
    browserFetchJson(path) as Promise<T>;

export function useSession() {
  return useQuery({ queryKey: [apiPaths.session()], queryFn: get<SessionResponse>(apiPaths.session()) });
}

export function useMySessions() {
  return useQuery({
    queryKey: [apiPaths.mySessions()],
    queryFn: get<MySessionsResponse>(apiPaths.mySessions()),
  });
}

export function useSecondFactorStatus() {
  return useQuery({
    queryKey: [apiPaths.secondFactor()],
    queryFn: get<SecondFactorStatusResponse>(apiPaths.secondFactor()),
  });
}

export function useMunicipalities() {
  return useQuery({
    queryKey: [apiPaths.municipalities()],
    queryFn: get<MunicipalityListResponse>(apiPaths.municipalities()),
  });
}

/**
 * The municipality the interface shows: the signed-in person's first municipality, otherwise the
 * first municipality of the installation.
 */
export function useCurrentMunicipality() {
  const session = useSession();
  const list = useMunicipalities();
  const membership = session.data?.user?.memberships[0];
  const data = membership
    ? { number: membership.municipalityNumber, name: membership.municipalityName, role: membership.role }
    : list.data?.[0]
      ? { ...list.data[0], role: null }
      : undefined;
  return { data, isError: session.isError || list.isError, isPending: session.isPending || list.isPending };
}

/** The plan named in the address (`?plan=<id>`), if any; else the views show the newest plan. */
export function usePlanParam(): string | undefined {
  const [params] = useSearchParams();
  return planIdOf(params.get("plan"));
}

export function planIdOf(value: string | null): string | undefined {
  return value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
    ? value
    : undefined;
}

/**
 * The plan tree of the plan in the address (else the newest plan), for the action plan of `year`
 * (the address's `aar`), else the one in execution.
 */
export function usePlanTree(municipalityNumber: string | undefined, year?: number) {
  const path = apiPaths.planTree(municipalityNumber ?? "", year, usePlanParam());
  return useQuery({
    queryKey: [path],
    queryFn: get<PlanTreeResponse>(path),
    enabled: Boolean(municipalityNumber),
  });
}

export function usePlanList(municipalityNumber: string | undefined) {
  const path = apiPaths.plans(municipalityNumber ?? "");
  return useQuery({
    queryKey: [path],
    queryFn: get<PlanListResponse>(path),
    enabled: Boolean(municipalityNumber),
  });
}

/** The measure table, a page at a time («Vis flere» loads the next). */
export function useMeasureList(
  municipalityNumber: string | undefined,
  planId: string | undefined,
  query: string,
) {
  const path = apiPaths.measures(municipalityNumber ?? "", planId ?? "", query);
  return usePaged<MeasureListResponse>(path, mergeItems, {
    enabled: Boolean(municipalityNumber && planId),
    keepPrevious: true,
  });
}

/** Every measure of the list (all its pages), for choices that must offer them all. */
export function useAllMeasures(
  municipalityNumber: string | undefined,
  planId: string | undefined,
  query: string,
) {
  const path = apiPaths.measures(municipalityNumber ?? "", planId ?? "", query);
  return useQuery({
    queryKey: [path, "all"],
    queryFn: () => fetchAllPages<MeasureListResponse>(path, mergeItems),
    enabled: Boolean(municipalityNumber && planId),
    placeholderData: (previous) => previous,
  });
}

export function useMeasure(municipalityNumber: string | undefined, reference: string, year?: number) {
  const path = apiPaths.measure(municipalityNumber ?? "", reference, year);
  return useQuery({
    queryKey: [path],
    queryFn: get<MeasureDetailResponse>(path),
    enabled: Boolean(municipalityNumber),
  });
}

export function useMeasureHistory(municipalityNumber: string, reference: string, enabled: boolean) {
  const path = `${apiPaths.measure(municipalityNumber, reference)}/history`;
  return usePaged<AuditEventResponse[]>(path, mergeArrays, { enabled });
}

/** Every partner organisation (all pages), for the choices of a form. */
export function useOrganisations(municipalityNumber: string | undefined, enabled = true) {
  const path = apiPaths.organisations(municipalityNumber ?? "");
  return useQuery({
    queryKey: [path, "all"],
    queryFn: () => fetchAllPages<OrganisationSummaryResponse[]>(path, mergeArrays),
    enabled: Boolean(municipalityNumber) && enabled,
  });
}

/** The validation message the server gave for one field (its JSON pointer, e.g. "/title"). */
export function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const details = error.body?.error.details;
  if (!Array.isArray(details)) return undefined;
  const hit = details.find((d: { path?: string }) => d.path === path || d.path?.startsWith(`${path}/`));
  return (hit as { message?: string } | undefined)?.message;
}

export function usePlanHistory(municipalityNumber: string, planId: string, enabled: boolean) {
  const path = apiPaths.planHistory(municipalityNumber, planId);
  return usePaged<AuditEventResponse[]>(path, mergeArrays, { enabled });
}

export function useMembers(municipalityNumber: string | undefined) {
  const path = apiPaths.members(municipalityNumber ?? "");
  return useQuery({
    queryKey: [path],
    queryFn: get<MemberResponse[]>(path),
    enabled: Boolean(municipalityNumber),
  });
}

export function useAuditTrail(municipalityNumber: string | undefined, query: string) {
  const path = apiPaths.audit(municipalityNumber ?? "", query);
  return usePaged<AuditEventResponse[]>(path, mergeArrays, {
    enabled: Boolean(municipalityNumber),
    keepPrevious: true,
  });
}

/** Sends a write with the session's CSRF token, as every cookie-authenticated write must. */
export async function sendJson<T>(
  queryClient: QueryClient,
  method: "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  const session = queryClient.getQueryData<SessionResponse>([apiPaths.session()]);
  const headers = apiHeaders();
  if (body !== undefined) headers["content-type"] = "application/json";
  if (session?.csrfToken) headers["x-csrf-token"] = session.csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, parsed as ErrorBody | undefined);
  return parsed as T;
}

/** A write; afterwards every query is refetched, since one change can show in many places. */
export function useSend<TInput, TResult = unknown>(
  request: (input: TInput) => { method: "POST" | "PATCH" | "PUT" | "DELETE"; path: string; body?: unknown },
) {
  const queryClient = useQueryClient();
  return useMutation<TResult, ApiError, TInput>({
    mutationFn: (input) => {
      const { method, path, body } = request(input);
      return sendJson<TResult>(queryClient, method, path, body);
    },
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** What the server fetches before it renders a page, so the HTML arrives complete. */
export async function prefetchPageData(
  queryClient: QueryClient,
  fetchJson: FetchJson,
  url = "/",
): Promise<void> {
  const [session, list] = (await Promise.all([
    queryClient.fetchQuery({ queryKey: [apiPaths.session()], queryFn: () => fetchJson(apiPaths.session()) }),
    queryClient.fetchQuery({
      queryKey: [apiPaths.municipalities()],
      queryFn: () => fetchJson(apiPaths.municipalities()),
    }),
  ])) as [SessionResponse, MunicipalityListResponse];
  await prefetchRegionPage(queryClient, fetchJson, url);
  const number = session.user?.memberships[0]?.municipalityNumber ?? list[0]?.number;
  if (!number) return;
  // The year in the address (`?aar=2027`): the server renders the same action plan as the browser asks for.
  const paths = [apiPaths.planTree(number, yearFromUrl(url), planFromUrl(url))];
  if ((url.split("?")[0] ?? "") === "/planer") paths.push(apiPaths.plans(number));
  // The permanent page of an action plan version is cited and linked to: it must read without scripts.
  const version = /^\/plan\/([0-9a-f-]{36})\/handlingsplan\/(\d{4})\/(\d+)$/.exec(url.split("?")[0] ?? "");
  if (version)
    paths.push(`/api/municipalities/${number}/plans/${version[1]}/action-plans/${version[2]}/${version[3]}`);
  paths.push(...indicatorPagePaths(url, number));
  // A page whose data is missing or refused still renders (the browser shows the message).
  await Promise.all(
    paths.map((path) =>
      queryClient.fetchQuery({ queryKey: [path], queryFn: () => fetchJson(path) }).catch(() => undefined),
    ),
  );
}

/** The plan named by `plan` in an address, if it is one. */
export function planFromUrl(url: string): string | undefined {
  return planIdOf(new URLSearchParams(url.split("?")[1] ?? "").get("plan"));
}

/** The budget year named by `aar` in an address, if it is one. */
export function yearFromUrl(url: string): number | undefined {
  const query = url.split("?")[1] ?? "";
  return parseYear(new URLSearchParams(query).get("aar"));
}

export function parseYear(value: string | null): number | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return year >= 2000 && year <= 2100 ? year : undefined;
}

/** The regional overview is a public page: the server renders it with its data. */
async function prefetchRegionPage(queryClient: QueryClient, fetchJson: FetchJson, url: string) {
  const match = /^\/region(?:\/([a-z0-9-]+))?\/?$/.exec(url.split("?")[0] ?? "");
  if (!match) return;
  const fetchPath = (path: string) =>
    queryClient.fetchQuery({ queryKey: [path], queryFn: () => fetchJson(path) }).catch(() => undefined);
  const regions = (await fetchPath("/api/regions")) as { slug: string }[] | undefined;
  const slug = match[1] ?? regions?.[0]?.slug;
  if (slug) await fetchPath(`/api/regions/${slug}`);
}
