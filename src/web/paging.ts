import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { ErrorBody } from "../http/errors.ts";
import { ApiError, apiHeaders } from "./api.ts";

/**
 * The lists that can grow (audit trail, histories, organisations, measures, comments,
 * notifications) answer a page at a time: the next page's cursor is in the `Next-Cursor` header
 * (and `nextCursor` where the answer is an object). A paged hook gives the pages loaded so far
 * merged into one answer, and `loadMore` for the «Vis flere» button.
 */
type Fetched<B> = { body: B; nextCursor: string | null };

export const withCursor = (path: string, cursor: string) =>
  `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;

async function fetchPage<B>(path: string): Promise<Fetched<B>> {
  const response = await fetch(path, { headers: apiHeaders(), credentials: "same-origin" });
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, body as ErrorBody | undefined);
  return { body: body as B, nextCursor: response.headers.get("next-cursor") };
}

/** A list answered as an array: the pages' items one after the other. */
export const mergeArrays = <T>(pages: T[][]): T[] => pages.flat();

/** A list answered as an object with `items`: the first page's fields, with every page's items. */
export const mergeItems = <B extends { items: unknown[] }>(pages: B[]): B =>
  ({ ...(pages[0] as B), items: pages.flatMap((p) => p.items), nextCursor: null }) as B;

export type PagedQuery<B> = {
  data: B | undefined;
  isError: boolean;
  isPlaceholderData: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
};

/** The pages of `path` loaded so far, merged by `merge`. */
export function usePaged<B>(
  path: string,
  merge: (pages: B[]) => B,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
): PagedQuery<B> {
  const query = useInfiniteQuery({
    queryKey: [path, "pages"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchPage<B>(pageParam ? withCursor(path, pageParam) : path),
    getNextPageParam: (last) => last.nextCursor,
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
  return {
    data: query.data ? merge(query.data.pages.map((p) => p.body)) : undefined,
    isError: query.isError,
    isPlaceholderData: query.isPlaceholderData,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}

/** Every page of `path` (for choices that must offer the whole list), merged by `merge`. */
export async function fetchAllPages<B>(path: string, merge: (pages: B[]) => B): Promise<B> {
  const first = withLimit(path);
  const pages: B[] = [];
  let next: string | null = null;
  do {
    const page: Fetched<B> = await fetchPage<B>(next ? withCursor(first, next) : first);
    pages.push(page.body);
    next = page.nextCursor;
  } while (next && pages.length < 100);
  return merge(pages);
}

const withLimit = (path: string) => `${path}${path.includes("?") ? "&" : "?"}limit=200`;
