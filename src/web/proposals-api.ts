import { useQuery } from "@tanstack/react-query";
import type { ProposalStatus } from "../domain/proposals.ts";
import type {
  CommentThreadResponse,
  ProposalDetailResponse,
  ProposalsOverviewResponse,
} from "../http/routes/proposals.ts";
import { browserFetchJson } from "./api.ts";
import { mergeItems, usePaged } from "./paging.ts";

/** API paths of proposals, comments and notifications; each query's key is its path (as in api.ts). */
export const proposalPaths = {
  list: (municipalityNumber: string, status?: ProposalStatus, organisationId?: string) => {
    const query = new URLSearchParams();
    if (status) query.set("status", status);
    if (organisationId) query.set("organisationId", organisationId);
    return `/api/municipalities/${municipalityNumber}/proposals${query.size ? `?${query}` : ""}`;
  },
  create: (municipalityNumber: string) => `/api/municipalities/${municipalityNumber}/proposals`,
  one: (municipalityNumber: string, number: number | string) =>
    `/api/municipalities/${municipalityNumber}/proposals/${number}`,
  decision: (municipalityNumber: string, number: number | string) =>
    `/api/municipalities/${municipalityNumber}/proposals/${number}/decision`,
  publication: (municipalityNumber: string, cycleId: string) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/proposals/publication`,
  comments: (municipalityNumber: string, target: CommentTarget) =>
    `/api/municipalities/${municipalityNumber}/comments?${
      target.type === "proposal"
        ? `proposal=${target.number}`
        : `measure=${encodeURIComponent(target.reference)}`
    }`,
  postComment: (municipalityNumber: string) => `/api/municipalities/${municipalityNumber}/comments`,
  comment: (municipalityNumber: string, id: string) =>
    `/api/municipalities/${municipalityNumber}/comments/${id}`,
  notifications: () => "/api/notifications",
  notificationsRead: () => "/api/notifications/read",
};

export type CommentTarget = { type: "proposal"; number: number } | { type: "measure"; reference: string };

export type NotificationsResponse = {
  items: {
    id: string;
    kind: string;
    title: string;
    link: string;
    municipality: { number: string; name: string };
    createdAt: string;
    read: boolean;
  }[];
  unread: number;
};

export function useProposals(
  municipalityNumber: string | undefined,
  status?: ProposalStatus,
  organisationId?: string,
) {
  const path = proposalPaths.list(municipalityNumber ?? "", status, organisationId);
  return useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<ProposalsOverviewResponse>,
    enabled: Boolean(municipalityNumber),
    placeholderData: (previous) => previous,
  });
}

export function useProposal(municipalityNumber: string | undefined, number: string) {
  const path = proposalPaths.one(municipalityNumber ?? "", number);
  return useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<ProposalDetailResponse>,
    enabled: Boolean(municipalityNumber),
    retry: false,
  });
}

/** The comments on a proposal or measure, oldest first, a page at a time. */
export function useComments(municipalityNumber: string, target: CommentTarget, enabled = true) {
  const path = proposalPaths.comments(municipalityNumber, target);
  return usePaged<CommentThreadResponse>(
    path,
    (pages) => ({ ...(pages[0] as CommentThreadResponse), comments: pages.flatMap((p) => p.comments) }),
    { enabled },
  );
}

/** The notifications page: the person's notifications a page at a time, newest first. */
export function useNotificationPages(signedIn: boolean) {
  return usePaged<NotificationsResponse>(proposalPaths.notifications(), mergeItems, { enabled: signedIn });
}

export function useNotifications(signedIn: boolean) {
  const path = proposalPaths.notifications();
  return useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<NotificationsResponse>,
    enabled: signedIn,
    refetchInterval: 60_000,
  });
}
